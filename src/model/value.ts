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
/** Currency symbols the shorthand accepts, and the ISO 4217 code each stands for: the one table of them. */
export const SYMBOLS: Readonly<Record<string, string>> = { $: 'USD', '€': 'EUR', '£': 'GBP' };
const SCALES: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9, T: 1e12 };

const VALUE_RE = /^(~|>=|<=|>|<)?\s*(?:([$€£])\s*|([A-Z]{3})\s+)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*([KMBT])?\s*(%)?$/;

/** Most digits before, and after, the decimal point: any figure so written, even scaled by T, is a finite number. */
export const MAX_VALUE_DIGITS = 15;

const BOUND_SRC = '(?:~|>=|<=|>|<)?';
/** A figure without leading zeros: `0`, `0.5`, `400`, `1,250`, at most MAX_VALUE_DIGITS digits each side of the point. */
const FIGURE_SRC = `(?:[1-9]\\d{0,2}(?:,\\d{3}){1,4}|[1-9]\\d{0,${MAX_VALUE_DIGITS - 1}}|0)(?:\\.\\d{1,${MAX_VALUE_DIGITS}})?`;

/**
 * Exactly the strings `parseValue` accepts (surrounding whitespace allowed), as one regular expression without flags,
 * so that the JSON Schema for editors can carry it as a `pattern`: a bound, a currency symbol or ISO 4217 code, a figure
 * and a scale; or a bound, a figure and `%`.
 */
export const VALUE_PATTERN = new RegExp(
  `^\\s*${BOUND_SRC}\\s*(?:(?:[$€£]\\s*|[A-Z]{3}\\s+)?${FIGURE_SRC}\\s*[KMBT]?|${FIGURE_SRC}\\s*%)\\s*$`,
);

/** A figure written with a leading zero, as a shell leaves `$400M` in double quotes (`$4` expands to nothing). */
const LEADING_ZERO_RE = /^\s*(?:~|>=|<=|>|<)?\s*(?:[$€£]\s*|[A-Z]{3}\s+)?0[\d,]/;
const LONG_FIGURE_RE = new RegExp(`\\d{${MAX_VALUE_DIGITS + 1}}|(?:\\d{1,3},){5}`);

/** The accepted forms, shown in error messages. */
export const VALUE_FORMS = '">$400M", "~€1.7B", "$16.3M", "USD 3.5B", "11%", "66" (bounds ~ > >= < <=; scales K M B T; a list for equivalent currencies)';

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
 * message: it is what a shell leaves of `"$400M"` in double quotes.
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
