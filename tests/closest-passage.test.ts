// The closest passage shown for a quote not found in its snapshot: the linear implementation gives exactly what the
// straightforward sliding window gives (kept here as the reference), and its work per snapshot text is bounded.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLOSEST_PASSAGE_BUDGET, closestPassage, normaliseText } from '../src/load/snapshot.js';

const token = (w: string): string => w.toLowerCase().replace(/^[^\p{L}\p{N}$€£%]+|[^\p{L}\p{N}%]+$/gu, '');

/** The window search as first written: a Map of counts per token, the words split on every call. */
function reference(text: string, quote: string): string {
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
  while (window.length > 1 && !need.has(token(window[0]!))) window = window.slice(1);
  while (window.length > 1 && !need.has(token(window[window.length - 1]!))) window = window.slice(0, -1);
  return window.join(' ');
}

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const SNAPSHOTS = resolve(__dirname, '..', 'claims', 'snapshots');

describe('closestPassage', () => {
  it('matches the reference on the bundled snapshots, for quotes cut from them and altered', () => {
    const random = rng(7);
    let compared = 0;
    for (const name of readdirSync(SNAPSHOTS)) {
      const text = normaliseText(readFileSync(join(SNAPSHOTS, name), 'utf8'));
      const words = text.split(' ');
      for (let k = 0; k < 40; k++) {
        const at = Math.floor(random() * words.length);
        const cut = words.slice(at, at + 1 + Math.floor(random() * 25));
        if (random() < 0.7) cut[Math.floor(random() * cut.length)] = `changed${k}`;
        if (random() < 0.3) cut.reverse();
        const quote = normaliseText(cut.join(' '));
        expect(closestPassage(text, quote), `${name}: ${quote}`).toBe(reference(text, quote));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('matches the reference on random texts: repeated words, punctuation, empty and one-word texts', () => {
    const random = rng(11);
    const vocab = ['the', 'The', 'ARR', 'arr,', '$10', 'million', '—', '"x"', 'up', '%', '11%', 'Acme', '...', 'a'];
    const pick = (n: number) => Array.from({ length: n }, () => vocab[Math.floor(random() * vocab.length)]!).join(' ');
    for (let k = 0; k < 400; k++) {
      const text = normaliseText(pick(Math.floor(random() * 60)));
      const quote = normaliseText(pick(Math.floor(random() * 12)));
      expect(closestPassage(text, quote), `${JSON.stringify(text)} / ${JSON.stringify(quote)}`).toBe(reference(text, quote));
    }
  });

  it('bounds the work per text: past the budget, a quote gets the passage around its rarest word', () => {
    const words = 1_000_000;
    const text = Array.from({ length: words }, (_, i) => (i === 700_123 ? 'needle' : `w${i % 5000}`)).join(' ');
    const quote = 'w1 needle w2 nowhere';
    const full = Math.floor(CLOSEST_PASSAGE_BUDGET / words);
    for (let k = 0; k < full; k++) {
      const got = closestPassage(text, `${quote} q${k}`);
      if (k === 0 || k === full - 1) expect(got).toBe(reference(text, `${quote} q${k}`));
    }
    // The budget for this text is spent: no further pass over its million words, and still a passage with the quote's rarest word.
    const beyond = closestPassage(text, quote);
    expect(beyond).toContain('needle');
    expect(beyond.split(' ').length).toBeLessThanOrEqual(6);
  });
});
