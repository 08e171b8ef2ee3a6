/** `claims list` filters and sorting: pure functions over claim views. */
import { compareText, compareById } from '../util/compare.js';
import { parsePartialDate, type PartialDate } from '../model/date.js';
import { ASSERTIONS, CATEGORIES, STATUSES } from '../model/schema.js';
import { SUPPORT_RANK, originId, type Entities, type Support } from '../provenance/index.js';
import { normalizeName } from '../provenance/entities.js';
import { dependsOn } from './impact.js';
import type { ClaimView, QueryContext } from './view.js';
import { valueList } from './view.js';

/** Filters: AND across fields, OR within one field's list. */
export interface Filters {
  status?: string[];
  category?: string[];
  subject?: string[];
  party?: string[];
  assertion?: string[];
  source?: string[];
  /** Publisher names, compared case-insensitively. */
  publisher?: string[];
  /** One source id: the claims its loss would lower (`dependsOn`). */
  dependsOn?: string;
  since?: PartialDate;
  until?: PartialDate;
  minIndependent?: number;
  support?: Support[];
  search?: string;
  credibility?: number[];
  /** A due date lies before (after) the bound's whole period; a partial due date counts as its last day. */
  dueBefore?: PartialDate;
  dueAfter?: PartialDate;
  /** True: claims with a value; false: claims without one. */
  hasValue?: boolean;
}

export const SORT_KEYS = [
  'as_of', '-as_of', 'id', '-id', 'status', '-status', 'value', '-value', 'due', '-due', 'grade', '-grade', 'support', '-support',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Allowed values of the enumerated filters, for validation and error messages. */
export const FILTER_CHOICES = {
  status: STATUSES as readonly string[],
  category: CATEGORIES as readonly string[],
  assertion: ASSERTIONS as readonly string[],
  support: ['rumored', 'company-reported', 'independent'] as readonly string[],
};

/** True when the claim's evidence reads, relays or originates from one of `ids`. */
function touchesSource(ctx: QueryContext, v: ClaimView, ids: ReadonlySet<string>): boolean {
  const claim = ctx.index.claims.get(v.id)?.data;
  if (!claim) return false;
  return claim.evidence.some((ev) => ids.has(ev.source) || ids.has(originId(ev)) || (ev.via ?? []).some((id) => ids.has(id)));
}

/** The ids of the sources whose publisher is one of `names`, compared case-insensitively. */
export function sourcesOfPublishers(ctx: Pick<QueryContext, 'index'>, names: readonly string[]): Set<string> {
  const wanted = new Set(names.map(publisherKey));
  const out = new Set<string>();
  for (const { data: s } of ctx.index.sources.values()) if (wanted.has(publisherKey(s.publisher))) out.add(s.id);
  return out;
}

/** How publisher names compare: as entity names do (NFC, case-insensitively, with runs of spaces as one). */
export function publisherKey(name: string): string {
  return normalizeName(name);
}

/** The last day a forecast may come true by: the end of its (possibly partial) due date. */
function deadline(v: ClaimView): string | undefined {
  return parsePartialDate(v.due)?.end;
}

function matchesText(v: ClaimView, needle: string): boolean {
  const hay = [v.statement, v.subject, ...v.parties, ...v.tags].join('\n').toLowerCase();
  return hay.includes(needle.toLowerCase());
}

function someEntity(entities: Entities, names: string[], wanted: string[]): boolean {
  return wanted.some((w) => names.some((n) => entities.same(n, w)));
}

/** Applies filters. */
export function filterViews(ctx: QueryContext, views: ClaimView[], f: Filters): ClaimView[] {
  const sources = f.source ? new Set(f.source) : undefined;
  const published = f.publisher ? sourcesOfPublishers(ctx, f.publisher) : undefined;
  const lowered = f.dependsOn !== undefined ? dependsOn(ctx, f.dependsOn) : undefined;
  return views.filter((v) => {
    if (f.status && !f.status.includes(v.status)) return false;
    if (f.category && !f.category.includes(v.category)) return false;
    if (f.assertion && !f.assertion.includes(v.assertion)) return false;
    if (f.support && !f.support.includes(v.support)) return false;
    if (f.subject && !someEntity(ctx.entities, [v.subject], f.subject)) return false;
    if (f.party && !someEntity(ctx.entities, v.parties, f.party)) return false;
    if (sources && !touchesSource(ctx, v, sources)) return false;
    if (published && !touchesSource(ctx, v, published)) return false;
    if (lowered && !lowered.has(v.id)) return false;
    if (f.hasValue !== undefined && (v.value !== null) !== f.hasValue) return false;
    if (f.dueBefore || f.dueAfter) {
      const end = deadline(v);
      if (end === undefined) return false;
      if (f.dueBefore && !(end < f.dueBefore.start)) return false;
      if (f.dueAfter && !(end > f.dueAfter.end)) return false;
    }
    if (f.minIndependent !== undefined && v.origins.independent + v.origins.party < f.minIndependent) return false;
    if (f.since || f.until) {
      const d = parsePartialDate(v.as_of);
      if (!d) return false;
      // A period counts when it overlaps the window: `--since 2026` keeps `2026-02`, `--until 2026-06` keeps `2026`.
      if (f.since && d.end < f.since.start) return false;
      if (f.until && d.start > f.until.end) return false;
    }
    if (f.search && !matchesText(v, f.search)) return false;
    if (f.credibility && !f.credibility.includes(v.credibility)) return false;
    return true;
  });
}

const STATUS_ORDER = new Map<string, number>(STATUSES.map((s, i) => [s, i]));

function firstAmount(v: ClaimView): number | undefined {
  return valueList(v)[0]?.amount;
}

const RELIABILITY_ORDER = 'ABCDEF';

/** A grade's place, best first: credibility 1–6, then the reliability of the best origin, A–F (A1, B1, …, F1, A2, …, F6). */
function gradeRank(v: ClaimView): number {
  const r = RELIABILITY_ORDER.indexOf(v.reliability);
  return v.credibility * 10 + (r < 0 ? 9 : r);
}

/**
 * Sorts views; ties break by id so output is stable. Missing dates and values (and a fact's due date) sort last either
 * way. `grade` puts the best first (A1), `support` the weakest (rumored, company-reported, independent); `-` reverses.
 */
export function sortViews(views: ClaimView[], key: SortKey = 'as_of'): ClaimView[] {
  const desc = key.startsWith('-');
  const field = desc ? key.slice(1) : key;
  const byId = (a: ClaimView, b: ClaimView) => compareById(a, b);
  const cmpMaybe = <T>(x: T | undefined | null, y: T | undefined | null, cmp: (p: T, q: T) => number): number => {
    if (x == null && y == null) return 0;
    if (x == null) return 1;
    if (y == null) return -1;
    return desc ? cmp(y, x) : cmp(x, y);
  };
  const primary = (a: ClaimView, b: ClaimView): number => {
    switch (field) {
      case 'as_of':
        return cmpMaybe(parsePartialDate(a.as_of)?.start, parsePartialDate(b.as_of)?.start, compareText);
      case 'status':
        return cmpMaybe(STATUS_ORDER.get(a.status), STATUS_ORDER.get(b.status), (p, q) => p - q);
      case 'value':
        return cmpMaybe(firstAmount(a), firstAmount(b), (p, q) => p - q);
      case 'due':
        return cmpMaybe(deadline(a), deadline(b), compareText);
      case 'grade':
        return cmpMaybe(gradeRank(a), gradeRank(b), (p, q) => p - q);
      case 'support':
        return cmpMaybe(SUPPORT_RANK[a.support], SUPPORT_RANK[b.support], (p, q) => p - q);
      default:
        return desc ? byId(b, a) : byId(a, b);
    }
  };
  return [...views].sort((a, b) => primary(a, b) || byId(a, b));
}

