import { describe, expect, it } from 'vitest';
import { claim, lintFiles, ofRule, source } from '../helpers.js';

/** A fact with `as_of` on line 7 and `value` on line 8, then optional extra lines. */
const fact = (id: string, value: string, extra = '', asOf = '2026-02'): string =>
  claim(id, 'src-a', `as_of: ${asOf}\nvalue: ${value}\n${extra}`);

const conflicts = (a: string, b: string, files: Record<string, string> = {}) =>
  ofRule(lintFiles({ 'sources/src-a.yaml': source('src-a'), 'acme/arr-1.yaml': a, 'acme/arr-2.yaml': b, ...files }), 'value-conflict');

describe('value-conflict', () => {
  it('is silent on equal values', () => {
    expect(conflicts(fact('arr-1', '"$20M"'), fact('arr-2', '"$20M"'))).toEqual([]);
  });

  it('reports both claims of incompatible values, each naming the other', () => {
    const found = conflicts(fact('arr-1', '"$20M"'), fact('arr-2', '"$30M"'));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ messageId: 'conflict', file: 'acme/arr-1.yaml', line: 8, column: 8, path: 'value', severity: 'warning' });
    expect(found[0]!.message).toContain('Value $20M conflicts with $30M in claim "arr-2" (acme/arr-2.yaml), on the same subject, category and period (2026-02)');
    expect(found[1]).toMatchObject({ messageId: 'conflict', file: 'acme/arr-2.yaml', line: 8, column: 8, path: 'value' });
    expect(found[1]!.message).toContain('Value $30M conflicts with $20M in claim "arr-1" (acme/arr-1.yaml)');
  });

  it('reports a claim that conflicts with several others once, naming them (messageId conflictGroup)', () => {
    const found = conflicts(fact('arr-1', '"$20M"'), fact('arr-2', '"$30M"'), { 'acme/arr-3.yaml': fact('arr-3', '"$40M"') });
    expect(found.map((d) => [d.file, d.messageId, d.line, d.column])).toEqual([
      ['acme/arr-1.yaml', 'conflictGroup', 8, 8],
      ['acme/arr-2.yaml', 'conflictGroup', 8, 8],
      ['acme/arr-3.yaml', 'conflictGroup', 8, 8],
    ]);
    expect(found[1]!.message).toBe(
      'Value $30M conflicts with 2 other claims on the same subject, category and period (2026-02): "arr-1" ($20M), "arr-3" ($40M). Mark the outdated ones superseded (`supersedes:`), set `status: disputed` or `retracted`, or fix the figures.',
    );
  });

  it('keeps the pairwise message for a claim that conflicts with one other in a larger group', () => {
    // $20M and ~$21M fit (±10%); $30M fits neither: arr-1 and arr-2 each conflict with arr-3 alone.
    const found = conflicts(fact('arr-1', '"$20M"'), fact('arr-2', '"~$21M"'), { 'acme/arr-3.yaml': fact('arr-3', '"$30M"') });
    expect(found.map((d) => [d.file, d.messageId])).toEqual([
      ['acme/arr-1.yaml', 'conflict'], ['acme/arr-2.yaml', 'conflict'], ['acme/arr-3.yaml', 'conflictGroup'],
    ]);
    expect(found[0]!.message).toContain('Value $20M conflicts with $30M in claim "arr-3" (acme/arr-3.yaml)');
    // The nearest values are named first.
    expect(found[2]!.message).toContain('Value $30M conflicts with 2 other claims on the same subject, category and period (2026-02): "arr-2" (~$21M), "arr-1" ($20M).');
  });

  it('allows ±10% around an approximate value', () => {
    expect(conflicts(fact('arr-1', '"~$20M"'), fact('arr-2', '"$21M"'))).toEqual([]);
    expect(conflicts(fact('arr-1', '"~$20M"'), fact('arr-2', '"$22M"'))).toEqual([]);
    expect(conflicts(fact('arr-1', '"~$20M"'), fact('arr-2', '"$18M"'))).toEqual([]);
    expect(conflicts(fact('arr-1', '"~$20M"'), fact('arr-2', '"$23M"'))).toHaveLength(2);
    expect(conflicts(fact('arr-1', '"~$20M"'), fact('arr-2', '"$17.9M"'))).toHaveLength(2);
  });

  it('treats a bound as compatible with any value it admits', () => {
    expect(conflicts(fact('arr-1', '">$400M"'), fact('arr-2', '"$500M"'))).toEqual([]);
    expect(conflicts(fact('arr-1', '"<=$1B"'), fact('arr-2', '"USD 1000M"'))).toEqual([]);
    expect(conflicts(fact('arr-1', '">$400M"'), fact('arr-2', '"$400M"'))).toHaveLength(2);
    const found = conflicts(fact('arr-1', '">$400M"'), fact('arr-2', '"$300M"'));
    expect(found).toMatchObject([{ line: 8, column: 8 }, { line: 8, column: 8 }]);
    expect(found[0]!.message).toContain('Value >$400M conflicts with $300M');
  });

  it('never compares different currencies or units', () => {
    expect(conflicts(fact('arr-1', '"€20M"'), fact('arr-2', '"$30M"'))).toEqual([]);
    expect(conflicts(fact('arr-1', '"20%"'), fact('arr-2', '"$30M"'))).toEqual([]);
  });

  it('accepts a list of equivalent forms when one form fits', () => {
    expect(conflicts(fact('arr-1', '["€15M", "$16.3M"]'), fact('arr-2', '"$16.3M"'))).toEqual([]);
    const found = conflicts(fact('arr-1', '["€15M", "$16.3M"]'), fact('arr-2', '"€20M"'));
    expect(found).toHaveLength(2);
    expect(found[0]!.message).toContain('Value €15M conflicts with €20M');
  });

  it('compares only within one subject, category, period and set of parties', () => {
    expect(conflicts(fact('arr-1', '"$20M"'), fact('arr-2', '"$30M"').replace('subject: Acme', 'subject: Initech'))).toEqual([]);
    expect(conflicts(fact('arr-1', '"$20M"'), fact('arr-2', '"$30M"').replace('category: arr', 'category: revenue'))).toEqual([]);
    expect(conflicts(fact('arr-1', '"$20M"'), fact('arr-2', '"$30M"', '', '2026-03'))).toEqual([]);
    expect(conflicts(fact('arr-1', '"$20M"', 'parties: [Initech]\n'), fact('arr-2', '"$30M"', 'parties: [Globex]\n'))).toEqual([]);
    expect(conflicts(fact('arr-1', '"$20M"', 'parties: [Initech]\n'), fact('arr-2', '"$30M"'))).toEqual([]);
  });

  it('matches subjects case-insensitively and parties in any order', () => {
    expect(conflicts(fact('arr-1', '"$20M"'), fact('arr-2', '"$30M"').replace('subject: Acme', 'subject: ACME'))).toHaveLength(2);
    expect(conflicts(fact('arr-1', '"$20M"', 'parties: [Initech, Globex]\n'), fact('arr-2', '"$30M"', 'parties: [globex, Initech]\n'))).toHaveLength(2);
  });

  it('excludes a superseded claim', () => {
    expect(conflicts(fact('arr-1', '"$20M"'), fact('arr-2', '"$30M"', 'supersedes: arr-1\n'))).toEqual([]);
  });

  it('excludes a retracted claim', () => {
    expect(conflicts(fact('arr-1', '"$20M"'), fact('arr-2', '"$30M"').replace('status: independent', 'status: retracted'))).toEqual([]);
  });

  it.each(['assertion: forecast\ndue: 2027\n', 'assertion: opinion\n'])('excludes a non-fact claim (%j)', (extra) => {
    expect(conflicts(fact('arr-1', '"$20M"'), fact('arr-2', '"$30M"', extra))).toEqual([]);
  });

  it('ignores claims without a period or a value', () => {
    expect(conflicts(fact('arr-1', '"$20M"'), claim('arr-2', 'src-a', 'value: "$30M"\n'))).toEqual([]);
    expect(conflicts(fact('arr-1', '"$20M"'), claim('arr-2', 'src-a', 'as_of: 2026-02\n'))).toEqual([]);
  });
});
