/** `claims rename`, `claims merge` and `claims rm`: ids that other files point at, rewritten or reported everywhere. */
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { UsageError } from '../cli/io.js';
import { SLUG_RE } from '../model/schema.js';
import type { EditContext } from './run.js';
import { editText, referenceLines, renameReferences } from './yaml.js';

/** Where one file refers to an id. */
export interface ReferenceSite {
  abs: string;
  file: string;
  lines: number[];
}

/** Every file of the dataset that refers to `id` (in `source`, `via`, `origin`, `cites`, `supersedes`, `resolved_by`). */
export function referencesTo(ctx: EditContext, id: string, except?: string): ReferenceSite[] {
  const out: ReferenceSite[] = [];
  for (const f of ctx.ds.files) {
    if (f.abs === except) continue;
    const text = ctx.changes.current(f.abs);
    // Most files never mention the id: a plain search first keeps a rename on a large dataset linear and cheap.
    if (text === null || !text.includes(id)) continue;
    const lines = referenceLines(text, id);
    if (lines.length > 0) out.push({ abs: f.abs, file: f.file, lines });
  }
  return out;
}

/** Rewrites every reference to `from` as `to` across the dataset; returns the files changed. */
export function rewriteReferences(ctx: EditContext, from: string, to: string, except?: string): string[] {
  const changed: string[] = [];
  for (const site of referencesTo(ctx, from, except)) {
    const text = ctx.changes.current(site.abs)!;
    ctx.changes.write(site.abs, editText(text, site.file, (doc) => renameReferences(doc, from, to)));
    changed.push(site.file);
  }
  return changed;
}

/** Checks a new id: a slug, not used by any claim or source, and free as a file name. */
export function checkNewId(ctx: EditContext, id: string, target: string): void {
  if (!SLUG_RE.test(id)) throw new UsageError(`"${id}" is not a valid id: use lower-case letters, digits and hyphens, starting with a letter or digit`);
  const holder = ctx.ds.ids.get(id)?.[0];
  if (holder) throw new UsageError(`the id "${id}" is already used by ${holder.file}: ids are unique across the dataset`);
  if (existsSync(target)) throw new UsageError(`${ctx.shown(target)} already exists`);
}

/** The snapshot path a source named after its id keeps (`snapshots/<id>.txt`), renamed with it; other paths stay. */
export function renamedSnapshot(snapshot: unknown, from: string, to: string): string | undefined {
  if (typeof snapshot !== 'string') return undefined;
  const parts = snapshot.split('/');
  const name = parts[parts.length - 1]!;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  if (stem !== from) return undefined;
  parts[parts.length - 1] = to + (dot > 0 ? name.slice(dot) : '');
  return parts.join('/');
}

/** The path of a file beside `abs` named `<id>.yaml`. */
export const sibling = (abs: string, id: string): string => join(dirname(abs), `${id}.yaml`);

/** Whether `abs` is inside the dataset folder. */
export const insideDataset = (ctx: EditContext, abs: string): boolean => {
  const rel = relative(ctx.ds.root, abs);
  return rel !== '' && !rel.startsWith('..') && !rel.split(sep).includes('..');
};
