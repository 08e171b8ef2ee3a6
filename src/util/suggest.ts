/** "Did you mean" suggestions by edit distance. */

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The edit distance between `a` and `b` when it is at most `max`, else `max + 1`: the lengths are compared first and
 * the table is abandoned as soon as a whole row exceeds `max`, so a candidate far from the word costs little.
 */
function distanceWithin(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur[j] = v;
      if (v < least) least = v;
    }
    if (least > max) return max + 1;
    prev = cur;
  }
  return Math.min(prev[b.length]!, max + 1);
}

/** The candidates nearest to `word`, closest first, within a distance that still looks like a typo. */
export function nearest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const max = Math.max(2, Math.floor(word.length / 3));
  const lower = word.toLowerCase();
  const scored: Array<[string, number]> = [];
  for (const c of candidates) {
    const prefix = c.startsWith(word) || word.startsWith(c);
    const lc = c.toLowerCase();
    // A prefix of three or more characters is a candidate whatever its distance, scored 0 when equal and 1 otherwise.
    if (prefix && Math.min(c.length, word.length) >= 3) {
      scored.push([c, lower === lc ? 0 : 1]);
      continue;
    }
    const d = distanceWithin(lower, lc, max);
    if (d <= max) scored.push([c, prefix ? Math.min(d, 1) : d]);
  }
  scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]));
  return scored.slice(0, limit).map(([c]) => c);
}

/** ` Did you mean "x"?` or an empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const [best] = nearest(word, candidates, 1);
  return best === undefined ? '' : ` Did you mean "${best}"?`;
}
