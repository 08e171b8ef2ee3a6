/**
 * The one flow every writing command follows: load the dataset, make the change in memory, check the dataset as it
 * would be after it, then print the diff (`--dry-run`) or apply it all or nothing. Exit 0 when done (or nothing to do),
 * 1 when the change would add an error (nothing written), 2 for usage errors and failed writes.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadDataset, displayPath, type Dataset } from '../load/dataset.js';
import { Entities } from '../provenance/index.js';
import { stylish } from '../format/stylish.js';
import { type Io, UsageError, wantsColor } from '../cli/io.js';
import type { RunSettings } from '../cli/settings.js';
import type { LintOptions } from '../lint.js';
import { ApplyError, applyChanges, ChangeSet } from './changeset.js';
import { checkChange } from './check.js';
import { unifiedDiff } from './diff.js';

/** What a change builder gets: the dataset as it is, where to record edits, and how to show paths. */
export interface EditContext {
  ds: Dataset;
  changes: ChangeSet;
  cwd: string;
  settings: RunSettings;
  lintOptions: LintOptions;
  /** A path as the user sees it (relative to the working directory). */
  shown(abs: string): string;
}

/** What a builder returns: lines to print after the change is written (what it did, what it changed). */
export interface EditOutcome {
  summary: string[];
}

/** Options every writing command takes. */
export interface WriteOptions {
  dryRun?: boolean;
}

/** Loads the dataset a writing command works on; a missing folder is a usage error. */
export function loadForEdit(settings: RunSettings, io: Io): Dataset {
  const cwd = io.cwd();
  const root = resolve(cwd, settings.dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`no dataset folder at ${settings.dir} (use --dir, or run \`claims init\`)`);
  return loadDataset(root, cwd);
}

/** Runs one writing command: `build` records its edits in `ctx.changes` (throwing UsageError for bad input). */
export function runEdit(opts: WriteOptions, settings: RunSettings, io: Io, build: (ctx: EditContext) => EditOutcome): number {
  const cwd = io.cwd();
  const ds = loadForEdit(settings, io);
  const lintOptions: LintOptions = { today: settings.today, severities: settings.config.rules, entities: new Entities(settings.config.aliases) };
  const shown = (abs: string): string => displayPath(abs, cwd);
  const ctx: EditContext = { ds, changes: new ChangeSet(), cwd, settings, lintOptions, shown };
  const outcome = build(ctx);
  const changes = ctx.changes.list();
  if (changes.length === 0) {
    io.stdout.write('nothing to change: the files already say this\n');
    return 0;
  }
  const check = checkChange(ds, changes, cwd, lintOptions);
  if (opts.dryRun) io.stdout.write(unifiedDiff(changes, shown));
  if (check.added.length > 0) {
    const errors = check.added;
    io.stderr.write(stylish({ ...check.after, diagnostics: errors, errorCount: errors.length, warningCount: 0 }, { color: wantsColor(io) }));
    io.stderr.write(`claims: ${opts.dryRun ? 'this change would be refused' : 'nothing was written'}: it would add ${errors.length} error${errors.length === 1 ? '' : 's'} (above)\n`);
    return 1;
  }
  if (opts.dryRun) {
    // stdout stays a patch `git apply` accepts; what the change would do goes to stderr.
    io.stderr.write(outcome.summary.map((l) => `claims: dry run, nothing written: ${l}\n`).join(''));
    return 0;
  }
  try {
    applyChanges(changes, shown);
  } catch (err) {
    if (err instanceof ApplyError) throw new UsageError(err.message);
    throw err;
  }
  io.stdout.write(outcome.summary.map((l) => `${l}\n`).join(''));
  return 0;
}
