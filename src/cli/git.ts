/** Git facts the validator needs: the files a revision range touched (`--changed-since`), and the repository root holding a file (paths in the CI formats). */
import { spawnSync } from 'node:child_process';
import { lstatSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { displayPath } from '../load/dataset.js';
import { UsageError } from './io.js';

function git(args: string[], cwd: string): { ok: boolean; out: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { ok: r.status === 0 && !r.error, out: r.stdout ?? '' };
}

/**
 * Display paths (relative to cwd) of files changed since `rev`, committed or not, plus untracked files, in the git
 * repository that holds `dataset` (an absolute folder): the dataset's repository, wherever the command runs.
 */
export function changedSince(rev: string, cwd: string, dataset: string = cwd): Set<string> {
  const shownDataset = displayPath(dataset, cwd) || '.';
  const top = git(['rev-parse', '--show-toplevel'], dataset);
  if (!top.ok) throw new UsageError(`--changed-since needs a git repository, and the dataset ${shownDataset} is not in one`);
  // Paths from git name the real (links resolved) work tree: map them back to the spelling the dataset was reached by.
  const root = top.out.trim();
  const realDataset = realOr(dataset);
  const toDataset = (abs: string): string => {
    const rel = relative(realDataset, abs);
    return rel.startsWith('..') || isAbsolute(rel) ? abs : join(dataset, rel);
  };
  if (!git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], dataset).ok) {
    throw new UsageError(`--changed-since: "${rev}" is not a git revision in the repository of ${shownDataset} (try origin/main, HEAD~1 or a commit id)`);
  }
  // `--relative`-free names are from the work tree root; ls-files names are relative to the folder git runs in.
  const changed = git(['diff', '--name-only', '-z', rev, '--'], dataset).out.split('\0').filter(Boolean).map((p) => resolve(realOr(root), p));
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z'], dataset).out.split('\0').filter(Boolean).map((p) => resolve(realDataset, p));
  return new Set([...changed, ...untracked].map((abs) => displayPath(toDataset(abs), cwd)));
}

/**
 * The root of the git work tree that holds each folder, or null outside git: `git rev-parse --show-toplevel` run in
 * the folder, cached. A folder without its own `.git` entry shares the answer of its nearest parent already asked
 * about, so a dataset of many folders costs one git call per repository, not one per folder.
 */
export class RepoRoots {
  private readonly cache = new Map<string, string | null>();

  /** The work tree root (a real path) holding `folder` (a real path), or null. */
  of(folder: string): string | null {
    const chain: string[] = [];
    let current = folder;
    let answer: string | null | undefined;
    for (;;) {
      if (this.cache.has(current)) {
        answer = this.cache.get(current)!;
        break;
      }
      chain.push(current);
      const parent = dirname(current);
      if (hasGitEntry(current) || parent === current) break;
      current = parent;
    }
    if (answer === undefined) {
      const top = git(['rev-parse', '--show-toplevel'], folder);
      answer = top.ok && top.out.trim() !== '' ? realOr(top.out.trim()) : null;
    }
    for (const f of chain) this.cache.set(f, answer);
    return answer;
  }
}

function hasGitEntry(folder: string): boolean {
  try {
    lstatSync(join(folder, '.git'));
    return true;
  } catch {
    return false;
  }
}

/** The real path of `p` (links resolved), or `p` itself when it cannot be resolved. */
export function realOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
