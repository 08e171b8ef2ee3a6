/** `claims new claim` and `claims new source`: ask for what is missing, validate against the dataset, write atomically. */
import { existsSync, linkSync, lstatSync, mkdirSync, realpathSync, renameSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { SLUG_RE } from '../model/schema.js';
import { onInterrupt, tempPathFor, writeTemp } from '../util/atomic.js';
import { addFileFromText, displayPath, emptyDataset, loadDataset, type Dataset, type FileRecord } from '../load/dataset.js';
import { lint } from '../lint.js';
import { countSeverities } from '../diagnostic.js';
import { stylish } from '../format/stylish.js';
import { escapeControls } from '../format/escape.js';
import { Entities } from '../provenance/index.js';
import { buildRecord, deriveId, flagOf, missingFields, optionOf, relativePathOf, toYaml, type Kind, type NewOptions } from '../authoring/new.js';
import { modelineFor } from '../authoring/modeline.js';
import { type Io, UsageError, wantsColor } from './io.js';
import { promptedFields } from '../edit/prompts.js';
import { evidenceItems } from '../edit/evidence-args.js';
import { evidenceRecord } from '../edit/cite.js';
import { checkSnapshotOption } from '../edit/snapshot.js';
import type { RunSettings } from './settings.js';

/** Asks, one at a time, for each field promptedFields names (recomputed after each answer); throws the usage error when input ends first. */
async function prompt(kind: Kind, opts: NewOptions, io: Io): Promise<NewOptions> {
  const stdin = io.stdin!;
  const rl = createInterface({ input: stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const filled: NewOptions = { ...opts };
  const asked = new Set<string>();
  try {
    for (;;) {
      const next = promptedFields(kind, buildRecord(kind, filled), asked)[0];
      if (next === undefined) break;
      asked.add(next.field);
      for (;;) {
        io.stderr.write(`${next.field.replace(/_/g, ' ')}${next.choices ? ` (${next.choices.join(', ')})` : ''}${next.required ? '' : ` (${next.why}; Enter to skip)`}: `);
        const line = await lines.next();
        if (line.done) {
          io.stderr.write('\n');
          const still = promptedFields(kind, buildRecord(kind, filled)).filter((f) => f.required).map((f) => f.field);
          if (still.length > 0) throw new UsageError(`missing required ${still.map(flagOf).join(', ')} for a new ${kind}`);
          return filled;
        }
        const answer = String(line.value).trim();
        if (answer === '') {
          if (next.required) continue;
          break;
        }
        if (next.choices && !next.choices.includes(answer)) {
          io.stderr.write(`"${escapeControls(answer)}" is not one of: ${next.choices.join(', ')}\n`);
          continue;
        }
        const problem = next.problem?.(answer);
        if (problem !== undefined) {
          io.stderr.write(`${next.field}: "${escapeControls(answer)}" ${problem}\n`);
          continue;
        }
        filled[optionOf(next.field)] = answer;
        break;
      }
    }
  } finally {
    rl.close();
  }
  return filled;
}

/** Removes the folders this run created, innermost first, as long as they are empty. */
function removeEmptyFolders(dir: string, top: string): void {
  for (let d = dir; ; d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return;
    }
    if (d === top || dirname(d) === d) return;
  }
}

const codeOf = (err: unknown): string => (err as NodeJS.ErrnoException).code ?? String(err);
const insideOrAt = (path: string, dir: string): boolean => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

/**
 * Makes sure the folder `dir` (inside the dataset folder `root`) exists as a real folder inside the dataset, creating
 * the missing ones one at a time; returns the outermost folder it created. A subject folder that is a link out of the
 * dataset, a link that leads nowhere, or a file where a folder belongs is a usage error: nothing is written elsewhere.
 */
function prepareFolder(root: string, dir: string, cwd: string): string | undefined {
  const shown = (p: string): string => escapeControls(displayPath(p, cwd));
  const missing: string[] = [];
  let existing = dir;
  for (;;) {
    let st;
    try {
      st = lstatSync(existing);
    } catch (err) {
      const code = codeOf(err);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new UsageError(`cannot use the folder ${shown(existing)} (${code})`);
      missing.push(existing);
      if (dirname(existing) === existing) throw new UsageError(`cannot use the folder ${shown(dir)}`);
      existing = dirname(existing);
      continue;
    }
    if (st.isSymbolicLink()) {
      try {
        st = statSync(existing);
      } catch {
        throw new UsageError(`${shown(existing)} is a symbolic link that leads nowhere; a folder belongs there`);
      }
    }
    if (!st.isDirectory()) throw new UsageError(`${shown(existing)} is not a folder; a folder belongs there`);
    break;
  }
  // What exists at or under the dataset folder must really lie inside it: a subject folder linked elsewhere would
  // put the new file outside the dataset.
  if (insideOrAt(existing, root)) {
    let realRoot: string;
    let real: string;
    try {
      realRoot = realpathSync.native(root);
      real = realpathSync.native(existing);
    } catch (err) {
      throw new UsageError(`cannot use the folder ${shown(existing)} (${codeOf(err)})`);
    }
    if (!insideOrAt(real, realRoot)) throw new UsageError(`${shown(existing)} is a symbolic link to a folder outside the dataset folder; refusing to write through it`);
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (err) {
      if (missing[0] !== folder) removeEmptyFolders(dirname(folder), missing[0]!);
      throw new UsageError(`cannot create the folder ${shown(folder)} (${codeOf(err)})`);
    }
  }
  return missing[0];
}

/** Writes `text` to `target` through a temporary file in the same folder; never replaces an existing file. */
function commit(tmp: string, target: string, shown: string): void {
  try {
    linkSync(tmp, target);
    unlinkSync(tmp);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${shown} already exists: refusing to overwrite it`);
    // Filesystems without hard links: rename, after checking again that nothing appeared meanwhile.
    if (existsSync(target)) throw new UsageError(`${shown} already exists: refusing to overwrite it`);
    renameSync(tmp, target);
  }
}

/** An id given with `--id` must be a slug: it is the file name, so `a/b` or `../x` would name another folder. */
function checkId(raw: NewOptions[string]): void {
  if (raw === undefined || typeof raw === 'boolean') return;
  const id = (Array.isArray(raw) ? raw[raw.length - 1] : raw) ?? '';
  if (!SLUG_RE.test(id.trim())) {
    throw new UsageError(`--id: ${JSON.stringify(id)} is not a valid id: ids are slugs of lowercase letters, digits and hyphens, starting with a letter or digit (e.g. "arr-2026-02")`);
  }
}

/** The file that already declares `id` (or is named after it) anywhere in the dataset: ids are unique across claims and sources. */
function holderOf(ds: Dataset, id: string): FileRecord | undefined {
  return ds.ids.get(id)?.[0] ?? ds.files.find((f) => f.stem === id);
}

/** Runs `claims new <kind>`; returns the exit code (0 written, 1 the new file would have errors). */
export async function newFile(kind: Kind, opts: NewOptions, settings: RunSettings, io: Io, argv: readonly string[] = []): Promise<number> {
  checkId(opts.id);
  // Several evidence items: each --source starts one (commander keeps only the last --quote, --origin, --locator).
  const items = kind === 'claim' ? evidenceItems(argv) : [];
  if (items.length > 0) {
    const first = items[0]!;
    opts = { ...opts, source: first.source, quote: first.quote, via: first.via, origin: first.origin, locator: first.locator === undefined ? undefined : String(first.locator), unattributed: first.unattributed };
  }
  const missing = missingFields(kind, opts);
  if (io.stdin?.isTTY) {
    if (promptedFields(kind, buildRecord(kind, opts)).length > 0) opts = await prompt(kind, opts, io);
  } else if (missing.length > 0) {
    throw new UsageError(`missing required ${missing.map(flagOf).join(', ')} for a new ${kind} (stdin is not a terminal, so they cannot be asked for)`);
  }

  const cwd = io.cwd();
  const root = resolve(cwd, settings.dir);
  if (existsSync(root) && !statSync(root).isDirectory()) throw new UsageError(`${settings.dir} is not a folder`);
  const ds = existsSync(root) ? loadDataset(root, cwd) : emptyDataset(root);
  if (kind === 'source' && typeof opts.snapshot === 'string' && opts.snapshot.trim() !== '') {
    opts = { ...opts, snapshotSha256: checkSnapshotOption(opts.snapshot.trim(), root, settings.dir) };
  }
  // The first item is built from the options (with what the prompts added); the others as the flags gave them.
  const withItems = (record: Record<string, unknown>): Record<string, unknown> => {
    if (items.length > 1 && Array.isArray(record.evidence)) record.evidence = [record.evidence[0], ...items.slice(1).map(evidenceRecord)];
    return record;
  };
  const record = withItems(buildRecord(kind, opts));
  if (record.id === undefined) {
    const taken = (id: string): boolean => holderOf(ds, id) !== undefined || existsSync(join(root, relativePathOf(kind, { ...record, id })));
    const id = deriveId(kind, record, taken);
    // Keep the canonical key order: rebuild with the id in its place.
    return write(kind, withItems(buildRecord(kind, { ...opts, id })), ds, settings, io);
  }
  return write(kind, record, ds, settings, io);
}

/**
 * Lets signals that arrived during synchronous work be handled (cleanup, then exit) before the file is put in place.
 * Signals are read in the event loop's poll phase; two turns of `setImmediate` make sure one poll phase runs in between.
 */
const deliverPendingSignals = (): Promise<void> => new Promise((done) => setImmediate(() => setImmediate(done)));

async function write(kind: Kind, record: Record<string, unknown>, ds: Dataset, settings: RunSettings, io: Io): Promise<number> {
  const cwd = io.cwd();
  const target = join(ds.root, ...relativePathOf(kind, record).split('/'));
  const shown = displayPath(target, cwd);
  if (relative(ds.root, target).split(sep).includes('..')) throw new UsageError(`the id "${String(record.id)}" would write outside the dataset folder`);
  if (existsSync(target)) throw new UsageError(`${shown} already exists: refusing to overwrite it`);
  const holder = holderOf(ds, String(record.id));
  if (holder) throw new UsageError(`the id "${String(record.id)}" is already used by ${holder.file}: ids are unique across the dataset; choose another --id`);

  // The modeline links to the JSON Schema from where this file will be, in whichever dataset it is.
  const text = toYaml(kind, record, modelineFor(kind, target, ds.root));
  const dir = dirname(target);
  // Not mkdirSync's recursive mode: on a folder where nothing can be created (/proc) it never returns.
  const created = prepareFolder(ds.root, dir, cwd);
  // Folders this run created go too if it is interrupted (registered before the temporary file, so they are removed after it).
  const forgetFolders = onInterrupt(() => {
    if (created !== undefined) removeEmptyFolders(dir, created);
  });
  const tmp = tempPathFor(target);
  let temp: ReturnType<typeof writeTemp> | undefined;
  let done = false;
  try {
    temp = writeTemp(tmp, text);

    // Check the new file within the whole dataset, as `claims validate` would, before it exists under its name.
    addFileFromText(ds, text, { file: shown, abs: tmp, stem: String(record.id), underSources: kind === 'source' });
    const result = lint(ds, { today: settings.today, severities: settings.config.rules, entities: new Entities(settings.config.aliases), only: new Set([shown]) });
    // A new source is not cited by any claim yet: that is how sources are added, not a problem.
    const diagnostics = result.diagnostics.filter((d) => !(kind === 'source' && d.rule === 'orphan-source'));
    const shownResult = {
      ...result,
      diagnostics,
      ...countSeverities(diagnostics),
    };
    if (diagnostics.length > 0) io.stderr.write(stylish(shownResult, { color: wantsColor(io) }));
    if (shownResult.errorCount > 0) {
      io.stderr.write(`claims: ${shown} was not written: fix the errors above and run the command again\n`);
      return 1;
    }
    await deliverPendingSignals();
    commit(tmp, target, shown);
    temp.release();
    done = true;
    io.stdout.write(`${shown}\n`);
    return 0;
  } finally {
    forgetFolders();
    if (!done) {
      temp?.discard();
      if (created !== undefined) removeEmptyFolders(dir, created);
    }
  }
}
