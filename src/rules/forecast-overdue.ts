import { isOverdue } from '../provenance/index.js';
import { parsePartialDate } from '../model/date.js';
import { defineRule } from './types.js';

/** A forecast past its due date without an outcome is a loose end a fact-checker should close. */
export const forecastOverdue = defineRule({
  id: 'forecast-overdue',
  meta: {
    description: "A forecast's `due` period has wholly passed and it has no `outcome`",
    defaultSeverity: 'warning',
    messages: {
      overdue: 'Forecast was due {{due}} and has no outcome as of {{today}}: add `outcome:` (met, missed or withdrawn) with `resolved_by:`, or leave it open if nothing has been reported yet.',
    },
  },
  check(ctx) {
    for (const { file, data } of ctx.dataset.claims) {
      if (isOverdue(data, ctx.today)) {
        ctx.report({ file, path: ['due'], messageId: 'overdue', data: { due: parsePartialDate(data.due)!.text, today: ctx.today } });
      }
    }
  },
});
