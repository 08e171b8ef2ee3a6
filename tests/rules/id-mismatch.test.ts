import { claim, source } from '../helpers.js';
import { ruleTester } from '../rule-tester.js';

ruleTester.run('id-mismatch', {
  valid: [{ name: 'is silent when the id equals the file stem', files: { 'sources/src-a.yaml': source('src-a'), 'acme/arr-1.yaml': claim('arr-1') } }],
  invalid: [
    {
      name: 'points at the id value when it differs from the file stem',
      files: { 'sources/src-a.yaml': source('src-a'), 'acme/arr-1.yaml': claim('arr-2') },
      errors: [{ messageId: 'mismatch', file: 'acme/arr-1.yaml', line: 2, column: 5, path: 'id', severity: 'error', messageIncludes: 'rename the file to arr-2.yaml or set `id: arr-1`' }],
    },
  ],
});
