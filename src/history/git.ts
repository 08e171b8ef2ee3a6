/**
 * The dataset's git history, read through plumbing only (`rev-parse`, `rev-list`, `ls-tree`, `cat-file --batch`,
 * `log`): nothing is checked out and the working tree is never touched. Every fault a user can meet (no repository, a
 * shallow clone, a revision or date with no commit, a file with merge-conflict markers) is a one-line usage error.
 */
import { spawnSync } from 'node:child_process';
import { basename, extname, relative, resolve, sep } from 'node:path';
import { UsageError } from '../cli/io.js';
import { addFileFromText, displayPath, emptyDataset, type Dataset } from '../load/dataset.js';
import { isSkippedName, isYamlName } from '../load/discover.js';
import { fileProblem } from '../load/problems.js';
import type { Overlay } from '../load/snapshot.js';
import { parsePartialDate } from '../model/date.js';
import { MAX_BYTES } from '../util/safe-read.js';
import { realOr } from '../cli/git.js';

/** One commit as history shows it. */
export interface CommitInfo {
  sha: string;
  /** Author date, ISO 8601 with offset. */
  date: string;
  author: string;
  subject: string;
}

/** A file of the dataset at one revision. */
export interface TreeFile {
  /** Path from the repository root, with `/`. */
  path: string;
  mode: string;
  blob: string;
  size: number;
}

/** The dataset as committed at one revision, and the texts that stand in for its files. */
export interface RevisionDataset {
  sha: string;
  dataset: Dataset;
  /** Every file of the dataset folder at that revision (YAML and snapshots), by absolute path; any other path reads as absent. */
  overlay: Overlay;
}

/** An overlay that says "absent" (null) for every path it does not hold, so nothing falls through to the working tree. */
class SealedOverlay extends Map<string, string | null> {
  override get(key: string): string | null {
    return super.has(key) ? super.get(key)! : null;
  }
}

const CONFLICT_RE = /^(<{7}|={7}|>{7})(?: |$)/m;
const SHA_RE = /^[0-9a-f]{40,64}$/;

/** Cuts a user-given value for a one-line message. */
const shown = (s: string): string => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);

/** The repository that holds a dataset, and the dataset's place in it. */
export class GitHistory {
  private shallowChecked: boolean | undefined;

  private constructor(
    /** The work tree root, a real path. */
    readonly top: string,
    /** The dataset folder relative to `top`, with `/` ('' at the root). */
    readonly datasetRel: string,
    /** The dataset folder as the user reached it (absolute). */
    readonly datasetRoot: string,
    /** What needs the history, for messages: `claims diff`, `--as-known-on`. */
    readonly what: string,
  ) {}

  /** Opens the repository holding `datasetRoot` (absolute); outside any repository, a usage error. */
  static open(datasetRoot: string, cwd: string, what: string): GitHistory {
    const r = run(['rev-parse', '--show-toplevel'], datasetRoot);
    if (!r.ok) {
      throw new UsageError(`${what} reads the dataset's git history, and ${displayPath(datasetRoot, cwd) || '.'} is not in a git repository (run git init and commit the dataset first)`);
    }
    const top = r.out.trim();
    const rel = relative(top, realOr(datasetRoot)).split(sep).join('/');
    return new GitHistory(top, rel, datasetRoot, what);
  }

  /** Runs git in the work tree; a failure is a usage error naming what git said, on one line. */
  git(args: string[], input?: string): string {
    const r = run(args, this.top, input);
    if (!r.ok) throw new UsageError(`${this.what}: git ${args[0]} failed: ${firstLine(r.err) || 'no message'}`);
    return r.out;
  }

  /** True for a shallow clone (CI's default `fetch-depth: 1`). */
  isShallow(): boolean {
    this.shallowChecked ??= run(['rev-parse', '--is-shallow-repository'], this.top).out.trim() === 'true';
    return this.shallowChecked;
  }

  /** The message for history a shallow clone does not have. */
  shallowMessage(needed: string): string {
    return `${this.what}: the repository is a shallow clone, so ${needed} is not in it; fetch the history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)`;
  }

  /** The commit a revision names; a usage error naming the revision when there is none. */
  resolve(rev: string, flag = 'revision'): string {
    if (rev.startsWith('-')) throw new UsageError(`${this.what}: ${flag} ${shown(rev)} is not a git revision (it starts with "-")`);
    const r = run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], this.top);
    if (!r.ok || !SHA_RE.test(r.out.trim())) {
      const hint = this.isShallow() ? '; the repository is a shallow clone, so older commits are missing (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)' : ' (try HEAD~1, main or a commit id)';
      throw new UsageError(`${this.what}: ${flag} ${shown(rev)} names no commit in the repository of the dataset${hint}`);
    }
    return r.out.trim();
  }

  /** The last commit on or before `date` (a partial ISO date: the whole period counts), following HEAD's history. */
  commitOn(date: string): string {
    const d = parsePartialDate(date);
    if (d === undefined) throw new UsageError(`--as-known-on needs a date such as 2026, 2026-03 or 2026-03-05, not ${shown(date)}`);
    const head = run(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], this.top);
    if (!head.ok) throw new UsageError(`${this.what}: the repository of the dataset has no commits yet`);
    const out = this.git(['rev-list', '-1', `--before=${d.end}T23:59:59Z`, 'HEAD']).trim();
    if (out === '') {
      const first = this.git(['log', '--reverse', '--format=%cI', 'HEAD']).split('\n')[0]?.slice(0, 10) ?? '?';
      const more = this.isShallow() ? ' the repository is a shallow clone, so older commits may be missing (git fetch --unshallow);' : '';
      throw new UsageError(`--as-known-on ${d.text}: no commit is on or before that date;${more} the earliest commit here is of ${first}`);
    }
    return out;
  }

  /** One commit's date, author and subject. */
  info(sha: string): CommitInfo {
    const [date = '', author = '', subject = ''] = this.git(['show', '-s', '--format=%aI%x00%an%x00%s', sha]).split('\0');
    return { sha, date: date.trim(), author: author.trim(), subject: subject.trim() };
  }

  /** The regular files of the dataset folder at a revision (links and submodules left out), with their sizes. */
  tree(sha: string): TreeFile[] {
    const args = ['ls-tree', '-r', '-l', '-z', '--full-tree', sha];
    if (this.datasetRel !== '') args.push('--', this.datasetRel);
    const out: TreeFile[] = [];
    for (const entry of this.git(args).split('\0')) {
      if (entry === '') continue;
      const tab = entry.indexOf('\t');
      const [mode = '', type = '', blob = '', size = ''] = entry.slice(0, tab).split(/\s+/);
      if (type !== 'blob' || (mode !== '100644' && mode !== '100755')) continue;
      out.push({ path: entry.slice(tab + 1), mode, blob, size: Number(size) });
    }
    return out;
  }

  /** The contents of blobs, by id, through one `git cat-file --batch`. */
  blobs(ids: readonly string[]): Map<string, Buffer> {
    const out = new Map<string, Buffer>();
    if (ids.length === 0) return out;
    const r = spawnSync('git', ['cat-file', '--batch'], { cwd: this.top, input: ids.join('\n') + '\n', maxBuffer: 1 << 30 });
    if (r.status !== 0 || r.error) throw new UsageError(`${this.what}: git cat-file failed: ${firstLine(r.stderr?.toString() ?? '')}`);
    const buf = r.stdout;
    let at = 0;
    while (at < buf.length) {
      const nl = buf.indexOf(10, at);
      if (nl < 0) break;
      const [id = '', type = '', size = ''] = buf.subarray(at, nl).toString('utf8').split(' ');
      if (type === 'missing' || size === '') {
        at = nl + 1;
        continue;
      }
      const n = Number(size);
      out.set(id, buf.subarray(nl + 1, nl + 1 + n));
      at = nl + 1 + n + 1;
    }
    return out;
  }

  /**
   * The dataset as committed at `sha`: its YAML files parsed as `loadDataset` would (display paths as in the working
   * tree), every file of the folder in a sealed overlay so rules that read snapshots or positions read that revision.
   * Files over the size caps are reported as `tooLarge`, never read. A file with merge-conflict markers is an error.
   */
  datasetAt(sha: string, cwd: string): RevisionDataset {
    if (this.datasetRel !== '' && run(['cat-file', '-e', `${sha}:${this.datasetRel}`], this.top).ok === false) {
      throw new UsageError(`${this.what}: the dataset folder ${this.datasetRel} did not exist yet at ${sha.slice(0, 12)}; give a later revision or date`);
    }
    const files = this.tree(sha).filter((f) => {
      const inDataset = this.datasetRel === '' ? f.path : f.path.slice(this.datasetRel.length + 1);
      return !inDataset.split('/').some(isSkippedName);
    });
    const wanted = files.filter((f) => f.size <= (isYamlName(basename(f.path)) ? MAX_BYTES.dataFile : MAX_BYTES.snapshot));
    const contents = this.blobs([...new Set(wanted.map((f) => f.blob))]);
    const dataset = emptyDataset(this.datasetRoot);
    const overlay = new SealedOverlay();
    const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const f of sorted) {
      const abs = this.absOf(f.path);
      const yaml = isYamlName(basename(f.path));
      const buf = contents.get(f.blob);
      const file = displayPath(abs, cwd);
      if (buf === undefined) {
        if (yaml) {
          const reason = `is ${f.size} bytes at ${sha.slice(0, 12)}, over the ${MAX_BYTES.dataFile}-byte limit`;
          dataset.files.push({ file, abs, stem: basename(abs, extname(abs)), valid: false, problems: [fileProblem('tooLarge', { reason })] });
        }
        continue;
      }
      if (!yaml) {
        overlay.set(abs, buf.toString('utf8'));
        continue;
      }
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
      } catch {
        // As loadDataset reports it in the working tree: the file is not UTF-8.
        dataset.files.push({ file, abs, stem: basename(abs, extname(abs)), valid: false, problems: [fileProblem('invalidUtf8')] });
        continue;
      }
      overlay.set(abs, text);
      if (CONFLICT_RE.test(text)) {
        const line = text.slice(0, text.search(CONFLICT_RE)).split('\n').length;
        throw new UsageError(`${this.what}: ${file}:${line} has merge-conflict markers at ${sha.slice(0, 12)}; resolve the conflict and commit before reading that revision`);
      }
      const underSources = relative(this.datasetRoot, abs).split(sep)[0] === 'sources';
      addFileFromText(dataset, text, { file, abs, stem: basename(abs, extname(abs)), underSources });
    }
    return { sha, dataset, overlay };
  }

  /** The commit HEAD names; a usage error when the repository has no commits yet. */
  headCommit(): string {
    const head = run(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], this.top);
    if (!head.ok || !SHA_RE.test(head.out.trim())) throw new UsageError(`${this.what}: the repository of the dataset has no commits yet`);
    return head.out.trim();
  }

  /**
   * Objects by name (a blob id, or `<commit>:<path>`), in the order asked, through one `git cat-file --batch` (or
   * `--batch-check` for sizes only). A name git cannot find, or one holding a line break, comes back undefined.
   */
  objects(names: readonly string[], check = false): Array<GitObject | undefined> {
    const asked = names.map((n) => (/[\r\n]/.test(n) ? '' : n));
    const out: Array<GitObject | undefined> = new Array(names.length).fill(undefined);
    const live = asked.map((n, i) => [n, i] as const).filter(([n]) => n !== '');
    if (live.length === 0) return out;
    const r = spawnSync('git', ['cat-file', check ? '--batch-check' : '--batch'], { cwd: this.top, input: live.map(([n]) => n).join('\n') + '\n', maxBuffer: 1 << 30 });
    if (r.status !== 0 || r.error) throw new UsageError(`${this.what}: git cat-file failed: ${firstLine(r.stderr?.toString() ?? '')}`);
    const buf = r.stdout;
    let at = 0;
    for (const [, i] of live) {
      const nl = buf.indexOf(10, at);
      if (nl < 0) break;
      const fields = buf.subarray(at, nl).toString('utf8').split(' ');
      at = nl + 1;
      const [sha = '', type = '', size = ''] = fields;
      if (!SHA_RE.test(sha) || !/^\d+$/.test(size)) continue;
      const n = Number(size);
      if (check) {
        out[i] = { sha, type, size: n };
        continue;
      }
      out[i] = { sha, type, size: n, content: buf.subarray(at, at + n) };
      at += n + 1;
    }
    return out;
  }

  /** The absolute path, as the user reaches the dataset, of a path from the repository root. */
  absOf(path: string): string {
    const inDataset = this.datasetRel === '' ? path : path.slice(this.datasetRel.length + 1);
    return resolve(this.datasetRoot, ...inDataset.split('/'));
  }

  /** The path from the repository root of a file of the dataset. */
  repoPath(abs: string): string {
    return [this.datasetRel, relative(this.datasetRoot, abs).split(sep).join('/')].filter((s) => s !== '').join('/');
  }
}

/** One object as `git cat-file` gives it. */
export interface GitObject {
  sha: string;
  type: string;
  size: number;
  /** Absent for `--batch-check`. */
  content?: Buffer;
}

/** The 1-based line of the first merge-conflict marker in `text`, or undefined when it has none. */
export function conflictLine(text: string): number | undefined {
  if (!CONFLICT_RE.test(text)) return undefined;
  return text.slice(0, text.search(CONFLICT_RE)).split('\n').length;
}

/** Throws a usage error when a working-tree YAML file of the dataset has merge-conflict markers. */
export function checkNoConflictMarkers(ds: Dataset, overlay?: ReadonlyMap<string, string | null>, read?: (abs: string) => string | undefined): void {
  for (const f of ds.files) {
    const text = overlay?.get(f.abs) ?? read?.(f.abs);
    if (typeof text !== 'string' || !CONFLICT_RE.test(text)) continue;
    const line = text.slice(0, text.search(CONFLICT_RE)).split('\n').length;
    throw new UsageError(`${f.file}:${line} has merge-conflict markers; resolve the conflict before comparing`);
  }
}

function run(args: string[], cwd: string, input?: string): { ok: boolean; out: string; err: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, input });
  return { ok: r.status === 0 && !r.error, out: r.stdout ?? '', err: r.stderr ?? (r.error ? String(r.error.message) : '') };
}

const firstLine = (s: string): string => {
  const line = s.trim().split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
};

