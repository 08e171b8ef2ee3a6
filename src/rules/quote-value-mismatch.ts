import { amountAgrees, proseAmounts, type ProseAmount } from '../model/prose-amounts.js';
import { parseValues, type ParsedValue } from '../model/value.js';
import { defineRule } from './types.js';

/** The amounts a message names; the rest are counted. */
const SHOWN_AMOUNTS = 3;

/** What a quote states in the unit of the claim's value (money for money, percent for percent, a count for a number). */
function sameKind(amounts: ProseAmount[], values: ParsedValue[]): ProseAmount[] {
  const units = new Set(values.map((v) => v.unit));
  return amounts.filter((a) => units.has(a.unit));
}

/** A quote that gives a figure must give the claim's figure: "€385 million" is not `$385M`, "$40 million" is not `$400M`. */
export const quoteValueMismatch = defineRule({
  id: 'quote-value-mismatch',
  meta: {
    description: "An evidence quote states amounts of the claim's kind (money, percent, count) and none agrees with the claim's value",
    defaultSeverity: 'warning',
    messages: {
      mismatch: 'Evidence {{n}} (source "{{source}}") quotes {{amounts}}, and none agrees with the value {{value}} (currency, scale and bound compared; `~` is ±10%). Fix the value, or quote the passage that states it.',
    },
  },
  check(ctx) {
    for (const { file, data } of ctx.dataset.claims) {
      const values = parseValues(data.value);
      if (values.length === 0) continue;
      data.evidence.forEach((ev, i) => {
        if (typeof ev.quote !== 'string') return;
        const stated = sameKind(proseAmounts(ev.quote), values);
        if (stated.length === 0 || stated.some((a) => values.some((v) => amountAgrees(a, v)))) return;
        // Each amount once, as written (a quote that repeats a figure names it once); the parser keeps at most 100.
        const distinct = [...new Set(stated.map((a) => a.text))];
        const named = distinct.slice(0, SHOWN_AMOUNTS).map((t) => JSON.stringify(t)).join(', ');
        const rest = distinct.length - SHOWN_AMOUNTS;
        const amounts = rest > 0 ? `${named} and ${rest.toLocaleString('en-US')} more` : named;
        ctx.report({
          file,
          path: ['evidence', i, 'quote'],
          messageId: 'mismatch',
          data: { n: i + 1, source: ev.source, amounts, value: values.map((v) => v.text).join(' = ') },
        });
      });
    }
  },
});
