import { describe, expect, it } from 'vitest';
import { parseValue, parseValues, valuesCompatible } from '../src/model/value.js';
import { isBefore, parsePartialDate } from '../src/model/date.js';

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
