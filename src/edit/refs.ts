/** `claims rename`, `claims merge` and `claims rm`: ids that other files point at, rewritten or reported everywhere. */
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { UsageError } from '../cli/io.js';
import { SLUG_RE } from '../model/schema.js';
import type { EditContext } from './run.js';
import { referenceLines, renameInText } from './yaml.js';

/** Where one file refers to an id. */
export interface ReferenceSite {
  abs: string;
  file: string;
  lines: number[];
}

/** Whether a loaded claim or source names `id` in one of its reference fields. */
function mentions(data: Record<string, unknown>, id: string): boolean {
  if (data.supersedes === id || data.resolved_by === id) return true;
  if (Array.isArray(data.cites) && data.cites.includes(id)) return true;
  return Array.isArray(data.evidence) && (data.evidence as Array<{ source?: string; origin?: string; via?: string[] }>).some((e) => e.source === id || e.origin === id || (e.via ?? []).includes(id));
}

/**
 * The files that may refer to `id`: valid files whose data names it, and files that failed the schema (their data is
 * not known, so their text is searched). Reading only these keeps a rename on a large dataset close to one load.
 */
function candidates(ctx: EditContext, id: string, except?: string): Array<{ abs: string; file: string }> {
  const dataByFile = new Map<string, Record<string, unknown>>();
  for (const r of [...ctx.ds.claims, ...ctx.ds.sources]) dataByFile.set(r.file, r.data as unknown as Record<string, unknown>);
  return ctx.ds.files.filter((f) => {
    if (f.abs === except) return false;
    const data = dataByFile.get(f.file);
    return data === undefined || ctx.changes.has(f.abs) || mentions(data, id);
  });
}

/** Every file of the dataset that refers to `id` (in `source`, `via`, `origin`, `cites`, `supersedes`, `resolved_by`). */
export function referencesTo(ctx: EditContext, id: string, except?: string): ReferenceSite[] {
  const out: ReferenceSite[] = [];
  for (const f of candidates(ctx, id, except)) {
    const text = ctx.changes.current(f.abs);
    if (text === null || !text.includes(id)) continue;
    const lines = referenceLines(text, id);
    if (lines.length > 0) out.push({ abs: f.abs, file: f.file, lines });
  }
  return out;
}

/** Rewrites every reference to `from` as `to` across the dataset; returns the files changed. */
export function rewriteReferences(ctx: EditContext, from: string, to: string, except?: string): string[] {
  const changed: string[] = [];
  for (const f of candidates(ctx, from, except)) {
    const text = ctx.changes.current(f.abs);
    if (text === null || !text.includes(from)) continue;
    // Only the id's own characters change (a file that is not valid YAML is left alone: `validate` reports it).
    const { text: edited, count } = renameInText(text, from, to);
    if (count === 0) continue;
    ctx.changes.write(f.abs, edited);
    changed.push(f.file);
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
