import { claim, source } from '../helpers.js';
import { ruleTester, type InvalidCase } from '../rule-tester.js';

/** A dataset of one source with `published`/`retrieved` on lines 6/7, and one claim citing it. */
const withDates = (published: string, retrieved?: string) => ({
  'sources/src-a.yaml': source('src-a', `published: ${published}\n${retrieved ? `retrieved: ${retrieved}\n` : ''}`),
  'acme/arr-1.yaml': claim('arr-1'),
});

/** A forecast claim: as_of on line 8, due on line 9. */
const forecast = (asOf: string, due: string) => ({
  'sources/src-a.yaml': source('src-a'),
  'acme/arr-1.yaml': claim('arr-1', 'src-a', `assertion: forecast\nas_of: ${asOf}\ndue: ${due}\n`),
});

const future = (name: string, files: Record<string, string>, today?: string): InvalidCase<'date-order'> => ({
  name, files, options: today ? { today } : undefined, errors: [{ messageId: 'future', path: 'published', line: 6, column: 12 }],
});
const dueBeforeAsOf = (name: string, asOf: string, due: string): InvalidCase<'date-order'> => ({
  name, files: forecast(asOf, due), errors: [{ messageId: 'dueBeforeAsOf', line: 9, column: 6 }],
});

ruleTester.run('date-order', {
  valid: [
    { name: 'is silent on dates in a possible order', files: withDates('2026-03-10', '2026-03-12') },
    { name: 'is silent on equal dates', files: withDates('2026-03-10', '2026-03-10') },
    { name: 'is silent on a forecast due after as_of', files: forecast('2026-05', '2026-12') },
    { name: 'compares a partial date by its whole period (month, day)', files: withDates('2026-03', '2026-03-01') },
    { name: 'compares a partial date by its whole period (day, month)', files: withDates('2026-03-31', '2026-03') },
    { name: 'compares a partial date by its whole period (year, month)', files: withDates('2026', '2026-01') },
    { name: 'takes today from the `today` option', files: withDates('2026-12-01'), options: { today: '2026-12-31' } },
    { name: 'does not call today "in the future"', files: withDates('2026-11-24') },
    { name: 'does not call the current month "in the future"', files: withDates('2026-11') },
    { name: 'does not call the current year "in the future"', files: withDates('2026') },
    { name: 'does not treat partial dates in the same period as "before" (year, month)', files: forecast('2026', '2026-02') },
    { name: 'does not treat partial dates in the same period as "before" (day, month)', files: forecast('2026-02-15', '2026-02') },
    { name: 'does not treat partial dates in the same period as "before" (month, year)', files: forecast('2026-02', '2026') },
  ],
  invalid: [
    {
      name: 'reports `retrieved` before `published` at `retrieved`',
      files: withDates('2026-03-10', '2026-03-09'),
      errors: [{ messageId: 'retrievedBeforePublished', file: 'sources/src-a.yaml', line: 7, column: 12, path: 'retrieved', severity: 'error', messageIncludes: '`retrieved` (2026-03-09) is before `published` (2026-03-10)' }],
    },
    {
      name: 'compares a partial date by its whole period: a day before a month',
      files: withDates('2026-03-01', '2026-02'),
      errors: [{ messageId: 'retrievedBeforePublished', line: 7, column: 12, messageIncludes: '`retrieved` (2026-02)' }],
    },
    {
      name: 'reports a `published` after today, at `published`',
      files: withDates('2026-11-25'),
      errors: [{ messageId: 'future', path: 'published', line: 6, column: 12, messageIncludes: '`published` (2026-11-25) is after today (2026-11-24)' }],
    },
    {
      name: 'reports a `retrieved` after today, at `retrieved`',
      files: withDates('2026-11-01', '2026-12-02'),
      errors: [{ messageId: 'future', path: 'retrieved', line: 7, column: 12 }],
    },
    {
      name: 'takes today from the `today` option (in the future)',
      files: withDates('2026-11-01'),
      options: { today: '2026-10-31' },
      errors: [{ messageId: 'future', line: 6, column: 12, messageIncludes: 'after today (2026-10-31)' }],
    },
    future('calls a month after the current one "in the future"', withDates('2026-12')),
    {
      name: 'reports a `due` before `as_of`, at `due`',
      files: forecast('2026-05', '2026-04-30'),
      errors: [{ messageId: 'dueBeforeAsOf', file: 'acme/arr-1.yaml', line: 9, column: 6, path: 'due', messageIncludes: '`due` (2026-04-30) is before `as_of` (2026-05)' }],
    },
    dueBeforeAsOf('treats a year before a year as "before"', '2026', '2025-12'),
    dueBeforeAsOf('accepts unquoted years (YAML numbers) as dates', '2026', '2025'),
  ],
});
