import { claim, source } from '../helpers.js';
import { ruleTester } from '../rule-tester.js';

const TEXT = 'Acme said on Monday that its “annual recurring revenue” — ARR — passed $10 million,\nup from $2 million.\n';
const withSnapshot = (quote: string) => ({
  'snapshots/src-a.txt': TEXT,
  'sources/src-a.yaml': source('src-a', 'snapshot: snapshots/src-a.txt\n'),
  'acme/c.yaml': claim('c').replace('quote: a quote', `quote: ${quote}`),
});

ruleTester.run('quote-not-found', {
  valid: [
    {
      name: 'is silent when the quote is in the snapshot, whitespace, typographic quotes and dashes normalised',
      files: withSnapshot(`'its "annual recurring revenue" - ARR - passed   $10 million, up from'`),
    },
    { name: 'is silent without a snapshot', files: { 'sources/src-a.yaml': source('src-a'), 'acme/c.yaml': claim('c') } },
  ],
  invalid: [
    {
      name: 'reports a quote that is not in the snapshot at the quote, with the closest passage',
      files: withSnapshot('ARR passed $12 million'),
      errors: [{ messageId: 'notFound', severity: 'error', file: 'acme/c.yaml', line: 9, column: 12, path: 'evidence[0].quote', messageIncludes: 'Closest passage: “ARR - passed $10 million,”' }],
    },
    {
      name: 'reports an unreadable snapshot once, on the source',
      files: { 'sources/src-a.yaml': source('src-a', 'snapshot: snapshots/missing.txt\n'), 'acme/c.yaml': claim('c'), 'acme/d.yaml': claim('d') },
      errors: [{ messageId: 'noSnapshot', file: 'sources/src-a.yaml', line: 6, column: 11, path: 'snapshot' }],
    },
  ],
});

ruleTester.run('schema', {
  valid: [],
  invalid: ['../outside.txt', '/etc/passwd', 'snapshots/../../x.txt'].map((bad) => ({
    name: `rejects a snapshot path that leaves the dataset: ${bad}`,
    files: { 'sources/src-a.yaml': source('src-a', `snapshot: ${bad}\n`), 'acme/c.yaml': claim('c') },
    errors: [{ messageId: 'invalidFormat' as const, path: 'snapshot' }],
  })),
});
