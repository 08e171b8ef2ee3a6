import { claim, sources } from '../helpers.js';
import { ruleTester, type ExpectedError, type InvalidCase, type ValidCase } from '../rule-tester.js';

/** A fact with `as_of` on line 7 and `value` on line 8, then optional extra lines. */
const fact = (id: string, value: string, extra = '', asOf = '2026-02'): string =>
  claim(id, 'src-a', `as_of: ${asOf}\nvalue: ${value}\n${extra}`);

/** Two claims `arr-1` and `arr-2` (and more files, if given) citing one source. */
const pair = (a: string, b: string, files: Record<string, string> = {}) => ({ ...sources('src-a'), 'acme/arr-1.yaml': a, 'acme/arr-2.yaml': b, ...files });

const noConflict = (name: string, a: string, b: string): ValidCase => ({ name, files: pair(a, b) });
/** Both claims of a conflicting pair are reported, at `value`; `first` adds checks on arr-1's finding. */
const conflict = (name: string, a: string, b: string, first: Partial<ExpectedError<'value-conflict'>> = {}): InvalidCase<'value-conflict'> => ({
  name,
  files: pair(a, b),
  errors: [
    { messageId: 'conflict', file: 'acme/arr-1.yaml', line: 8, column: 8, ...first },
    { messageId: 'conflict', file: 'acme/arr-2.yaml', line: 8, column: 8 },
  ],
});

ruleTester.run('value-conflict', {
  valid: [
    noConflict('is silent on equal values', fact('arr-1', '"$20M"'), fact('arr-2', '"$20M"')),
    ...['"$21M"', '"$22M"', '"$18M"'].map((v) => noConflict(`allows ±10% around an approximate value (~$20M, ${v})`, fact('arr-1', '"~$20M"'), fact('arr-2', v))),
    noConflict('treats a bound as compatible with any value it admits (>$400M, $500M)', fact('arr-1', '">$400M"'), fact('arr-2', '"$500M"')),
    noConflict('treats a bound as compatible with any value it admits (<=$1B, USD 1000M)', fact('arr-1', '"<=$1B"'), fact('arr-2', '"USD 1000M"')),
    noConflict('never compares different currencies', fact('arr-1', '"€20M"'), fact('arr-2', '"$30M"')),
    noConflict('never compares different units', fact('arr-1', '"20%"'), fact('arr-2', '"$30M"')),
    noConflict('accepts a list of equivalent forms when one form fits', fact('arr-1', '["€15M", "$16.3M"]'), fact('arr-2', '"$16.3M"')),
    noConflict('compares only within one subject', fact('arr-1', '"$20M"'), fact('arr-2', '"$30M"').replace('subject: Acme', 'subject: Initech')),
    noConflict('compares only within one category', fact('arr-1', '"$20M"'), fact('arr-2', '"$30M"').replace('category: arr', 'category: revenue')),
    noConflict('compares only within one period', fact('arr-1', '"$20M"'), fact('arr-2', '"$30M"', '', '2026-03')),
    noConflict('compares only within one set of parties', fact('arr-1', '"$20M"', 'parties: [Initech]\n'), fact('arr-2', '"$30M"', 'parties: [Globex]\n')),
    noConflict('compares only within one set of parties (none against some)', fact('arr-1', '"$20M"', 'parties: [Initech]\n'), fact('arr-2', '"$30M"')),
    noConflict('excludes a superseded claim', fact('arr-1', '"$20M"'), fact('arr-2', '"$30M"', 'supersedes: arr-1\n')),
    noConflict('excludes a retracted claim', fact('arr-1', '"$20M"'), fact('arr-2', '"$30M"').replace('status: independent', 'status: retracted')),
    ...['assertion: forecast\ndue: 2027\n', 'assertion: opinion\n'].map((extra) =>
      noConflict(`excludes a non-fact claim (${JSON.stringify(extra)})`, fact('arr-1', '"$20M"'), fact('arr-2', '"$30M"', extra))),
    noConflict('ignores claims without a period', fact('arr-1', '"$20M"'), claim('arr-2', 'src-a', 'value: "$30M"\n')),
    noConflict('ignores claims without a value', fact('arr-1', '"$20M"'), claim('arr-2', 'src-a', 'as_of: 2026-02\n')),
  ],
  invalid: [
    {
      name: 'reports both claims of incompatible values, each naming the other',
      files: pair(fact('arr-1', '"$20M"'), fact('arr-2', '"$30M"')),
      errors: [
        {
          messageId: 'conflict', file: 'acme/arr-1.yaml', line: 8, column: 8, path: 'value', severity: 'warning',
          messageIncludes: 'Value $20M conflicts with $30M in claim "arr-2" (acme/arr-2.yaml), on the same subject, category and period (2026-02)',
        },
        { messageId: 'conflict', file: 'acme/arr-2.yaml', line: 8, column: 8, path: 'value', messageIncludes: 'Value $30M conflicts with $20M in claim "arr-1" (acme/arr-1.yaml)' },
      ],
    },
    {
      name: 'reports a claim that conflicts with several others once, naming them (messageId conflictGroup)',
      files: pair(fact('arr-1', '"$20M"'), fact('arr-2', '"$30M"'), { 'acme/arr-3.yaml': fact('arr-3', '"$40M"') }),
      errors: [
        { messageId: 'conflictGroup', file: 'acme/arr-1.yaml', line: 8, column: 8 },
        {
          messageId: 'conflictGroup', file: 'acme/arr-2.yaml', line: 8, column: 8,
          message: 'Value $30M conflicts with 2 other claims on the same subject, category and period (2026-02): "arr-1" ($20M), "arr-3" ($40M). Mark the outdated ones superseded (`supersedes:`), set `status: disputed` or `retracted`, or fix the figures.',
        },
        { messageId: 'conflictGroup', file: 'acme/arr-3.yaml', line: 8, column: 8 },
      ],
    },
    {
      // $20M and ~$21M fit (±10%); $30M fits neither: arr-1 and arr-2 each conflict with arr-3 alone.
      name: 'keeps the pairwise message for a claim that conflicts with one other in a larger group',
      files: pair(fact('arr-1', '"$20M"'), fact('arr-2', '"~$21M"'), { 'acme/arr-3.yaml': fact('arr-3', '"$30M"') }),
      errors: [
        { messageId: 'conflict', file: 'acme/arr-1.yaml', messageIncludes: 'Value $20M conflicts with $30M in claim "arr-3" (acme/arr-3.yaml)' },
        { messageId: 'conflict', file: 'acme/arr-2.yaml' },
        // The nearest values are named first.
        { messageId: 'conflictGroup', file: 'acme/arr-3.yaml', messageIncludes: 'Value $30M conflicts with 2 other claims on the same subject, category and period (2026-02): "arr-2" (~$21M), "arr-1" ($20M).' },
      ],
    },
    ...['"$23M"', '"$17.9M"'].map((v) => conflict(`allows no more than ±10% around an approximate value (~$20M, ${v})`, fact('arr-1', '"~$20M"'), fact('arr-2', v))),
    conflict('treats a bound as excluding the value at its limit', fact('arr-1', '">$400M"'), fact('arr-2', '"$400M"')),
    conflict('treats a bound as incompatible with a value it excludes', fact('arr-1', '">$400M"'), fact('arr-2', '"$300M"'), { messageIncludes: 'Value >$400M conflicts with $300M' }),
    conflict('reports a list of forms when no form fits', fact('arr-1', '["€15M", "$16.3M"]'), fact('arr-2', '"€20M"'), { messageIncludes: 'Value €15M conflicts with €20M' }),
    conflict('matches subjects case-insensitively', fact('arr-1', '"$20M"'), fact('arr-2', '"$30M"').replace('subject: Acme', 'subject: ACME')),
    conflict('matches parties in any order', fact('arr-1', '"$20M"', 'parties: [Initech, Globex]\n'), fact('arr-2', '"$30M"', 'parties: [globex, Initech]\n')),
  ],
});
