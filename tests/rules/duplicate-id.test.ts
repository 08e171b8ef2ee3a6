import { claim, source, sources } from '../helpers.js';
import { ruleTester } from '../rule-tester.js';

ruleTester.run('duplicate-id', {
  valid: [
    {
      name: 'is silent when every id is unique',
      files: { ...sources('src-a', 'src-b'), 'acme/arr-1.yaml': claim('arr-1'), 'acme/arr-2.yaml': claim('arr-2', 'src-b') },
    },
  ],
  invalid: [
    {
      name: 'reports both files of a shared source id, each naming the other',
      files: { ...sources('src-a'), 'sources/2026/src-a.yaml': source('src-a'), 'acme/arr-1.yaml': claim('arr-1') },
      errors: [
        { messageId: 'duplicate', file: 'sources/2026/src-a.yaml', line: 2, column: 5, path: 'id', severity: 'error', messageIncludes: 'Id "src-a" is also declared in sources/src-a.yaml' },
        { messageId: 'duplicate', file: 'sources/src-a.yaml', line: 2, column: 5, path: 'id', messageIncludes: 'Id "src-a" is also declared in sources/2026/src-a.yaml' },
      ],
    },
    {
      name: 'treats claims and sources as one id space',
      files: { ...sources('arr-1', 'src-a'), 'acme/arr-1.yaml': claim('arr-1', 'src-a') },
      errors: [
        { messageId: 'duplicate', file: 'acme/arr-1.yaml', line: 2, column: 5, messageIncludes: 'also declared in sources/arr-1.yaml' },
        { messageId: 'duplicate', file: 'sources/arr-1.yaml', line: 2, column: 5, messageIncludes: 'also declared in acme/arr-1.yaml' },
      ],
    },
    {
      name: 'counts a file that fails the schema but declares the id',
      files: { ...sources('src-a'), 'acme/src-a.yaml': 'type: claim\nid: src-a\nsubject: Acme\n', 'acme/arr-1.yaml': claim('arr-1') },
      errors: [
        { messageId: 'duplicate', file: 'acme/src-a.yaml' },
        { messageId: 'duplicate', file: 'sources/src-a.yaml' },
      ],
    },
    {
      name: 'names every other file when three share an id',
      files: { ...sources('src-a'), 'sources/x/src-a.yaml': source('src-a'), 'sources/y/src-a.yaml': source('src-a'), 'acme/arr-1.yaml': claim('arr-1') },
      errors: [
        { messageId: 'duplicate', file: 'sources/src-a.yaml', messageIncludes: 'sources/x/src-a.yaml, sources/y/src-a.yaml' },
        { messageId: 'duplicate', file: 'sources/x/src-a.yaml' },
        { messageId: 'duplicate', file: 'sources/y/src-a.yaml' },
      ],
    },
  ],
});
