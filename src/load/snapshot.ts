/** Source snapshots: local copies of source texts, read once and normalised for quote matching. */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { MAX_BYTES, safeReadFile, type RefusalKind } from '../util/safe-read.js';

/** Normalises text for comparison: typographic quotes and dashes to ASCII, whitespace collapsed, lower case kept. */
export function normaliseText(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u00A0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What reading a snapshot gave: its normalised text, or why it was not read. */
export type SnapshotRead = { text: string; sha256: string } | { text?: undefined; kind: RefusalKind; reason: string };

const textRead = (buf: Buffer): SnapshotRead => ({ text: normaliseText(buf.toString('utf8')), sha256: createHash('sha256').update(buf).digest('hex') });

/** Texts that stand in for files on disk (absolute path → text, or null for a deleted file): a change not yet written. */
export type Overlay = ReadonlyMap<string, string | null>;

/**
 * Reads snapshot files relative to a dataset root, caching each. Only a regular file inside the dataset folder (after
 * resolving links) and at most MAX_BYTES.snapshot is read: a committed link to /proc/self/environ, /dev/zero or a
 * FIFO is refused, so its content never reaches a message.
 */
export class SnapshotReader {
  private readonly cache = new Map<string, SnapshotRead>();

  constructor(private readonly root: string, private readonly overlay?: Overlay) {}

  /** The normalised text of a snapshot and the SHA-256 of its bytes, or why it was not read. */
  load(path: string): SnapshotRead {
    let got = this.cache.get(path);
    if (got === undefined) {
      const abs = resolve(this.root, path);
      const pending = this.overlay?.get(abs);
      if (pending !== undefined) {
        got = pending === null ? { kind: 'missing', reason: 'does not exist' } : textRead(Buffer.from(pending, 'utf8'));
      } else {
        const read = safeReadFile(abs, { maxBytes: MAX_BYTES.snapshot, within: this.root });
        got = read.ok ? textRead(read.buf) : { kind: read.kind, reason: read.reason };
      }
      this.cache.set(path, got);
    }
    return got;
  }

  /** The normalised text of a snapshot, or undefined when it cannot be read. */
  read(path: string): string | undefined {
    return this.load(path).text;
  }
}

const token = (w: string): string => w.toLowerCase().replace(/^[^\p{L}\p{N}$€£%]+|[^\p{L}\p{N}%]+$/gu, '');

/** The passage of `text` (a little longer than `quote`) that shares the most words with it, trimmed to its matching ends. */
export function closestPassage(text: string, quote: string): string {
  const words = text.split(' ');
  const want = quote.split(' ').map(token).filter((w) => w !== '');
  const n = Math.min(want.length + Math.max(2, Math.ceil(want.length / 4)), words.length);
  if (want.length === 0 || n === 0) return '';
  const need = new Map<string, number>();
  for (const w of want) need.set(w, (need.get(w) ?? 0) + 1);
  const have = new Map<string, number>();
  let score = 0;
  const add = (w: string, d: number) => {
    const k = token(w);
    const before = have.get(k) ?? 0;
    const cap = need.get(k) ?? 0;
    const after = before + d;
    have.set(k, after);
    score += Math.min(after, cap) - Math.min(before, cap);
  };
  for (let i = 0; i < n; i++) add(words[i]!, 1);
  let bestScore = score;
  let bestAt = 0;
  for (let i = n; i < words.length; i++) {
    add(words[i]!, 1);
    add(words[i - n]!, -1);
    if (score > bestScore) {
      bestScore = score;
      bestAt = i - n + 1;
    }
  }
  let window = words.slice(bestAt, bestAt + n);
  // Trim words at either end that the quote does not share.
  while (window.length > 1 && !need.has(token(window[0]!))) window = window.slice(1);
  while (window.length > 1 && !need.has(token(window[window.length - 1]!))) window = window.slice(0, -1);
  return window.join(' ');
}
