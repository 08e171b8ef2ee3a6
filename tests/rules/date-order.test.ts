import { describe, expect, it } from 'vitest';
import { claim, lintFiles, ofRule, source } from '../helpers.js';

/** A dataset of one source with `published`/`retrieved` on lines 6/7, and one claim citing it. */
const withDates = (published: string, retrieved?: string) => ({
  'sources/src-a.yaml': source('src-a', `published: ${published}\n${retrieved ? `retrieved: ${retrieved}\n` : ''}`),
  'acme/arr-1.yaml': claim('arr-1'),
});

/** A forecast claim: as_of on line 8, due on line 9. */
const forecast = (asOf: string, due: string) => ({
  'sources/src-a.yaml': source('src-a'),
  'acme/arr-1.yaml': claim('arr-1', 'src-a', `assertion: forecast\nas_of: ${asOf}\ndue: ${due}\n`),
});

describe('date-order', () => {
  it('is silent on dates in a possible order', () => {
    expect(ofRule(lintFiles(withDates('2026-03-10', '2026-03-12')), 'date-order')).toEqual([]);
    expect(ofRule(lintFiles(withDates('2026-03-10', '2026-03-10')), 'date-order')).toEqual([]);
    expect(ofRule(lintFiles(forecast('2026-05', '2026-12')), 'date-order')).toEqual([]);
  });

  it('reports `retrieved` before `published` at `retrieved`', () => {
    const found = ofRule(lintFiles(withDates('2026-03-10', '2026-03-09')), 'date-order');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'retrievedBeforePublished', file: 'sources/src-a.yaml', line: 7, column: 12, path: 'retrieved', severity: 'error' });
    expect(found[0]!.message).toContain('`retrieved` (2026-03-09) is before `published` (2026-03-10)');
  });

  it('compares a partial date by its whole period', () => {
    expect(ofRule(lintFiles(withDates('2026-03', '2026-03-01')), 'date-order')).toEqual([]);
    expect(ofRule(lintFiles(withDates('2026-03-31', '2026-03')), 'date-order')).toEqual([]);
    expect(ofRule(lintFiles(withDates('2026', '2026-01')), 'date-order')).toEqual([]);
    const found = ofRule(lintFiles(withDates('2026-03-01', '2026-02')), 'date-order');
    expect(found).toMatchObject([{ messageId: 'retrievedBeforePublished', line: 7, column: 12 }]);
    expect(found[0]!.message).toContain('`retrieved` (2026-02)');
  });

  it('reports a `published` after today, at `published`', () => {
    const found = ofRule(lintFiles(withDates('2026-11-25')), 'date-order');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'future', path: 'published', line: 6, column: 12 });
    expect(found[0]!.message).toContain('`published` (2026-11-25) is after today (2026-11-24)');
  });

  it('reports a `retrieved` after today, at `retrieved`', () => {
    const found = ofRule(lintFiles(withDates('2026-11-01', '2026-12-02')), 'date-order');
    expect(found).toMatchObject([{ messageId: 'future', path: 'retrieved', line: 7, column: 12 }]);
  });

  it('takes today from the `today` option', () => {
    expect(ofRule(lintFiles(withDates('2026-12-01'), { today: '2026-12-31' }), 'date-order')).toEqual([]);
    expect(ofRule(lintFiles(withDates('2026-11-01'), { today: '2026-10-31' }), 'date-order')).toMatchObject([
      { messageId: 'future', line: 6, column: 12, message: expect.stringContaining('after today (2026-10-31)') },
    ]);
  });

  it('does not call today or a period that has begun "in the future"', () => {
    expect(ofRule(lintFiles(withDates('2026-11-24')), 'date-order')).toEqual([]);
    expect(ofRule(lintFiles(withDates('2026-11')), 'date-order')).toEqual([]);
    expect(ofRule(lintFiles(withDates('2026')), 'date-order')).toEqual([]);
    expect(ofRule(lintFiles(withDates('2026-12')), 'date-order')).toMatchObject([{ messageId: 'future', line: 6, column: 12 }]);
  });

  it('reports a `due` before `as_of`, at `due`', () => {
    const found = ofRule(lintFiles(forecast('2026-05', '2026-04-30')), 'date-order');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'dueBeforeAsOf', file: 'acme/arr-1.yaml', line: 9, column: 6, path: 'due' });
    expect(found[0]!.message).toContain('`due` (2026-04-30) is before `as_of` (2026-05)');
  });

  it('does not treat partial dates in the same period as "before"', () => {
    expect(ofRule(lintFiles(forecast('2026', '2026-02')), 'date-order')).toEqual([]);
    expect(ofRule(lintFiles(forecast('2026-02-15', '2026-02')), 'date-order')).toEqual([]);
    expect(ofRule(lintFiles(forecast('2026-02', '2026')), 'date-order')).toEqual([]);
    expect(ofRule(lintFiles(forecast('2026', '2025-12')), 'date-order')).toMatchObject([{ messageId: 'dueBeforeAsOf', line: 9, column: 6 }]);
  });

  it('accepts unquoted years (YAML numbers) as dates', () => {
    expect(ofRule(lintFiles(forecast('2026', '2025')), 'date-order')).toMatchObject([{ messageId: 'dueBeforeAsOf', line: 9, column: 6 }]);
  });
});
