import { isBefore, parsePartialDate, type PartialDate } from '../model/date.js';
import { defineRule } from './types.js';

const after = (d: PartialDate, today: string): boolean => d.start > today;

/** Dates must be possible: nothing retrieved before it was published, nothing published in the future, no forecast due before it was made. */
export const dateOrder = defineRule({
  id: 'date-order',
  meta: {
    description: '`retrieved` before `published`; `due` before `as_of`; `published`/`retrieved` after today',
    defaultSeverity: 'error',
    messages: {
      retrievedBeforePublished: '`retrieved` ({{retrieved}}) is before `published` ({{published}}): a source cannot be read before it exists. Fix one of the dates.',
      future: '`{{field}}` ({{date}}) is after today ({{today}}): fix the date, or pass --today if you are checking as of another day.',
      dueBeforeAsOf: '`due` ({{due}}) is before `as_of` ({{as_of}}): a forecast falls due after it is made. Fix one of the dates.',
    },
  },
  check(ctx) {
    for (const { file, data } of ctx.dataset.sources) {
      const published = parsePartialDate(data.published);
      const retrieved = parsePartialDate(data.retrieved);
      if (published && retrieved && isBefore(retrieved, published)) {
        ctx.report({ file, path: ['retrieved'], messageId: 'retrievedBeforePublished', data: { retrieved: retrieved.text, published: published.text } });
      }
      for (const [field, d] of [['published', published], ['retrieved', retrieved]] as const) {
        if (d && after(d, ctx.today)) ctx.report({ file, path: [field], messageId: 'future', data: { field, date: d.text, today: ctx.today } });
      }
    }
    for (const { file, data } of ctx.dataset.claims) {
      const asOf = parsePartialDate(data.as_of);
      const due = parsePartialDate(data.due);
      if (asOf && due && isBefore(due, asOf)) {
        ctx.report({ file, path: ['due'], messageId: 'dueBeforeAsOf', data: { due: due.text, as_of: asOf.text } });
      }
    }
  },
});
