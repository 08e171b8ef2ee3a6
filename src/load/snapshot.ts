/** Source snapshots: local copies of source texts, read once and normalised for quote matching. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

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

/** Reads snapshot files relative to a dataset root, caching each (undefined when unreadable). */
export class SnapshotReader {
  private readonly cache = new Map<string, string | undefined>();

  constructor(private readonly root: string) {}

  /** The normalised text of a snapshot, or undefined when it cannot be read. */
  read(path: string): string | undefined {
    if (!this.cache.has(path)) {
      let text: string | undefined;
      try {
        text = normaliseText(readFileSync(resolve(this.root, path), 'utf8'));
      } catch {
        text = undefined;
      }
      this.cache.set(path, text);
    }
    return this.cache.get(path);
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
