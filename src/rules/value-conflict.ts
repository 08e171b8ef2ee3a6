import { parsePartialDate } from '../model/date.js';
import { parseValues, valueDimension, valuesCompatible, type ParsedValue } from '../model/value.js';
import { supersededBy } from '../provenance/index.js';
import type { ClaimRecord } from '../load/dataset.js';
import type { Rule } from './types.js';

/** The values two claims give in each dimension (currency or unit) they share that cannot both be true, or undefined. */
function clash(a: ParsedValue[], b: ParsedValue[]): [ParsedValue, ParsedValue] | undefined {
  for (const x of a) {
    for (const y of b) {
      if (valueDimension(x) === valueDimension(y) && !valuesCompatible(x, y)) {
        // Conflict only if no form of one is compatible with any form of the other in this dimension.
        const dim = valueDimension(x);
        const anyFits = a.some((p) => valueDimension(p) === dim && b.some((q) => valueDimension(q) === dim && valuesCompatible(p, q)));
        if (!anyFits) return [x, y];
      }
    }
  }
  return undefined;
}

/** Two live facts on one subject, category, parties and period must not give incompatible values. */
export const valueConflict: Rule = {
  id: 'value-conflict',
  meta: {
    description: 'Two live facts on one subject, category and period have incompatible values in a shared currency (bounds and ~ ±10% considered)',
    defaultSeverity: 'warning',
    messages: {
      conflict: 'Value {{value}} conflicts with {{other}} in claim "{{otherId}}" ({{otherFile}}), on the same subject, category and period ({{period}}). Mark one `supersedes:` the other, set `status: disputed` or `retracted`, or fix the figure.',
    },
  },
  check(ctx) {
    const superseded = supersededBy(ctx.index);
    const groups = new Map<string, Array<{ rec: ClaimRecord; values: ParsedValue[] }>>();
    for (const rec of ctx.dataset.claims) {
      const c = rec.data;
      if ((c.assertion ?? 'fact') !== 'fact' || c.status === 'retracted' || superseded.has(c.id)) continue;
      const period = parsePartialDate(c.as_of);
      const values = parseValues(c.value);
      if (!period || values.length === 0) continue;
      const parties = (c.parties ?? []).map((p) => ctx.entities.key(p)).sort().join('|');
      const key = [ctx.entities.key(c.subject), c.category, period.text, parties].join('\u0000');
      const list = groups.get(key);
      if (list) list.push({ rec, values });
      else groups.set(key, [{ rec, values }]);
    }
    for (const list of groups.values()) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i]!;
          const b = list[j]!;
          const pair = clash(a.values, b.values);
          if (!pair) continue;
          const period = parsePartialDate(a.rec.data.as_of)!.text;
          ctx.report({ file: a.rec.file, path: ['value'], messageId: 'conflict', data: { value: pair[0].text, other: pair[1].text, otherId: b.rec.data.id, otherFile: b.rec.file, period } });
          ctx.report({ file: b.rec.file, path: ['value'], messageId: 'conflict', data: { value: pair[1].text, other: pair[0].text, otherId: a.rec.data.id, otherFile: a.rec.file, period } });
        }
      }
    }
  },
};
