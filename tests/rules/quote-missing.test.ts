import { claim, claimWithEvidence, sources } from '../helpers.js';
import { ruleTester } from '../rule-tester.js';

/** Two sources and a claim whose evidence block (line 8 on) is `items`. */
const withEvidence = (items: string) => ({ ...sources('src-a', 'src-b'), 'acme/arr-1.yaml': claimWithEvidence('arr-1', items) });

ruleTester.run('quote-missing', {
  valid: [
    { name: 'is silent when every evidence item has a quote', files: { ...sources('src-a'), 'acme/arr-1.yaml': claim('arr-1') } },
    { name: 'is silent on a folded quote', files: withEvidence('  - source: src-a\n    quote: >-\n      A folded\n      quote.\n') },
  ],
  invalid: [
    {
      name: 'warns at the evidence item that has no quote',
      files: withEvidence('  - source: src-a\n    quote: q\n  - source: src-b\n    locator: p. 4\n'),
      errors: [{ messageId: 'missing', file: 'acme/arr-1.yaml', line: 10, column: 5, path: 'evidence[1]', severity: 'warning', messageIncludes: 'Evidence 2 (source "src-b") has no quote' }],
    },
    ...[['an empty', '""'], ['a blank', '"   "']].map(([what, quote]) => ({
      name: `warns on ${what} quote, at its evidence item`,
      files: withEvidence(`  - source: src-a\n    quote: ${quote}\n`),
      errors: [{ messageId: 'missing' as const, line: 8, column: 5, path: 'evidence[0]', messageIncludes: 'Evidence 1 (source "src-a")' }],
    })),
    {
      name: 'warns once per item',
      files: withEvidence('  - source: src-a\n  - source: src-b\n'),
      errors: [
        { messageId: 'missing', path: 'evidence[0]', line: 8, column: 5 },
        { messageId: 'missing', path: 'evidence[1]', line: 9, column: 5 },
      ],
    },
  ],
});
