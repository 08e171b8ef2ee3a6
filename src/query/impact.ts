/**
 * What rests on what: the claims whose derived support would drop, or that would lose all their evidence, if one
 * source (and every evidence chain through it) were discarded. Used by `claims impact`, `list --depends-on` and the
 * report's "Single points of failure".
 */
import type { Claim, Evidence } from '../model/schema.js';
import { gradeClaim, type Grade } from '../provenance/grade.js';
import { SUPPORT_RANK, claimProvenance, originId, type OriginCounts, type Provenance, type Support } from '../provenance/index.js';
import type { ClaimView, QueryContext } from './view.js';

/** One claim's standing with and without the source. */
export interface ImpactRow {
  id: string;
  file: string;
  subject: string;
  statement: string;
  status: Claim['status'];
  before: { support: Support; grade: string; origins: OriginCounts };
  /** Null when no evidence would remain. */
  after: { support: Support; grade: string; origins: OriginCounts } | null;
  /** True when every evidence item runs through the source. */
  lost_all_evidence: boolean;
}

/** True when an evidence item is read in, relayed by, or traces to `sourceId`. */
export function runsThrough(ev: Evidence, sourceId: string): boolean {
  return ev.source === sourceId || originId(ev) === sourceId || (ev.via ?? []).includes(sourceId);
}

/** Claim ids by every source id their evidence chains run through (read in, relayed by, or traced to). */
export function claimsBySource(ctx: Pick<QueryContext, 'index'>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { data: c } of ctx.index.claims.values()) {
    const ids = new Set<string>();
    for (const ev of c.evidence) {
      ids.add(ev.source);
      ids.add(originId(ev));
      for (const v of ev.via ?? []) ids.add(v);
    }
    for (const id of ids) {
      const list = out.get(id);
      if (list) list.push(c.id);
      else out.set(id, [c.id]);
    }
  }
  return out;
}

/**
 * The claims among `claimIds` that discarding `sourceId` would lower: their support drops, or no evidence remains.
 * The grade after is judged as the grade is now, with the same contradiction flag unless the claim's support falls
 * below that of a claim it conflicts with (pairs as `ctx.conflicts` lists them). Rows in claim-id order.
 */
function impactOn(ctx: QueryContext, sourceId: string, claimIds: readonly string[]): ImpactRow[] {
  const rows: ImpactRow[] = [];
  for (const id of [...claimIds].sort()) {
    const rec = ctx.index.claims.get(id);
    const view = ctx.viewById.get(id);
    const before = ctx.provenance.get(id);
    const grade = ctx.grades.get(id);
    if (!rec || !view || !before || !grade) continue;
    const kept = rec.data.evidence.filter((ev) => !runsThrough(ev, sourceId));
    if (kept.length === rec.data.evidence.length) continue;
    const row = (after: ImpactRow['after']): ImpactRow => ({
      id, file: rec.file, subject: view.subject, statement: view.statement, status: view.status,
      before: { support: before.support, grade: grade.grade, origins: before.origins }, after, lost_all_evidence: after === null,
    });
    if (kept.length === 0) {
      rows.push(row(null));
      continue;
    }
    const claim: Claim = { ...rec.data, evidence: kept };
    const p = claimProvenance(claim, ctx.index, ctx.entities);
    if (SUPPORT_RANK[p.support] >= SUPPORT_RANK[before.support]) continue;
    const g = gradeAfter(ctx, claim, p, grade);
    rows.push(row({ support: p.support, grade: g.grade, origins: p.origins }));
  }
  return rows;
}

/** Each claim's conflict partners, found once per context (impact over every source asks for many claims). */
const partnersCache = new WeakMap<QueryContext, Map<string, string[]>>();
function partnersOf(ctx: QueryContext, id: string): readonly string[] {
  let map = partnersCache.get(ctx);
  if (!map) {
    map = new Map();
    const add = (a: string, b: string) => {
      const list = map!.get(a);
      if (list) list.push(b);
      else map!.set(a, [b]);
    };
    for (const c of ctx.conflicts) {
      add(c.a.data.id, c.b.data.id);
      add(c.b.data.id, c.a.data.id);
    }
    partnersCache.set(ctx, map);
  }
  return map.get(id) ?? [];
}

function gradeAfter(ctx: QueryContext, claim: Claim, p: Provenance, before: Grade): Grade {
  const mine = SUPPORT_RANK[p.support];
  const stronger = partnersOf(ctx, claim.id).some((other) => {
    const op = ctx.provenance.get(other);
    return op !== undefined && SUPPORT_RANK[op.support] > mine;
  });
  return gradeClaim(claim, p, ctx.index, ctx.today, before.credibility === 5 || stronger);
}

/** The claims that discarding one source would lower (support drops, or no evidence left). */
export function sourceImpact(ctx: QueryContext, sourceId: string, bySource = claimsBySource(ctx)): ImpactRow[] {
  return impactOn(ctx, sourceId, bySource.get(sourceId) ?? []);
}

/** Ids of the claims `sourceId`'s loss would lower: `list --depends-on`. */
export function dependsOn(ctx: QueryContext, sourceId: string): Set<string> {
  return new Set(sourceImpact(ctx, sourceId).map((r) => r.id));
}

/** One source and the claims its loss would lower. */
export interface SinglePoint {
  source: string;
  claims: ImpactRow[];
}

/**
 * The sources whose loss would lower the most claims, most first (then by id), each with the claims it would lower;
 * sources that would lower none are left out. `views` limits the claims counted (the report's filters).
 */
export function singlePointsOfFailure(ctx: QueryContext, views: readonly ClaimView[] = ctx.views): SinglePoint[] {
  const wanted = new Set(views.map((v) => v.id));
  const out: SinglePoint[] = [];
  for (const [source, ids] of claimsBySource(ctx)) {
    if (!ctx.index.sources.has(source)) continue;
    const claims = impactOn(ctx, source, ids.filter((id) => wanted.has(id)));
    if (claims.length > 0) out.push({ source, claims });
  }
  return out.sort((a, b) => b.claims.length - a.claims.length || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}
