/** Human-readable values and small text helpers shared by the claim formatters. */
import { CURRENCY_SYMBOL } from '../model/value.js';
import type { ParsedValue } from '../model/value.js';
import type { ClaimView } from '../query/view.js';
import { valueList } from '../query/view.js';

/** `1 claim`, `2 claims`; `many` for an irregular plural (`parties`). */
export const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

/** The value as written, equivalent forms joined: `€385M = ~$415M`. */
export function valueText(v: ClaimView): string {
  return valueList(v).map((x) => x.text).join(' = ');
}

const BOUND_WORD: Record<ParsedValue['bound'], string> = {
  exact: '', about: 'about ', above: 'above ', 'at-least': 'at least ', below: 'below ', 'at-most': 'at most ',
};

/** A compact amount: 400000000 USD -> `$400M`. */
export function compactAmount(v: Pick<ParsedValue, 'amount' | 'unit' | 'currency'>): string {
  const a = Math.abs(v.amount);
  const [div, suffix] = a >= 1e12 ? [1e12, 'T'] : a >= 1e9 ? [1e9, 'B'] : a >= 1e6 ? [1e6, 'M'] : a >= 1e3 ? [1e3, 'K'] : [1, ''];
  const n = Number((v.amount / div).toFixed(2)).toString();
  if (v.unit === 'percent') return `${v.amount}%`;
  if (v.unit === 'number') return n + suffix;
  const sym = v.currency ? CURRENCY_SYMBOL[v.currency] : undefined;
  return sym ? `${sym}${n}${suffix}` : `${v.currency ?? ''} ${n}${suffix}`;
}

/** A value in words: `above $400M (400,000,000 USD)`. */
export function valueWords(v: ParsedValue): string {
  const exact = v.unit === 'money' ? `${v.amount.toLocaleString('en-US')} ${v.currency}` : v.amount.toLocaleString('en-US');
  return `${BOUND_WORD[v.bound]}${compactAmount(v)}${v.unit === 'money' ? ` (${exact})` : ''}`;
}

/** Escapes a cell for a GitHub-flavoured markdown table. */
export function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** A GitHub markdown table. */
export function mdTable(head: string[], rows: string[][], right: number[] = []): string {
  const sep = head.map((_, i) => (right.includes(i) ? '---:' : '---'));
  return [head, sep, ...rows].map((r, i) => `| ${(i === 1 ? r : r.map(mdCell)).join(' | ')} |`).join('\n') + '\n';
}

/** First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain negative number (`-5`, `-0.25`): a spreadsheet reads it as a number, never as a formula. */
const NEGATIVE_NUMBER = /^-\d+(\.\d+)?$/;

/**
 * One RFC 4180 CSV field, neutralised as OWASP recommends: a cell that would start a formula gets a leading `'`
 * and is quoted, so a spreadsheet shows the text instead of running it. Plain negative numbers are left as numbers.
 */
export function csvField(s: string): string {
  if (FORMULA_START.test(s) && !NEGATIVE_NUMBER.test(s)) return `"'${s.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV: header row, CRLF line ends. */
export function csv(head: string[], rows: string[][]): string {
  return [head, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
