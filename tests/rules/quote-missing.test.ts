import { describe, expect, it } from 'vitest';
import { claim, lintFiles, ofRule, source } from '../helpers.js';

/** A claim whose evidence block (line 8 on) is `items`. */
const claimEv = (items: string): string =>
  `type: claim\nid: arr-1\nsubject: Acme\ncategory: arr\nstatement: Acme has revenue.\nstatus: independent\nevidence:\n${items}`;

const lintEv = (items: string) => ofRule(lintFiles({ 'sources/src-a.yaml': source('src-a'), 'sources/src-b.yaml': source('src-b'), 'acme/arr-1.yaml': claimEv(items) }), 'quote-missing');

describe('quote-missing', () => {
  it('is silent when every evidence item has a quote', () => {
    const d = lintFiles({ 'sources/src-a.yaml': source('src-a'), 'acme/arr-1.yaml': claim('arr-1') });
    expect(ofRule(d, 'quote-missing')).toEqual([]);
    expect(lintEv('  - source: src-a\n    quote: >-\n      A folded\n      quote.\n')).toEqual([]);
  });

  it('warns at the evidence item that has no quote', () => {
    const found = lintEv('  - source: src-a\n    quote: q\n  - source: src-b\n    locator: p. 4\n');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'missing', file: 'acme/arr-1.yaml', line: 10, column: 5, path: 'evidence[1]', severity: 'warning' });
    expect(found[0]!.message).toContain('Evidence 2 (source "src-b") has no quote');
  });

  it.each([['an empty', '""'], ['a blank', '"   "']])('warns on %s quote, at its evidence item', (_, quote) => {
    const found = lintEv(`  - source: src-a\n    quote: ${quote}\n`);
    expect(found).toMatchObject([{ messageId: 'missing', line: 8, column: 5, path: 'evidence[0]' }]);
    expect(found[0]!.message).toContain('Evidence 1 (source "src-a")');
  });

  it('warns once per item', () => {
    const found = lintEv('  - source: src-a\n  - source: src-b\n');
    expect(found.map((m) => [m.path, m.line, m.column])).toEqual([
      ['evidence[0]', 8, 5],
      ['evidence[1]', 9, 5],
    ]);
  });
});
