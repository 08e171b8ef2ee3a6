/** `claims fmt [paths...]`: rewrite files into canonical key order and quoting, atomically; `--check` only lists them. */
import { escapeControls } from '../format/escape.js';
import { lstatSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { discover } from '../load/discover.js';
import { displayPath } from '../load/dataset.js';
import { formatYaml } from '../authoring/fmt.js';
import { writeAtomically } from '../util/atomic.js';
import { lineBreaksToLf, safeReadFile } from '../util/safe-read.js';
import { complexKeyAt } from '../load/yaml-read.js';
import { datasetRootOf, isDirectory } from './targets.js';
import { modelineFor, repairModeline } from '../authoring/modeline.js';
import type { Io } from './io.js';
import type { RunSettings } from './settings.js';

/** Options of `claims fmt` as commander parses them. */
export interface FmtOptions {
  check?: boolean;
}

/** The largest file fmt reads: far above any claim or source, far below what could exhaust memory. */
export const MAX_FMT_BYTES = 4 * 1024 * 1024;

/** One file to format, and the folder it must stay inside (its real path) when it was found by walking a folder. */
interface FmtTarget {
  abs: string;
  inside?: string;
}

const within = (file: string, dir: string): boolean => file === dir || file.startsWith(dir.endsWith(sep) ? dir : dir + sep);

/** The files named by `paths`: folders are walked like a dataset, files are taken as given. */
function filesOf(paths: string[], cwd: string, io: Io): { files: FmtTarget[]; failed: number } {
  const files = new Map<string, FmtTarget>();
  let failed = 0;
  for (const p of paths) {
    const abs = resolve(cwd, p);
    const isDir = isDirectory(abs, p);
    if (!isDir) {
      if (!files.has(abs)) files.set(abs, { abs });
      continue;
    }
    const inside = realpathSync(abs);
    const found = discover(abs);
    for (const f of found.files) if (!files.has(f)) files.set(f, { abs: f, inside });
    for (const u of found.unreadable) {
      const shown = escapeControls(displayPath(u.path, cwd));
      // The walk never enters or reads a link out of the folder: nothing there is formatted.
      if (u.outside) io.stderr.write(`claims: ${shown}: is a symbolic link to a path outside the folder being formatted; left untouched\n`);
      else io.stderr.write(`claims: ${shown}: cannot read (${u.reason}); skipped\n`);
      failed++;
    }
  }
  return { files: [...files.values()], failed };
}

/**
 * Why fmt must not touch this file, or undefined when it may: links are left alone (replacing one would turn it
 * into a regular file, writing through one would change a file elsewhere), and so is anything not a regular file.
 */
function refusal(target: FmtTarget): string | undefined {
  const st = lstatSync(target.abs);
  if (st.isSymbolicLink()) return 'is a symbolic link';
  if (!st.isFile()) return 'is not a regular file';
  // The folder is resolved, not the file: a file reached through a linked folder lives outside the folder fmt was given.
  const real = join(realpathSync(dirname(target.abs)), basename(target.abs));
  if (target.inside !== undefined && !within(real, target.inside)) return 'is reached through a symbolic link to a folder outside the one being formatted';
  return undefined;
}

/**
 * Reads a regular file through the tool's one safe reader: never blocking on a FIFO, never reading a device or a
 * kernel file (`/proc/kmsg`, `/proc/self/environ` say they are empty yet give bytes), at most MAX_FMT_BYTES; throws a
 * one-line reason. Links were refused before (`refusal`).
 */
function readRegularFile(abs: string): Buffer {
  const read = safeReadFile(abs, { maxBytes: MAX_FMT_BYTES });
  if (!read.ok) throw new Error(read.kind === 'too-large' ? `is larger than ${MAX_FMT_BYTES / 1024 / 1024} MiB` : read.reason);
  return read.buf;
}

/** Reads and checks one file; returns its text, or writes why it is left untouched and returns undefined. */
function readTarget(target: FmtTarget, shown: string, io: Io): string | undefined {
  let why: string | undefined;
  try {
    why = refusal(target);
    if (why === undefined) return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(readRegularFile(target.abs));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    why = code === 'ELOOP' ? 'is a symbolic link' : code ? `cannot be read (${code})` : err instanceof TypeError ? 'is not UTF-8 text' : err instanceof Error ? err.message : String(err);
  }
  io.stderr.write(`claims: ${shown}: ${why}; left untouched\n`);
  return undefined;
}

/** The modeline a file at `abs` should carry, or '' when its dataset cannot be told (an invalid claims.config.yaml above it). */
function modelineOf(kind: 'claim' | 'source', abs: string): string {
  try {
    return modelineFor(kind, abs, datasetRootOf(abs));
  } catch {
    return '';
  }
}

/** Runs `claims fmt`; returns 1 when `--check` finds files to change or a file could not be formatted, else 0. Each file stands alone. */
export function fmt(paths: string[], opts: FmtOptions, settings: RunSettings, io: Io): number {
  const cwd = io.cwd();
  const { files, failed: unreadable } = filesOf(paths.length > 0 ? paths : [settings.dir], cwd, io);
  let failed = unreadable;
  let changed = 0;
  for (const target of files) {
    // A file name is data too: shown with its control characters escaped, like everything else on the terminal.
    const shown = escapeControls(displayPath(target.abs, cwd));
    const text = readTarget(target, shown, io);
    if (text === undefined) {
      failed++;
      continue;
    }
    // A list or mapping as a key cannot be kept as it is, and converting it would warn on stderr: reported here.
    const complex = complexKeyAt(lineBreaksToLf(text));
    if (complex !== undefined) {
      io.stderr.write(`claims: ${shown}:${complex.line}:${complex.column}: ${complex.message}; left untouched\n`);
      failed++;
      continue;
    }
    const result = formatYaml(text);
    if (!result.ok) {
      const what = escapeControls(result.reason === 'syntax' ? `not valid YAML (${result.message})` : result.message);
      io.stderr.write(`claims: ${shown}:${result.line}:${result.column}: ${what}; left untouched\n`);
      failed++;
      continue;
    }
    // A modeline copied from another dataset, whose link leads nowhere from here, is pointed at this dataset's schemas.
    const out = repairModeline(result.text, target.abs, (kind) => modelineOf(kind, target.abs));
    if (out === text) continue;
    changed++;
    if (!opts.check) {
      try {
        writeAtomically(target.abs, out);
      } catch (err) {
        io.stderr.write(`claims: ${shown}: cannot write (${(err as NodeJS.ErrnoException).code ?? String(err)}); left untouched\n`);
        failed++;
        continue;
      }
    }
    io.stdout.write(`${shown}\n`);
  }
  if (opts.check && changed > 0) {
    io.stderr.write(`claims: ${changed} file${changed === 1 ? '' : 's'} not in canonical form; run \`claims fmt\` to rewrite ${changed === 1 ? 'it' : 'them'}\n`);
  }
  return failed > 0 || (opts.check && changed > 0) ? 1 : 0;
}
