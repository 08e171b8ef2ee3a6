/** The files a git revision range touched, for `--changed-since`. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { displayPath } from '../load/dataset.js';
import { UsageError } from './io.js';

function git(args: string[], cwd: string): { ok: boolean; out: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { ok: r.status === 0 && !r.error, out: r.stdout ?? '' };
}

/** Display paths (relative to cwd) of files changed since `rev`, committed or not, plus untracked files. */
export function changedSince(rev: string, cwd: string): Set<string> {
  const top = git(['rev-parse', '--show-toplevel'], cwd);
  if (!top.ok) throw new UsageError(`--changed-since needs a git repository, and ${cwd} is not in one`);
  const root = top.out.trim();
  if (!git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], cwd).ok) {
    throw new UsageError(`--changed-since: "${rev}" is not a git revision here (try origin/main, HEAD~1 or a commit id)`);
  }
  const changed = git(['diff', '--name-only', '-z', rev, '--'], cwd).out.split('\0').filter(Boolean).map((p) => resolve(root, p));
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z'], cwd).out.split('\0').filter(Boolean).map((p) => resolve(cwd, p));
  return new Set([...changed, ...untracked].map((abs) => displayPath(abs, cwd)));
}
