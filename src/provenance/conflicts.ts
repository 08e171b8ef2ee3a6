/** Value conflicts between live facts: shared by the value-conflict rule, `show` and `report`. */
import { parsePartialDate } from '../model/date.js';
import { parseValues, valueDimension, valuesCompatible, type ParsedValue } from '../model/value.js';
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

/** The values two claims give that cannot both be true in a dimension they share, or undefined. */
function clash(a: ParsedValue[], b: ParsedValue[]): [ParsedValue, ParsedValue] | undefined {
  for (const x of a) {
    const dim = valueDimension(x);
    for (const y of b) {
      if (valueDimension(y) !== dim || valuesCompatible(x, y)) continue;
      // Equivalent forms: a conflict only if no form of one fits any form of the other in this dimension.
      const anyFits = a.some((p) => valueDimension(p) === dim && b.some((q) => valueDimension(q) === dim && valuesCompatible(p, q)));
      if (!anyFits) return [x, y];
    }
  }
  return undefined;
}

/** Finds conflicts among live facts (not forecasts/opinions, not retracted, not superseded) on one subject, category, parties and period. */
export function findConflicts(claims: readonly ClaimRecord[], superseded: ReadonlyMap<string, string>, entities: Entities): Conflict[] {
  const groups = new Map<string, Array<{ rec: ClaimRecord; values: ParsedValue[] }>>();
  for (const rec of claims) {
    const c = rec.data;
    if ((c.assertion ?? 'fact') !== 'fact' || c.status === 'retracted' || superseded.has(c.id)) continue;
    const period = parsePartialDate(c.as_of);
    const values = parseValues(c.value);
    if (!period || values.length === 0) continue;
    const parties = (c.parties ?? []).map((p) => entities.key(p)).sort().join('|');
    const key = [entities.key(c.subject), c.category, period.text, parties].join('\u0000');
    const list = groups.get(key);
    if (list) list.push({ rec, values });
    else groups.set(key, [{ rec, values }]);
  }
  const out: Conflict[] = [];
  for (const list of groups.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const pair = clash(list[i]!.values, list[j]!.values);
        if (pair) {
          out.push({ a: list[i]!.rec, b: list[j]!.rec, aValue: pair[0], bValue: pair[1], period: parsePartialDate(list[i]!.rec.data.as_of)!.text });
        }
      }
    }
  }
  return out;
}
