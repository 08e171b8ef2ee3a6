/** `claims report`: the whole-dataset report as plain data (no colour, no display strings); formatters live in src/format/report*.ts. */
import { compareText, groupBy } from '../util/compare.js';
import { isBefore, parsePartialDate } from '../model/date.js';
import { CATEGORIES, STATUSES, type Category, type Status } from '../model/schema.js';
import { valueDimension, valuesCompatible, type ParsedValue } from '../model/value.js';
import { findConflicts } from '../provenance/conflicts.js';
import { SUPPORT_RANK } from '../provenance/index.js';
import { singlePointsOfFailure, type ImpactRow } from '../query/impact.js';
import { valueList, type ClaimView, type QueryContext } from '../query/view.js';
import {
  CONCENTRATION_THRESHOLD, SOURCING_TIERS, TIMELINE_CATEGORIES, type ConcentrationEntry, type ConflictEntry, type ConflictSide,
  type ConflictsSection, type ForecastEntry, type LoweredClaim, type OpenRumorEntry, type Overview, type Report, type RumorEntry,
  type SinglePointsSection, type SourcingEntry, type SourcingTier, type SupersededEntry, type CorrectionEntry, type Timeline,
  type TimelinePoint, type UnvaluedSourcingEntry, type Watchlist, SPOF_SOURCES,
} from './types.js';

const cmpStr = compareText;
const CATEGORY_ORDER = new Map<string, number>(CATEGORIES.map((c, i) => [c, i]));
const cmpCategory = (a: Category, b: Category): number => (CATEGORY_ORDER.get(a) ?? 0) - (CATEGORY_ORDER.get(b) ?? 0);

/** Compares partial dates by the period they start, then end; missing dates last. */
function cmpDate(a: string | null, b: string | null): number {
  const x = parsePartialDate(a);
  const y = parsePartialDate(b);
  if (!x && !y) return 0;
  if (!x) return 1;
  if (!y) return -1;
  return cmpStr(x.start, y.start) || cmpStr(x.end, y.end);
}

/** Subject, category, as_of, id: the reading order of most sections. */
function cmpClaim(a: { subject: string; category: Category; as_of: string | null; id: string }, b: typeof a): number {
  return cmpStr(a.subject, b.subject) || cmpCategory(a.category, b.category) || cmpDate(a.as_of, b.as_of) || cmpStr(a.id, b.id);
}

function valueOf(v: ClaimView): string | null {
  const list = valueList(v);
  return list.length === 0 ? null : list.map((x) => x.text).join(' = ');
}

function zeroStatuses(): Record<Status, number> {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
}

/** The sourcing tier a claim's origin counts put it in. */
export function sourcingTier(v: Pick<ClaimView, 'support' | 'origins'>): SourcingTier {
  const indep = v.origins.independent + v.origins.party;
  if (indep >= 2) return 'two-plus-independent';
  if (indep === 1) return 'one-independent';
  return v.support === 'company-reported' ? 'company-only' : 'anonymous-only';
}

function overview(views: ClaimView[]): Overview {
  const byCat = new Map<Category, Record<Status, number>>();
  const totals = zeroStatuses();
  for (const v of views) {
    const row = byCat.get(v.category) ?? zeroStatuses();
    row[v.status]++;
    byCat.set(v.category, row);
    totals[v.status]++;
  }
  const rows = [...byCat.entries()]
    .sort(([a], [b]) => cmpCategory(a, b))
    .map(([category, counts]) => ({ category, counts, total: STATUSES.reduce((n, s) => n + counts[s], 0) }));
  return { statuses: [...STATUSES], rows, totals, total: views.length };
}

const TIER_RANK = new Map<string, number>(SOURCING_TIERS.map((t, i) => [t, i]));
const cmpTier = (a: { tier: SourcingTier }, b: { tier: SourcingTier }): number => TIER_RANK.get(a.tier)! - TIER_RANK.get(b.tier)!;

function sourcingFields(v: ClaimView): Omit<SourcingEntry, 'value'> {
  return {
    tier: sourcingTier(v), id: v.id, subject: v.subject, category: v.category, as_of: v.as_of, statement: v.statement,
    assertion: v.assertion, status: v.status, support: v.support, origins: { ...v.origins }, origin_ids: [...v.origin_ids],
    grade: v.grade,
  };
}

function sourcing(views: ClaimView[]): SourcingEntry[] {
  return views
    .filter((v) => v.value !== null)
    .map((v): SourcingEntry => ({ ...sourcingFields(v), value: valueOf(v) ?? '' }))
    .sort((a, b) => cmpTier(a, b) || cmpClaim(a, b));
}

/** Claims without a value, tiered and ordered as `sourcing`, so that section 2 covers every claim reported on. */
function sourcingWithoutValue(views: ClaimView[]): UnvaluedSourcingEntry[] {
  return views
    .filter((v) => v.value === null)
    .map((v): UnvaluedSourcingEntry => ({ ...sourcingFields(v), value: null }))
    .sort((a, b) => cmpTier(a, b) || cmpClaim(a, b));
}

/**
 * True when a claim dated `candidate` is not about an earlier period than a rumor dated `rumor`: its period does not
 * end before the rumor's starts (`2023` is not earlier than `2023-06`). An undated rumor has no period to be earlier
 * than; an undated candidate, for a dated rumor, cannot be shown not to be earlier, so it is not offered.
 */
export function notEarlier(candidate: string | null, rumor: string | null): boolean {
  const r = parsePartialDate(rumor);
  if (!r) return true;
  const c = parsePartialDate(candidate);
  return c !== undefined && !isBefore(c, r);
}

/**
 * True when a candidate's value agrees with a rumor's: some form of each, in one currency or unit, can both be true
 * (bounds and `~` judged as for value conflicts: `>$5.5B` does not agree with `$2.2B`, `~$2B` agrees with `$2.1B`).
 * A rumor without a value agrees with any candidate; a candidate without one cannot confirm a rumored figure.
 */
export function valuesAgree(rumor: readonly ParsedValue[], candidate: readonly ParsedValue[]): boolean {
  if (rumor.length === 0) return true;
  return rumor.some((r) => candidate.some((c) => valueDimension(r) === valueDimension(c) && valuesCompatible(r, c)));
}

/** True when a candidate names every party the rumor names (aliases resolved): it is about the same deal. */
function namesParties(ctx: QueryContext, rumor: ClaimView, candidate: ClaimView): boolean {
  const theirs = new Set(candidate.parties.map((p) => ctx.entities.key(p)));
  return rumor.parties.every((p) => theirs.has(ctx.entities.key(p)));
}

function rumors(ctx: QueryContext, views: ClaimView[]): RumorEntry[] {
  // Index the possible confirmations once by subject and category: a scan per rumor is quadratic on large datasets.
  const confirmers = groupBy(
    ctx.views.filter((o) => o.assertion === 'fact' && o.support === 'independent' && o.status !== 'retracted'),
    (o) => `${ctx.entities.key(o.subject)}\u0000${o.category}`,
  );
  return views
    .filter((v) => v.status === 'rumored' || v.status === 'disputed')
    .sort(cmpClaim)
    .map((v): RumorEntry => {
      const values = valueList(v);
      // A rumor with neither a figure nor a party has nothing a candidate could be matched on.
      const matchable = values.length > 0 || v.parties.length > 0;
      const candidates = !matchable ? [] : (confirmers.get(`${ctx.entities.key(v.subject)}\u0000${v.category}`) ?? [])
        .filter((o) => o.id !== v.id && notEarlier(o.as_of, v.as_of) && valuesAgree(values, valueList(o)) && namesParties(ctx, v, o))
        .sort((a, b) => cmpDate(a.as_of, b.as_of) || cmpStr(a.id, b.id))
        .map((o) => o.id);
      return {
        id: v.id, subject: v.subject, category: v.category, as_of: v.as_of, statement: v.statement, value: valueOf(v),
        status: v.status, support: v.support, superseded_by: v.superseded_by,
        confirm_with: { subject: v.subject, category: v.category }, candidates, parties: [...v.parties],
      };
    });
}

function watchlist(views: ClaimView[]): Watchlist {
  const forecasts = views
    .filter((v): v is ClaimView & { due: string } => v.assertion === 'forecast' && v.due !== null)
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || cmpDate(a.due, b.due) || cmpStr(a.id, b.id))
    .map((v): ForecastEntry => ({
      id: v.id, subject: v.subject, category: v.category, statement: v.statement, value: valueOf(v), as_of: v.as_of,
      due: v.due, overdue: v.overdue, outcome: v.outcome, status: v.status,
    }));
  const open = views
    .filter((v) => v.status === 'rumored' && v.superseded_by === null)
    .sort((a, b) => cmpDate(a.as_of, b.as_of) || cmpStr(a.id, b.id))
    .map((v): OpenRumorEntry => ({
      id: v.id, subject: v.subject, category: v.category, as_of: v.as_of, statement: v.statement, value: valueOf(v), support: v.support,
    }));
  return { forecasts, rumors: open };
}

function conflicts(ctx: QueryContext, views: ClaimView[]): ConflictsSection {
  const ids = new Set(views.map((v) => v.id));
  const records = [...ctx.index.claims.values()].filter((r) => ids.has(r.data.id));
  const found = findConflicts(records, ctx.superseded, ctx.entities).map((c): ConflictEntry => {
    const x: ConflictSide = { id: c.a.data.id, value: c.aValue.text, statement: c.a.data.statement, status: c.a.data.status };
    const y: ConflictSide = { id: c.b.data.id, value: c.bValue.text, statement: c.b.data.statement, status: c.b.data.status };
    const [a, b] = x.id <= y.id ? [x, y] : [y, x];
    return { subject: c.a.data.subject, category: c.a.data.category, period: c.period, a, b };
  });
  found.sort((p, q) => cmpStr(p.subject, q.subject) || cmpCategory(p.category, q.category) || cmpDate(p.period, q.period)
    || cmpStr(p.a.id, q.a.id) || cmpStr(p.b.id, q.b.id));
  const byId = new Map(ctx.views.map((v) => [v.id, v]));
  const superseded = views
    .filter((v): v is ClaimView & { superseded_by: string } => v.superseded_by !== null)
    .sort((a, b) => cmpStr(a.id, b.id))
    .map((v): SupersededEntry => {
      const next = byId.get(v.superseded_by);
      return {
        id: v.id, statement: v.statement, value: valueOf(v), superseded_by: v.superseded_by,
        superseded_by_statement: next?.statement ?? null, superseded_by_value: next ? valueOf(next) : null,
      };
    });
  const corrections = views
    .filter((v) => v.status === 'retracted' || v.status === 'disputed')
    .sort((a, b) => cmpStr(a.id, b.id))
    .map((v): CorrectionEntry => ({ id: v.id, status: v.status, statement: v.statement, reason: v.status_reason, date: v.status_date }));
  return { conflicts: found, superseded, corrections };
}

export function concentration(ctx: QueryContext, views: ClaimView[]): ConcentrationEntry[] {
  const carried = new Map<string, string[]>();
  for (const v of views) {
    for (const o of new Set(v.origin_ids)) {
      const list = carried.get(o);
      if (list) list.push(v.id);
      else carried.set(o, [v.id]);
    }
  }
  return [...carried.entries()]
    .map(([origin, ids]): ConcentrationEntry => {
      const src = ctx.index.sources.get(origin)?.data;
      const share = views.length === 0 ? 0 : ids.length / views.length;
      return {
        origin, title: src?.title ?? null, publisher: src?.publisher ?? null, kind: src?.kind ?? null,
        claims: ids.length, share, concentrated: share >= CONCENTRATION_THRESHOLD, claim_ids: [...ids].sort(cmpStr),
      };
    })
    .sort((a, b) => b.claims - a.claims || cmpStr(a.origin, b.origin));
}

/** The most common dimension among the claims' values (each claim counted once per dimension); ties by dimension key. */
function mainDimension(claims: ClaimView[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of claims) for (const d of new Set(valueList(v).map(valueDimension))) counts.set(d, (counts.get(d) ?? 0) + 1);
  return [...counts.entries()].sort(([a, m], [b, n]) => n - m || cmpStr(a, b))[0]?.[0];
}

function timelines(ctx: QueryContext, views: ClaimView[]): Timeline[] {
  const wanted = new Set<string>(TIMELINE_CATEGORIES);
  const sorted = views.filter((v) => wanted.has(v.category) && v.value !== null).sort(cmpClaim);
  const groups = groupBy(sorted, (v) => `${ctx.entities.key(v.subject)}\u0000${v.category}`);
  const out: Timeline[] = [];
  for (const claims of groups.values()) {
    const dim = mainDimension(claims);
    const first = claims[0];
    if (dim === undefined || first === undefined) continue;
    const points: TimelinePoint[] = [];
    const skipped: string[] = [];
    let unit: ParsedValue['unit'] = 'number';
    let currency: string | null = null;
    for (const v of claims) {
      const form = valueList(v).find((x) => valueDimension(x) === dim);
      if (!form) {
        skipped.push(v.id);
        continue;
      }
      unit = form.unit;
      currency = form.currency;
      points.push({
        id: v.id, as_of: v.as_of, value: valueOf(v) ?? '', form: form.text, amount: form.amount, bound: form.bound,
        forecast: v.assertion === 'forecast', status: v.status, tier: sourcingTier(v), superseded_by: v.superseded_by,
      });
    }
    points.sort((a, b) => cmpDate(a.as_of, b.as_of) || cmpStr(a.id, b.id));
    out.push({ subject: first.subject, category: first.category, unit, currency, points, skipped: skipped.sort(cmpStr) });
  }
  return out.sort((a, b) => cmpStr(a.subject, b.subject) || cmpCategory(a.category, b.category));
}

function lowered(r: ImpactRow): LoweredClaim {
  return {
    id: r.id, subject: r.subject, statement: r.statement, status: r.status,
    before: { support: r.before.support, grade: r.before.grade },
    after: r.after === null ? null : { support: r.after.support, grade: r.after.grade },
    lost_all_evidence: r.lost_all_evidence,
  };
}

/** How far a claim would fall: losing all its evidence is the furthest, then the drop in support. */
function fall(c: LoweredClaim): number {
  return c.after === null ? Infinity : SUPPORT_RANK[c.before.support] - SUPPORT_RANK[c.after.support];
}

/** Section 8: the SPOF_SOURCES sources whose loss would lower the most of the reported claims. */
function singlePoints(ctx: QueryContext, views: ClaimView[]): SinglePointsSection {
  const all = singlePointsOfFailure(ctx, views);
  const sources = all.slice(0, SPOF_SOURCES).map((p) => {
    const src = ctx.index.sources.get(p.source)?.data;
    const claims = p.claims.map(lowered).sort((a, b) => fall(b) - fall(a) || cmpStr(a.id, b.id));
    return {
      source: p.source, title: src?.title ?? null, publisher: src?.publisher ?? null, kind: src?.kind ?? null,
      claims: claims.length, lost_all_evidence: claims.filter((c) => c.lost_all_evidence).length, lowered: claims,
    };
  });
  return { total: all.length, sources };
}

/** Builds the report over `views` (the claims left after filtering) within the whole context. */
export function buildReport(ctx: QueryContext, views: ClaimView[]): Report {
  const all = new Set(ctx.views.map((v) => v.id));
  const mine = new Set(views.map((v) => v.id));
  const filtersApplied = mine.size !== all.size || [...all].some((id) => !mine.has(id));
  return {
    generated_for: ctx.today,
    filters_applied: filtersApplied,
    overview: overview(views),
    sourcing: sourcing(views),
    rumors: rumors(ctx, views),
    watchlist: watchlist(views),
    conflicts: conflicts(ctx, views),
    concentration: concentration(ctx, views),
    timelines: timelines(ctx, views),
    sourcing_without_value: sourcingWithoutValue(views),
    single_points_of_failure: singlePoints(ctx, views),
    over_time: null,
  };
}
