/** A partial ISO date: a year, a month or a day, and the period of days it covers. */
export interface PartialDate {
  /** Normalised text: `2026`, `2026-02` or `2026-02-15`. */
  text: string;
  precision: 'year' | 'month' | 'day';
  /** First day of the period, `YYYY-MM-DD`. */
  start: string;
  /** Last day of the period, `YYYY-MM-DD`. */
  end: string;
}

const DATE_RE = /^([1-9]\d{3})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const YEAR = '[1-9]\\d{3}';
const MONTH = '(?:0[1-9]|1[0-2])';
const MONTH_DAY = '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))';
/** Years 1000–9999 divisible by 4, except centuries not divisible by 400. */
const LEAP_YEAR = '(?:[1-9]\\d(?:0[48]|[2468][048]|[13579][26])|(?:[2468][048]|[13579][26])00)';

/**
 * Exactly the texts `parsePartialDate` accepts as a string (years 1000–9999, real calendar days), as one regular
 * expression without flags, so that the JSON Schema for editors can carry it as a `pattern`.
 */
export const PARTIAL_DATE_PATTERN = new RegExp(`^(?:${YEAR}(?:-${MONTH})?|${YEAR}-${MONTH_DAY}|${LEAP_YEAR}-02-29)$`);

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Parses `2026`, `2026-02`, `2026-02-15` (or a bare number year, 1000–9999); undefined when it is not a real date. */
export function parsePartialDate(input: unknown): PartialDate | undefined {
  const text = typeof input === 'number' && Number.isInteger(input) ? String(input) : input;
  if (typeof text !== 'string') return undefined;
  const m = DATE_RE.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] === undefined) {
    return { text: m[1]!, precision: 'year', start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  }
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  const last = daysInMonth(year, month);
  if (m[3] === undefined) {
    return { text: `${m[1]}-${m[2]}`, precision: 'month', start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${pad(last)}` };
  }
  const day = Number(m[3]);
  if (day < 1 || day > last) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return { text: iso, precision: 'day', start: iso, end: iso };
}

/** True when the whole of `a` lies before the whole of `b`. */
export function isBefore(a: PartialDate, b: PartialDate): boolean {
  return a.end < b.start;
}

/** Today's date as `YYYY-MM-DD` in UTC. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
