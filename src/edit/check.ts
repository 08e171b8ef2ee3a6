/**
 * What a change does to the dataset's health: the dataset as it would be after the change is linted like
 * `claims validate` would lint it, and any error it does not have today is a reason to refuse the change.
 */
import { basename, dirname, extname, relative, sep } from 'node:path';
import type { Dataset, FileRecord } from '../load/dataset.js';
import { addFileFromText, displayPath, emptyDataset } from '../load/dataset.js';
import { lint, type LintOptions } from '../lint.js';
import type { Diagnostic, LintResult } from '../diagnostic.js';
import type { FileChange } from './changeset.js';

/** The dataset with `changes` applied in memory: changed files re-parsed from their new text, deleted ones dropped. */
export function datasetAfter(ds: Dataset, changes: readonly FileChange[], cwd: string): Dataset {
  const changed = new Map(changes.map((c) => [c.abs, c]));
  const after = emptyDataset(ds.root);
  const keep = (record: FileRecord): void => {
    after.files.push(record);
    if (record.id !== undefined) after.ids.set(record.id, [...(after.ids.get(record.id) ?? []), record]);
  };
  const byFile = new Map<string, FileRecord>();
  for (const f of ds.files) byFile.set(f.file, f);
  for (const f of ds.files) if (!changed.has(f.abs)) keep(f);
  for (const c of ds.claims) if (!changed.has(byFile.get(c.file)?.abs ?? '')) after.claims.push(c);
  for (const s of ds.sources) if (!changed.has(byFile.get(s.file)?.abs ?? '')) after.sources.push(s);
  for (const c of changes) {
    if (c.after === null || !/\.ya?ml$/.test(c.abs)) continue;
    const underSources = relative(ds.root, dirname(c.abs)).split(sep)[0] === 'sources';
    addFileFromText(after, c.after, { file: displayPath(c.abs, cwd), abs: c.abs, stem: basename(c.abs, extname(c.abs)), underSources });
  }
  return after;
}

/** A diagnostic's identity across the change: rule, message and file, not its position (lines move when text changes). */
const keyOf = (d: Diagnostic): string => `${d.rule}\u0000${d.messageId}\u0000${d.file}\u0000${d.message}`;

/** The errors the change would add, and the lint result after it. */
export interface ChangeCheck {
  added: Diagnostic[];
  after: LintResult;
}

/**
 * Lints the dataset before and after the change (the "after" located against the new texts), and returns the errors
 * that only the "after" has. Warnings never block a change; they are the editor's call.
 */
export function checkChange(ds: Dataset, changes: readonly FileChange[], cwd: string, options: LintOptions): ChangeCheck {
  const afterDs = datasetAfter(ds, changes, cwd);
  const overlay = new Map(changes.map((c) => [c.abs, c.after]));
  const after = lint(afterDs, { ...options, overlay });
  // Most changes leave a clean dataset clean: only when the result has errors is the dataset as it is linted too.
  if (after.errorCount === 0) return { added: [], after };
  const before = lint(ds, options);
  const had = new Map<string, number>();
  for (const d of before.diagnostics) if (d.severity === 'error') had.set(keyOf(d), (had.get(keyOf(d)) ?? 0) + 1);
  const added: Diagnostic[] = [];
  for (const d of after.diagnostics) {
    if (d.severity !== 'error') continue;
    const n = had.get(keyOf(d)) ?? 0;
    if (n > 0) had.set(keyOf(d), n - 1);
    else added.push(d);
  }
  return { added, after };
}
