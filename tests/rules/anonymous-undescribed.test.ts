import { claim } from '../helpers.js';
import { ruleTester } from '../rule-tester.js';

const anon = (extra = '') => `type: source\nid: src-a\ntitle: People familiar\npublisher: Unnamed\nkind: anonymous\n${extra}`;

ruleTester.run('anonymous-undescribed', {
  valid: [
    {
      name: 'is silent when an anonymous source says what it is in a position to know',
      files: { 'sources/src-a.yaml': anon('position: people familiar with the fundraising\ncount: 2\n'), 'acme/c.yaml': claim('c', 'src-a', '', 'rumored') },
    },
    { name: 'is silent for named sources', files: { 'sources/src-a.yaml': anon().replace('kind: anonymous', 'kind: news'), 'acme/c.yaml': claim('c') } },
  ],
  invalid: [
    {
      name: 'warns at `kind` when position is missing',
      files: { 'sources/src-a.yaml': anon('count: multiple\n'), 'acme/c.yaml': claim('c', 'src-a', '', 'rumored') },
      errors: [{ messageId: 'noPosition', severity: 'warning', file: 'sources/src-a.yaml', line: 5, column: 7, path: 'kind' }],
    },
  ],
});

ruleTester.run('schema', {
  valid: [],
  invalid: [
    {
      name: 'rejects a count that is neither a number nor "multiple"',
      files: { 'sources/src-a.yaml': anon('position: insiders\ncount: several\n'), 'acme/c.yaml': claim('c', 'src-a', '', 'rumored') },
      errors: [{ messageId: 'wrongType', path: 'count', line: 7, column: 8 }],
    },
  ],
});
