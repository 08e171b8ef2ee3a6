/**
 * quote-value-mismatch: quotes verbatim from the seed texts (/work/shared/seeds) against values that do and do not
 * agree with them; and the rule over every quote of the bundled dataset.
 */
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimWithEvidence, sources } from '../helpers.js';
import { ruleTester } from '../rule-tester.js';
import { loadDataset } from '../../src/load/dataset.js';
import { lint } from '../../src/lint.js';
import { parseValues } from '../../src/model/value.js';
import { quoteValueMismatch } from '../../src/rules/quote-value-mismatch.js';

/** A claim with `value` and one evidence item quoting `quote` (the quote is on line 10). */
const quoted = (value: string, ...quotes: string[]) => ({
  ...sources('src-a'),
  'acme/claim-1.yaml': claimWithEvidence('claim-1', quotes.map((q) => `  - source: src-a\n    quote: ${JSON.stringify(q)}\n`).join(''), value ? `value: ${value}\n` : ''),
});

const ARR = 'In February, the company disclosed that its annual recurring revenue (ARR) was above $400 million, up from $20 million just one year earlier';
const SERIES_A = 'Six months later, Mistral closed a €385 million Series A (about $415 million at the time) at a reported $2 billion valuation, led by Andreessen Horowitz (a16z) with participation from Lightspeed';
const SERIES_C = 'in September 2025, it closed a €1.7 billion Series C (about $2 billion) led by ASML';
const TABLE_C = 'Sep 2025 | Series C | €1.7B (~$2B) | €11.7B (~$13.8B) | Led by ASML';
const ASML = 'Reporting around that round described ASML as investing €1.3 billion for an 11% stake, making it the top shareholder.';
const RANK = 'It is currently tanked #66 Germany';
const OPENAI = 'might soon be picking up [$40 billion more](https://www.cnbc.com/2025/02/07/softbank-set-to-invest-40-billion-in-openai-at-260-billion-valuation-sources-say.html)';

ruleTester.run('quote-value-mismatch', {
  valid: [
    { name: '"above $400 million" agrees with >$400M', files: quoted('">$400M"', ARR) },
    { name: 'one of several amounts agrees: "$20 million" in the same sentence', files: quoted('"$20M"', ARR) },
    { name: '"about $2 billion" agrees with ~$2B; "€1.7 billion" in another currency does not count against it', files: quoted('"~$2B"', SERIES_C) },
    { name: 'a list agrees when one of its forms does', files: quoted('["€385M", "~$415M"]', SERIES_A) },
    { name: 'a shorthand table row', files: quoted('["€1.7B", "~$2B"]', TABLE_C) },
    { name: 'newsroom shorthand in the value: €1.7bn', files: quoted('"€1.7bn"', SERIES_C) },
    { name: '"exceed $1 billion" agrees with >$1B', files: quoted('">$1B"', 'the company claimed it was on track to exceed $1 billion in ARR this year') },
    { name: '"approximately $4 billion" agrees with ~$4B', files: quoted('"~$4B"', 'Mistral AI has secured approximately $4 billion in total funding across several venture rounds and debt financing.') },
    { name: 'percent against percent: "11% stake"', files: quoted('"11%"', ASML) },
    { name: 'a money value ignores the percentage in the quote', files: quoted('"€1.3B"', ASML) },
    { name: 'a rank agrees with a count', files: quoted('66', RANK) },
    { name: 'a bare figure is not a count: "top 100" says nothing about 66', files: quoted('66', 'it’s not even listed in the top 100 apps in Spain, Italy and the U.K.') },
    { name: 'a quote with a year and words for numbers states no amount', files: quoted('"$113M"', 'Mistral AI was founded in 2023 by three researchers with pedigrees from major U.S. labs operating in Paris.') },
    { name: 'a quote without an amount never fires', files: quoted('"$6B"', 'Bpifrance happens also to be an early shareholder in the French AI startup.') },
    { name: 'figures inside a link target are not read', files: quoted('"$40B"', OPENAI) },
    { name: 'a vague amount agrees with a bound in its range', files: quoted('"<€100M"', 'According to multiple sources, Mistral only had tens of millions of euros in revenue in 2024.') },
    { name: 'a claim without a value never fires', files: quoted('', ARR) },
  ],
  invalid: [
    {
      name: '"€385 million" is not $385M: another currency',
      files: quoted('"$385M"', 'Six months later, Mistral closed a €385 million Series A'),
      errors: [{ messageId: 'mismatch', file: 'acme/claim-1.yaml', line: 10, path: 'evidence[0].quote', severity: 'warning', message: 'Evidence 1 (source "src-a") quotes "€385 million", and none agrees with the value $385M (currency, scale and bound compared; `~` is ±10%). Fix the value, or quote the passage that states it.' }],
    },
    {
      name: 'a scale slip: $40M against "above $400 million" and "$20 million"',
      files: quoted('"$40M"', ARR),
      errors: [{ messageId: 'mismatch', messageIncludes: 'quotes "above $400 million", "$20 million", and none agrees with the value $40M' }],
    },
    {
      name: 'a bound the quote contradicts: <$400M against "above $400 million"; and an exact $400M too',
      files: quoted('"<$400M"', 'TechCrunch said Mistral AI disclosed in February that annual recurring revenue had risen above $400 million'),
      errors: [{ messageId: 'mismatch', messageIncludes: 'quotes "above $400 million"' }],
    },
    {
      name: 'an exact figure is not "above" it',
      files: quoted('"$400M"', 'TechCrunch said Mistral AI disclosed in February that annual recurring revenue had risen above $400 million'),
      errors: [{ messageId: 'mismatch' }],
    },
    {
      name: '~$2.5B is not "about $2 billion" (±10% each)',
      files: quoted('"~$2.5B"', SERIES_C),
      errors: [{ messageId: 'mismatch', messageIncludes: 'quotes "€1.7 billion", "about $2 billion", and none' }],
    },
    {
      name: 'percent against percent only: 15% against "11% stake"',
      files: quoted('"15%"', ASML),
      errors: [{ messageId: 'mismatch', messageIncludes: 'quotes "11%", and none agrees with the value 15%' }],
    },
    { name: 'a rank that differs', files: quoted('65', RANK), errors: [{ messageId: 'mismatch', messageIncludes: 'quotes "#66"' }] },
    {
      name: 'the link target\'s "260-billion" does not save a wrong value: $260B against "$40 billion"',
      files: quoted('"$260B"', OPENAI),
      errors: [{ messageId: 'mismatch', messageIncludes: 'quotes "$40 billion", and none' }],
    },
    {
      name: 'names three amounts and counts the rest',
      files: quoted('"$1T"', TABLE_C),
      errors: [{ messageId: 'mismatch', messageIncludes: 'quotes "€1.7B", "~$2B", "€11.7B" and 1 more, and none agrees with the value $1T' }],
    },
    {
      name: 'one warning per evidence item that disagrees, at its quote',
      files: quoted('"$16M"', 'In February 2024, Microsoft made a $16.3 million convertible investment tied to a strategic partnership to distribute Mistral’s models through Azure', 'Bpifrance happens also to be an early shareholder in the French AI startup.', 'Feb 2024 | Series A extension (convertible) | $16.3M | Unchanged (implied) | Microsoft investment tied to Azure distribution partnership'),
      errors: [
        { messageId: 'mismatch', path: 'evidence[0].quote', line: 10, messageIncludes: 'Evidence 1 (source "src-a") quotes "$16.3 million"' },
        { messageId: 'mismatch', path: 'evidence[2].quote', line: 14, messageIncludes: 'Evidence 3 (source "src-a") quotes "$16.3M"' },
      ],
    },
  ],
});

describe('quote-value-mismatch on the bundled dataset', () => {
  const root = join(__dirname, '..', '..', 'claims');
  const dataset = loadDataset(root, root);
  const fired = (ds: typeof dataset): string[] =>
    lint(ds, { today: '2026-11-25', rules: [quoteValueMismatch] }).diagnostics.map((d) => `${relative(root, join(root, d.file))} ${d.path}`);

  it('fires on exactly the expected quotes of the bundled claims (none: every quote that states an amount states the value)', () => {
    expect(dataset.claims.length).toBeGreaterThan(50);
    expect(fired(dataset)).toEqual([]);
  });

  it('would fire on every bundled quote that gives a figure, were the values exact and thirteen times smaller', () => {
    // Thirteen times smaller (no round figure in a quote is a thirteenth of another) and exact, because a bound overlaps more: "above $400 million" agrees with >$4B and with $4B.
    // An oracle independent of the prose parser: a currency sign or a percent sign next to a digit.
    const statesFigure = /[$€£]\s?\d|\d\s?%|#\d/;
    const expected: string[] = [];
    const mutated = {
      ...dataset,
      claims: dataset.claims.map((rec) => {
        const values = parseValues(rec.data.value);
        if (values.length === 0) return rec;
        rec.data.evidence.forEach((ev, i) => {
          if (typeof ev.quote === 'string' && statesFigure.test(ev.quote)) expected.push(`${rec.file} evidence[${i}].quote`);
        });
        const scaled = values.map((v) => (v.unit === 'money' ? `${v.currency} ${v.amount / 13}` : v.unit === 'percent' ? `${v.amount / 13}%` : v.amount / 13));
        return { ...rec, data: { ...rec.data, value: scaled } };
      }),
    };
    expect(expected.length).toBeGreaterThan(30);
    const got = lint(mutated, { today: '2026-11-25', rules: [quoteValueMismatch] }).diagnostics.map((d) => `${d.file} ${d.path}`);
    expect(expected.filter((e) => !got.includes(e))).toEqual([]);
    expect(got.sort()).toEqual(expected.sort());
  });
});
