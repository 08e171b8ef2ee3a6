import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { lintFiles, ofRule, source } from '../helpers.js';
import { snapshotChanged } from '../../src/rules/snapshot-changed.js';

const TEXT = 'Acme said on Monday that its revenue passed $10 million.\n';
const sha = (s: string | Buffer): string => createHash('sha256').update(s).digest('hex');
const run = (files: Record<string, string>) => ofRule(lintFiles(files, { rules: [snapshotChanged] }), 'snapshot-changed');

describe('snapshot-changed', () => {
  it('is silent when the snapshot has the recorded digest', () => {
    expect(run({
      'snapshots/src-a.txt': TEXT,
      'sources/src-a.yaml': source('src-a', `snapshot: snapshots/src-a.txt\nsnapshot_sha256: ${sha(TEXT)}\n`),
    })).toEqual([]);
  });

  it('is silent for a snapshot without a recorded digest (written by hand, before the field existed)', () => {
    expect(run({ 'snapshots/src-a.txt': TEXT, 'sources/src-a.yaml': source('src-a', 'snapshot: snapshots/src-a.txt\n') })).toEqual([]);
  });

  it('reports an edited snapshot at snapshot_sha256, with both digests', () => {
    const edited = TEXT.replace('$10', '$12');
    const [d, ...rest] = run({
      'snapshots/src-a.txt': edited,
      'sources/src-a.yaml': source('src-a', `snapshot: snapshots/src-a.txt\nsnapshot_sha256: ${sha(TEXT)}\n`),
    });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ rule: 'snapshot-changed', messageId: 'changed', severity: 'error', file: 'sources/src-a.yaml', line: 7, column: 18, path: 'snapshot_sha256' });
    expect(d!.message).toContain(`its SHA-256 is ${sha(edited)}, not the recorded ${sha(TEXT)}`);
    expect(d!.message).toContain('claims snapshot src-a --from <file>');
  });

  it('counts bytes: a change of line endings alone is a change', () => {
    expect(run({
      'snapshots/src-a.txt': TEXT.replace('\n', '\r\n'),
      'sources/src-a.yaml': source('src-a', `snapshot: snapshots/src-a.txt\nsnapshot_sha256: ${sha(TEXT)}\n`),
    })).toHaveLength(1);
  });

  it('reports a removed snapshot file on snapshot', () => {
    const [d] = run({ 'sources/src-a.yaml': source('src-a', `snapshot: snapshots/src-a.txt\nsnapshot_sha256: ${sha(TEXT)}\n`) });
    expect(d).toMatchObject({ messageId: 'unreadable', path: 'snapshot', line: 6 });
    expect(d!.message).toContain('at snapshots/src-a.txt does not exist');
  });

  it('reports a digest without a snapshot', () => {
    const [d] = run({ 'sources/src-a.yaml': source('src-a', `snapshot_sha256: ${sha(TEXT)}\n`) });
    expect(d).toMatchObject({ messageId: 'noSnapshot', path: 'snapshot_sha256' });
  });

  it('is off when configured off', () => {
    const d = lintFiles({
      'snapshots/src-a.txt': 'other',
      'sources/src-a.yaml': source('src-a', `snapshot: snapshots/src-a.txt\nsnapshot_sha256: ${sha(TEXT)}\n`),
    }, { rules: [snapshotChanged], severities: { 'snapshot-changed': 'off' } });
    expect(d).toEqual([]);
  });
});
