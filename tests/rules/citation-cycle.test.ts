import { claim, claimWithEvidence, source, sources } from '../helpers.js';
import { ruleTester } from '../rule-tester.js';

/** A claim `id` whose one evidence item has the given lines after `- source: src-a` (line 8). */
const claimEv = (lines: string, id = 'arr-1'): string => claimWithEvidence(id, `  - source: src-a\n${lines}    quote: q\n`);

ruleTester.run('citation-cycle', {
  valid: [
    {
      name: 'is silent on a citation chain without a cycle',
      files: {
        'sources/src-a.yaml': source('src-a', 'cites: [src-b, src-c]\n'),
        'sources/src-b.yaml': source('src-b', 'cites: [src-c]\n'),
        'sources/src-c.yaml': source('src-c'),
        'acme/arr-1.yaml': claim('arr-1'),
      },
    },
    {
      name: 'is silent on evidence chains that list each id once',
      files: {
        ...sources('src-a', 'src-b', 'src-c'),
        'acme/arr-1.yaml': claimEv('    origin: src-c\n    via: [src-b]\n'),
        'acme/arr-2.yaml': claimEv('    origin: src-a\n', 'arr-2'),
      },
    },
  ],
  invalid: [
    {
      name: 'asks for `origin` when `via` is given without one, instead of calling it a loop',
      files: { ...sources('src-a', 'src-b'), 'acme/arr-1.yaml': claimEv('    via: [src-b]\n') },
      errors: [{ messageId: 'viaWithoutOrigin', path: 'evidence[0].via', line: 9, column: 10, messageIncludes: 'add `origin:`' }],
    },
    {
      name: 'reports both sources of a → b → a, each at its `cites` entry in the cycle',
      files: {
        'sources/src-a.yaml': source('src-a', 'cites:\n  - src-b\n'),
        'sources/src-b.yaml': source('src-b', 'cites:\n  - src-c\n  - src-a\n'),
        'sources/src-c.yaml': source('src-c'),
        'sources/src-d.yaml': source('src-d', 'cites: [src-a]\n'),
        'acme/arr-1.yaml': claim('arr-1', 'src-d'),
      },
      errors: [
        { messageId: 'cites', file: 'sources/src-a.yaml', path: 'cites[0]', line: 7, column: 5, severity: 'error', messageIncludes: 'Source "src-a" is part of a citation cycle (src-a → src-b → src-a)' },
        { messageId: 'cites', file: 'sources/src-b.yaml', path: 'cites[1]', line: 8, column: 5, messageIncludes: 'Source "src-b" is part of a citation cycle' },
      ],
    },
    {
      name: 'reports every source of a longer cycle',
      files: {
        'sources/src-a.yaml': source('src-a', 'cites: [src-b]\n'),
        'sources/src-b.yaml': source('src-b', 'cites: [src-c]\n'),
        'sources/src-c.yaml': source('src-c', 'cites: [src-a]\n'),
        'acme/arr-1.yaml': claim('arr-1'),
      },
      errors: ['src-a', 'src-b', 'src-c'].map((id) => ({ messageId: 'cites' as const, file: `sources/${id}.yaml`, line: 6, column: 9 })),
    },
    {
      name: 'reports a source that cites itself',
      files: { 'sources/src-a.yaml': source('src-a', 'cites: [src-a]\n'), 'acme/arr-1.yaml': claim('arr-1') },
      errors: [{ messageId: 'cites', path: 'cites[0]', line: 6, column: 9, messageIncludes: '(src-a → src-a)' }],
    },
    {
      name: 'reports a `via` list that repeats an id, at the repeat',
      files: { ...sources('src-a', 'src-b', 'src-c'), 'acme/arr-1.yaml': claimEv('    origin: src-c\n    via: [src-b, src-b]\n') },
      errors: [
        {
          messageId: 'chain', file: 'acme/arr-1.yaml', path: 'evidence[0].via[1]', line: 10, column: 18,
          message: 'The evidence chain src-c → src-b → src-b → src-a passes through "src-b" twice: list each relay once, from the origin outward.',
        },
      ],
    },
    {
      name: 'reports a chain once, at its first repeated id, however many ids repeat',
      files: { ...sources('src-a', 'src-b', 'src-c'), 'acme/arr-1.yaml': claimEv('    origin: src-c\n    via: [src-b, src-c, src-b, src-b, src-c]\n') },
      errors: [
        {
          messageId: 'chain', path: 'evidence[0].via[1]',
          message: 'The evidence chain src-c → src-b → src-c → src-b → src-b → src-c → src-a passes through "src-c" twice: list each relay once, from the origin outward.',
        },
      ],
    },
    {
      name: 'reports a relay that repeats the origin',
      files: { ...sources('src-a', 'src-b'), 'acme/arr-1.yaml': claimEv('    origin: src-b\n    via: [src-b]\n') },
      errors: [{ messageId: 'chain', path: 'evidence[0].via[0]', line: 10, column: 11 }],
    },
    {
      name: 'reports a chain that comes back to the source it was read in',
      files: { ...sources('src-a', 'src-b'), 'acme/arr-1.yaml': claimEv('    origin: src-a\n    via: [src-b]\n') },
      errors: [{ messageId: 'chain', path: 'evidence[0].source', line: 8, column: 13 }],
    },
  ],
});
