/** Admiralty-code grading: how reliable a claim's best origin is (A–F) and how credible the claim is (1–6). */
import type { Claim, Reliability } from '../model/schema.js';
import { parsePartialDate } from '../model/date.js';
import type { Index, Provenance } from './index.js';

/** 1 confirmed … 6 cannot be judged. */
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;

/** The two grades and what decided them. */
export interface Grade {
  /** Reliability of the claim's best origin (F when ungraded or none). */
  reliability: Reliability;
  credibility: Credibility;
  /** Combined, e.g. `B2`. */
  grade: string;
  /** The origin whose reliability is shown. */
  best_origin: string | null;
  /** One plain-language line: why this credibility. */
  reason: string;
}

const RANK: Record<Reliability, number> = { A: 0, B: 1, C: 2, D: 3, E: 4, F: 5 };

/** The reliability grade of a source id (F when missing or unknown). */
export function reliabilityOf(index: Index, id: string): Reliability {
  return index.sources.get(id)?.data.reliability ?? 'F';
}

/** The most reliable of `ids` (first wins ties), or null. */
function best(index: Index, ids: string[]): string | null {
  let out: string | null = null;
  for (const id of ids) if (out === null || RANK[reliabilityOf(index, id)] < RANK[reliabilityOf(index, out)]) out = id;
  return out;
}

/** Grades one claim. `contradicted` is true when a live claim with stronger support conflicts with it. */
export function gradeClaim(claim: Claim, p: Provenance, index: Index, today: string, contradicted: boolean): Grade {
  const indep = [...p.byClass.independent, ...p.byClass.party];
  const deciding = indep.length > 0 ? indep : p.byClass.self.length > 0 ? p.byClass.self : [...p.byClass.anonymous, ...p.byClass.unattributed];
  const origin = best(index, deciding);
  const reliability: Reliability = origin === null ? 'F' : reliabilityOf(index, origin);
  const make = (credibility: Credibility, reason: string): Grade => ({ reliability, credibility, grade: `${reliability}${credibility}`, best_origin: origin, reason });

  const due = parsePartialDate(claim.due);
  const assertion = claim.assertion ?? 'fact';
  if (assertion === 'opinion') return make(6, 'an opinion: credibility cannot be judged');
  if (assertion === 'forecast' && claim.outcome === undefined && (!due || due.end >= today)) {
    return make(6, 'a forecast before its due date: credibility cannot be judged yet');
  }
  if (contradicted) return make(5, 'contradicted by a live claim with stronger support');
  if (indep.length >= 2) return make(1, `confirmed by ${indep.length} independent-or-party origins`);
  if (indep.length === 1) {
    const r = reliabilityOf(index, indep[0]!);
    return r === 'A' || r === 'B'
      ? make(2, `one independent-or-party origin (${indep[0]}) graded ${r}`)
      : make(3, `one independent-or-party origin (${indep[0]}) graded ${r}`);
  }
  if (p.byClass.self.length > 0) return make(3, `${claim.subject}'s own word about itself`);
  const anonymous = p.byClass.anonymous.length > 0;
  const unattributed = p.byClass.unattributed.length > 0;
  if (anonymous && unattributed) return make(4, 'anonymous or unattributed origins only');
  if (anonymous) return make(4, 'anonymous origins only');
  if (unattributed) return make(4, `unattributed origins only: the texts do not say where the ${claim.value === undefined ? 'statement' : 'figure'} comes from`);
  return make(6, 'no origin could be resolved');
}
