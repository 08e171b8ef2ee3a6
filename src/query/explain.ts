/** Plain-language verdicts and the full explanation of one claim for `claims show`. */
import type { Claim, Source } from '../model/schema.js';
import { parsePartialDate } from '../model/date.js';
import { originClass, originId, type OriginClass, type Provenance } from '../provenance/index.js';
import type { ClaimView, QueryContext } from './view.js';
import type { Grade } from '../provenance/grade.js';

const quoteIds = (ids: string[]): string => ids.join(', ');

/** What an unattributed text states: the figure when the claim has a value, else the statement. */
export const whatIsStated = (claim: Pick<Claim, 'value'>): string => (claim.value === undefined ? 'the statement' : 'the figure');

/** The weaker origins that stand beside the deciding ones, in words: `; also 1 unattributed text (weidemann-analysis)`. */
function alsoWeaker(claim: Claim, p: Provenance): string {
  const parts: string[] = [];
  if (p.byClass.anonymous.length > 0) parts.push(`anonymous sources (${quoteIds(p.byClass.anonymous)})`);
  if (p.byClass.unattributed.length > 0) parts.push(`${p.byClass.unattributed.length === 1 ? 'a text' : 'texts'} stating ${whatIsStated(claim)} without attribution (${quoteIds(p.byClass.unattributed)})`);
  return parts.length === 0 ? '' : `; the rest of the evidence is ${parts.join(' and ')}, which supports no more than a rumor`;
}

/** One sentence a reader can act on: how well the evidence supports a claim, and why. */
export function verdict(claim: Claim, p: Provenance): string {
  const indep = [...p.byClass.independent, ...p.byClass.party];
  let text: string;
  if (indep.length >= 2) {
    text = `Independently confirmed: ${indep.length} origins independent of ${claim.subject} (${quoteIds(indep)}); meets the two-source rule.`;
  } else if (indep.length === 1) {
    const who = p.byClass.party.length === 1 ? `a party to it, not ${claim.subject} itself` : `independent of ${claim.subject}`;
    text = `Independent: one origin, ${indep[0]}, is ${who}; a second independent origin would meet the two-source rule.`;
  } else if (p.byClass.self.length > 0) {
    const weaker = alsoWeaker(claim, p);
    text = weaker === ''
      ? `Company-reported: every piece of evidence traces to ${claim.subject} itself (${quoteIds(p.byClass.self)}); no independent origin.`
      : `Company-reported: ${claim.subject}'s own word (${quoteIds(p.byClass.self)})${weaker}; no independent origin.`;
  } else if (p.byClass.anonymous.length > 0 && p.byClass.unattributed.length > 0) {
    text = `Rumored: rests on anonymous sources (${quoteIds(p.byClass.anonymous)}) and on texts that do not say where ${whatIsStated(claim)} comes from (${quoteIds(p.byClass.unattributed)}); nobody on record stands behind it.`;
  } else if (p.byClass.anonymous.length > 0) {
    text = `Rumored: rests on anonymous sources only (${quoteIds(p.byClass.anonymous)}); nobody on record stands behind it.`;
  } else if (p.byClass.unattributed.length > 0) {
    text = `Rumored: unattributed; ${quoteIds(p.byClass.unattributed)} ${p.byClass.unattributed.length === 1 ? 'states' : 'state'} ${whatIsStated(claim)} without saying where it comes from; nobody on record stands behind it.`;
  } else {
    text = 'Unsupported: no origin of its evidence could be resolved.';
  }
  if (claim.status === 'disputed') text += ' The dataset marks it disputed.';
  if (claim.status === 'retracted') text += ' The dataset marks it retracted.';
  return text;
}

/** One link in an evidence chain. */
export interface ChainLink {
  role: 'origin' | 'via' | 'source';
  id: string;
  title: string | null;
  publisher: string | null;
  kind: string | null;
  published: string | null;
  url: string | null;
  /** The source's reliability grade, A–F (F when ungraded). */
  reliability: string;
  /** The origin's class toward the claim (only on the origin link). */
  class: OriginClass | null;
}

/** One evidence item explained: origin → relays → the source it was read in. */
export interface EvidenceExplained {
  n: number;
  chain: ChainLink[];
  quote: string | null;
  locator: string | null;
}

/** Everything `claims show` prints about one claim. */
export interface Explanation {
  claim: ClaimView;
  verdict: string;
  /** Admiralty grade: reliability of the best origin and derived credibility, with the reason. */
  grade: Grade;
  evidence: EvidenceExplained[];
  supersedes: ClaimView | null;
  superseded_by: ClaimView | null;
  /** Claims whose values cannot both be true with this one. */
  conflicts: Array<{ claim: ClaimView; value: string; other_value: string }>;
  /** Other claims on the same subject and category, in as_of order (this one included, marked by id). */
  timeline: ClaimView[];
}

function link(role: ChainLink['role'], id: string, source: Source | undefined, cls: OriginClass | null): ChainLink {
  return {
    role, id, title: source?.title ?? null, publisher: source?.publisher ?? null, kind: source?.kind ?? null,
    published: parsePartialDate(source?.published)?.text ?? null, url: source?.url ?? null, reliability: source?.reliability ?? 'F', class: cls,
  };
}

/** Claims on the same subject (entity key) and category as `view`, in as_of order (undated last), then id. */
function timelineOf(ctx: QueryContext, view: ClaimView): ClaimView[] {
  const key = ctx.entities.key(view.subject);
  const start = (v: ClaimView) => parsePartialDate(v.as_of)?.start ?? '9999';
  return ctx.views
    .filter((v) => v.category === view.category && ctx.entities.key(v.subject) === key)
    .sort((a, b) => start(a).localeCompare(start(b)) || a.id.localeCompare(b.id));
}

/** Each evidence item of a claim as a chain: origin (with its class toward the claim) → relays → the source it was read in. */
export function evidenceChains(ctx: Pick<QueryContext, 'index' | 'entities'>, claim: Claim): EvidenceExplained[] {
  const src = (sid: string) => ctx.index.sources.get(sid)?.data;
  return claim.evidence.map((ev, i): EvidenceExplained => {
    const oid = originId(ev);
    const origin = src(oid);
    const chain: ChainLink[] = [link('origin', oid, origin, origin ? originClass(claim, origin, ctx.entities, ev.unattributed === true) : null)];
    for (const v of ev.via ?? []) chain.push(link('via', v, src(v), null));
    if (ev.source !== oid) chain.push(link('source', ev.source, src(ev.source), null));
    return { n: i + 1, chain, quote: ev.quote ?? null, locator: ev.locator === undefined ? null : String(ev.locator) };
  });
}

/** Explains one claim; undefined when the id names no claim. */
export function explain(ctx: QueryContext, id: string): Explanation | undefined {
  const rec = ctx.index.claims.get(id);
  const view = ctx.viewById.get(id);
  if (!rec || !view) return undefined;
  const claim = rec.data;
  const evidence = evidenceChains(ctx, claim);
  const byId = (x: string | null | undefined) => (x ? ctx.viewById.get(x) ?? null : null);
  const conflicts = ctx.conflicts
    .filter((c) => c.a.data.id === id || c.b.data.id === id)
    .map((c) => (c.a.data.id === id
      ? { claim: byId(c.b.data.id)!, value: c.aValue.text, other_value: c.bValue.text }
      : { claim: byId(c.a.data.id)!, value: c.bValue.text, other_value: c.aValue.text }));
  const timeline = timelineOf(ctx, view);
  return {
    claim: view,
    verdict: verdict(claim, ctx.provenance.get(id)!),
    grade: ctx.grades.get(id)!,
    evidence,
    supersedes: byId(claim.supersedes),
    superseded_by: byId(view.superseded_by),
    conflicts,
    timeline,
  };
}
