import { claim, source, sources } from '../helpers.js';
import { ruleTester } from '../rule-tester.js';

ruleTester.run('orphan-source', {
  valid: [
    { name: 'is silent when a claim cites every source', files: { ...sources('src-a'), 'acme/arr-1.yaml': claim('arr-1') } },
    {
      name: 'counts a source reached only through another source\'s `cites` (transitively)',
      files: {
        'sources/src-a.yaml': source('src-a', 'cites: [src-b]\n'),
        'sources/src-b.yaml': source('src-b', 'cites: [src-c]\n'),
        'sources/src-c.yaml': source('src-c'),
        'acme/arr-1.yaml': claim('arr-1'),
      },
    },
    {
      name: 'counts sources reached through `origin` and `via`',
      files: { ...sources('src-a', 'src-o', 'src-v'), 'acme/arr-1.yaml': claim('arr-1').replace('    quote:', '    origin: src-o\n    via: [src-v]\n    quote:') },
    },
    {
      name: 'terminates on a citation cycle and counts its members as reached',
      files: { 'sources/src-a.yaml': source('src-a', 'cites: [src-b]\n'), 'sources/src-b.yaml': source('src-b', 'cites: [src-a]\n'), 'acme/arr-1.yaml': claim('arr-1') },
    },
  ],
  invalid: [
    {
      name: 'warns at the `id` of a source no claim reaches',
      files: { ...sources('src-a'), 'sources/lonely.yaml': `# kept for later\n${source('lonely')}`, 'acme/arr-1.yaml': claim('arr-1') },
      errors: [{ messageId: 'orphan', file: 'sources/lonely.yaml', line: 3, column: 5, path: 'id', severity: 'warning', messageIncludes: 'No claim reaches source "lonely"' }],
    },
    {
      name: 'does not count `cites` from a source that is itself an orphan',
      files: { ...sources('src-a', 'src-y'), 'sources/src-x.yaml': source('src-x', 'cites: [src-y]\n'), 'acme/arr-1.yaml': claim('arr-1') },
      errors: [
        { messageId: 'orphan', file: 'sources/src-x.yaml', line: 2, column: 5 },
        { messageId: 'orphan', file: 'sources/src-y.yaml', line: 2, column: 5 },
      ],
    },
  ],
});
