/**
 * Possible hidden relays: two evidence items of one claim counted as different independent origins whose texts suggest
 * they are one story told twice (a rewrite without credit, a reprinted wire story). Shared by the possible-relay rule
 * and `claims show`. Pure: snapshot texts come from the caller's reader (the lint run's, or `show`'s), never from disk here.
 */
import type { Claim, Evidence, Source } from '../model/schema.js';
import { normaliseText } from '../load/snapshot.js';
import { parseValues } from '../model/value.js';
import { originId, type Index, type Provenance } from './index.js';

/**
 * The fewest consecutive words two snapshots must share for the passage to count as copied. Measured on the seed texts:
 * articles about the same company written apart share at most 8 words in a row (a list of investors, a product's name);
 * an analysis that rewrites a TechCrunch profile without credit shares 14 with a text relaying that profile.
 */
export const RELAY_PASSAGE_WORDS = 12;

/** How alike two quotes must be, after normalising case, punctuation and whitespace: 1 − (word edit distance ÷ the longer quote's words). */
export const QUOTE_SIMILARITY = 0.8;

/** The fewest words the shorter of two quotes must have for their likeness to mean anything (unrelated texts share runs of up to 8). */
export const MIN_QUOTE_WORDS = 9;

/** The most evidence items of independent origins compared per claim (the first ones, in evidence order): pairs grow as the square. */
export const MAX_RELAY_ITEMS = 64;

/**
 * How many snapshot words the shared-passage search scans in one run, over all claims (each search is one pass over a
 * snapshot): past it, hostile data (64 origins of one claim, each with a 32 MiB snapshot) costs no more, and passages are
 * no longer looked for; quotes and credits still are.
 */
export const RELAY_SCAN_BUDGET = 50_000_000;

/** The most words of a quote or statement compared word by word; longer texts are compared on their first this many words. */
const MAX_QUOTE_WORDS = 400;

/** The most places a figure or quote anchors a passage search in one text. */
const MAX_ANCHORS = 2_000;

/** Why two origins may be one. */
export type RelayReason =
  | { kind: 'quote'; similarity: number }
  | { kind: 'passage'; words: number; passage: string }
  | { kind: 'credit'; agency: string; credit: string; source: string };

/** Two independent origins of one claim that may be one, with the evidence items (0-based) that suggest it. */
export interface PossibleRelay {
  /** The origin ids, the earlier (in evidence order) first. */
  origins: [string, string];
  /** Indexes of the two evidence items, in the claim's `evidence` list. */
  evidence: [number, number];
  reason: RelayReason;
}

/** A wire service and the credit forms that say a text carries its story. */
interface Wire {
  agency: string;
  /** Matches a credit in normalised snapshot text (case kept). */
  credit: RegExp;
  /** Matches the publisher, title or id of a source that is that service. */
  names: RegExp;
}

/**
 * Credits matched strictly: the dateline and attribution forms, never the bare name, so that a list of a company's
 * partners naming Agence France-Presse is not taken for an AFP story.
 */
const WIRES: readonly Wire[] = [
  { agency: 'Reuters', credit: /\(Reuters\)|\bReuters reported\b|\b[Aa]ccording to Reuters\b/, names: /reuters/i },
  {
    agency: 'AP',
    credit: /\(AP\)|\((?:The )?Associated Press\)|\b(?:AP|Associated Press) reported\b|\b[Aa]ccording to (?:the )?(?:AP|Associated Press)\b/,
    names: /associated press|^ap$|(?:^|-)ap(?:-|$)/i,
  },
  {
    agency: 'AFP',
    credit: /\(AFP\)|\((?:Agence France-Presse)\)|\b(?:AFP|Agence France-Presse) reported\b|\b[Aa]ccording to (?:AFP|Agence France-Presse)\b/,
    names: /\bafp\b|agence france-presse/i,
  },
  { agency: 'Bloomberg', credit: /\(Bloomberg(?: News)?\)|\bBloomberg(?: News)? reported\b|\b[Aa]ccording to Bloomberg(?: News)?\b/, names: /bloomberg/i },
];

/** Each wire service a text credits, with its first credit as printed (empty when there is none). */
export function wireCredits(text: string): Array<{ agency: string; credit: string }> {
  const out: Array<{ agency: string; credit: string }> = [];
  for (const w of WIRES) {
    const m = w.credit.exec(text);
    if (m) out.push({ agency: w.agency, credit: m[0] });
  }
  return out;
}

const TOKEN_RE = /[\p{L}\p{N}]+(?:[.,'][\p{L}\p{N}]+)*/gu;

/** The words of a text for comparison: NFKC, typographic marks as ASCII, lower case, punctuation and currency signs dropped. */
export function words(text: string): string[] {
  return normaliseText(text.normalize('NFKC')).toLowerCase().match(TOKEN_RE) ?? [];
}

/** A snapshot cut into words once: each word's id in the shared vocabulary and where it starts in the text. */
interface Tokens {
  text: string;
  ids: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
}

/** Word-level Levenshtein distance, computed only within `limit` (returns limit + 1 beyond it). */
function wordDistance(a: readonly string[], b: readonly string[], limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(limit + 1);
    cur[0] = i;
    let best = cur[0];
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    for (let j = from; j <= to; j++) {
      const sub = prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
      if (cur[j]! < best) best = cur[j]!;
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return Math.min(prev[b.length]!, limit + 1);
}

/** How alike two word lists are: 1 − word edit distance ÷ the longer length; 0 when below `min` (then not computed exactly). */
export function wordSimilarity(a: readonly string[], b: readonly string[], min: number): number {
  const x = a.slice(0, MAX_QUOTE_WORDS);
  const y = b.slice(0, MAX_QUOTE_WORDS);
  const longer = Math.max(x.length, y.length);
  if (longer === 0) return 0;
  const limit = Math.floor(longer * (1 - min) + 1e-9);
  const d = wordDistance(x, y, limit);
  return d > limit ? 0 : 1 - d / longer;
}

/** The word forms a figure may be printed in: `€4B` as 4, 4000, 4000000, 4000000000; `>$400M` as 400 and 0.4 (billion). */
export function figureForms(value: unknown): Set<string> {
  const out = new Set<string>();
  for (const v of parseValues(value)) {
    for (const scale of [1, 1e3, 1e6, 1e9, 1e12]) {
      const n = v.amount / scale;
      if (scale !== 1 && Math.abs(n) < 0.1) continue;
      const r = Math.round(n * 1e6) / 1e6;
      if (Math.abs(r - n) > 1e-9 * Math.max(1, Math.abs(n))) continue;
      out.add(String(r));
    }
  }
  return out;
}

/** True when a word states one of the figure forms: `400`, `4,000`, `1.7`, `400m`, `1.7bn`, `400mn`. */
function isFigure(word: string, forms: ReadonlySet<string>): boolean {
  if (!/^\d/.test(word)) return false;
  return forms.has(word.replace(/,/g, '').replace(/(?:bln|mln|bn|tn|mn|m|b|k)$/, ''));
}

/** One evidence item of an independent origin, as compared. */
interface Item {
  index: number;
  origin: string;
  quote: string[];
  /** Snapshot paths of the text the quote was read in and of the origin itself, when they have one. */
  snapshots: string[];
  /** Ids of every source in the item's chain: origin, relays, the source it was read in. */
  chain: string[];
}

/** A passage two texts share, as word positions in each. */
interface Run {
  a: number;
  b: number;
  length: number;
}

/** Finds possible relays; one detector per run keeps each snapshot cut into words once. */
export class RelayDetector {
  private readonly vocab = new Map<string, number>();
  /** The vocabulary's words that start with a digit: where a figure can be. */
  private readonly numeric: Array<[string, number]> = [];
  private readonly tokens = new Map<string, Tokens | null>();
  private readonly credits = new Map<string, Array<{ agency: string; credit: string }>>();
  private readonly shared = new Map<string, { run: Run; t: Tokens } | null>();
  /** Word positions the passage search may still scan in this run (see RELAY_SCAN_BUDGET). */
  private budget = RELAY_SCAN_BUDGET;

  /** `read` gives a snapshot's normalised text by its `snapshot:` path, or undefined when it cannot be read. */
  constructor(private readonly index: Index, private readonly read: (path: string) => string | undefined) {}

  /** The possible relays among a claim's independent origins: at most one per origin beyond the first of each group that may be one. */
  find(claim: Claim, provenance: Provenance): PossibleRelay[] {
    const independent = new Set(provenance.byClass.independent);
    if (independent.size < 2) return [];
    const items: Item[] = [];
    claim.evidence.forEach((ev, index) => {
      const origin = originId(ev);
      if (!independent.has(origin) || items.length >= MAX_RELAY_ITEMS) return;
      items.push({ index, origin, quote: words(ev.quote ?? ''), snapshots: this.snapshotsOf(ev, origin), chain: chainOf(ev, origin) });
    });
    const group = new Map<string, string>();
    const root = (o: string): string => {
      let r = o;
      while (group.has(r)) r = group.get(r)!;
      return r;
    };
    const out: PossibleRelay[] = [];
    const link = (x: Item, y: Item, reason: RelayReason | undefined): void => {
      if (!reason) return;
      group.set(root(y.origin), root(x.origin));
      out.push({ origins: [x.origin, y.origin], evidence: [x.index, y.index], reason });
    };
    const forms = figureForms(claim.value);
    const checks: Array<(x: Item, y: Item) => RelayReason | undefined> = [
      (x, y) => this.quoteMatch(x, y),
      (x, y) => this.sharedPassage(x, y, forms, claim.evidence),
    ];
    // The strongest kind of sign first, for every pair, so that a pair is named for its clearest reason.
    for (const check of checks) {
      for (let i = 0; i < items.length; i++) {
        for (let j = i + 1; j < items.length; j++) {
          const [x, y] = [items[i]!, items[j]!];
          if (root(x.origin) === root(y.origin)) continue;
          link(x, y, check(x, y));
        }
      }
    }
    // A wire credit marks one item: it may be one with another origin (the wire itself, if the claim cites it).
    for (const item of items) {
      const reason = this.unlistedCredit(item);
      if (!reason) continue;
      const partner = this.partnerFor(item, reason.agency, items.filter((o) => root(o.origin) !== root(item.origin)));
      if (!partner) continue;
      const [x, y] = partner.index < item.index ? [partner, item] : [item, partner];
      link(x, y, reason);
    }
    return out.sort((p, q) => p.evidence[1] - q.evidence[1] || p.evidence[0] - q.evidence[0]);
  }

  private snapshotsOf(ev: Evidence, origin: string): string[] {
    const paths = [this.source(ev.source)?.snapshot, this.source(origin)?.snapshot].filter((p): p is string => p !== undefined);
    return [...new Set(paths)];
  }

  private source(id: string): Source | undefined {
    return this.index.sources.get(id)?.data;
  }

  private quoteMatch(x: Item, y: Item): RelayReason | undefined {
    if (Math.min(x.quote.length, y.quote.length) < MIN_QUOTE_WORDS) return undefined;
    const similarity = wordSimilarity(x.quote, y.quote, QUOTE_SIMILARITY);
    return similarity >= QUOTE_SIMILARITY ? { kind: 'quote', similarity } : undefined;
  }

  private sharedPassage(x: Item, y: Item, forms: ReadonlySet<string>, evidence: readonly Evidence[]): RelayReason | undefined {
    let best: { run: Run; t: Tokens } | undefined;
    const keep = (got: { run: Run; t: Tokens } | undefined): void => {
      if (got && (!best || got.run.length > best.run.length)) best = got;
    };
    for (const pa of x.snapshots) {
      for (const pb of y.snapshots) {
        if (pa === pb) continue;
        // Anchors: where the figure stands, or, for a claim without a figure, where either item's quote is in its own text.
        if (forms.size > 0) keep(this.longestShared(pa, pb, { figure: forms }));
        else {
          keep(this.longestShared(pa, pb, { quote: evidence[x.index]!.quote }));
          keep(this.longestShared(pb, pa, { quote: evidence[y.index]!.quote }));
        }
      }
    }
    if (!best) return undefined;
    const { run, t } = best;
    return { kind: 'passage', words: run.length, passage: t.text.slice(t.starts[run.a]!, t.ends[run.a + run.length - 1]!) };
  }

  /**
   * The longest passage of at least RELAY_PASSAGE_WORDS words that the snapshot at `pa` shares with the one at `pb` through
   * an anchor in `pa`, found once per pair of snapshots and anchor (claims and items that share them ask again), and
   * only while the run's scanning budget lasts.
   */
  private longestShared(pa: string, pb: string, anchor: { figure: ReadonlySet<string> } | { quote: string | undefined }): { run: Run; t: Tokens } | undefined {
    const anchorKey = 'figure' in anchor ? `f ${[...anchor.figure].join(' ')}` : `q ${anchor.quote ?? ''}`;
    const key = `${pa}\u0000${pb}\u0000${anchorKey}`;
    if (this.shared.has(key)) return this.shared.get(key) ?? undefined;
    let found: { run: Run; t: Tokens } | undefined;
    const ta = this.tokensOf(pa);
    const tb = this.tokensOf(pb);
    if (ta && tb && this.budget >= tb.ids.length) {
      const anchors = 'figure' in anchor ? figureAnchors(ta, this.numeric, anchor.figure) : quoteAnchors(ta, anchor.quote);
      if (anchors.length > 0) this.budget -= tb.ids.length;
      for (const run of sharedRuns(ta, tb, anchors)) {
        if (run.length >= RELAY_PASSAGE_WORDS && (!found || run.length > found.run.length)) found = { run, t: ta };
      }
    }
    this.shared.set(key, found ?? null);
    return found;
  }

  /** The first wire credit in an item's snapshots that its chain does not list, with the snapshot's source. */
  private unlistedCredit(item: Item): Extract<RelayReason, { kind: 'credit' }> | undefined {
    for (const path of item.snapshots) {
      for (const c of this.creditsOf(path)) {
        const wire = WIRES.find((w) => w.agency === c.agency)!;
        if (item.chain.some((id) => this.isWire(id, wire))) continue;
        return { kind: 'credit', agency: c.agency, credit: c.credit, source: this.sourceWithSnapshot(item, path) };
      }
    }
    return undefined;
  }

  /** The item a credited one may be one with: one whose chain is that wire, else one whose text carries the same credit, else the first other. */
  private partnerFor(item: Item, agency: string, others: readonly Item[]): Item | undefined {
    const wire = WIRES.find((w) => w.agency === agency)!;
    return others.find((o) => o.chain.some((id) => this.isWire(id, wire)))
      ?? others.find((o) => o.snapshots.some((p) => this.creditsOf(p).some((c) => c.agency === agency)))
      ?? others[0];
  }

  private sourceWithSnapshot(item: Item, path: string): string {
    return item.chain.find((id) => this.source(id)?.snapshot === path) ?? item.origin;
  }

  private isWire(id: string, wire: Wire): boolean {
    const s = this.source(id);
    return [id, s?.publisher, s?.title].some((t) => t !== undefined && wire.names.test(t));
  }

  private creditsOf(path: string): Array<{ agency: string; credit: string }> {
    let got = this.credits.get(path);
    if (got === undefined) {
      const text = this.read(path);
      got = text === undefined ? [] : wireCredits(text);
      this.credits.set(path, got);
    }
    return got;
  }

  private tokensOf(path: string): Tokens | undefined {
    let got = this.tokens.get(path);
    if (got === undefined) {
      const text = this.read(path);
      got = text === undefined ? null : tokenise(text, this.vocab, this.numeric);
      this.tokens.set(path, got);
    }
    return got ?? undefined;
  }
}

/** The ids an evidence item's chain names: origin, relays, the source it was read in. */
function chainOf(ev: Evidence, origin: string): string[] {
  return [origin, ...(ev.via ?? []), ev.source];
}

/** Cuts a text into word ids (one vocabulary for every text of a run, so that equal words have equal ids). */
function tokenise(text: string, vocab: Map<string, number>, numeric: Array<[string, number]>): Tokens {
  const ids: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const word = m[0].toLowerCase();
    let id = vocab.get(word);
    if (id === undefined) {
      id = vocab.size;
      vocab.set(word, id);
      if (/^\d/.test(word)) numeric.push([word, id]);
    }
    ids.push(id);
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { text, ids: Int32Array.from(ids), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** Positions of the figure in a text (at most MAX_ANCHORS). */
function figureAnchors(t: Tokens, numeric: ReadonlyArray<[string, number]>, forms: ReadonlySet<string>): number[] {
  const wanted = new Set<number>();
  for (const [word, id] of numeric) if (isFigure(word, forms)) wanted.add(id);
  const out: number[] = [];
  if (wanted.size === 0) return out;
  for (let i = 0; i < t.ids.length && out.length < MAX_ANCHORS; i++) if (wanted.has(t.ids[i]!)) out.push(i);
  return out;
}

/** Word positions of the first place a quote stands in a text (at most MAX_ANCHORS words). */
function quoteAnchors(t: Tokens, quote: string | undefined): number[] {
  if (quote === undefined || quote.trim() === '') return [];
  // Found as quote-not-found finds it: the normalised quote, case kept, in the normalised snapshot.
  const wanted = normaliseText(quote);
  const at = t.text.indexOf(wanted);
  if (at < 0) return [];
  const end = at + wanted.length;
  const out: number[] = [];
  for (let i = firstAtOrAfter(t.starts, at); i < t.ids.length && t.starts[i]! < end && out.length < MAX_ANCHORS; i++) out.push(i);
  return out;
}

function firstAtOrAfter(sorted: Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const K = RELAY_PASSAGE_WORDS;
const P = 1_000_003;

/**
 * Maximal passages of at least K words that `a` shares with `b` and that pass through one of `anchors` (word positions in
 * `a`). The K-word windows of `a` around the anchors are hashed; one rolling pass over `b` finds windows with equal
 * hashes, which are checked word by word and grown to their full length. Linear in `b` plus the anchors' windows.
 */
function sharedRuns(a: Tokens, b: Tokens, anchors: readonly number[]): Run[] {
  if (anchors.length === 0 || a.ids.length < K || b.ids.length < K) return [];
  const windows = new Map<number, number[]>();
  const seen = new Set<number>();
  for (const anchor of anchors) {
    for (let s = Math.max(0, anchor - K + 1); s <= Math.min(anchor, a.ids.length - K); s++) {
      if (seen.has(s)) continue;
      seen.add(s);
      const h = hashAt(a.ids, s);
      const list = windows.get(h);
      if (list) list.push(s);
      else windows.set(h, [s]);
    }
  }
  let pow = 1;
  for (let k = 1; k < K; k++) pow = Math.imul(pow, P);
  const runs: Run[] = [];
  const found = new Set<string>();
  let h = hashAt(b.ids, 0);
  for (let s = 0; s + K <= b.ids.length; s++) {
    if (s > 0) h = (Math.imul(h - Math.imul(b.ids[s - 1]!, pow), P) + b.ids[s + K - 1]!) | 0;
    const starts = windows.get(h);
    if (!starts) continue;
    for (const sa of starts) {
      if (!equalAt(a.ids, sa, b.ids, s, K)) continue;
      // Grow to the whole shared passage; one passage is found from many of its windows, so it is kept once.
      let from = 0;
      while (sa - from > 0 && s - from > 0 && a.ids[sa - from - 1] === b.ids[s - from - 1]) from++;
      let to = K;
      while (sa + to < a.ids.length && s + to < b.ids.length && a.ids[sa + to] === b.ids[s + to]) to++;
      const key = `${sa - from} ${s - from}`;
      if (found.has(key)) continue;
      found.add(key);
      runs.push({ a: sa - from, b: s - from, length: from + to });
    }
  }
  return runs;
}

function hashAt(ids: Int32Array, s: number): number {
  let h = 0;
  for (let k = 0; k < K; k++) h = (Math.imul(h, P) + ids[s + k]!) | 0;
  return h;
}

function equalAt(a: Int32Array, sa: number, b: Int32Array, sb: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (a[sa + k] !== b[sb + k]) return false;
  return true;
}

/** The most characters of a copied passage a message shows. */
const PASSAGE_SHOWN = 120;

/** Why two origins may be one, in words for a message or `show`: "near-identical quotes", "a shared passage of 14 words (“…”)". */
export function relayReasonText(reason: RelayReason): string {
  switch (reason.kind) {
    case 'quote':
      return `near-identical quotes, ${Math.round(reason.similarity * 100)}% the same words`;
    case 'passage': {
      const p = reason.passage.length > PASSAGE_SHOWN ? `${reason.passage.slice(0, PASSAGE_SHOWN - 1)}…` : reason.passage;
      return `their snapshots share a passage of ${reason.words.toLocaleString('en-US')} words: “${p}”`;
    }
    case 'credit':
      return `the snapshot of "${cut(reason.source)}" carries the wire credit “${reason.credit}”, which the evidence does not list as an origin or relay`;
  }
}

/** A name cut to 60 characters for a message. */
export function cut(name: string): string {
  return name.length > 60 ? `${name.slice(0, 59)}…` : name;
}
