/** Finds the YAML files of a dataset: recursive, sorted, never following a symlink loop. */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Files the walker ignores: configuration, not claims. */
const IGNORED_FILES = new Set(['claims.config.yaml', 'claims.config.yml']);

/** Whether a file name looks like a claim or source file. */
export function isYamlName(name: string): boolean {
  return (name.endsWith('.yaml') || name.endsWith('.yml')) && !IGNORED_FILES.has(name);
}

/** What a walk found: YAML files, and entries it could not read (reported, not fatal). */
export interface Discovery {
  files: string[];
  unreadable: Array<{ path: string; reason: string }>;
}

/** Lists every `.yaml`/`.yml` file under `root`, sorted; folders named `x.yaml` are folders, symlinked folders are visited once. */
export function discover(root: string): Discovery {
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
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = statSync(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch (err) {
          unreadable.push({ path: full, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
          continue;
        }
      }
      if (isDir) walk(full);
      else if (isFile && isYamlName(e.name)) files.push(full);
    }
  };
  walk(root);
  return { files, unreadable };
}
