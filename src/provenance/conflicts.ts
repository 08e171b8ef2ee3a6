/** Value conflicts between live facts: shared by the value-conflict rule, `show` and `report`. */
import { groupBy } from '../util/compare.js';
import { parsePartialDate } from '../model/date.js';
import { parseValues, valueDimension, valueInterval, valuesCompatible, type ParsedValue } from '../model/value.js';
import type { ClaimRecord } from '../load/dataset.js';
import type { Entities } from './entities.js';

/** Two claims whose values cannot both be true, with the values that clash. */
export interface Conflict {
  a: ClaimRecord;
  b: ClaimRecord;
  aValue: ParsedValue;
  bValue: ParsedValue;
  /** The shared `as_of` period. */
  period: string;
}

/** A live fact with its values grouped by dimension (`money:USD`, `percent`), in the order written. */
interface Entry {
  rec: ClaimRecord;
  values: ParsedValue[];
  byDim: Map<string, ParsedValue[]>;
  period: string;
}

/** The values two claims give that cannot both be true in a dimension they share, or undefined. */
function clash(a: Entry, b: Entry): [ParsedValue, ParsedValue] | undefined {
  for (const x of a.values) {
    const dim = valueDimension(x);
    const theirs = b.byDim.get(dim);
    if (!theirs) continue;
    // Equivalent forms: a conflict only if no form of one fits any form of the other in this dimension.
    const anyFits = a.byDim.get(dim)!.some((p) => theirs.some((q) => valuesCompatible(p, q)));
    if (!anyFits) return [x, theirs[0]!];
  }
  return undefined;
}

/** Groups live facts (not forecasts/opinions, not retracted, not superseded) by subject, category, parties and period. */
function conflictGroups(claims: readonly ClaimRecord[], superseded: ReadonlyMap<string, string>, entities: Entities): Entry[][] {
  const groups = new Map<string, Entry[]>();
  for (const rec of claims) {
    const c = rec.data;
    if ((c.assertion ?? 'fact') !== 'fact' || c.status === 'retracted' || superseded.has(c.id)) continue;
    const period = parsePartialDate(c.as_of);
    const values = parseValues(c.value);
    if (!period || values.length === 0) continue;
    const byDim = groupBy(values, valueDimension);
    const parties = (c.parties ?? []).map((p) => entities.key(p)).sort().join('|');
    const key = [entities.key(c.subject), c.category, period.text, parties].join('\u0000');
    const entry: Entry = { rec, values, byDim, period: period.text };
    const list = groups.get(key);
    if (list) list.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/** How many of the others a claim conflicts with are named (`ClaimConflicts.others`). */
export const NAMED_CONFLICTS = 3;

/** One claim's conflicts: the first few claims it clashes with, by name, and how many there are in all. */
export interface ClaimConflicts {
  rec: ClaimRecord;
  /** The shared `as_of` period. */
  period: string;
  /** Up to `NAMED_CONFLICTS` claims it clashes with, in dataset order, each with this claim's value and theirs. */
  others: Array<{ rec: ClaimRecord; value: ParsedValue; otherValue: ParsedValue }>;
  /** How many claims in all it clashes with (at least 1). */
  count: number;
  /** The highest `rank` among all the claims it clashes with (`-Infinity` when no rank is asked for). */
  strongest: number;
}

/** A single value's interval as two sort keys: `hi` then `hiTie`, `lo` then `loTie`, ordered so that x lies wholly below y iff hiKey(x) < loKey(y). */
interface Span {
  lo: number;
  loTie: number;
  hi: number;
  hiTie: number;
}

/** The span of a claim with exactly one value and a well-formed interval; others are compared pair by pair. */
function spanOf(e: Entry): Span | undefined {
  if (e.values.length !== 1) return undefined;
  const iv = valueInterval(e.values[0]!);
  if (!(iv.lo <= iv.hi) || (iv.lo === iv.hi && (iv.loOpen || iv.hiOpen))) return undefined;
  // At a shared endpoint two intervals meet unless either end is open: an open end sorts before (hi) or after (lo) a closed one.
  return { lo: iv.lo, loTie: iv.loOpen ? 2 : 1, hi: iv.hi, hiTie: iv.hiOpen ? 0 : 1 };
}

/** hiKey(x) < loKey(y): x lies wholly below y, so the two cannot both be true (as `valuesCompatible` decides for one value each). */
const below = (x: Span, y: Span): boolean => x.hi < y.lo || (x.hi === y.lo && x.hiTie < y.loTie);

/** The first index in `sorted` (ascending by `key`) whose element does not satisfy `before`. */
function partition<T>(sorted: readonly T[], before: (t: T) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(sorted[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Each live fact that conflicts with another, once, naming a few of the others and counting the rest: a group of n claims that all
 * disagree gives n entries of bounded size, not n² pairs. Claims are compared only within their group (same subject, category, parties
 * and period). Claims with one value are sorted by interval and counted by binary search (n log n); only claims with several
 * equivalent forms, or an interval that cannot be sorted, are compared pair by pair. `rank`, when given, is applied once per claim.
 */
export function conflictsByClaim(
  claims: readonly ClaimRecord[], superseded: ReadonlyMap<string, string>, entities: Entities, rank?: (rec: ClaimRecord) => number,
): ClaimConflicts[] {
  const out: ClaimConflicts[] = [];
  for (const group of conflictGroups(claims, superseded, entities)) {
    const ranks = group.map((e) => (rank ? rank(e.rec) : -Infinity));
    const found: Array<ClaimConflicts | undefined> = group.map(() => undefined);
    const entry = (i: number): ClaimConflicts => (found[i] ??= { rec: group[i]!.rec, period: group[i]!.period, others: [], count: 0, strongest: -Infinity });
    const name = (f: ClaimConflicts, i: number, j: number): void => {
      if (f.others.length < NAMED_CONFLICTS) f.others.push({ rec: group[j]!.rec, value: group[i]!.values[0]!, otherValue: group[j]!.values[0]! });
    };
    const spans = group.map(spanOf);

    // Pairs with a claim that has no span: value by value, as `clash` decides.
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        if (spans[i] && spans[j]) continue;
        const pair = clash(group[i]!, group[j]!);
        if (!pair) continue;
        for (const [x, y, value, otherValue] of [[i, j, pair[0], pair[1]], [j, i, pair[1], pair[0]]] as const) {
          const f = entry(x);
          f.count++;
          if (f.others.length < NAMED_CONFLICTS) f.others.push({ rec: group[y]!.rec, value, otherValue });
          if (ranks[y]! > f.strongest) f.strongest = ranks[y]!;
        }
      }
    }

    // Claims with a span, per dimension: those wholly below a claim and those wholly above it are the ones it conflicts with.
    const byDim = new Map<string, number[]>();
    spans.forEach((span, i) => {
      if (!span) return;
      const dim = valueDimension(group[i]!.values[0]!);
      const list = byDim.get(dim);
      if (list) list.push(i);
      else byDim.set(dim, [i]);
    });
    for (const members of byDim.values()) {
      if (members.length < 2) continue;
      const m = members.length;
      const byHi = [...members].sort((a, b) => spans[a]!.hi - spans[b]!.hi || spans[a]!.hiTie - spans[b]!.hiTie);
      const byLo = [...members].sort((a, b) => spans[a]!.lo - spans[b]!.lo || spans[a]!.loTie - spans[b]!.loTie);
      // Highest rank among the first k of byHi, and among byLo from k on.
      const upTo = [-Infinity];
      for (const i of byHi) upTo.push(Math.max(upTo[upTo.length - 1]!, ranks[i]!));
      const from: number[] = Array(m + 1).fill(-Infinity);
      for (let k = m - 1; k >= 0; k--) from[k] = Math.max(from[k + 1]!, ranks[byLo[k]!]!);
      for (const c of members) {
        const span = spans[c]!;
        const nBelow = partition(byHi, (e) => below(spans[e]!, span));
        const firstAbove = partition(byLo, (e) => !below(span, spans[e]!));
        const nAbove = m - firstAbove;
        if (nBelow + nAbove === 0) continue;
        const f = entry(c);
        f.count += nBelow + nAbove;
        f.strongest = Math.max(f.strongest, upTo[nBelow]!, from[firstAbove]!);
        // Name the nearest: the highest of those below, then the lowest of those above.
        for (let k = nBelow - 1; k >= 0 && f.others.length < NAMED_CONFLICTS; k--) name(f, c, byHi[k]!);
        for (let k = firstAbove; k < m && f.others.length < NAMED_CONFLICTS; k++) name(f, c, byLo[k]!);
      }
    }
    for (const f of found) if (f) out.push(f);
  }
  return out;
}

/**
 * Conflicting pairs, for `show` and `report`: each claim paired with the claims `conflictsByClaim` names for it, each pair once,
 * so there are at most `NAMED_CONFLICTS` pairs per claim however large a group of disagreeing claims is.
 */
export function findConflicts(claims: readonly ClaimRecord[], superseded: ReadonlyMap<string, string>, entities: Entities): Conflict[] {
  return pairsOf(conflictsByClaim(claims, superseded, entities));
}

/** The pairs named in `conflictsByClaim` entries, each once, the earlier claim (in the entries' order) as `a`. */
export function pairsOf(entries: readonly ClaimConflicts[]): Conflict[] {
  const order = new Map(entries.map((e, i) => [e.rec, i]));
  const seen = new Set<string>();
  const out: Conflict[] = [];
  for (const e of entries) {
    for (const o of e.others) {
      const [i, j] = [order.get(e.rec)!, order.get(o.rec)!];
      const key = i < j ? `${i} ${j}` : `${j} ${i}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(i < j
        ? { a: e.rec, b: o.rec, aValue: o.value, bValue: o.otherValue, period: e.period }
        : { a: o.rec, b: e.rec, aValue: o.otherValue, bValue: o.value, period: e.period });
    }
  }
  return out;
}
