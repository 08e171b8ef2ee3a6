/** How a value's figure relates to the truth it describes. */
export type Bound = 'exact' | 'about' | 'above' | 'at-least' | 'below' | 'at-most';

/** A parsed value shorthand such as `">$400M"` or `"~€1.7B"`. */
export interface ParsedValue {
  /** The figure in units: `">$400M"` is 400000000. */
  amount: number;
  /** ISO 4217 code for money, else null. */
  currency: string | null;
  /** `money`, `percent` or `number`. */
  unit: 'money' | 'percent' | 'number';
  bound: Bound;
  /** The shorthand as written. */
  text: string;
}

const BOUNDS: Record<string, Bound> = { '~': 'about', '>': 'above', '>=': 'at-least', '<': 'below', '<=': 'at-most' };

/**
 * Currency prefixes the shorthand accepts, and the ISO 4217 code each stands for: the one table of them. A prefix is
 * written right before the figure, with or without a space (`C$240M`, `CHF 240M`). Where a code has several prefixes,
 * the first one listed is the one the tool prints (`$` for USD, `C$` for CAD). `CHF` is here because Swiss prices are
 * printed with it glued to the figure (`CHF240M`); every other ISO 4217 code is written with a space (`SEK 240M`).
 */
export const SYMBOLS: Readonly<Record<string, string>> = {
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  'US$': 'USD',
  'C$': 'CAD',
  'CA$': 'CAD',
  'A$': 'AUD',
  'AU$': 'AUD',
  'NZ$': 'NZD',
  'HK$': 'HKD',
  'S$': 'SGD',
  'R$': 'BRL',
  CHF: 'CHF',
};

/**
 * The prefix each currency is printed with (`CAD` -> `C$`): the first of its prefixes in `SYMBOLS` that is a symbol.
 * Codes without one (`CHF`, `SEK`) are printed as the code and a space.
 */
export const CURRENCY_SYMBOL: Readonly<Record<string, string>> = (() => {
  const out: Record<string, string> = {};
  for (const [symbol, code] of Object.entries(SYMBOLS)) if (!/^[A-Z]+$/.test(symbol) && !(code in out)) out[code] = symbol;
  return out;
})();

/**
 * Scales, as headlines (`$400M`, `$1.2B`) and newsrooms (`$400m`, `€1.7bn`, `$1.2tn`, `~2k`; Reuters' `mln`/`bln`, the
 * FT's `mn`) print them. A lone lower-case `b` or `t` is not one: `bn` and `tn` are what newsrooms write, and `5t` reads as
 * five tonnes.
 */
export const SCALES: Readonly<Record<string, number>> = {
  K: 1e3, k: 1e3, M: 1e6, m: 1e6, mn: 1e6, mln: 1e6, B: 1e9, bn: 1e9, bln: 1e9, T: 1e12, tn: 1e12,
};

const escapeRe = (s: string): string => s.replace(/[$^\\.*+?()[\]{}|/]/g, '\\$&');
/** Longest first, so that `US$` is tried before `$`. */
const byLength = (xs: string[]): string[] => [...xs].sort((a, b) => b.length - a.length || a.localeCompare(b));
const PREFIX_SRC = `(?:${byLength(Object.keys(SYMBOLS)).map(escapeRe).join('|')})`;
const SCALE_SRC = `(?:${byLength(Object.keys(SCALES)).join('|')})`;

/** Most digits before, and after, the decimal point: any figure so written, even scaled by T, is a finite number. */
export const MAX_VALUE_DIGITS = 15;

const BOUND_SRC = '(?:~|>=|<=|>|<)?';
/** A figure without leading zeros: `0`, `0.5`, `400`, `1,250`, at most MAX_VALUE_DIGITS digits each side of the point. */
const FIGURE_SRC = `(?:[1-9]\\d{0,2}(?:,\\d{3}){1,4}|[1-9]\\d{0,${MAX_VALUE_DIGITS - 1}}|0)(?:\\.\\d{1,${MAX_VALUE_DIGITS}})?`;

const VALUE_RE = new RegExp(
  `^(~|>=|<=|>|<)?\\s*(?:(${PREFIX_SRC})\\s*|([A-Z]{3})\\s+)?(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)\\s*(${SCALE_SRC})?\\s*(%)?$`,
);

/**
 * Exactly the strings `parseValue` accepts (surrounding whitespace allowed), as one regular expression without flags,
 * so that the JSON Schema for editors can carry it as a `pattern`: a bound, a currency prefix or ISO 4217 code, a figure
 * and a scale; or a bound, a figure and `%`.
 */
export const VALUE_PATTERN = new RegExp(
  `^\\s*${BOUND_SRC}\\s*(?:(?:${PREFIX_SRC}\\s*|[A-Z]{3}\\s+)?${FIGURE_SRC}\\s*${SCALE_SRC}?|${FIGURE_SRC}\\s*%)\\s*$`,
);

/** A figure written with a leading zero, as a shell leaves `$400M` in double quotes (`$4` expands to nothing). */
const LEADING_ZERO_RE = new RegExp(`^\\s*(?:~|>=|<=|>|<)?\\s*(?:${PREFIX_SRC}\\s*|[A-Z]{3}\\s+)?0[\\d,]`);
const LONG_FIGURE_RE = new RegExp(`\\d{${MAX_VALUE_DIGITS + 1}}|(?:\\d{1,3},){5}`);
/**
 * A prefix the table does not know, before a figure and scale: letters and `$` (`Z$`, `XY$`), another currency sign
 * (`¥`, `₹`), or letters glued to the figure (`USD240M`, `cad 240M`). Groups: bound, prefix, the rest.
 */
const UNKNOWN_PREFIX_RE = /^\s*(~|>=|<=|>|<)?\s*([A-Za-z]{0,4}\$|\p{Sc}|[A-Za-z]{3}(?=\d)|[a-z]{3}(?=\s))\s*(\S.*?)\s*$/u;
/** A figure ending in a lone lower-case `b` or `t`. */
const LONE_SCALE_RE = /^(.*\d)\s*([bt])\s*$/;

/** The accepted prefixes, as shown in messages. */
const PREFIXES_SHOWN = Object.keys(SYMBOLS).join(' ');

/** The accepted forms, shown in error messages. */
export const VALUE_FORMS = `">$400M", "~€1.7B", "$16.3M", "C$240M", "€1.7bn", "USD 3.5B", "11%", "66" (bounds ~ > >= < <=; scales K M B T, also k m mn mln bn bln tn; prefixes ${PREFIXES_SHOWN}, or an ISO 4217 code and a space; a list for equivalent currencies)`;

/** Parses a value shorthand; undefined when it is not one of the accepted forms. */
export function parseValue(input: unknown): ParsedValue | undefined {
  if (typeof input === 'number' && Number.isFinite(input)) {
    return { amount: input, currency: null, unit: 'number', bound: 'exact', text: String(input) };
  }
  if (typeof input !== 'string' || !VALUE_PATTERN.test(input)) return undefined;
  const m = VALUE_RE.exec(input.trim());
  if (!m) return undefined;
  const [, boundSym, symbol, code, digits, scale, percent] = m;
  if (percent && (symbol || code || scale)) return undefined;
  const amount = Number(digits!.replace(/,/g, '')) * (scale ? SCALES[scale]! : 1);
  if (!Number.isFinite(amount)) return undefined;
  const currency = symbol ? SYMBOLS[symbol]! : code ?? null;
  return {
    amount,
    currency,
    unit: currency ? 'money' : percent ? 'percent' : 'number',
    bound: boundSym ? BOUNDS[boundSym]! : 'exact',
    text: input,
  };
}

/** Shows at most 40 characters of a text in a message, quoted. */
function shown(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/**
 * Why a value is not a shorthand, in words (undefined when `parseValue` accepts it). A leading zero gets its own
 * message: it is what a shell leaves of `"$400M"` in double quotes. An unknown currency prefix gets the form that
 * works, with the user's own figure (`Z$240M` -> `"CAD 240M"`).
 */
export function valueProblem(input: unknown): string | undefined {
  if (parseValue(input) !== undefined) return undefined;
  if (typeof input === 'number') return `is ${Number.isNaN(input) ? 'not a number (.nan)' : 'an infinite number (.inf, or a figure beyond the range of numbers)'}; write the figure itself`;
  if (typeof input !== 'string') return `is not a value shorthand; use ${VALUE_FORMS}`;
  if (LEADING_ZERO_RE.test(input)) {
    return `has a leading zero (${shown(input)}): that is what a shell leaves of "$400M" in double quotes, where "$4" expands to nothing. Write the whole figure, and quote shorthands with $ in single quotes on the command line ('>$400M')`;
  }
  if (LONG_FIGURE_RE.test(input)) {
    return `has more than ${MAX_VALUE_DIGITS} digits on one side of the decimal point (${shown(input)}); use a scale instead: K, M, B or T`;
  }
  const unknown = UNKNOWN_PREFIX_RE.exec(input);
  if (unknown) {
    const [, bound = '', prefix, rest] = unknown;
    const code = prefix!.toUpperCase();
    if (/^[A-Z]{3}$/.test(code) && parseValue(`${bound}${code} ${rest}`) !== undefined) {
      const hint = /[a-z]/.test(prefix!) ? 'write the ISO 4217 code in capitals, then a space' : 'write a space between the ISO 4217 code and the figure';
      return `has the currency code "${prefix}" (${shown(input)}): ${hint}, as ${shown(`${bound}${code} ${rest}`)}`;
    }
    if (parseValue(`${bound}CAD ${rest}`) !== undefined) {
      return `has an unknown currency prefix ${shown(prefix!)}: write the currency's ISO 4217 code, a space and the figure, as ${shown(`${bound}CAD ${rest}`)} for Canadian dollars (known prefixes: ${PREFIXES_SHOWN})`;
    }
  }
  const lone = LONE_SCALE_RE.exec(input.trim());
  if (lone && parseValue(`${lone[1]}${lone[2]}n`) !== undefined) {
    return `has a lone "${lone[2]}" for a scale (${shown(input)}), which newsrooms write "${lone[2]}n": write ${shown(`${lone[1]}${lone[2]}n`)} or ${shown(`${lone[1]}${lone[2]!.toUpperCase()}`)}`;
  }
  return `is not a value shorthand (${shown(input)}); use ${VALUE_FORMS}`;
}

/** Parses a value field (one shorthand or a list of them) into a list. */
export function parseValues(input: unknown): ParsedValue[] {
  const list = Array.isArray(input) ? input : input === undefined || input === null ? [] : [input];
  return list.map(parseValue).filter((v): v is ParsedValue => v !== undefined);
}

/** The interval of amounts a value allows: `~` is ±10%, open bounds are infinite. */
export function valueInterval(v: ParsedValue): { lo: number; hi: number; loOpen: boolean; hiOpen: boolean } {
  const a = v.amount;
  switch (v.bound) {
    case 'about': {
      // ±10%, widened by a hair so that 2.3 × 0.9 = 2.0700000000000002 still admits 2.07.
      const slack = Math.abs(a) * 1e-9;
      return { lo: a * 0.9 - slack, hi: a * 1.1 + slack, loOpen: false, hiOpen: false };
    }
    case 'above':
      return { lo: a, hi: Infinity, loOpen: true, hiOpen: false };
    case 'at-least':
      return { lo: a, hi: Infinity, loOpen: false, hiOpen: false };
    case 'below':
      return { lo: -Infinity, hi: a, loOpen: false, hiOpen: true };
    case 'at-most':
      return { lo: -Infinity, hi: a, loOpen: false, hiOpen: false };
    default:
      return { lo: a, hi: a, loOpen: false, hiOpen: false };
  }
}

/** The key under which two values are comparable: same unit and currency. */
export function valueDimension(v: ParsedValue): string {
  return v.unit === 'money' ? `money:${v.currency}` : v.unit;
}

type Interval = ReturnType<typeof valueInterval>;

function contains(i: Interval, p: number): boolean {
  return (p > i.lo || (p === i.lo && !i.loOpen)) && (p < i.hi || (p === i.hi && !i.hiOpen));
}

/** True when two values in one dimension can both be true. */
export function valuesCompatible(a: ParsedValue, b: ParsedValue): boolean {
  const x = valueInterval(a);
  const y = valueInterval(b);
  const lo = Math.max(x.lo, y.lo);
  const hi = Math.min(x.hi, y.hi);
  if (lo < hi) return true;
  if (lo > hi) return false;
  return contains(x, lo) && contains(y, lo);
}
