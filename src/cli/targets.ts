/** Turns the paths a user passes into datasets to load and the files to report on. */
import { existsSync, opendirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE, loadConfig } from '../config.js';
import { displayPath } from '../load/dataset.js';
import { isSkippedName, isYamlName } from '../load/discover.js';
import { UsageError } from './io.js';

/** One dataset to load, and either every file in it or only the named ones. */
export interface Target {
  root: string;
  only?: Set<string>;
  /**
   * Bounds the walk of `root`: `true` loads only the files directly in it (a lone file's own folder, which is not known
   * to be a dataset); a number is how many folder levels deep a guessed dataset is walked.
   */
  shallow?: boolean | number;
}

const within = (file: string, dir: string): boolean => file.startsWith(dir.endsWith(sep) ? dir : dir + sep);

/** How far a dataset guessed from a `sources/` folder reaches: its root is at most this many folders above the named file's folder, and it is walked at most this many folder levels deep (`sources/<id>.yaml`, `<subject>/<id>.yaml`, one level of grouping more). */
export const GUESSED_DATASET_DEPTH = 2;

/** Whether `dir` holds a folder `sources/` with at least one `.yaml`/`.yml` file directly in it (an empty one, or one of other files, does not make a dataset). */
function hasSourcesFolder(dir: string): boolean {
  let handle;
  try {
    const sources = join(dir, 'sources');
    if (!statSync(sources).isDirectory()) return false;
    handle = opendirSync(sources);
    for (let e = handle.readSync(); e !== null; e = handle.readSync()) {
      if (isYamlName(e.name) && !isSkippedName(e.name)) return true;
    }
    return false;
  } catch {
    return false;
  } finally {
    try {
      handle?.closeSync();
    } catch {
      // Already closed.
    }
  }
}

/**
 * The dataset a single file belongs to: next to the nearest claims.config.yaml (the folder its `dir:` names, default
 * `claims/`, if the file is there), else the nearest folder named `claims`, else a folder holding a `sources/` folder
 * with YAML files in it, at most GUESSED_DATASET_DEPTH folders above the file's own (not climbing out of the git
 * repository that holds the file), walked at most that many levels deep. Failing all three the file has no dataset:
 * its own folder is loaded without descending into subfolders, so a lone file in a shared folder (a temporary folder,
 * a home folder) never makes the run walk and parse every file around it.
 */
export function datasetOf(file: string): { root: string; shallow?: boolean | number } {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, CONFIG_FILE))) {
      const dataDir = join(dir, loadConfig(dir, join(dir, CONFIG_FILE)).dir ?? 'claims');
      return { root: existsSync(dataDir) && within(file, dataDir) ? dataDir : dir };
    }
    if (dirname(dir) === dir) break;
  }
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (basename(dir) === 'claims') return { root: dir };
    if (dirname(dir) === dir) break;
  }
  for (let dir = dirname(file), up = 0; up <= GUESSED_DATASET_DEPTH; dir = dirname(dir), up++) {
    if (hasSourcesFolder(dir)) return { root: dir, shallow: GUESSED_DATASET_DEPTH };
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) break;
  }
  return { root: dirname(file), shallow: true };
}

/** The dataset root of a single file (see datasetOf). */
export function datasetRootOf(file: string): string {
  return datasetOf(file).root;
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

/**
 * Why the dataset walker would not load a file the user named, or undefined when it would. Naming such a file must
 * not pass as "0 files checked: no problems" (a pre-commit hook would pass it): the caller makes it a usage error.
 */
export function whyNotChecked(abs: string, root: string): string | undefined {
  let st;
  try {
    st = statSync(abs);
  } catch (err) {
    return `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
  }
  if (!st.isFile()) return `is ${st.isFIFO() ? 'a FIFO (named pipe)' : st.isSocket() ? 'a socket' : 'a device or special file'}, not a regular file`;
  const parts = relative(root, abs).split(sep);
  const name = parts.pop()!;
  const folder = parts.find(isSkippedName);
  if (folder !== undefined) return `is inside ${folder === 'node_modules' ? 'node_modules' : `the hidden folder ${folder}`}, which validate skips`;
  if (isSkippedName(name)) return 'is a hidden file, which validate skips';
  if (name === CONFIG_FILE || name === 'claims.config.yml') return 'is the configuration file, not a claim or source file';
  if (!isYamlName(name)) return 'is not a .yaml or .yml file; claim and source files are';
  return undefined;
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
    const { root, shallow } = datasetOf(abs);
    const why = whyNotChecked(abs, root);
    if (why !== undefined) throw new UsageError(`${p} is not checked: it ${why}`);
    const key = shallow !== undefined ? `${root}\u0000${String(shallow)}` : root;
    const t = targets.get(key) ?? { root, only: new Set<string>(), shallow };
    t.only?.add(displayPath(abs, cwd));
    targets.set(key, t);
  }
  return [...targets.values()];
}
