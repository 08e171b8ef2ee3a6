/** `claims fmt [paths...]`: rewrite files into canonical key order and quoting, atomically; `--check` only lists them. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { discover } from '../load/discover.js';
import { displayPath } from '../load/dataset.js';
import { formatYaml } from '../authoring/fmt.js';
import { writeAtomically } from '../util/atomic.js';
import { isDirectory } from './targets.js';
import type { Io } from './io.js';
import type { RunSettings } from './settings.js';

/** Options of `claims fmt` as commander parses them. */
export interface FmtOptions {
  check?: boolean;
}

/** The files named by `paths`: folders are walked like a dataset, files are taken as given. */
function filesOf(paths: string[], cwd: string, io: Io): { files: string[]; failed: number } {
  const files: string[] = [];
  let failed = 0;
  for (const p of paths) {
    const abs = resolve(cwd, p);
    const isDir = isDirectory(abs, p);
    if (!isDir) {
      files.push(abs);
      continue;
    }
    const found = discover(abs);
    files.push(...found.files);
    for (const u of found.unreadable) {
      io.stderr.write(`claims: ${displayPath(u.path, cwd)}: cannot read (${u.reason}); skipped\n`);
      failed++;
    }
  }
  return { files: [...new Set(files)], failed };
}

/** Runs `claims fmt`; returns 1 when `--check` finds files to change or a file could not be formatted, else 0. */
export function fmt(paths: string[], opts: FmtOptions, settings: RunSettings, io: Io): number {
  const cwd = io.cwd();
  const { files, failed: unreadable } = filesOf(paths.length > 0 ? paths : [settings.dir], cwd, io);
  let failed = unreadable;
  let changed = 0;
  for (const abs of files) {
    const shown = displayPath(abs, cwd);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(readFileSync(abs));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      io.stderr.write(`claims: ${shown}: ${code ? `cannot read (${code})` : 'not UTF-8 text'}; left untouched\n`);
      failed++;
      continue;
    }
    const result = formatYaml(text);
    if (!result.ok) {
      io.stderr.write(`claims: ${shown}:${result.line}:${result.column}: not valid YAML (${result.message}); left untouched\n`);
      failed++;
      continue;
    }
    if (!result.changed) continue;
    changed++;
    if (!opts.check) {
      try {
        writeAtomically(abs, result.text);
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
