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
      overdue: 'Forecast was due {{due}} and has no outcome as of {{today}}: when a source reports how it turned out, log that as a claim and run `claims resolve {{id}} --outcome met|missed|withdrawn --by <claim-id>`; leave it open until then.',
    },
  },
  check(ctx) {
    for (const { file, data } of ctx.dataset.claims) {
      if (isOverdue(data, ctx.today)) {
        ctx.report({ file, path: ['due'], messageId: 'overdue', data: { due: parsePartialDate(data.due)!.text, today: ctx.today, id: data.id } });
      }
    }
  },
});
