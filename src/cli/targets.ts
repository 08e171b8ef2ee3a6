/** Turns the paths a user passes into datasets to load and the files to report on. */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { CONFIG_FILE } from '../config.js';
import { displayPath } from '../load/dataset.js';
import { UsageError } from './io.js';

/** One dataset to load, and either every file in it or only the named ones. */
export interface Target {
  root: string;
  only?: Set<string>;
}

const within = (file: string, dir: string): boolean => file.startsWith(dir.endsWith(sep) ? dir : dir + sep);

/** The dataset a single file belongs to: next to the nearest claims.config.yaml, else the nearest `claims/` folder. */
export function datasetRootOf(file: string): string {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, CONFIG_FILE))) {
      const claimsDir = join(dir, 'claims');
      return existsSync(claimsDir) && within(file, claimsDir) ? claimsDir : dir;
    }
    if (dirname(dir) === dir) break;
  }
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (basename(dir) === 'claims') return dir;
    if (dirname(dir) === dir) break;
  }
  return dirname(file);
}

/** Whether a path the user named is a folder; a missing or unreadable one is a usage error (exit 2) naming it as typed. */
export function isDirectory(abs: string, typed: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `no such file or folder: ${typed}` : `cannot read ${typed} (${code ?? String(err)})`);
  }
}

/** Groups paths into datasets; a folder is a dataset of its own, a file is checked within its dataset. */
export function resolveTargets(paths: string[], cwd: string): Target[] {
  const targets = new Map<string, Target>();
  for (const p of paths) {
    const abs = resolve(cwd, p);
    const isDir = isDirectory(abs, p);
    if (isDir) {
      targets.set(abs, { root: abs });
      continue;
    }
    const root = datasetRootOf(abs);
    const t = targets.get(root) ?? { root, only: new Set<string>() };
    t.only?.add(displayPath(abs, cwd));
    targets.set(root, t);
  }
  return [...targets.values()];
}
