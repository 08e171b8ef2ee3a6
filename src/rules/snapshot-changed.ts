import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { MAX_BYTES, safeReadFile } from '../util/safe-read.js';
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
      // The digest is of the file's bytes, so it is read here as bytes (the run's shared reader gives normalised text).
      const read = safeReadFile(resolve(ctx.dataset.root, snapshot), { maxBytes: MAX_BYTES.snapshot, within: ctx.dataset.root });
      if (!read.ok) {
        ctx.report({ file, path: ['snapshot'], messageId: 'unreadable', data: { id: data.id, snapshot, reason: read.reason } });
        continue;
      }
      const actual = createHash('sha256').update(read.buf).digest('hex');
      if (actual !== expected) ctx.report({ file, path: ['snapshot_sha256'], messageId: 'changed', data: { id: data.id, snapshot, actual, expected } });
    }
  },
});
