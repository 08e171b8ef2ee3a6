/** `claims rm <id>`: deletes a claim or source that nothing refers to. */
import { UsageError } from '../cli/io.js';
import { requireRecord } from './lookup.js';
import { referencesTo } from './refs.js';
import type { EditContext, EditOutcome } from './run.js';

/** The most references a refusal lists one by one. */
const MAX_LISTED = 20;

/** Builds the deletion, or refuses while anything refers to the id, listing each reference as `file:line`. */
export function buildRm(ctx: EditContext, id: string): EditOutcome {
  const { abs, kind, record } = requireRecord(ctx.ds, id);
  const sites = referencesTo(ctx, id, abs).flatMap((s) => s.lines.map((l) => `${s.file}:${l}`));
  if (sites.length > 0) {
    const listed = sites.slice(0, MAX_LISTED).map((s) => `  ${s}`).join('\n');
    const more = sites.length > MAX_LISTED ? `\n  … and ${sites.length - MAX_LISTED} more` : '';
    throw new UsageError(`"${id}" is still referred to ${sites.length === 1 ? 'once' : `${sites.length} times`}; change or remove these first (or use \`claims merge\`):\n${listed}${more}`);
  }
  ctx.changes.remove(abs);
  const summary = [`${ctx.shown(abs)} deleted`];
  const snapshot = kind === 'source' ? (record.data as { snapshot?: string }).snapshot : undefined;
  if (snapshot) summary.push(`its snapshot ${snapshot} was kept; delete it by hand if nothing else needs it`);
  return { summary };
}
