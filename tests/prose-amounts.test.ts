/**
 * Amounts in article prose, read from real sentences of the seed texts the bundled dataset is built from
 * (/work/shared/seeds), plus the newsroom forms the value shorthand now accepts.
 */
import { describe, expect, it } from 'vitest';
import { amountAgrees, MAX_PROSE_LENGTH, proseAmounts } from '../src/model/prose-amounts.js';
import { parseValue } from '../src/model/value.js';

/** The amounts of a text as `unit currency lo..hi "text"`, rounded for reading. */
function read(text: string): string[] {
  const n = (x: number): string => (Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x));
  return proseAmounts(text).map((a) => `${a.unit}${a.currency ? ` ${a.currency}` : ''} ${n(a.interval.lo)}${a.interval.loOpen ? '(' : '['}..${n(a.interval.hi)}${a.interval.hiOpen ? ')' : ']'} ${JSON.stringify(a.text)}`);
}

describe('proseAmounts on the seed texts', () => {
  it('reads bounds and money in the TechCrunch relay (seed 000)', () => {
    expect(read('TechCrunch said Mistral AI disclosed in February that annual recurring revenue had risen above $400 million, up from $20 million a year earlier, and that the company claimed it was on track to exceed $1 billion in ARR this year.')).toEqual([
      'money USD 400000000(..Infinity] "above $400 million"',
      'money USD 20000000[..20000000] "$20 million"',
      'money USD 1000000000(..Infinity] "exceed $1 billion"',
    ]);
  });

  it('reads euro and dollar forms side by side, and "about" as ±10% (seed 002)', () => {
    expect(read('Six months later, Mistral closed a €385 million Series A (about $415 million at the time) at a reported $2 billion valuation')).toEqual([
      'money EUR 385000000[..385000000] "€385 million"',
      'money USD 373500000[..456500000] "about $415 million"',
      'money USD 2000000000[..2000000000] "$2 billion"',
    ]);
    expect(read('led by ASML at a €11.7 billion valuation (roughly $13.8 billion)')).toEqual([
      'money EUR 11700000000[..11700000000] "€11.7 billion"',
      'money USD 12420000000[..15180000000] "roughly $13.8 billion"',
    ]);
  });

  it('reads shorthand in a markdown table row, with ~ as about, and skips the dates (seed 002)', () => {
    expect(read('| Sep 2025 | Series C | €1.7B (~$2B) | €11.7B (~$13.8B) | Led by ASML; reporting described €1.3B for ~11% stake |')).toEqual([
      'money EUR 1700000000[..1700000000] "€1.7B"',
      'money USD 1800000000[..2200000000] "~$2B"',
      'money EUR 11700000000[..11700000000] "€11.7B"',
      'money USD 12420000000[..15180000000] "~$13.8B"',
      'money EUR 1300000000[..1300000000] "€1.3B"',
      'percent 9.9[..12.1] "~11%"',
    ]);
    expect(read('| Mid‑2026 | Reported/rumored raise | ~$3.5B | ~$23.15B | Reported as a rumor (not a confirmed round) |').map((s) => s.split(' ').at(-1))).toEqual(['"~$3.5B"', '"~$23.15B"']);
  });

  it('reads vague amounts with a currency word (seed 004)', () => {
    expect(read('According to multiple sources, Mistral only had tens of millions of euros in revenue in 2024.')).toEqual(['money EUR 10000000[..100000000) "tens of millions of euros"']);
    expect(read('We’re going to do our bit and invest several billion euros in a cluster, which will be set up in Essonne')).toEqual(['money EUR 2000000000[..10000000000) "several billion euros"']);
  });

  it('reads a rank as a count, and skips years, model names and list sizes (seed 004)', () => {
    expect(read('It is currently tanked #66 Germany, and it’s not even listed in the top 100 apps in Spain, Italy and the U.K.')).toEqual(['number 66[..66] "#66"']);
    expect(read('Mistral AI was founded in 2023 by three researchers with pedigrees from major U.S. labs operating in Paris.')).toEqual([]);
    expect(read('TechCrunch highlighted Mistral Small 4 and Les Ministraux, a family tuned for edge devices such as phones.')).toEqual([]);
    expect(read('Andreessen Horowitz (a16z), in June 2023—about a month after it was founded')).toEqual([]);
  });

  it('skips figures inside a link target (seed 004)', () => {
    expect(read('OpenAI has raised a grand total of $18 billion — and might soon be picking up [$40 billion more](https://www.cnbc.com/2025/02/07/softbank-set-to-invest-40-billion-in-openai-at-260-billion-valuation-sources-say.html)')).toEqual([
      'money USD 18000000000[..18000000000] "$18 billion"',
      'money USD 40000000000[..40000000000] "$40 billion"',
    ]);
    expect(read('see https://example.org/raises-5-billion-dollars-2025 today')).toEqual([]);
  });

  it('reads both figures of a currency conversion in parentheses (seed 004)', () => {
    expect(read('Dufourcq also added that he needs Mistral to generate €500 million in revenue in 2025 ($515 million at current exchange rates).')).toEqual([
      'money EUR 500000000[..500000000] "€500 million"',
      'money USD 515000000[..515000000] "$515 million"',
    ]);
  });
});

describe('proseAmounts on newsroom forms', () => {
  it.each([
    ['The company is valued at €11.7bn.', 'money EUR 11700000000[..11700000000] "€11.7bn"'],
    ['revenue of $400m last year', 'money USD 400000000[..400000000] "$400m"'],
    ['a $1.2tn market', 'money USD 1200000000000[..1200000000000] "$1.2tn"'],
    ['it raised 1.7 billion euros', 'money EUR 1700000000[..1700000000] "1.7 billion euros"'],
    ['a deal worth 240 million Swiss francs', 'money CHF 240000000[..240000000] "240 million Swiss francs"'],
    ['a C$240 million contract', 'money CAD 240000000[..240000000] "C$240 million"'],
    ['US$6.2 billion in funding', 'money USD 6200000000[..6200000000] "US$6.2 billion"'],
    ['raised CHF240m', 'money CHF 240000000[..240000000] "CHF240m"'],
    ['a EUR 3.5bn loan', 'money EUR 3500000000[..3500000000] "EUR 3.5bn"'],
    ['sales of $400 mln', 'money USD 400000000[..400000000] "$400 mln"'],
    ['a $400 million-plus round', 'money USD 400000000[..Infinity] "$400 million-plus"'],
    ['more than $1 billion', 'money USD 1000000000(..Infinity] "more than $1 billion"'],
    ['at least $1 billion', 'money USD 1000000000[..Infinity] "at least $1 billion"'],
    ['nearly $2 billion', 'money USD 1800000000[..2200000000] "nearly $2 billion"'],
    ['up to $500 million', 'money USD -Infinity[..500000000] "up to $500 million"'],
    ['less than $5 million', 'money USD -Infinity[..5000000) "less than $5 million"'],
    ['under €10 million', 'money EUR -Infinity[..10000000) "under €10 million"'],
    ['$1-2 billion', 'money USD 1000000000[..2000000000] "$1-2 billion"'],
    ['between $1 billion and $2 billion', 'money USD 1000000000[..2000000000] "$1 billion and $2 billion"'],
    ['$1bn–$2bn', 'money USD 1000000000[..2000000000] "$1bn–$2bn"'],
    ['11 percent of the shares', 'percent 11[..11] "11 percent"'],
    ['a 5 per cent stake', 'percent 5[..5] "5 per cent"'],
    ['2,000 employees', 'number 2000[..2000] "2,000 employees"'.replace(' employees', '')],
    ['2 million downloads', 'number 2000000[..2000000] "2 million"'],
    ['about 10k users', 'number 9000[..11000] "about 10k"'],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual([expected]);
  });

  it('does not read "plus" as a bound when it joins two amounts, nor "percentage points" as a share', () => {
    expect(read('$5 billion plus $3 billion').map((s) => s.split(' ').slice(0, 3).join(' '))).toEqual(['money USD 5000000000[..5000000000]', 'money USD 3000000000[..3000000000]']);
    expect(read('margins rose 5 percentage points')).toEqual([]);
  });

  it('reads "from X to Y" as two amounts, not a range', () => {
    expect(read('has propelled its annual recurring revenue from $20 million to over $400 million in just one year')).toEqual([
      'money USD 20000000[..20000000] "$20 million"',
      'money USD 400000000(..Infinity] "over $400 million"',
    ]);
  });

  it('reads a bounded number of amounts from bounded prose', () => {
    expect(proseAmounts('$1M '.repeat(10_000)).length).toBe(100);
    expect(proseAmounts(`${'x'.repeat(MAX_PROSE_LENGTH)} $5M`)).toEqual([]);
  });
});

describe('amountAgrees', () => {
  const first = (text: string) => proseAmounts(text)[0]!;
  const v = (s: string) => parseValue(s)!;
  it.each([
    ['above $400 million', '>$400M', true],
    ['above $400 million', '$400M', false],
    ['above $400 million', '$500M', true],
    ['€385 million', '$385M', false],
    ['€385 million', '€385M', true],
    ['$2 billion', '~$2B', true],
    ['$2 billion', '$2B', true],
    ['$1,300 million', '$1.3B', true],
    ['about $2 billion', '$2.5B', false],
    ['tens of millions of euros', '<€100M', true],
    ['tens of millions of euros', '€150M', false],
    ['11%', '11%', true],
    ['11%', '11', false],
    ['#66', '66', true],
    ['€1.7bn', '€1.7B', true],
    ['C$240 million', 'C$240M', true],
    ['C$240 million', '$240M', false],
  ])('%s vs %s -> %s', (text, value, expected) => {
    expect(amountAgrees(first(text), v(value))).toBe(expected);
  });
});
