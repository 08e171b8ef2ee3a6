/**
 * The one way the tool reads a file a user controls: links resolved, only a regular file, optionally only inside a
 * given folder, and never more than a size cap. A FIFO, a device (`/dev/zero`), a kernel file (`/proc/kmsg`) or a
 * link out of the dataset is refused at once with a reason, never read, so nothing hangs, floods memory or leaks.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { sep } from 'node:path';

/** Size caps, in bytes. A claim or source file is a few kilobytes; these leave room for generated and pasted text. */
export const MAX_BYTES = {
  /** A claim or source YAML file. */
  dataFile: 32 * 1024 * 1024,
  /** A source snapshot (the saved text of an article or filing). */
  snapshot: 32 * 1024 * 1024,
  /** `claims.config.yaml` or `--config`. */
  config: 1024 * 1024,
  /** The `--cache` file (about 1 KB per dataset file). */
  cache: 256 * 1024 * 1024,
} as const;

/** Why a file was not read. */
export type RefusalKind = 'missing' | 'unreadable' | 'not-regular' | 'outside' | 'too-large';

export type SafeRead =
  | { ok: true; buf: Buffer; real: string }
  | { ok: false; kind: RefusalKind; /** Lower-case clause for a message: "is a FIFO, not a regular file". */ reason: string; code?: string };

export interface SafeReadOptions {
  /** The most bytes to read; a larger file is refused. */
  maxBytes: number;
  /** A folder the resolved file must lie inside (after resolving links in both). */
  within?: string;
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0) | (constants.O_NOFOLLOW ?? 0);

function kindOf(st: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'a special file';
}

function mib(n: number): string {
  return `${Math.round(n / (1024 * 1024))} MiB`;
}

const errCode = (err: unknown): string => (err as NodeJS.ErrnoException).code ?? String(err);

/** Whether `file` lies inside `dir` (both already resolved). */
export function isInside(file: string, dir: string): boolean {
  return file.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

/**
 * Reads a file safely: realpath, then open without following a last link and without blocking, then fstat the open
 * descriptor and read from it alone (what was checked is what is read). Never throws.
 */
export function safeReadFile(path: string, options: SafeReadOptions): SafeRead {
  let real: string;
  try {
    real = realpathSync.native(path);
  } catch (err) {
    const code = errCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, kind: 'missing', reason: 'does not exist', code };
    if (code === 'ELOOP') return { ok: false, kind: 'unreadable', reason: 'is a symlink loop', code };
    return { ok: false, kind: 'unreadable', reason: `cannot be read (${code})`, code };
  }
  if (options.within !== undefined) {
    let dir: string;
    try {
      dir = realpathSync.native(options.within);
    } catch {
      dir = options.within;
    }
    if (!isInside(real, dir)) return { ok: false, kind: 'outside', reason: 'resolves to a path outside the dataset folder' };
  }
  let fd: number;
  try {
    fd = openSync(real, OPEN_FLAGS);
  } catch (err) {
    const code = errCode(err);
    if (code === 'ENXIO') return { ok: false, kind: 'not-regular', reason: 'is a socket, not a regular file', code };
    return { ok: false, kind: 'unreadable', reason: `cannot be read (${code})`, code };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, kind: 'not-regular', reason: `is ${kindOf(st)}, not a regular file` };
    if (st.size > options.maxBytes) return { ok: false, kind: 'too-large', reason: `is larger than ${mib(options.maxBytes)} (${mib(st.size)})` };
    const buf = Buffer.alloc(st.size);
    let got = 0;
    while (got < st.size) {
      const n = readSync(fd, buf, got, st.size - got, null);
      if (n === 0) break; // The file shrank while it was read.
      got += n;
    }
    if (st.size === 0) {
      // An empty regular file reads 0 bytes; one that says it is empty but still gives bytes is a kernel file
      // (/proc/self/environ, /proc/kmsg): its content is generated, unbounded or private.
      try {
        if (readSync(fd, Buffer.alloc(1), 0, 1, null) > 0) return { ok: false, kind: 'not-regular', reason: 'is a kernel or device file whose size is not known, not a regular file' };
      } catch (err) {
        return { ok: false, kind: 'not-regular', reason: `is a kernel or device file (${errCode(err)}), not a regular file`, code: errCode(err) };
      }
    }
    return { ok: true, buf: got === st.size ? buf : buf.subarray(0, got), real };
  } catch (err) {
    const code = errCode(err);
    return { ok: false, kind: 'unreadable', reason: `cannot be read (${code})`, code };
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Nothing to do: the descriptor was only read.
    }
  }
}

/** YAML 1.2 counts a lone CR as a line break; the parser does not. Same length, so every offset stays right. */
export function lineBreaksToLf(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}
