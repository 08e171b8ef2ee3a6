/** Finds the YAML files of a dataset: recursive, sorted, never following a symlink loop. */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

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

/** What a walk found: YAML files, and entries it could not read (reported, not fatal). */
export interface Discovery {
  files: string[];
  unreadable: Array<{ path: string; reason: string; /** A FIFO, device or socket rather than a file. */ notRegular?: boolean }>;
}

/**
 * Lists every `.yaml`/`.yml` file under `root`, sorted; folders named `x.yaml` are folders, symlinked folders are
 * visited once. `shallow` lists only the files directly in `root` (a lone file's folder, which may not be a dataset).
 */
export function discover(root: string, options: { shallow?: boolean } = {}): Discovery {
  const files: string[] = [];
  const unreadable: Discovery['unreadable'] = [];
  const seen = new Set<string>();
  const walk = (dir: string): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (err) {
      unreadable.push({ path: dir, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      unreadable.push({ path: dir, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (isSkippedName(e.name)) continue;
      const full = join(dir, e.name);
      let st: { isDirectory(): boolean; isFile(): boolean } = e;
      if (e.isSymbolicLink()) {
        try {
          st = statSync(full);
        } catch (err) {
          unreadable.push({ path: full, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
          continue;
        }
      }
      if (st.isDirectory()) {
        if (!options.shallow) walk(full);
      } else if (isYamlName(e.name)) {
        // A FIFO, device or socket named like a claim file is reported, never opened (a FIFO would block).
        if (st.isFile()) files.push(full);
        else unreadable.push({ path: full, reason: 'not a regular file', notRegular: true });
      }
    }
  };
  walk(root);
  return { files, unreadable };
}
