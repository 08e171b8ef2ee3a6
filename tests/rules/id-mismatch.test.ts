import { describe, expect, it } from 'vitest';
import { claim, lintFiles, ofRule, source } from '../helpers.js';

describe('id-mismatch', () => {
  it('is silent when the id equals the file stem', () => {
    const d = lintFiles({ 'sources/src-a.yaml': source('src-a'), 'acme/arr-1.yaml': claim('arr-1') });
    expect(ofRule(d, 'id-mismatch')).toEqual([]);
  });

  it('points at the id value when it differs from the file stem', () => {
    const d = lintFiles({ 'sources/src-a.yaml': source('src-a'), 'acme/arr-1.yaml': claim('arr-2') });
    const [m] = ofRule(d, 'id-mismatch');
    expect(m).toMatchObject({ messageId: 'mismatch', file: 'acme/arr-1.yaml', line: 2, column: 5, path: 'id', severity: 'error' });
    expect(m!.message).toContain('rename the file to arr-2.yaml or set `id: arr-1`');
  });
});
