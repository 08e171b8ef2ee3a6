import { defineRule } from './types.js';

/**
 * A snapshot is the text quotes are checked against: `claims snapshot` records the SHA-256 of the file it stores, and a
 * file that no longer has that digest was edited, replaced or truncated since, so the quotes were checked against a
 * text no one vouched for.
 */
export const snapshotChanged = defineRule({
  id: 'snapshot-changed',
  meta: {
    description: 'A source\'s snapshot no longer matches its `snapshot_sha256` (the file was edited, replaced or removed since it was stored)',
    defaultSeverity: 'error',
    messages: {
      changed: 'The snapshot of "{{id}}" ({{snapshot}}) has changed since it was stored: its SHA-256 is {{actual}}, not the recorded {{expected}}. Restore the stored text, or store the new one with `claims snapshot {{id}} --from <file>`, which checks the quotes against it.',
      unreadable: 'The snapshot of "{{id}}" at {{snapshot}} {{reason}}, so it cannot be checked against `snapshot_sha256`: restore the file, or store it again with `claims snapshot {{id}} --from <file>`.',
      noSnapshot: 'Source "{{id}}" records `snapshot_sha256` but has no `snapshot:`: set `snapshot:` to the file it was computed from, or remove `snapshot_sha256`.',
    },
  },
  check(ctx) {
    for (const { file, data } of ctx.dataset.sources) {
      const expected = data.snapshot_sha256;
      if (expected === undefined) continue;
      const snapshot = data.snapshot;
      if (snapshot === undefined) {
        ctx.report({ file, path: ['snapshot_sha256'], messageId: 'noSnapshot', data: { id: data.id } });
        continue;
      }
      // The run's shared reader gives the digest of the file's bytes beside its normalised text.
      const read = ctx.snapshot(snapshot);
      if (read.text === undefined) {
        ctx.report({ file, path: ['snapshot'], messageId: 'unreadable', data: { id: data.id, snapshot, reason: read.reason } });
        continue;
      }
      const actual = read.sha256;
      if (actual !== expected) ctx.report({ file, path: ['snapshot_sha256'], messageId: 'changed', data: { id: data.id, snapshot, actual, expected } });
    }
  },
});
