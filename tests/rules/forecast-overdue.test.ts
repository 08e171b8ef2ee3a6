import { describe, expect, it } from 'vitest';
import { claim, lintFiles, ofRule, source } from '../helpers.js';

/** A forecast made in 2025 with `due` on line 9 and optional extra lines after it. */
const forecast = (due: string, extra = '') => ({
  'sources/src-a.yaml': source('src-a'),
  'acme/arr-2.yaml': claim('arr-2'),
  'acme/arr-1.yaml': claim('arr-1', 'src-a', `assertion: forecast\nas_of: 2025\ndue: ${due}\n${extra}`),
});

describe('forecast-overdue', () => {
  it('warns at `due` for a forecast past due without an outcome', () => {
    const found = ofRule(lintFiles(forecast('2026-06')), 'forecast-overdue');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'overdue', file: 'acme/arr-1.yaml', line: 9, column: 6, path: 'due', severity: 'warning' });
    expect(found[0]!.message).toContain('Forecast was due 2026-06 and has no outcome as of 2026-11-24');
  });

  it('is silent once the forecast has an outcome and resolved_by', () => {
    const d = lintFiles(forecast('2026-06', 'outcome: met\nresolved_by: arr-2\n'));
    expect(ofRule(d, 'forecast-overdue')).toEqual([]);
    expect(ofRule(d, 'schema')).toEqual([]);
  });

  it('is silent while the due date is in the future', () => {
    expect(ofRule(lintFiles(forecast('2027-01')), 'forecast-overdue')).toEqual([]);
    expect(ofRule(lintFiles(forecast('2026-11-25')), 'forecast-overdue')).toEqual([]);
  });

  it('is silent on the due day itself, and fires the day after', () => {
    expect(ofRule(lintFiles(forecast('2026-11-24')), 'forecast-overdue')).toEqual([]);
    expect(ofRule(lintFiles(forecast('2026-11-23')), 'forecast-overdue')).toMatchObject([{ messageId: 'overdue', line: 9, column: 6 }]);
  });

  it('does not call a partial due overdue until its whole period has passed', () => {
    expect(ofRule(lintFiles(forecast('2026')), 'forecast-overdue')).toEqual([]);
    expect(ofRule(lintFiles(forecast('2026-11')), 'forecast-overdue')).toEqual([]);
    expect(ofRule(lintFiles(forecast('2026-10')), 'forecast-overdue')).toMatchObject([{ line: 9, column: 6 }]);
    expect(ofRule(lintFiles(forecast('2025')), 'forecast-overdue')).toMatchObject([{ line: 9, column: 6, message: expect.stringContaining('due 2025 ') }]);
  });

  it('measures against the `today` option', () => {
    expect(ofRule(lintFiles(forecast('2026'), { today: '2027-01-01' }), 'forecast-overdue')).toMatchObject([
      { messageId: 'overdue', line: 9, column: 6, message: expect.stringContaining('as of 2027-01-01') },
    ]);
    expect(ofRule(lintFiles(forecast('2026-06'), { today: '2026-06-30' }), 'forecast-overdue')).toEqual([]);
  });

  it('ignores a past `due` on a claim that is not a forecast', () => {
    const d = lintFiles({ 'sources/src-a.yaml': source('src-a'), 'acme/arr-1.yaml': claim('arr-1', 'src-a', 'as_of: 2025\ndue: 2026-01\n') });
    expect(ofRule(d, 'forecast-overdue')).toEqual([]);
  });
});
