/**
 * Finds the YAML files of a dataset: recursive, sorted, never leaving the dataset folder through a link and never
 * following a link loop.
 */
import { compareText } from '../util/compare.js';
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, sep } from 'node:path';

/** Files the walker ignores: configuration, not claims. */
const IGNORED_FILES = new Set(['claims.config.yaml', 'claims.config.yml']);

/** Whether a file name looks like a claim or source file. */
export function isYamlName(name: string): boolean {
  return (name.endsWith('.yaml') || name.endsWith('.yml')) && !IGNORED_FILES.has(name);
}

/** Entries the walker never enters or lists: hidden ones (`.git`, `.cache`) and `node_modules`. */
export function isSkippedName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** Why an entry was reported rather than loaded. */
export type UnreadableKind = 'unreadable' | 'notRegular' | 'outside';

/** What a walk found: YAML files, and entries it could not or would not read (reported, not fatal). */
export interface Discovery {
  files: string[];
  unreadable: Array<{
    path: string;
    reason: string;
    /** Not a regular file to read: a FIFO, device or socket, or a link to a file outside the dataset folder. */
    notRegular?: boolean;
    /** A link whose target lies outside the dataset folder: neither entered nor read. */
    outside?: boolean;
  }>;
}

export interface DiscoverOptions {
  /**
   * How many levels of folders below `root` are walked: `true` (or 0) lists only the files directly in `root` (a lone
   * file's folder, which may not be a dataset); a number bounds the walk of a dataset whose root was guessed.
   */
  shallow?: boolean | number;
}

const codeOf = (err: unknown): string => (err as NodeJS.ErrnoException).code ?? String(err);

/** Whether `path` (resolved) is `dir` or lies inside it (resolved). */
const inside = (path: string, dir: string): boolean => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

interface Frame {
  dir: string;
  /** The folder's real path: the parent's real path plus the name, unless the folder was reached through a link. */
  real: string;
  depth: number;
  entries: Dirent[];
  next: number;
}

/**
 * Lists every `.yaml`/`.yml` file under `root`, sorted; folders named `x.yaml` are folders. A link (to a folder or a
 * file) is followed only when its real path lies inside the real path of `root`, and each real folder is visited
 * once; a link out of the dataset is reported, never entered or read (a link to `/` would otherwise walk the whole
 * machine, and one to `/etc` load files from elsewhere). A dangling link is reported only when named like a claim
 * file: any other name is skipped like any other file that is not YAML. The walk keeps its own stack, and real paths
 * are computed only at links, so a folder nested thousands of levels deep costs time linear in its depth.
 */
export function discover(root: string, options: DiscoverOptions = {}): Discovery {
  const files: string[] = [];
  const unreadable: Discovery['unreadable'] = [];
  const maxDepth = options.shallow === true ? 0 : typeof options.shallow === 'number' ? options.shallow : Infinity;
  const seen = new Set<string>();
  const stack: Frame[] = [];

  const enter = (dir: string, real: string, depth: number): void => {
    if (seen.has(real)) return;
    seen.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      unreadable.push({ path: dir, reason: codeOf(err) });
      return;
    }
    entries.sort((a, b) => compareText(a.name, b.name));
    stack.push({ dir, real, depth, entries, next: 0 });
  };

  let realRoot: string;
  try {
    realRoot = realpathSync.native(root);
  } catch (err) {
    unreadable.push({ path: root, reason: codeOf(err) });
    return { files, unreadable };
  }
  enter(root, realRoot, 0);

  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.entries.length) {
      stack.pop();
      continue;
    }
    const e = frame.entries[frame.next++]!;
    if (isSkippedName(e.name)) continue;
    const full = join(frame.dir, e.name);
    let real = join(frame.real, e.name);
    let st: { isDirectory(): boolean; isFile(): boolean } = e;
    if (e.isSymbolicLink()) {
      try {
        real = realpathSync.native(full);
        st = statSync(real);
      } catch (err) {
        // A dangling link or a loop: worth a word only where a claim file was meant to be.
        if (isYamlName(e.name)) unreadable.push({ path: full, reason: codeOf(err) });
        continue;
      }
      if (!st.isDirectory() && !isYamlName(e.name)) continue;
      if (!inside(real, realRoot)) {
        // Reported as what it would have been read as: a folder that cannot be walked, or a file that is not one to read.
        if (st.isDirectory()) unreadable.push({ path: full, reason: 'a link to a folder outside the dataset folder', outside: true });
        else unreadable.push({ path: full, reason: 'is a link to a file outside the dataset folder', outside: true, notRegular: true });
        continue;
      }
    }
    if (st.isDirectory()) {
      if (frame.depth < maxDepth) enter(full, real, frame.depth + 1);
    } else if (isYamlName(e.name)) {
      // A FIFO, device or socket named like a claim file is reported, never opened (a FIFO would block).
      if (st.isFile()) files.push(full);
      else unreadable.push({ path: full, reason: 'not a regular file', notRegular: true });
    }
  }
  return { files, unreadable };
}
