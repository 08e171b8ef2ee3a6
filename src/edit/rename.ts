/** `claims rename <old-id> <new-id>`: the file, its id, every reference across the dataset, and a snapshot named after it. */
import { resolve } from 'node:path';
import { UsageError } from '../cli/io.js';
import { MAX_BYTES, safeReadFile } from '../util/safe-read.js';
import { requireRecord } from './lookup.js';
import { checkNewId, insideDataset, renamedSnapshot, rewriteReferences, sibling } from './refs.js';
import type { EditContext, EditOutcome } from './run.js';
import { editText } from './yaml.js';

/** Builds the rename: the file moved to `<new-id>.yaml` with its `id` (and `snapshot:`) changed, references rewritten. */
export function buildRename(ctx: EditContext, from: string, to: string): EditOutcome {
  if (from === to) throw new UsageError('the old and new ids are the same');
  const { kind, record, abs } = requireRecord(ctx.ds, from);
  const target = sibling(abs, to);
  checkNewId(ctx, to, target);
  const summary: string[] = [];
  let snapshotMove: { from: string; to: string } | undefined;
  const oldSnapshot = kind === 'source' ? (record.data as { snapshot?: string }).snapshot : undefined;
  const newSnapshot = renamedSnapshot(oldSnapshot, from, to);
  if (oldSnapshot !== undefined && newSnapshot !== undefined) {
    const src = resolve(ctx.ds.root, oldSnapshot);
    const dst = resolve(ctx.ds.root, newSnapshot);
    if (insideDataset(ctx, src) && insideDataset(ctx, dst)) snapshotMove = { from: src, to: dst };
  }
  const text = editText(ctx.changes.current(abs)!, ctx.shown(abs), (doc) => {
    doc.set('id', to);
    if (snapshotMove) doc.set('snapshot', newSnapshot);
  });
  ctx.changes.move(abs, target, text);
  summary.push(`${ctx.shown(abs)} → ${ctx.shown(target)}`);
  if (snapshotMove) {
    const read = safeReadFile(snapshotMove.from, { within: ctx.ds.root, maxBytes: MAX_BYTES.snapshot });
    if (read.ok) {
      ctx.changes.move(snapshotMove.from, snapshotMove.to, read.buf.toString('utf8'));
      summary.push(`${ctx.shown(snapshotMove.from)} → ${ctx.shown(snapshotMove.to)}`);
    }
  }
  const changed = rewriteReferences(ctx, from, to, target);
  if (changed.length > 0) summary.push(`${changed.length} file${changed.length === 1 ? '' : 's'} now refer${changed.length === 1 ? 's' : ''} to ${to}: ${changed.slice(0, 5).join(', ')}${changed.length > 5 ? `, … (${changed.length - 5} more)` : ''}`);
  return { summary };
}
