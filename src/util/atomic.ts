/**
 * Atomic file replacement: write a temporary file beside the target, then rename it over, so a killed run never
 * leaves half a file. Temporary files are registered while they exist; SIGINT, SIGTERM and SIGHUP remove them
 * before the process ends with the signal's conventional status (130, 143, 129).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, lstatSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The signals that end a run on purpose (Ctrl-C, `kill`, a closed terminal). */
export const CLEANUP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

const cleanups = new Set<() => void>();
let installed = false;

/** Runs and forgets every registered cleanup, the latest first (a file before the folder made for it); one that fails does not stop the others. */
export function runCleanups(): void {
  for (const cleanup of [...cleanups].reverse()) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // Best effort: the process is ending.
    }
  }
}

/** The number of cleanups waiting (for tests). */
export function pendingCleanups(): number {
  return cleanups.size;
}

function onSignal(signal: NodeJS.Signals): void {
  runCleanups();
  for (const s of CLEANUP_SIGNALS) process.removeListener(s, onSignal);
  installed = false;
  // With this handler gone the default action applies: the process ends by the signal, as if never caught.
  process.kill(process.pid, signal);
}

/**
 * Registers `cleanup` to run if the process is interrupted before the returned function is called (which
 * unregisters it). The signal handlers stay once installed: a signal that arrives during synchronous work is
 * delivered afterwards and must still end the process.
 */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  if (!installed) {
    for (const s of CLEANUP_SIGNALS) process.on(s, onSignal);
    installed = true;
  }
  return () => {
    cleanups.delete(cleanup);
  };
}

/** A fresh temporary file name beside `file`, hidden (dot-prefixed) so the dataset walker never reads it. */
export function tempPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** A temporary file in use: `discard` removes it; `release` stops watching it once it has been moved into place. */
export interface TempFile {
  discard(): void;
  release(): void;
}

/** Creates a temporary file holding `text` (never replacing one), registered for removal on interrupt. */
export function writeTemp(tmp: string, text: string | Uint8Array): TempFile {
  const remove = (): void => rmSync(tmp, { force: true });
  const forget = onInterrupt(remove);
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
  } catch (err) {
    forget();
    throw err;
  }
  return {
    discard: () => {
      forget();
      remove();
    },
    release: forget,
  };
}

/** The permissions of `file` when it is a regular file (not followed through a link), else undefined. */
function regularFileMode(file: string): number | undefined {
  try {
    const st = lstatSync(file);
    return st.isFile() ? st.mode & 0o7777 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Replaces (or creates) `file` with `text`, keeping the permissions of a regular file it replaces (a link, or a
 * device such as /dev/zero behind one, lends none: the new file gets the default ones); the temporary file never
 * outlives a failure or an interrupt.
 */
export function writeAtomically(file: string, text: string | Uint8Array): void {
  const tmp = tempPathFor(file);
  const temp = writeTemp(tmp, text);
  try {
    const mode = regularFileMode(file);
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, file);
  } catch (err) {
    temp.discard();
    throw err;
  }
  temp.release();
}
