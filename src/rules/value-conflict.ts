import { conflictsByClaim } from '../provenance/conflicts.js';
import { supersededBy } from '../provenance/index.js';
import { defineRule } from './types.js';

/** Two live facts on one subject, category, parties and period must not give incompatible values. */
export const valueConflict = defineRule({
  id: 'value-conflict',
  meta: {
    description: 'Two live facts (not forecasts or opinions, not retracted, not superseded) with the same subject, category, parties and `as_of` give values that cannot both be true in a shared currency or unit',
    defaultSeverity: 'warning',
    messages: {
      conflict: 'Value {{value}} conflicts with {{other}} in claim "{{otherId}}" ({{otherFile}}), on the same subject, category and period ({{period}}). Mark one `supersedes:` the other, set `status: disputed` or `retracted`, or fix the figure.',
      conflictGroup: 'Value {{value}} conflicts with {{count}} other claims on the same subject, category and period ({{period}}): {{others}}. Mark the outdated ones superseded (`supersedes:`), set `status: disputed` or `retracted`, or fix the figures.',
    },
  },
  check(ctx) {
    // One diagnostic per claim, however many others it clashes with: a group of n disagreeing claims gives n warnings, not n².
    for (const c of conflictsByClaim(ctx.dataset.claims, supersededBy(ctx.index), ctx.entities)) {
      const first = c.others[0]!;
      if (c.count === 1) {
        ctx.report({ file: c.rec.file, path: ['value'], messageId: 'conflict', data: { value: first.value.text, other: first.otherValue.text, otherId: first.rec.data.id, otherFile: first.rec.file, period: c.period } });
        continue;
      }
      const named = c.others.map((o) => `"${o.rec.data.id}" (${o.otherValue.text})`).join(', ');
      const rest = c.count - c.others.length;
      const others = rest > 0 ? `${named} and ${rest.toLocaleString('en-US')} more` : named;
      ctx.report({ file: c.rec.file, path: ['value'], messageId: 'conflictGroup', data: { value: first.value.text, count: c.count.toLocaleString('en-US'), others, period: c.period } });
    }
  },
});
