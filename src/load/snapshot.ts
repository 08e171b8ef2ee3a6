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

/** A normalised text cut into words once: where each word starts, and its token as a number (an index into `vocab`). */
interface Tokenised {
  text: string;
  starts: Int32Array;
  ids: Int32Array;
  vocab: Map<string, number>;
  /** How often each token occurs, and where first: the cheap anchor once the search budget is spent. */
  count: Int32Array;
  first: Int32Array;
  /** Scratch counts per token for the sliding window, left all zero between calls. */
  need: Int32Array;
  have: Int32Array;
  /** Word positions the full search may still slide over, for this text. */
  budget: number;
}

/**
 * How many word positions the full closest-passage search slides over per snapshot text, summed over its quotes.
 * Each quote costs one pass over the snapshot's words; beyond this (say, many unmatched quotes against a 30 MB
 * snapshot) a quote gets the passage around the first occurrence of its rarest word instead, in time linear in the
 * quote.
 */
export const CLOSEST_PASSAGE_BUDGET = 50_000_000;

// The last text tokenised: the rule asks for one snapshot's quotes one after another, with the same string.
let last: Tokenised | undefined;

function tokenise(text: string): Tokenised {
  if (last?.text === text) return last;
  let words = 1;
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) words++;
  const starts = new Int32Array(words);
  const ids = new Int32Array(words);
  const vocab = new Map<string, number>();
  const countList: number[] = [];
  const firstList: number[] = [];
  for (let w = 0, at = 0; w < words; w++) {
    const end = w === words - 1 ? text.length : text.indexOf(' ', at);
    const k = token(text.slice(at, end));
    let id = vocab.get(k);
    if (id === undefined) {
      id = vocab.size;
      vocab.set(k, id);
      countList.push(0);
      firstList.push(w);
    }
    countList[id]!++;
    starts[w] = at;
    ids[w] = id;
    at = end + 1;
  }
  last = {
    text,
    starts,
    ids,
    vocab,
    count: Int32Array.from(countList),
    first: Int32Array.from(firstList),
    need: new Int32Array(vocab.size),
    have: new Int32Array(vocab.size),
    budget: CLOSEST_PASSAGE_BUDGET,
  };
  return last;
}

/**
 * The passage of `text` (a little longer than `quote`) that shares the most words with it, trimmed to its matching
 * ends. Linear: the text is cut into words once (and kept for the next quote of the same text), then a window of
 * the quote's length slides over it with counts per word; past CLOSEST_PASSAGE_BUDGET word positions for one text,
 * the window is placed at the first occurrence of the quote's rarest word.
 */
export function closestPassage(text: string, quote: string): string {
  const t = tokenise(text);
  const total = t.ids.length;
  const want = quote.split(' ').map(token).filter((w) => w !== '');
  const n = Math.min(want.length + Math.max(2, Math.ceil(want.length / 4)), total);
  if (want.length === 0 || n === 0) return '';
  const { need, have, ids } = t;
  // Quote words that occur nowhere in the text can never be matched: only the others are counted.
  const wanted: number[] = [];
  for (const w of want) {
    const id = t.vocab.get(w);
    if (id === undefined) continue;
    if (need[id] === 0) wanted.push(id);
    need[id]!++;
  }
  const isWanted = (i: number): boolean => need[ids[i]!]! > 0;
  let bestAt = 0;
  if (wanted.length > 0 && t.budget >= total) {
    t.budget -= total;
    let score = 0;
    const add = (id: number, d: number): void => {
      const cap = need[id]!;
      const before = have[id]!;
      const after = before + d;
      have[id] = after;
      if (cap > 0) score += Math.min(after, cap) - Math.min(before, cap);
    };
    for (let i = 0; i < n; i++) add(ids[i]!, 1);
    let bestScore = score;
    for (let i = n; i < total; i++) {
      add(ids[i]!, 1);
      add(ids[i - n]!, -1);
      if (score > bestScore) {
        bestScore = score;
        bestAt = i - n + 1;
      }
    }
    for (let i = total - n; i < total; i++) have[ids[i]!] = 0;
  } else if (wanted.length > 0) {
    let rarest = wanted[0]!;
    for (const id of wanted) if (t.count[id]! < t.count[rarest]!) rarest = id;
    bestAt = Math.max(0, Math.min(t.first[rarest]! - Math.floor(n / 2), total - n));
  }
  // Trim words at either end that the quote does not share.
  let from = bestAt;
  let to = bestAt + n - 1;
  while (to > from && !isWanted(from)) from++;
  while (to > from && !isWanted(to)) to--;
  for (const id of wanted) need[id] = 0;
  const end = to + 1 < total ? t.starts[to + 1]! - 1 : text.length;
  return text.slice(t.starts[from]!, end);
}
