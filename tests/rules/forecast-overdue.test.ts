import { claim, sources } from '../helpers.js';
import { ruleTester, type InvalidCase, type ValidCase } from '../rule-tester.js';

/** A forecast made in 2025 with `due` on line 9 and optional extra lines after it. */
const forecast = (due: string, extra = '') => ({
  ...sources('src-a'),
  'acme/arr-2.yaml': claim('arr-2'),
  'acme/arr-1.yaml': claim('arr-1', 'src-a', `assertion: forecast\nas_of: 2025\ndue: ${due}\n${extra}`),
});

const notYetDue = (name: string, due: string, today?: string): ValidCase => ({ name, files: forecast(due), options: today ? { today } : undefined });
const overdue = (name: string, due: string, messageIncludes?: string, today?: string): InvalidCase<'forecast-overdue'> => ({
  name, files: forecast(due), options: today ? { today } : undefined, errors: [{ messageId: 'overdue', line: 9, column: 6, messageIncludes }],
});

ruleTester.run('forecast-overdue', {
  valid: [
    { name: 'is silent once the forecast has an outcome and resolved_by', files: forecast('2026-06', 'outcome: met\nresolved_by: arr-2\n') },
    notYetDue('is silent while the due date is in the future (next year)', '2027-01'),
    notYetDue('is silent while the due date is in the future (tomorrow)', '2026-11-25'),
    notYetDue('is silent on the due day itself', '2026-11-24'),
    notYetDue('does not call a partial due overdue until its whole period has passed (this year)', '2026'),
    notYetDue('does not call a partial due overdue until its whole period has passed (this month)', '2026-11'),
    notYetDue('measures against the `today` option (not yet due)', '2026-06', '2026-06-30'),
    {
      name: 'ignores a past `due` on a claim that is not a forecast',
      files: { ...sources('src-a'), 'acme/arr-1.yaml': claim('arr-1', 'src-a', 'as_of: 2025\ndue: 2026-01\n') },
    },
  ],
  invalid: [
    {
      name: 'warns at `due` for a forecast past due without an outcome',
      files: forecast('2026-06'),
      errors: [{ messageId: 'overdue', file: 'acme/arr-1.yaml', line: 9, column: 6, path: 'due', severity: 'warning', messageIncludes: 'Forecast was due 2026-06 and has no outcome as of 2026-11-24' }],
    },
    overdue('fires the day after the due day', '2026-11-23'),
    overdue('calls a partial due overdue once its month has passed', '2026-10'),
    overdue('calls a partial due overdue once its year has passed', '2025', 'due 2025 '),
    overdue('measures against the `today` option (overdue)', '2026', 'as of 2027-01-01', '2027-01-01'),
  ],
});
