import type { ClaimRecord } from '../load/dataset.js';
import { normaliseText } from '../load/snapshot.js';
import { parsePartialDate } from '../model/date.js';
import { parseValues, valueDimension } from '../model/value.js';
import { supersededBy } from '../provenance/index.js';
import { wordSimilarity } from '../provenance/relay.js';
import { compareText } from '../util/compare.js';
import { defineRule } from './types.js';

/** How alike two statements must be to count as one, after normalising case, punctuation and whitespace: 1 − word edit distance ÷ the longer statement's words. */
export const STATEMENT_SIMILARITY = 0.8;

/** The most statement pairs compared word by word within one group; beyond it, only equal values and equal normalised statements are found. */
export const MAX_STATEMENT_PAIRS = 20_000;

const WORD_RE = /[\p{L}\p{N}]+(?:[.,'][\p{L}\p{N}]+)*/gu;

/** A live claim as compared: its equal-value keys, its words, and the words that name or count something. */
interface Entry {
  rec: ClaimRecord;
  values: Map<string, string>;
  words: string[];
  /** Lower-cased words written with a capital or a digit somewhere in the statement: a name or a figure. */
  marked: Set<string>;
  normalised: string;
}

function entryOf(rec: ClaimRecord): Entry {
  const values = new Map<string, string>();
  for (const v of parseValues(rec.data.value)) values.set(`${valueDimension(v)} ${v.bound} ${v.amount}`, v.text);
  const raw = normaliseText(rec.data.statement.normalize('NFKC')).match(WORD_RE) ?? [];
  const words = raw.map((w) => w.toLowerCase());
  const marked = new Set(raw.filter((w) => /[\p{Lu}\p{N}]/u.test(w)).map((w) => w.toLowerCase()));
  return { rec, values, words, marked, normalised: words.join(' ') };
}

/**
 * True when two statements say the same thing in nearly the same words: alike by `STATEMENT_SIMILARITY`, and every
 * word one has and the other lacks is a common word, not a name or a figure ("… with Accenture" and "… with IBM" differ).
 */
function nearIdentical(a: Entry, b: Entry): boolean {
  if (wordSimilarity(a.words, b.words, STATEMENT_SIMILARITY) < STATEMENT_SIMILARITY) return false;
  const count = new Map<string, number>();
  for (const w of a.words) count.set(w, (count.get(w) ?? 0) + 1);
  for (const w of b.words) count.set(w, (count.get(w) ?? 0) - 1);
  for (const [w, n] of count) if (n !== 0 && (a.marked.has(w) || b.marked.has(w))) return false;
  return true;
}

/** The earlier entry `e` duplicates, and why; entries before `e` in `group` are earlier by path. */
type Match = { other: Entry; why: 'value' | 'statement'; value?: string };

/** Duplicates within one group, each later claim once, with the earliest claim it duplicates. */
function duplicatesIn(group: Entry[]): Array<{ entry: Entry; match: Match }> {
  const byValue = new Map<string, number>();
  const byStatement = new Map<string, number>();
  const out: Array<{ entry: Entry; match: Match }> = [];
  let budget = MAX_STATEMENT_PAIRS;
  group.forEach((e, j) => {
    let best: { at: number; match: Match } | undefined;
    const consider = (at: number | undefined, match: () => Match): void => {
      if (at !== undefined && (!best || at < best.at)) best = { at, match: match() };
    };
    for (const [key, text] of e.values) consider(byValue.get(key), () => ({ other: group[byValue.get(key)!]!, why: 'value', value: text }));
    // When both claims give a value, the values decide: a template statement with two different figures is value-conflict's business.
    const statementMatters = (i: number): boolean => e.values.size === 0 || group[i]!.values.size === 0;
    const same = byStatement.get(e.normalised);
    if (same !== undefined && statementMatters(same)) consider(same, () => ({ other: group[same]!, why: 'statement' }));
    const limit = best?.at ?? j;
    for (let i = 0; i < limit && budget > 0; i++) {
      if (!statementMatters(i)) continue;
      budget--;
      if (nearIdentical(group[i]!, e)) {
        consider(i, () => ({ other: group[i]!, why: 'statement' }));
        break;
      }
    }
    if (best) out.push({ entry: e, match: best.match });
    for (const key of e.values.keys()) if (!byValue.has(key)) byValue.set(key, j);
    if (!byStatement.has(e.normalised)) byStatement.set(e.normalised, j);
  });
  return out;
}

/** One claim logged twice splits its evidence and counts twice in every table: it should be one file. */
export const duplicateClaim = defineRule({
  id: 'duplicate-claim',
  meta: {
    description: 'Two live claims (not retracted, not superseded) with the same subject, category, assertion, parties and `as_of` give an equal value, or near-identical statements where one has no value',
    defaultSeverity: 'warning',
    messages: {
      sameValue: 'Claim "{{id}}" looks like a duplicate of "{{otherId}}" ({{otherFile}}): same subject, category, assertion, parties and period ({{period}}), and the same value {{value}}. Merge them with `claims merge {{id}} {{otherId}}`, or tell them apart (`as_of`, `parties`, `supersedes:`).',
      sameStatement: 'Claim "{{id}}" looks like a duplicate of "{{otherId}}" ({{otherFile}}): same subject, category, assertion, parties and period ({{period}}), and a near-identical statement. Merge them with `claims merge {{id}} {{otherId}}`, or tell them apart (`as_of`, `parties`, `supersedes:`).',
    },
  },
  check(ctx) {
    const superseded = supersededBy(ctx.index);
    const groups = new Map<string, Entry[]>();
    for (const rec of ctx.dataset.claims) {
      const c = rec.data;
      // As in value-conflict, a claim without `as_of` has no period to share with another.
      const period = parsePartialDate(c.as_of)?.text;
      if (c.status === 'retracted' || superseded.has(c.id) || period === undefined) continue;
      const parties = [...new Set((c.parties ?? []).map((p) => ctx.entities.key(p)))].sort().join('\u0001');
      const key = [ctx.entities.key(c.subject), c.category, c.assertion ?? 'fact', period, parties].join('\u0000');
      const list = groups.get(key);
      if (list) list.push(entryOf(rec));
      else groups.set(key, [entryOf(rec)]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      // Later by path order: the copy is usually the file that sorts after the original it was made from.
      group.sort((a, b) => compareText(a.rec.file, b.rec.file));
      for (const { entry, match } of duplicatesIn(group)) {
        const c = entry.rec.data;
        const data = {
          id: c.id, otherId: match.other.rec.data.id, otherFile: match.other.rec.file,
          period: parsePartialDate(c.as_of)!.text, value: match.value ?? '',
        };
        if (match.why === 'value') ctx.report({ file: entry.rec.file, path: ['value'], messageId: 'sameValue', data });
        else ctx.report({ file: entry.rec.file, path: ['statement'], messageId: 'sameStatement', data });
      }
    }
  },
});
