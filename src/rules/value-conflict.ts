import { findConflicts } from '../provenance/conflicts.js';
import { supersededBy } from '../provenance/index.js';
import type { Rule } from './types.js';

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
    for (const c of findConflicts(ctx.dataset.claims, supersededBy(ctx.index), ctx.entities)) {
      ctx.report({ file: c.a.file, path: ['value'], messageId: 'conflict', data: { value: c.aValue.text, other: c.bValue.text, otherId: c.b.data.id, otherFile: c.b.file, period: c.period } });
      ctx.report({ file: c.b.file, path: ['value'], messageId: 'conflict', data: { value: c.bValue.text, other: c.aValue.text, otherId: c.a.data.id, otherFile: c.a.file, period: c.period } });
    }
  },
};
