/**
 * Amounts stated in article prose — "$6.2 billion", "1.7 billion euros", "€11.7bn", "above $400 million", "11 percent",
 * "tens of millions of euros" — read into the value parser's terms (unit, currency, interval), so that a quote can be
 * compared with a claim's value shorthand.
 *
 * What counts as an amount, and what does not:
 * - money: a currency prefix from the shorthand's table (`$`, `€`, `£`, `US$`, `C$`, … `CHF`) or an ISO 4217 code, a
 *   figure and an optional scale (`million`, `bn`, `M`, …); or a figure, a scale word and a currency word ("1.7 billion
 *   euros", "240 million Swiss francs"; plain "dollars" are US dollars, as AP style reads them);
 * - percent: a figure with `%`, "percent", "per cent" or "pct" ("percentage points" are a difference, not a share);
 * - counts: a figure with a scale word ("2 million downloads"), a figure with thousands separators ("2,000 employees"),
 *   or a rank ("#66"). A bare figure without either ("2023", "Series 4", "top 100", "Small 4") is not read: in prose it
 *   is as often a year, a version, a list size or a name as a count;
 * - bounds: "more than", "over", "above", "exceed", "surpass", "topping", "in excess of", "upwards of", "north of" (above);
 *   "at least", "no less than", "… or more", "…-plus" (at least); "under", "below", "less than", "fewer than" (below);
 *   "up to", "at most", "no more than", "as much as" (at most); "about", "around", "roughly", "approximately", "some",
 *   "nearly", "almost", "close to", "an estimated", `~` (about: ±10%, as the shorthand's `~`);
 * - ranges: "$1-2 billion", "$1 billion–$2 billion", "between $1 billion and $2 billion"; vague amounts: "tens of millions",
 *   "hundreds of millions", "several billion", "a few billion", "billions of dollars".
 * URLs (a markdown link's target too) are skipped: "40-billion" in a link is not a statement.
 */
import { SYMBOLS, type ParsedValue, valueInterval } from './value.js';

/** An amount found in prose. */
export interface ProseAmount {
  /** The words as written, e.g. "above $400 million". */
  text: string;
  /** Where `text` starts in the prose. */
  index: number;
  unit: ParsedValue['unit'];
  /** ISO 4217 code for money, else null. */
  currency: string | null;
  /** The amounts it allows, as `valueInterval` gives them for a shorthand. */
  interval: Interval;
}

type Interval = ReturnType<typeof valueInterval>;
type Bound = ParsedValue['bound'];

/** The longest prose this reads: a quote is a sentence or a paragraph, never a whole article. */
export const MAX_PROSE_LENGTH = 20_000;
/** The most amounts kept while reading, before the first 100 in order are returned. */
const MAX_FOUND = 500;

const ISO_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));
const esc = (s: string): string => s.replace(/[$^\\.*+?()[\]{}|/]/g, '\\$&');
const longestFirst = (xs: string[]): string[] => [...xs].sort((a, b) => b.length - a.length);

const SCALE_WORDS: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
/** Abbreviations newsrooms print, with at most one space before them ("$400 mln", "€1.7bn"). */
const SCALE_ABBR: Record<string, number> = { mn: 1e6, mln: 1e6, bn: 1e9, bln: 1e9, tn: 1e12, trn: 1e12 };
/** One-letter scales, only glued to the figure ("$400M", "$16.3m", "10k"). */
const SCALE_LETTERS: Record<string, number> = { k: 1e3, K: 1e3, m: 1e6, M: 1e6, B: 1e9, T: 1e12 };

/** Currency words after a figure, and their ISO 4217 code. */
const CURRENCY_WORDS: [RegExp, string][] = [
  [/^(?:U\.S\.|US|American) dollars?$/i, 'USD'],
  [/^Canadian dollars?$/i, 'CAD'],
  [/^Australian dollars?$/i, 'AUD'],
  [/^New Zealand dollars?$/i, 'NZD'],
  [/^Hong Kong dollars?$/i, 'HKD'],
  [/^Singapore dollars?$/i, 'SGD'],
  [/^dollars?$/i, 'USD'],
  [/^euros?$/i, 'EUR'],
  [/^(?:(?:British )?pounds?(?: sterling)?|sterling)$/i, 'GBP'],
  [/^Swiss francs?$/i, 'CHF'],
  [/^(?:Japanese )?yen$/i, 'JPY'],
  [/^(?:Chinese )?(?:yuan|renminbi)$/i, 'CNY'],
  [/^(?:Brazilian )?(?:reais|reals?)$/i, 'BRL'],
];
const CURRENCY_WORD_SRC =
  '(?:(?:U\\.S\\.|US|American|Canadian|Australian|New Zealand|Hong Kong|Singapore) dollars?|dollars?|euros?|(?:British )?pounds?(?: sterling)?|sterling|Swiss francs?|(?:Japanese )?yen|(?:Chinese )?(?:yuan|renminbi)|(?:Brazilian )?(?:reais|reals?))';

const FIG = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
const DASH = '\\s*[-–—]\\s*';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';
const SCALE_SRC =
  `(?:\\s*(?:${Object.keys(SCALE_WORDS).join('|')})${NOT_WORD_AFTER}` +
  `|\\s?(?:${longestFirst(Object.keys(SCALE_ABBR)).join('|')})${NOT_WORD_AFTER}` +
  `|(?:${Object.keys(SCALE_LETTERS).join('|')})${NOT_WORD_AFTER})`;
const PREFIX_SRC = `(?:${longestFirst(Object.keys(SYMBOLS)).map(esc).join('|')}|[A-Z]{3}(?=\\s?\\d))`;

/** `$1.2 billion`, `US$400m`, `EUR 3.5bn`, `$1-2 billion`, `€1.7B`: prefix, figure, optional second figure, scale. */
const PREFIXED_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(${PREFIX_SRC})\\s?(${FIG})(?:${DASH}(?:\\1\\s?)?(${FIG}))?(${SCALE_SRC})?`,
  'gu',
);
/** `1.7 billion euros`, `500 million U.S. dollars`, `15 euros`. */
const WORDED_RE = new RegExp(
  `(?<![\\p{L}\\p{N}$€£.,])(${FIG})(?:${DASH}(${FIG}))?(${SCALE_SRC})?\\s+(?:of\\s+)?(${CURRENCY_WORD_SRC})${NOT_WORD_AFTER}`,
  'giu',
);
/** `tens of millions of euros`, `several billion dollars`, `billions of dollars`, `hundreds of thousands`. */
const VAGUE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(tens|hundreds) of (thousands|millions|billions)|(several|a few|a couple of) (thousand|million|billion|trillion)|(thousands|millions|billions|trillions)(?= of ${CURRENCY_WORD_SRC}))` +
    `(?:\\s+(?:of\\s+)?(${CURRENCY_WORD_SRC}))?${NOT_WORD_AFTER}`,
  'giu',
);
/** `11%`, `11 percent`, `10-15%`; not `5 percentage points`. */
const PERCENT_RE = new RegExp(`(?<![\\p{L}\\p{N}.,])(${FIG})(?:${DASH}(${FIG}))?\\s?(?:%|percent(?!age)|per cent|pct)${NOT_WORD_AFTER.replace('(?!', '(?!%|')}`, 'giu');
/**
 * Scales of a count: words, abbreviations and `k` ("10k users"); not one-letter `m`, `B` or `T`, which in prose are as
 * often metres, tonnes or a model's size ("Mistral 7B").
 */
const COUNT_SCALE_SRC =
  `(?:\\s*(?:${Object.keys(SCALE_WORDS).join('|')})${NOT_WORD_AFTER}` +
  `|\\s?(?:${longestFirst(Object.keys(SCALE_ABBR)).join('|')})${NOT_WORD_AFTER}|[kK]${NOT_WORD_AFTER})`;
/** `#66`; `2,000 employees`; `2 million downloads`, `10k users`. */
const COUNT_RE = new RegExp(
  `#(\\d{1,3}(?:,\\d{3})*|\\d+)${NOT_WORD_AFTER}|(?<![\\p{L}\\p{N}$€£.,#-])(?:(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?)(?![.,]?\\d)(${COUNT_SCALE_SRC})?|(\\d+(?:\\.\\d+)?)(${COUNT_SCALE_SRC}))`,
  'gu',
);

/** Bound phrases just before an amount; the longest that ends right before it wins. */
const BEFORE: [RegExp, Bound][] = [
  [/(?:^|[^\p{L}])(?:more than|over|above|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|topping|topped|tops|in excess of|upwards of|north of|just over)\s+$/iu, 'above'],
  [/(?:^|[^\p{L}])(?:at least|no less than|not less than|a minimum of)\s+$/iu, 'at-least'],
  [/(?:^|[^\p{L}])(?:under|below|less than|fewer than|just under|shy of)\s+$/iu, 'below'],
  [/(?:^|[^\p{L}])(?:up to|at most|no more than|not more than|as much as|a maximum of)\s+$/iu, 'at-most'],
  [/(?:^|[^\p{L}])(?:about|around|roughly|approximately|approx\.|some|nearly|almost|close to|an estimated|estimated|circa|c\.|ca\.)\s+$/iu, 'about'],
  [/>=\s*$/u, 'at-least'],
  [/<=\s*$/u, 'at-most'],
  [/>\s*$/u, 'above'],
  [/<\s*$/u, 'below'],
  [/~\s*$/u, 'about'],
];
/** Bound phrases just after an amount: "$400 million-plus", "$1B+", "2,000 or more". */
const AFTER: [RegExp, Bound][] = [
  [/^(?:-plus(?![\p{L}])|\+|\s+or more(?![\p{L}]))/iu, 'at-least'],
  [/^\s+or (?:less|fewer)(?![\p{L}])/iu, 'at-most'],
];

const number = (digits: string): number => Number(digits.replace(/,/g, ''));

function scaleOf(raw: string | undefined): number {
  if (!raw) return 1;
  const s = raw.trim();
  return SCALE_WORDS[s.toLowerCase()] ?? SCALE_ABBR[s.toLowerCase()] ?? SCALE_LETTERS[s] ?? 1;
}

function currencyOfWord(word: string): string {
  const w = word.replace(/\s+/g, ' ');
  return CURRENCY_WORDS.find(([re]) => re.test(w))?.[1] ?? 'USD';
}

/**
 * The interval a bound gives a figure: the shorthand's own (`~` ±10%, `>` open). An exact figure is widened by a hair,
 * for rounding in floating point ("$1,300 million" is "$1.3B").
 */
function boundInterval(amount: number, bound: Bound): Interval {
  const i = valueInterval({ amount, bound, currency: null, unit: 'number', text: '' });
  if (bound !== 'exact') return i;
  const slack = Math.abs(amount) * 1e-9;
  return { ...i, lo: i.lo - slack, hi: i.hi + slack };
}

function rangeInterval(lo: number, hi: number): Interval {
  const [a, b] = lo <= hi ? [lo, hi] : [hi, lo];
  return { lo: a * (1 - 1e-9), hi: b * (1 + 1e-9), loOpen: false, hiOpen: false };
}

/** Blanks out URLs (a markdown link's target too), keeping every other character where it was. */
function withoutUrls(text: string): string {
  return text
    .replace(/\]\([^)\s]*\)/g, (m) => ' '.repeat(m.length))
    .replace(/\b(?:https?:\/\/|www\.)[^\s)\]>"']+/gi, (m) => ' '.repeat(m.length))
    .replace(/[\u00a0\u2007\u2009\u202f]/g, ' ')
    .replace(/\u2011/g, '-');
}

interface Found {
  start: number;
  end: number;
  unit: ParsedValue['unit'];
  currency: string | null;
  /** An interval already settled (a range or a vague amount), or a figure a bound applies to. */
  range?: Interval;
  amount?: number;
}

/** Finds the amounts a text states, in order; at most 100, for prose of at most MAX_PROSE_LENGTH characters. */
export function proseAmounts(prose: string): ProseAmount[] {
  const text = withoutUrls(prose.length > MAX_PROSE_LENGTH ? prose.slice(0, MAX_PROSE_LENGTH) : prose);
  const found: Found[] = [];
  const taken = (s: number, e: number): boolean => found.some((f) => s < f.end && e > f.start);
  // Overlaps are checked pairwise: a bound on what is kept keeps hostile prose ("$1.$1.$1.…") from costing n².
  const add = (f: Found): void => {
    if (found.length < MAX_FOUND && !taken(f.start, f.end)) found.push(f);
  };

  for (const m of text.matchAll(PREFIXED_RE)) {
    const [all, prefix, a, b, scale] = m;
    const currency = SYMBOLS[prefix!] ?? (ISO_CODES.has(prefix!) ? prefix! : undefined);
    if (!currency) continue;
    const k = scaleOf(scale);
    // A currency word after a prefixed figure ("$5 billion dollars") belongs to the same amount.
    const tail = new RegExp(`^\\s+(?:of\\s+)?${CURRENCY_WORD_SRC}${NOT_WORD_AFTER}`, 'iu').exec(text.slice(m.index + all.length));
    const end = m.index + all.length + (tail ? tail[0].length : 0);
    add(b !== undefined
      ? { start: m.index, end, unit: 'money', currency, range: rangeInterval(number(a!) * k, number(b) * k) }
      : { start: m.index, end, unit: 'money', currency, amount: number(a!) * k });
  }
  for (const m of text.matchAll(WORDED_RE)) {
    const [all, a, b, scale, word] = m;
    const k = scaleOf(scale);
    const currency = currencyOfWord(word!);
    add(b !== undefined
      ? { start: m.index, end: m.index + all.length, unit: 'money', currency, range: rangeInterval(number(a!) * k, number(b) * k) }
      : { start: m.index, end: m.index + all.length, unit: 'money', currency, amount: number(a!) * k });
  }
  for (const m of text.matchAll(VAGUE_RE)) {
    const [all, many, manyScale, few, fewScale, plural, word] = m;
    let range: Interval;
    if (many) {
      const s = SCALE_WORDS[manyScale!.toLowerCase().replace(/s$/, '')]!;
      range = many.toLowerCase() === 'tens' ? rangeInterval(10 * s, 100 * s) : rangeInterval(100 * s, 1000 * s);
      range = { ...range, hiOpen: true };
    } else if (few) {
      const s = SCALE_WORDS[fewScale!.toLowerCase()]!;
      range = { ...rangeInterval(2 * s, 10 * s), hiOpen: true };
    } else {
      const s = SCALE_WORDS[plural!.toLowerCase().replace(/s$/, '')]!;
      range = { ...rangeInterval(2 * s, 1000 * s), hiOpen: true };
    }
    add({ start: m.index, end: m.index + all.length, unit: word ? 'money' : 'number', currency: word ? currencyOfWord(word) : null, range });
  }
  for (const m of text.matchAll(PERCENT_RE)) {
    const [all, a, b] = m;
    add(b !== undefined
      ? { start: m.index, end: m.index + all.length, unit: 'percent', currency: null, range: rangeInterval(number(a!), number(b)) }
      : { start: m.index, end: m.index + all.length, unit: 'percent', currency: null, amount: number(a!) });
  }
  for (const m of text.matchAll(COUNT_RE)) {
    const [all, rank, grouped, groupedScale, plain, plainScale] = m;
    const amount = rank !== undefined ? number(rank) : grouped !== undefined ? number(grouped) * scaleOf(groupedScale) : number(plain!) * scaleOf(plainScale);
    add({ start: m.index, end: m.index + all.length, unit: 'number', currency: null, amount });
  }

  found.sort((x, y) => x.start - y.start);
  const spans: Span[] = [];
  for (const f of found.slice(0, 100)) {
    let { start, end } = f;
    let interval = f.range;
    if (interval === undefined) {
      let bound: Bound = 'exact';
      const before = text.slice(Math.max(0, start - 24), start);
      for (const [re, b] of BEFORE) {
        const hit = re.exec(before);
        if (hit) {
          bound = b;
          start -= hit[0].replace(/^[^\p{L}~<>]/u, '').length;
          break;
        }
      }
      const after = text.slice(end, end + 12);
      for (const [re, b] of AFTER) {
        const hit = re.exec(after);
        if (hit && bound === 'exact') {
          bound = b;
          end += hit[0].length;
          break;
        }
      }
      interval = boundInterval(f.amount!, bound);
    }
    spans.push({ start, end, unit: f.unit, currency: f.currency, interval });
  }
  return mergeRanges(text, spans).map(({ start, end, unit, currency, interval }) => ({
    text: prose.slice(start, end).replace(/\s+/g, ' ').trim(),
    index: start,
    unit,
    currency,
    interval,
  }));
}

interface Span {
  start: number;
  end: number;
  unit: ParsedValue['unit'];
  currency: string | null;
  interval: Interval;
}

/** "between $1 billion and $2 billion", "$1 billion–$2 billion": two exact amounts of one currency become one range. */
function mergeRanges(text: string, xs: Span[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < xs.length; i++) {
    const a = xs[i]!;
    const b = xs[i + 1];
    if (b && a.unit === b.unit && a.currency === b.currency && isPoint(a.interval) && isPoint(b.interval)) {
      const gap = text.slice(a.end, b.start);
      const between = /(?:^|[^\p{L}])between\s+$/iu.test(text.slice(Math.max(0, a.start - 12), a.start));
      if (/^\s*[-–—]\s*$/.test(gap) || (between && /^\s+and\s+$/i.test(gap))) {
        out.push({ ...a, end: b.end, interval: rangeInterval(a.interval.lo, b.interval.hi) });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

const isPoint = (i: Interval): boolean => Number.isFinite(i.lo) && Number.isFinite(i.hi) && i.hi - i.lo <= Math.abs(i.hi) * 1e-8;

/** True when an amount in prose and a value shorthand can both be true: same unit, same currency, overlapping amounts. */
export function amountAgrees(a: ProseAmount, v: ParsedValue): boolean {
  if (a.unit !== v.unit || (a.unit === 'money' && a.currency !== v.currency)) return false;
  const x = a.interval;
  const y = valueInterval(v);
  const lo = Math.max(x.lo, y.lo);
  const hi = Math.min(x.hi, y.hi);
  if (lo < hi) return true;
  if (lo > hi) return false;
  const inside = (i: Interval): boolean => (lo > i.lo || (lo === i.lo && !i.loOpen)) && (lo < i.hi || (lo === i.hi && !i.hiOpen));
  return inside(x) && inside(y);
}
