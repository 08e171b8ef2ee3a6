// `nearest` abandons a candidate once its edit distance exceeds the bound: its answers must be those of the full table.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editDistance, nearest } from '../src/util/suggest.js';

/** The definition: every candidate's full edit distance, as `nearest` computed it before the bound. */
function nearestByDefinition(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const max = Math.max(2, Math.floor(word.length / 3));
  const scored: Array<[string, number]> = [];
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    const prefix = c.startsWith(word) || word.startsWith(c);
    if (d <= max || (prefix && Math.min(c.length, word.length) >= 3)) scored.push([c, prefix ? Math.min(d, 1) : d]);
  }
  scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]));
  return scored.slice(0, limit).map(([c]) => c);
}

describe('nearest (bounded edit distance)', () => {
  it('gives the same suggestions as the full edit distance', () => {
    const id = fc.string({ unit: fc.constantFrom(...'abcAB-01'), maxLength: 14 });
    fc.assert(
      fc.property(id, fc.array(id, { maxLength: 30 }), fc.integer({ min: 1, max: 4 }), (word, pool, limit) => {
        expect(nearest(word, pool, limit)).toEqual(nearestByDefinition(word, pool, limit));
      }),
      { numRuns: 3000, seed: 15 },
    );
  });

  it('suggests the source a generated typo comes from among a thousand ids', () => {
    const pool = Array.from({ length: 1000 }, (_, i) => `src-${String(i).padStart(6, '0')}`);
    expect(nearest('src-00O123', pool, 1)).toEqual(nearestByDefinition('src-00O123', pool, 1));
    expect(nearest('src-000123x', pool, 1)).toEqual(['src-000123']);
    expect(nearest('src-missing', pool, 1)).toEqual(nearestByDefinition('src-missing', pool, 1));
  });
});
