import { describe, expect, it } from 'vitest';
import { claim, lintFiles, ofRule } from '../helpers.js';

const anon = (extra = '') => `type: source\nid: src-a\ntitle: People familiar\npublisher: Unnamed\nkind: anonymous\n${extra}`;

describe('anonymous-undescribed', () => {
  it('is silent when an anonymous source says what it is in a position to know', () => {
    const d = lintFiles({ 'sources/src-a.yaml': anon('position: people familiar with the fundraising\ncount: 2\n'), 'acme/c.yaml': claim('c', 'src-a', '', 'rumored') });
    expect(ofRule(d, 'anonymous-undescribed')).toEqual([]);
  });

  it('is silent for named sources', () => {
    const d = lintFiles({ 'sources/src-a.yaml': anon().replace('kind: anonymous', 'kind: news'), 'acme/c.yaml': claim('c') });
    expect(ofRule(d, 'anonymous-undescribed')).toEqual([]);
  });

  it('warns at `kind` when position is missing', () => {
    const d = lintFiles({ 'sources/src-a.yaml': anon('count: multiple\n'), 'acme/c.yaml': claim('c', 'src-a', '', 'rumored') });
    const [w] = ofRule(d, 'anonymous-undescribed');
    expect(w).toMatchObject({ messageId: 'noPosition', severity: 'warning', file: 'sources/src-a.yaml', line: 5, column: 7, path: 'kind' });
  });

  it('rejects a count that is neither a number nor "multiple"', () => {
    const d = lintFiles({ 'sources/src-a.yaml': anon('position: insiders\ncount: several\n'), 'acme/c.yaml': claim('c', 'src-a', '', 'rumored') });
    expect(ofRule(d, 'schema')).toEqual([expect.objectContaining({ path: 'count', line: 7, column: 8 })]);
  });
});
