import { createHash } from 'node:crypto';
import { source } from '../helpers.js';
import { ruleTester } from '../rule-tester.js';

const TEXT = 'Acme said on Monday that its revenue passed $10 million.\n';
const sha = (s: string | Buffer): string => createHash('sha256').update(s).digest('hex');
/** A source whose snapshot file holds `stored` (none when undefined), with TEXT's digest recorded on line 7. */
const recorded = (stored: string | undefined) => ({
  ...(stored === undefined ? {} : { 'snapshots/src-a.txt': stored }),
  'sources/src-a.yaml': source('src-a', `snapshot: snapshots/src-a.txt\nsnapshot_sha256: ${sha(TEXT)}\n`),
});
const edited = TEXT.replace('$10', '$12');

ruleTester.run('snapshot-changed', {
  valid: [
    { name: 'is silent when the snapshot has the recorded digest', files: recorded(TEXT) },
    {
      name: 'is silent for a snapshot without a recorded digest (written by hand, before the field existed)',
      files: { 'snapshots/src-a.txt': TEXT, 'sources/src-a.yaml': source('src-a', 'snapshot: snapshots/src-a.txt\n') },
    },
    { name: 'is off when configured off', files: recorded('other'), options: { severities: { 'snapshot-changed': 'off' } } },
  ],
  invalid: [
    {
      name: 'reports an edited snapshot at snapshot_sha256, with both digests',
      files: recorded(edited),
      errors: [
        {
          messageId: 'changed', severity: 'error', file: 'sources/src-a.yaml', line: 7, column: 18, path: 'snapshot_sha256',
          messageIncludes: [`its SHA-256 is ${sha(edited)}, not the recorded ${sha(TEXT)}`, 'claims snapshot src-a --from <file>'],
        },
      ],
    },
    { name: 'counts bytes: a change of line endings alone is a change', files: recorded(TEXT.replace('\n', '\r\n')), errors: [{ messageId: 'changed' }] },
    {
      name: 'reports a removed snapshot file on snapshot',
      files: recorded(undefined),
      errors: [{ messageId: 'unreadable', path: 'snapshot', line: 6, messageIncludes: 'at snapshots/src-a.txt does not exist' }],
    },
    {
      name: 'reports a digest without a snapshot',
      files: { 'sources/src-a.yaml': source('src-a', `snapshot_sha256: ${sha(TEXT)}\n`) },
      errors: [{ messageId: 'noSnapshot', path: 'snapshot_sha256' }],
    },
  ],
});
