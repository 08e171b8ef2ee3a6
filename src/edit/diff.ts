/** `--dry-run`: the change as a unified diff, as `git diff` shows it, so it can be read or applied with `git apply`. */
import { createTwoFilesPatch } from 'diff';
import type { FileChange } from './changeset.js';

/** A unified diff of every changed file; paths relative to `base`'s display function, `/dev/null` for created or deleted files. */
export function unifiedDiff(changes: readonly FileChange[], shown: (abs: string) => string): string {
  let out = '';
  for (const c of changes) {
    const path = shown(c.abs);
    const from = c.before === null ? '/dev/null' : `a/${path}`;
    const to = c.after === null ? '/dev/null' : `b/${path}`;
    const patch = createTwoFilesPatch(from, to, c.before ?? '', c.after ?? '', undefined, undefined, { context: 3 });
    // jsdiff starts with a rule of "="; git's format has its own header, with a mode line for created and deleted files.
    const mode = c.before === null ? 'new file mode 100644\n' : c.after === null ? 'deleted file mode 100644\n' : '';
    out += `diff --git a/${path} b/${path}\n${mode}` + patch.replace(/^(Index: .*\n)?=+\n/, '');
  }
  return out;
}
