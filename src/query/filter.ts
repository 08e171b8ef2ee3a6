/** `claims list` filters and sorting: pure functions over claim views. */
import { compareText, compareById } from '../util/compare.js';
import { parsePartialDate, type PartialDate } from '../model/date.js';
import { ASSERTIONS, CATEGORIES, STATUSES } from '../model/schema.js';
import type { Entities, Support } from '../provenance/index.js';
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
  since?: PartialDate;
  until?: PartialDate;
  minIndependent?: number;
  support?: Support[];
  search?: string;
  credibility?: number[];
}

export const SORT_KEYS = ['as_of', '-as_of', 'id', '-id', 'status', '-status', 'value', '-value'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Allowed values of the enumerated filters, for validation and error messages. */
export const FILTER_CHOICES = {
  status: STATUSES as readonly string[],
  category: CATEGORIES as readonly string[],
  assertion: ASSERTIONS as readonly string[],
  support: ['rumored', 'company-reported', 'independent'] as readonly string[],
};

/** True when the claim's evidence reads, relays or originates from `id`. */
function touchesSource(ctx: QueryContext, v: ClaimView, ids: string[]): boolean {
  const claim = ctx.index.claims.get(v.id)?.data;
  if (!claim) return false;
  return claim.evidence.some((ev) => ids.some((id) => ev.source === id || ev.origin === id || (ev.via ?? []).includes(id)));
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
  return views.filter((v) => {
    if (f.status && !f.status.includes(v.status)) return false;
    if (f.category && !f.category.includes(v.category)) return false;
    if (f.assertion && !f.assertion.includes(v.assertion)) return false;
    if (f.support && !f.support.includes(v.support)) return false;
    if (f.subject && !someEntity(ctx.entities, [v.subject], f.subject)) return false;
    if (f.party && !someEntity(ctx.entities, v.parties, f.party)) return false;
    if (f.source && !touchesSource(ctx, v, f.source)) return false;
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

/** Sorts views; ties break by id so output is stable. Missing dates and values sort last either way. */
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
      default:
        return desc ? byId(b, a) : byId(a, b);
    }
  };
  return [...views].sort((a, b) => primary(a, b) || byId(a, b));
}

