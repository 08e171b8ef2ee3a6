import { describe, expect, it } from 'vitest';
import { parseValue, parseValues, valueProblem, valuesCompatible, VALUE_PATTERN } from '../src/model/value.js';
import { isBefore, parsePartialDate, PARTIAL_DATE_PATTERN } from '../src/model/date.js';
import { SNAPSHOT_PATH_RE } from '../src/model/schema.js';

describe('parseValue', () => {
  it.each([
    ['>$400M', { amount: 400_000_000, currency: 'USD', unit: 'money', bound: 'above' }],
    ['~€1.7B', { amount: 1_700_000_000, currency: 'EUR', unit: 'money', bound: 'about' }],
    ['$16.3M', { amount: 16_300_000, currency: 'USD', unit: 'money', bound: 'exact' }],
    ['USD 3.5B', { amount: 3_500_000_000, currency: 'USD', unit: 'money', bound: 'exact' }],
    ['11%', { amount: 11, currency: null, unit: 'percent', bound: 'exact' }],
    ['~11%', { amount: 11, currency: null, unit: 'percent', bound: 'about' }],
    ['66', { amount: 66, currency: null, unit: 'number', bound: 'exact' }],
    ['>=£2K', { amount: 2000, currency: 'GBP', unit: 'money', bound: 'at-least' }],
    ['<=5', { amount: 5, currency: null, unit: 'number', bound: 'at-most' }],
    ['<€1T', { amount: 1e12, currency: 'EUR', unit: 'money', bound: 'below' }],
    ['$1,300M', { amount: 1_300_000_000, currency: 'USD', unit: 'money', bound: 'exact' }],
  ])('parses %s', (text, expected) => {
    expect(parseValue(text)).toEqual({ ...expected, text });
  });

  it('accepts a YAML number as a plain count', () => {
    expect(parseValue(66)).toMatchObject({ amount: 66, unit: 'number', bound: 'exact' });
  });

  it.each(['about 5', '$', '5 million', '€1.7X', '%11', '$5%', '', 'USD3.5B'])('rejects %j', (text) => {
    expect(parseValue(text)).toBeUndefined();
  });

  it('parses a list of equivalent forms and drops unparseable entries', () => {
    expect(parseValues(['€385M', '~$415M']).map((v) => v.currency)).toEqual(['EUR', 'USD']);
    expect(parseValues(undefined)).toEqual([]);
  });
});

describe('valuesCompatible', () => {
  const v = (s: string) => parseValue(s)!;
  it.each([
    ['~$20M', '$21M', true],
    ['~$20M', '$23M', false],
    ['>$400M', '$500M', true],
    ['>$400M', '$400M', false],
    ['>=$400M', '$400M', true],
    ['<$10M', '>$10M', false],
    ['<=$10M', '>=$10M', true],
    ['$16.3M', '$16.3M', true],
    ['$16.3M', '$16M', false],
    ['~$2.3M', '$2.07M', true],
    ['~$9.2M', '$8.28M', true],
    ['~$2.3M', '$2.06M', false],
  ])('%s vs %s -> %s', (a, b, expected) => {
    expect(valuesCompatible(v(a), v(b))).toBe(expected);
    expect(valuesCompatible(v(b), v(a))).toBe(expected);
  });
});

describe('parsePartialDate', () => {
  it('reads years, months and days with the period they cover', () => {
    expect(parsePartialDate('2026')).toMatchObject({ precision: 'year', start: '2026-01-01', end: '2026-12-31' });
    expect(parsePartialDate(2026)).toMatchObject({ text: '2026', precision: 'year' });
    expect(parsePartialDate('2024-02')).toMatchObject({ precision: 'month', start: '2024-02-01', end: '2024-02-29' });
    expect(parsePartialDate('2026-02-15')).toMatchObject({ precision: 'day', start: '2026-02-15', end: '2026-02-15' });
  });

  it.each(['2026-13', '2026-02-30', '2025-02-29', '26', '2026/02', 'Feb 2026', '2026-2'])('rejects %s', (s) => {
    expect(parsePartialDate(s)).toBeUndefined();
  });

  it('orders whole periods: a month inside a year is not before it', () => {
    const d = (s: string) => parsePartialDate(s)!;
    expect(isBefore(d('2025-12'), d('2026'))).toBe(true);
    expect(isBefore(d('2026-02'), d('2026'))).toBe(false);
    expect(isBefore(d('2026'), d('2026-02'))).toBe(false);
  });
});

describe('the patterns the JSON Schemas carry agree with the parsers', () => {
  it('PARTIAL_DATE_PATTERN accepts exactly the dates parsePartialDate reads, every day of leap and common years', () => {
    const years = ['0999', '1000', '1900', '2000', '2023', '2024', '2100', '2400', '9999'];
    const two = (n: number): string => String(n).padStart(2, '0');
    let checked = 0;
    for (const y of years) {
      const texts = [y, `${y}-`, `${y}-1`];
      for (let m = 0; m <= 13; m++) {
        texts.push(`${y}-${two(m)}`);
        for (let d = 0; d <= 32; d++) texts.push(`${y}-${two(m)}-${two(d)}`);
      }
      for (const t of texts) {
        expect(PARTIAL_DATE_PATTERN.test(t), t).toBe(parsePartialDate(t) !== undefined);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(4000);
    expect(PARTIAL_DATE_PATTERN.test('2024-02-29')).toBe(true);
    expect(PARTIAL_DATE_PATTERN.test('2023-02-29')).toBe(false);
    expect(PARTIAL_DATE_PATTERN.test('1900-02-29')).toBe(false);
    expect(PARTIAL_DATE_PATTERN.test('2000-02-29')).toBe(true);
    expect(PARTIAL_DATE_PATTERN.test('2025-13-11')).toBe(false);
  });

  it('a year needs four digits from 1000 (as a number too)', () => {
    expect(parsePartialDate('0999')).toBeUndefined();
    expect(parsePartialDate(999)).toBeUndefined();
    expect(parsePartialDate(1000)?.text).toBe('1000');
  });

  it('VALUE_PATTERN accepts exactly what parseValue accepts', () => {
    const samples = [
      '>$400M', '~€1.7B', '$16.3M', 'USD 3.5B', '11%', '66', ' >= £2T ', '0', '0.5', '$0.25M', '1,250', '1,250.5K', '<=5%',
      '>00M', '00M', '05', '$0400M', '0,123', '1,23', '5%M', '$11%', 'lots of money', '', '$', 'usd 5', 'USD5', '1e5',
      '9'.repeat(15), '9'.repeat(16), `0.${'1'.repeat(15)}`, `0.${'1'.repeat(16)}`, '999,999,999,999,999', '1,000,000,000,000,000',
    ];
    for (const t of samples) expect(VALUE_PATTERN.test(t), t).toBe(parseValue(t) !== undefined);
  });

  it('SNAPSHOT_PATH_RE keeps paths relative and inside the dataset', () => {
    for (const ok of ['snapshots/x.txt', 'x.txt', 'a/.../b', './x.txt', 'snapshots/..x']) expect(SNAPSHOT_PATH_RE.test(ok), ok).toBe(true);
    for (const bad of ['../x', '/etc/hostname', 'snapshots/../../x', '..', 'a\\..\\b', 'C:x', 'c:/x', 'a//b', 'a/', '', 'a\nb', 'a\u0000b']) {
      expect(SNAPSHOT_PATH_RE.test(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('value shorthand limits and messages', () => {
  it('rejects leading zeros, what a shell leaves of "$400M" in double quotes, with a message about quoting', () => {
    for (const t of ['>00M', '00M', '~15M'.replace('1', '0'), 'USD 05B']) {
      expect(parseValue(t), t).toBeUndefined();
      expect(valueProblem(t)).toMatch(/leading zero.*double quotes.*single quotes/);
    }
    expect(parseValue('0.5M')?.amount).toBe(500_000);
  });

  it('never gives an infinite amount: long figures are rejected with a message naming the scales', () => {
    for (const t of [`$${'9'.repeat(400)}`, `${'9'.repeat(309)}`, `${'9'.repeat(16)}T`]) {
      expect(parseValue(t)).toBeUndefined();
      expect(valueProblem(t)).toMatch(/more than 15 digits.*K, M, B or T/);
    }
    expect(parseValue(`$${'9'.repeat(15)}T`)?.amount).toBeLessThan(Number.MAX_VALUE);
    expect(parseValue(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(parseValues([Number.NaN, '$1M'])).toHaveLength(1);
  });

  it('messages quote at most 40 characters of the value and never a regular expression', () => {
    const m = valueProblem(`lots of money ${'x'.repeat(500)}`)!;
    expect(m.length).toBeLessThan(400);
    expect(m).not.toMatch(/\\d|\^|pattern/);
  });
});
