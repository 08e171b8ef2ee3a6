/** Ordering and grouping helpers shared by every layer: one definition each, so sorts agree everywhere. */

/** Compares two strings by code unit, as `<` does (not by locale): stable, and the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares two records by their `id`. */
export const compareById = (a: { id: string }, b: { id: string }): number => compareText(a.id, b.id);

/** Groups items into a map by key, keeping their order within each group. */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
