/**
 * A change to a dataset as a set of whole-file edits (write, create, delete), applied all or nothing: every new text is
 * written beside its target first, then each is moved into place; if any step fails, every file already changed is put
 * back as it was, so a failed or interrupted multi-file change never leaves the dataset half-edited.
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, renameSync, rmSync, rmdirSync, statSync } from 'node:fs';
import { UsageError } from '../cli/io.js';
import { MAX_BYTES, safeReadFile } from '../util/safe-read.js';
import { dirname, relative, sep } from 'node:path';
import { onInterrupt, tempPathFor, writeTemp } from '../util/atomic.js';

/** One file's change: its text before (null: it did not exist) and after (null: it is deleted). */
export interface FileChange {
  abs: string;
  before: string | null;
  after: string | null;
}

/** A file's text as it is on disk, read only if it is a regular file within the size cap; null when it does not exist. */
function readText(abs: string): string | null {
  const r = safeReadFile(abs, { maxBytes: MAX_BYTES.snapshot });
  if (r.ok) return r.buf.toString('utf8');
  if (r.kind === 'missing') return null;
  throw new UsageError(`${abs} ${r.reason}: refusing to edit it`);
}

/** The edits one command makes, keyed by absolute path, in the order they were first made. */
export class ChangeSet {
  private readonly changes = new Map<string, FileChange>();

  /** The text a file has now within this change (its edited text, or what is on disk), or null when absent. */
  current(abs: string): string | null {
    const c = this.changes.get(abs);
    if (c) return c.after;
    return readText(abs);
  }

  /** Whether this change already edits (or deletes) `abs`. */
  has(abs: string): boolean {
    return this.changes.has(abs);
  }

  /** Sets a file's new text (creating it when absent). */
  write(abs: string, text: string): void {
    const c = this.changes.get(abs);
    if (c) c.after = text;
    else this.changes.set(abs, { abs, before: readText(abs), after: text });
  }

  /** Deletes a file. */
  remove(abs: string): void {
    const c = this.changes.get(abs);
    if (c) c.after = null;
    else this.changes.set(abs, { abs, before: readText(abs), after: null });
  }

  /** Moves a file, with its new text. */
  move(from: string, to: string, text: string): void {
    this.remove(from);
    this.write(to, text);
  }

  /** The changes that change something, in the order they were made. */
  list(): FileChange[] {
    return [...this.changes.values()].filter((c) => c.before !== c.after);
  }

  get size(): number {
    return this.list().length;
  }
}

/** What a failed apply says: which file failed, and that everything was put back. */
export class ApplyError extends Error {
  constructor(readonly file: string, readonly code: string) {
    super(`cannot write ${file} (${code}); every file was left as it was`);
  }
}

/** Folders `mkdirSync(recursive)` created for `dir`, deepest first, so they can be removed again. */
function makeFolders(dir: string): string[] {
  const made: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) made.push(d);
  if (made.length > 0) mkdirSync(dir, { recursive: true });
  return made;
}

/**
 * Applies every change or none. Refuses to write through a symbolic link (the dataset's own files are regular files).
 * `shown` turns an absolute path into the path to print in an error.
 */
export function applyChanges(changes: FileChange[], shown: (abs: string) => string = (p) => p): void {
  const staged: Array<{ change: FileChange; tmp?: string; backup?: string; done: boolean }> = [];
  const createdFolders: string[] = [];
  const release = onInterrupt(() => rollback());
  const rollback = (): void => {
    for (const s of [...staged].reverse()) {
      try {
        if (s.done) {
          if (s.backup) renameSync(s.backup, s.change.abs);
          else rmSync(s.change.abs, { force: true });
        } else if (s.backup && existsSync(s.backup)) {
          renameSync(s.backup, s.change.abs);
        }
      } catch {
        // Best effort: keep restoring the others.
      }
      if (s.tmp) rmSync(s.tmp, { force: true });
    }
    for (const d of createdFolders) {
      try {
        rmdirSync(d);
      } catch {
        // Not empty or already gone.
      }
    }
  };
  let current = '';
  try {
    // 1. Stage: every new text in a temporary file beside its target; nothing is changed yet.
    for (const change of changes) {
      current = change.abs;
      if (existsSync(change.abs) && lstatSync(change.abs).isSymbolicLink()) throw Object.assign(new Error('symbolic link'), { code: 'ELINK' });
      const entry: (typeof staged)[number] = { change, done: false };
      staged.push(entry);
      if (change.after !== null) {
        createdFolders.push(...makeFolders(dirname(change.abs)));
        entry.tmp = tempPathFor(change.abs);
        writeTemp(entry.tmp, change.after).release();
        if (change.before !== null) chmodSync(entry.tmp, statSync(change.abs).mode & 0o7777);
      }
    }
    // 2. Swap: keep each original under a temporary name until every file is in place.
    // CLAIMS_TEST_FAIL_WRITE=N makes the N-th swap fail, so tests can prove the rollback where a real failure cannot
    // be provoked (root writes to read-only files).
    const failAt = Number(process.env.CLAIMS_TEST_FAIL_WRITE ?? NaN);
    for (const [i, entry] of staged.entries()) {
      current = entry.change.abs;
      if (i + 1 === failAt) throw Object.assign(new Error('injected failure'), { code: 'EIO' });
      if (entry.change.before !== null && existsSync(entry.change.abs)) {
        entry.backup = tempPathFor(entry.change.abs);
        renameSync(entry.change.abs, entry.backup);
      }
      if (entry.tmp) {
        renameSync(entry.tmp, entry.change.abs);
        entry.tmp = undefined;
      }
      entry.done = true;
    }
  } catch (err) {
    rollback();
    release();
    throw new ApplyError(shown(current), (err as NodeJS.ErrnoException).code ?? String(err));
  }
  // 3. Commit: the originals are no longer needed.
  for (const entry of staged) if (entry.backup) rmSync(entry.backup, { force: true });
  release();
}

/** Whether `abs` lies inside `root`. */
export function isInside(abs: string, root: string): boolean {
  const rel = relative(root, abs);
  return rel !== '' && !rel.startsWith('..') && !rel.split(sep).includes('..');
}
