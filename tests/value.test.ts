/**
 * Value shorthand as articles print it: dollar prefixes (`C$`, `A$`, `NZ$`, `HK$`, `S$`, `R$`, `US$`), `CHF`, and newsroom
 * scales (`$400m`, `€1.7bn`, `~2k`, `$1.2tn`); the messages for what is not accepted; and the JSON Schema's pattern,
 * read by ajv as editors' validators read it, agreeing with the parser on every form.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { CURRENCY_SYMBOL, parseValue, SYMBOLS, VALUE_FORMS, VALUE_PATTERN, valueProblem, valuesCompatible } from '../src/model/value.js';
import { compactAmount, valueWords } from '../src/format/values.js';
import { editorDiagnostics } from './editor.js';

describe('currency prefixes', () => {
  it.each([
    ['C$240M', 240e6, 'CAD'],
    ['CA$240M', 240e6, 'CAD'],
    ['A$1.5B', 1.5e9, 'AUD'],
    ['AU$1.5B', 1.5e9, 'AUD'],
    ['NZ$30M', 30e6, 'NZD'],
    ['HK$7.8B', 7.8e9, 'HKD'],
    ['S$100M', 100e6, 'SGD'],
    ['R$2B', 2e9, 'BRL'],
    ['US$400M', 400e6, 'USD'],
    ['CHF240M', 240e6, 'CHF'],
    ['CHF 240M', 240e6, 'CHF'],
    ['C$ 240M', 240e6, 'CAD'],
    ['SEK 240M', 240e6, 'SEK'],
  ])('%s is %d %s, and keeps its text', (text, amount, currency) => {
    expect(parseValue(text)).toEqual({ amount, currency, unit: 'money', bound: 'exact', text });
  });

  it('keeps bounds with the new prefixes', () => {
    expect(parseValue('>C$240M')).toMatchObject({ bound: 'above', currency: 'CAD' });
    expect(parseValue('~NZ$30m')).toMatchObject({ bound: 'about', currency: 'NZD', amount: 30e6 });
    expect(parseValue('<=CHF5bn')).toMatchObject({ bound: 'at-most', currency: 'CHF', amount: 5e9 });
  });

  it('a Canadian dollar is not a US dollar: C$ and $ values do not conflict and are not compared', () => {
    const cad = parseValue('C$240M')!;
    const usd = parseValue('$240M')!;
    expect(cad.currency).not.toBe(usd.currency);
    expect(valuesCompatible(parseValue('US$240M')!, usd)).toBe(true);
  });

  it('prints each currency with its first symbol: $ for USD (also when written US$), C$ for CAD, the code for CHF', () => {
    expect(CURRENCY_SYMBOL.USD).toBe('$');
    expect(compactAmount(parseValue('US$400M')!)).toBe('$400M');
    expect(compactAmount(parseValue('CA$240M')!)).toBe('C$240M');
    expect(compactAmount(parseValue('A$1.5B')!)).toBe('A$1.5B');
    expect(compactAmount(parseValue('R$2B')!)).toBe('R$2B');
    expect(compactAmount(parseValue('CHF240M')!)).toBe('CHF 240M');
    expect(valueWords(parseValue('>HK$7.8B')!)).toBe('above HK$7.8B (7,800,000,000 HKD)');
    for (const code of new Set(Object.values(SYMBOLS))) expect(code).toMatch(/^[A-Z]{3}$/);
  });
});

describe('newsroom scales', () => {
  it.each([
    ['$400m', 400e6, 'USD'],
    ['€1.7bn', 1.7e9, 'EUR'],
    ['$1.2tn', 1.2e12, 'USD'],
    ['£300k', 300e3, 'GBP'],
    ['$400mn', 400e6, 'USD'],
    ['$400 mln', 400e6, 'USD'],
    ['$1.2 bln', 1.2e9, 'USD'],
    ['€11.7bn', 11.7e9, 'EUR'],
  ])('%s is %d %s', (text, amount, currency) => {
    expect(parseValue(text)).toMatchObject({ amount, currency, unit: 'money', text });
  });

  it('scales plain counts too: ~2k is about 2,000', () => {
    expect(parseValue('~2k')).toEqual({ amount: 2000, currency: null, unit: 'number', bound: 'about', text: '~2k' });
    expect(parseValue('5m')?.amount).toBe(5e6);
  });

  it('a lone lower-case b or t is not a scale, and the message says what to write', () => {
    for (const t of ['$1.2b', '€3t', '5b']) expect(parseValue(t), t).toBeUndefined();
    expect(valueProblem('$1.2b')).toBe('has a lone "b" for a scale ("$1.2b"), which newsrooms write "bn": write "$1.2bn" or "$1.2B"');
    expect(valueProblem('€3t')).toContain('write "€3tn" or "€3T"');
  });

  it('rejects scales with a percent and unknown scales', () => {
    for (const t of ['5m%', '$5bn%', '$5Bn', '$5 billion', '$5MM']) expect(parseValue(t), t).toBeUndefined();
  });
});

describe('messages for prefixes the shorthand does not know', () => {
  it('an unknown prefix shows the CODE 240M form with the figure as written', () => {
    expect(valueProblem('Z$240M')).toMatch(/^has an unknown currency prefix "Z\$": write the currency's ISO 4217 code, a space and the figure, as "CAD 240M" for Canadian dollars/);
    expect(valueProblem('>XY$5M')).toContain('unknown currency prefix "XY$"');
    expect(valueProblem('>XY$5M')).toContain('">CAD 5M"');
    expect(valueProblem('¥240bn')).toContain('unknown currency prefix "¥"');
    expect(valueProblem('¥240bn')).toContain('"CAD 240bn"');
  });

  it('a code glued to the figure, or in lower case, gets the spaced upper-case form', () => {
    expect(valueProblem('USD240M')).toBe('has the currency code "USD" ("USD240M"): write a space between the ISO 4217 code and the figure, as "USD 240M"');
    expect(valueProblem('~cad 240M')).toContain('in capitals, then a space, as "~CAD 240M"');
  });

  it('every message starts with "has", "is" or "must", as the schema rule needs to show it as written', () => {
    for (const t of ['$1.2b', 'Z$240M', 'USD240M', 'cad 240M', '¥240M', 'lots', 'C$0400M']) expect(valueProblem(t), t).toMatch(/^(?:has|is|must) /);
  });

  it('keeps the leading-zero message with the new prefixes (a shell ate "$4")', () => {
    for (const t of ['C$0400M', '>A$00M', 'CHF05M']) {
      expect(parseValue(t), t).toBeUndefined();
      expect(valueProblem(t), t).toMatch(/leading zero.*double quotes.*single quotes/);
    }
  });

  it('other texts still get the list of forms, which names the new prefixes and scales', () => {
    expect(valueProblem('lots of money')).toContain(VALUE_FORMS);
    for (const p of ['C$', 'A$', 'NZ$', 'HK$', 'S$', 'R$', 'CHF', 'bn', 'tn']) expect(VALUE_FORMS).toContain(p);
  });

  it('messages stay short for long input', () => {
    for (const t of [`Z$${'9'.repeat(14)}${'M'.repeat(500)}`, `XY$5${'x'.repeat(500)}`, `${'5'.repeat(10)}b${' '.repeat(300)}`]) {
      expect(valueProblem(t)!.length, t.slice(0, 20)).toBeLessThan(700);
    }
  });
});

describe('the JSON Schema pattern agrees with the parser on the new forms', () => {
  const SAMPLES = [
    'C$240M', 'CA$240M', 'A$1.5B', 'AU$1B', 'NZ$30M', 'HK$7.8B', 'S$100M', 'R$2B', 'US$400M', 'CHF240M', 'CHF 240M', ' >= C$ 1,250.5 k ',
    '$400m', '€1.7bn', '~2k', '$1.2tn', '$400mn', '$400 mln', '$1.2 bln', '5m', '<£3K',
    'Z$240M', 'XY$5M', '¥240M', 'USD240M', 'cad 240M', '$1.2b', '€3t', '5m%', '$5Bn', 'C$0400M', 'c$240M', '$$5M', 'US$$5M', 'CHFF5M', 'S $5M', 'C$', '$bn',
  ];

  it('VALUE_PATTERN accepts exactly what parseValue accepts', () => {
    for (const t of SAMPLES) expect(VALUE_PATTERN.test(t), t).toBe(parseValue(t) !== undefined);
  });

  it('ajv, reading the committed claim schema, accepts and rejects each form as the CLI does', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '..', 'schemas', 'claim.schema.json'), 'utf8')) as { properties: { value: object } };
    const ajv = new Ajv2020({ strictTypes: false });
    ajv.addKeyword('patternErrorMessage');
    const check = ajv.compile(schema.properties.value);
    for (const t of SAMPLES) {
      expect(check(t), t).toBe(parseValue(t) !== undefined);
      expect(check([t, '$1M']), `[${t}]`).toBe(parseValue(t) !== undefined);
    }
  });

  it('yaml-language-server, through a claim file\'s own $schema line, accepts C$240M and €1.7bn and rejects Z$240M', async () => {
    const file = join(__dirname, '..', 'claims', 'mistral-ai', 'arr-2026-02.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    const withValue = (v: string): string => lines.map((l) => (l.startsWith('value:') ? `value: "${v}"` : l)).join('\n');
    expect(lines.some((l) => l.startsWith('value:'))).toBe(true);
    for (const ok of ['C$240M', '€1.7bn', '~2k', 'CHF240M', 'NZ$1.2tn']) expect(await editorDiagnostics(file, withValue(ok)), ok).toEqual([]);
    for (const bad of ['Z$240M', '$1.2b']) expect((await editorDiagnostics(file, withValue(bad))).join('\n'), bad).toContain('Must be a value shorthand');
  });
});
