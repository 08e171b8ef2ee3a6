/**
 * `claims init [folder]`: sets up a dataset — claims.config.yaml naming the dataset folder, the folder with `sources/`
 * and `snapshots/`, and the JSON Schemas in `<dataset>/.schemas/` so the modelines of new files resolve. It never
 * replaces a file: run again, it creates only what is missing and says what was already there.
 */
import { linkSync, lstatSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { safeReadFile } from '../util/safe-read.js';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE, datasetDirProblem, loadConfig } from '../config.js';
import { displayPath } from '../load/dataset.js';
import { escapeControls } from '../format/escape.js';
import { DATASET_SCHEMAS_DIR, SCHEMA_FILES, packageSchemasDir } from '../authoring/modeline.js';
import { tempPathFor, writeTemp } from '../util/atomic.js';
import { type Io, UsageError } from './io.js';
import type { RunSettings } from './settings.js';

/** Options of `claims init`: `dir` is the dataset folder to name in `dir:` (the global `--dir`), relative to the folder. */
export interface InitOptions {
  dir?: string;
}

/** One thing init makes: a folder, or a file with its text. */
type Entry = { kind: 'folder'; abs: string } | { kind: 'file'; abs: string; text: string };

/** The configuration init writes: `dir:` set, the other settings shown commented out. */
function configText(dir: string): string {
  return [
    '# claims configuration. Every `claims` command run in this folder or below finds this file and the dataset it names.',
    '# The dataset folder, relative to this file:',
    `dir: ${JSON.stringify(dir)}`,
    '# today: 2026-01-31         # the date time-dependent rules measure against (default: the real date)',
    '# rules:                    # severities: error | warning | off',
    '#   quote-missing: error',
    '# aliases:                  # alias: canonical name, for subject and party matching',
    '#   "Mistral": Mistral AI',
    '',
  ].join('\n');
}

/** The dataset folder for `dir`, checked as the configuration checks it; a bad one is a usage error. */
function checkedDir(dir: string): string {
  const problem = datasetDirProblem(dir);
  if (problem !== undefined) throw new UsageError(`--dir ${JSON.stringify(dir)}: the dataset folder ${problem}`);
  const parts = dir.split('/').filter((p) => p !== '' && p !== '.');
  return parts.length === 0 ? '.' : parts.join('/');
}

/** What is at `abs`: nothing, a folder (links followed) or something else. */
function whatIsAt(abs: string): 'missing' | 'folder' | 'file' | 'other' {
  try {
    lstatSync(abs);
  } catch {
    return 'missing';
  }
  try {
    const st = statSync(abs);
    return st.isDirectory() ? 'folder' : st.isFile() ? 'file' : 'other';
  } catch {
    // A link to nothing: something is there, and init does not replace it.
    return 'other';
  }
}

/** Creates `target` holding `text`, never replacing anything there (a hard link of a complete temporary file). */
function createFile(target: string, text: string): void {
  const tmp = tempPathFor(target);
  const temp = writeTemp(tmp, text);
  try {
    linkSync(tmp, target);
    unlinkSync(tmp);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || whatIsAt(target) !== 'missing') {
      temp.discard();
      throw new UsageError(`${target} appeared while init was writing it; left as it is`);
    }
    // Filesystems without hard links.
    renameSync(tmp, target);
  }
  temp.release();
}

/** Whether the regular file at `abs` holds exactly `text` (its size is compared first, so a huge file is never read). */
function sameText(abs: string, text: string): boolean {
  try {
    // Only a regular file inside the project, no larger than the text, is read (never a link out or a device).
    const read = safeReadFile(abs, { maxBytes: Buffer.byteLength(text), within: dirname(dirname(abs)) });
    return read.ok && read.buf.toString('utf8') === text;
  } catch {
    return false;
  }
}

/** Runs `claims init`; returns 0 when the dataset is set up (made now or already there), throws UsageError (exit 2) otherwise. */
export function init(folder: string | undefined, opts: InitOptions, _settings: RunSettings | undefined, io: Io): number {
  const cwd = io.cwd();
  const base = resolve(cwd, folder ?? '.');
  const shown = (abs: string): string => escapeControls(displayPath(abs, cwd));
  const at = whatIsAt(base);
  if (at !== 'missing' && at !== 'folder') throw new UsageError(`${escapeControls(folder ?? '.')} exists and is not a folder`);

  const configAbs = join(base, CONFIG_FILE);
  const configAt = whatIsAt(configAbs);
  let dir = opts.dir === undefined ? 'claims' : checkedDir(opts.dir);
  if (configAt === 'file') {
    // An existing configuration decides where the dataset is; a different --dir would leave it naming another folder.
    const existing = loadConfig(base, configAbs).dir ?? 'claims';
    if (opts.dir !== undefined && existing !== dir) {
      throw new UsageError(`${shown(configAbs)} already names the dataset folder "${escapeControls(existing)}", not "${escapeControls(dir)}": change its dir: or leave out --dir`);
    }
    dir = existing;
  }

  const schemas = packageSchemasDir();
  if (schemas === undefined) throw new UsageError('cannot find the JSON Schemas of this installation (its schemas/ folder): reinstall claims');
  const dataset = join(base, dir);
  const schemaDir = join(dataset, DATASET_SCHEMAS_DIR);
  const entries: Entry[] = [
    { kind: 'folder', abs: base },
    { kind: 'file', abs: configAbs, text: configText(dir) },
    { kind: 'folder', abs: dataset },
    { kind: 'folder', abs: join(dataset, 'sources') },
    { kind: 'folder', abs: join(dataset, 'snapshots') },
    { kind: 'folder', abs: schemaDir },
    ...Object.values(SCHEMA_FILES).map((name): Entry => ({ kind: 'file', abs: join(schemaDir, name), text: readFileSync(join(schemas, name), 'utf8') })),
  ];

  // Everything is checked before anything is made: a file where a folder belongs stops the run with nothing written.
  for (const e of entries) {
    const found = whatIsAt(e.abs);
    if (found === 'missing') continue;
    if (e.kind === 'folder' && found !== 'folder') throw new UsageError(`${shown(e.abs)} exists and is not a folder; nothing was created`);
    if (e.kind === 'file' && found !== 'file') throw new UsageError(`${shown(e.abs)} exists and is not a regular file; nothing was created`);
  }

  const lines: string[] = [];
  let created = 0;
  for (const e of entries) {
    const label = e.kind === 'folder' ? `${shown(e.abs)}/` : shown(e.abs);
    if (whatIsAt(e.abs) !== 'missing') {
      if (e.abs === base) continue;
      const stale = e.kind === 'file' && e.abs !== configAbs && !sameText(e.abs, e.text);
      lines.push(`exists   ${label}${stale ? ' (differs from this version of claims; delete it and run claims init again to update it)' : ''}`);
      continue;
    }
    try {
      if (e.kind === 'folder') mkdirSync(e.abs, { recursive: e.abs === base });
      else createFile(e.abs, e.text);
    } catch (err) {
      if (err instanceof UsageError) throw err;
      throw new UsageError(`cannot create ${label} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    created++;
    lines.push(`created  ${label}`);
  }
  io.stdout.write(lines.map((l) => `${l}\n`).join(''));
  const where = shown(dataset);
  io.stdout.write(created === 0
    ? `claims: nothing to create: the dataset ${where} is already set up\n`
    : `claims: dataset ready in ${where}; add a source with \`claims new source\`, then check it with \`claims validate\`\n`);
  return 0;
}
