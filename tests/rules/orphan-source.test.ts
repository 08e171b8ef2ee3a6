import { describe, expect, it } from 'vitest';
import { claim, lintFiles, ofRule, source } from '../helpers.js';

describe('orphan-source', () => {
  it('is silent when a claim cites every source', () => {
    const d = lintFiles({ 'sources/src-a.yaml': source('src-a'), 'acme/arr-1.yaml': claim('arr-1') });
    expect(ofRule(d, 'orphan-source')).toEqual([]);
  });

  it('counts a source reached only through another source\'s `cites` (transitively)', () => {
    const d = lintFiles({
      'sources/src-a.yaml': source('src-a', 'cites: [src-b]\n'),
      'sources/src-b.yaml': source('src-b', 'cites: [src-c]\n'),
      'sources/src-c.yaml': source('src-c'),
      'acme/arr-1.yaml': claim('arr-1'),
    });
    expect(ofRule(d, 'orphan-source')).toEqual([]);
  });

  it('counts sources reached through `origin` and `via`', () => {
    const text = claim('arr-1').replace('    quote:', '    origin: src-o\n    via: [src-v]\n    quote:');
    const d = lintFiles({
      'sources/src-a.yaml': source('src-a'),
      'sources/src-o.yaml': source('src-o'),
      'sources/src-v.yaml': source('src-v'),
      'acme/arr-1.yaml': text,
    });
    expect(ofRule(d, 'orphan-source')).toEqual([]);
  });

  it('warns at the `id` of a source no claim reaches', () => {
    const d = lintFiles({
      'sources/src-a.yaml': source('src-a'),
      'sources/lonely.yaml': `# kept for later\n${source('lonely')}`,
      'acme/arr-1.yaml': claim('arr-1'),
    });
    const found = ofRule(d, 'orphan-source');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'orphan', file: 'sources/lonely.yaml', line: 3, column: 5, path: 'id', severity: 'warning' });
    expect(found[0]!.message).toContain('No claim reaches source "lonely"');
  });

  it('does not count `cites` from a source that is itself an orphan', () => {
    const d = lintFiles({
      'sources/src-a.yaml': source('src-a'),
      'sources/src-x.yaml': source('src-x', 'cites: [src-y]\n'),
      'sources/src-y.yaml': source('src-y'),
      'acme/arr-1.yaml': claim('arr-1'),
    });
    expect(ofRule(d, 'orphan-source').map((m) => [m.file, m.line, m.column])).toEqual([
      ['sources/src-x.yaml', 2, 5],
      ['sources/src-y.yaml', 2, 5],
    ]);
  });

  it('terminates on a citation cycle and counts its members as reached', () => {
    const d = lintFiles({
      'sources/src-a.yaml': source('src-a', 'cites: [src-b]\n'),
      'sources/src-b.yaml': source('src-b', 'cites: [src-a]\n'),
      'acme/arr-1.yaml': claim('arr-1'),
    });
    expect(ofRule(d, 'orphan-source')).toEqual([]);
  });
});
