/** What `claims show --at/--as-known-on` says about then against now: pure, for the formatters. */

/** What `claims show --at/--as-known-on` adds: which commit the answer is from, and the claim as it stands now. */
export interface KnownThen {
  asked: string;
  commit: string;
  date: string;
  /** The claim in the working tree now; null when it is no longer there. */
  now: { status: string; support: string; grade: string; origins: Record<string, number> } | null;
}

/** One sentence comparing then with now, for `show`. */
export function knownLine(k: KnownThen, then: { status: string; support: string; grade: string }): string {
  const head = `${k.asked} (commit ${k.commit.slice(0, 12)}, ${k.date.slice(0, 10)})`;
  if (k.now === null) return `${head}; the claim is no longer in the dataset now`;
  const same = k.now.status === then.status && k.now.support === then.support && k.now.grade === then.grade;
  if (same) return `${head}; unchanged now: ${k.now.status}, support ${k.now.support}, grade ${k.now.grade}`;
  return `${head}; now: ${k.now.status} (then ${then.status}), support ${k.now.support} (then ${then.support}), grade ${k.now.grade} (then ${then.grade})`;
}
