import type { PathSegment } from '../load/locate.js';
import { formatPath } from '../load/locate.js';
import { nearest } from '../util/suggest.js';
import { defineRule, type RuleContext } from './types.js';

type Want = 'source' | 'claim';

/** The hints found in one run, by the run's index. */
const hintsByIndex = new WeakMap<object, Map<string, string>>();

function checkRef(ctx: RuleContext<'unknown' | 'wrongKind'>, file: string, path: PathSegment[], id: string, want: Want): void {
  const declared = ctx.dataset.ids.get(id);
  if (declared) {
    // A file that declares the id but failed the schema already has its own error: don't cascade.
    const ofKind = declared.some((f) => f.type === want || f.type === undefined || !f.valid);
    if (ofKind) return;
    ctx.report({ file, path, messageId: 'wrongKind', data: { field: formatPath(path), id, want, got: declared[0]!.type ?? 'file' } });
    return;
  }
  // One unknown id named by many files (a source renamed or deleted) is searched for once per run.
  let hints = hintsByIndex.get(ctx.index);
  if (hints === undefined) hintsByIndex.set(ctx.index, (hints = new Map()));
  const key = `${want} ${id}`;
  let hint = hints.get(key);
  if (hint === undefined) {
    const pool = want === 'source' ? ctx.index.sources.keys() : ctx.index.claims.keys();
    const near = nearest(id, pool, 1);
    hint = near.length > 0 ? ` Did you mean "${near[0]}"?` : ` Add a ${want} file with \`id: ${id}\` or fix the id.`;
    hints.set(key, hint);
  }
  ctx.report({ file, path, messageId: 'unknown', data: { field: formatPath(path), id, want, hint } });
}

/** Every id a claim or source names must exist: evidence source/origin/via, cites, supersedes, resolved_by. */
export const unknownReference = defineRule({
  id: 'unknown-reference',
  meta: {
    description: '`source`, `origin`, `via`, `cites`, `supersedes`, `resolved_by` name no existing id (`unknown`), a claim where a source is needed or the reverse (`wrongKind`), or — `resolved_by` — the claim itself (`selfReference`)',
    defaultSeverity: 'error',
    messages: {
      unknown: '`{{field}}` names "{{id}}", which is no {{want}} in the dataset.{{hint}}',
      wrongKind: '`{{field}}` names "{{id}}", which is a {{got}}, not a {{want}}.',
      selfReference: '`{{field}}` names this claim itself ("{{id}}"): name the other claim that shows how the forecast turned out.',
    },
  },
  check(ctx) {
    for (const { file, data } of ctx.dataset.claims) {
      data.evidence.forEach((ev, i) => {
        checkRef(ctx, file, ['evidence', i, 'source'], ev.source, 'source');
        ev.via?.forEach((v, j) => checkRef(ctx, file, ['evidence', i, 'via', j], v, 'source'));
        if (ev.origin !== undefined) checkRef(ctx, file, ['evidence', i, 'origin'], ev.origin, 'source');
      });
      if (data.supersedes !== undefined) checkRef(ctx, file, ['supersedes'], data.supersedes, 'claim');
      if (data.resolved_by === data.id) {
        // The claim that shows a forecast's outcome is another claim: the forecast cannot settle itself.
        ctx.report({ file, path: ['resolved_by'], messageId: 'selfReference', data: { field: 'resolved_by', id: data.id } });
      } else if (data.resolved_by !== undefined) checkRef(ctx, file, ['resolved_by'], data.resolved_by, 'claim');
    }
    for (const { file, data } of ctx.dataset.sources) {
      data.cites?.forEach((c, j) => checkRef(ctx, file, ['cites', j], c, 'source'));
    }
  },
});
