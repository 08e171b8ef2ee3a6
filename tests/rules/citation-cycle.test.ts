import { describe, expect, it } from 'vitest';
import { claim, lintFiles, ofRule, source } from '../helpers.js';

/** A claim whose one evidence item has the given lines after `- source: src-a` (line 8). */
const claimEv = (lines: string): string =>
  `type: claim\nid: arr-1\nsubject: Acme\ncategory: arr\nstatement: Acme has revenue.\nstatus: independent\nevidence:\n  - source: src-a\n${lines}    quote: q\n`;

describe('citation-cycle', () => {
  it('is silent on a citation chain without a cycle', () => {
    const d = lintFiles({
      'sources/src-a.yaml': source('src-a', 'cites: [src-b, src-c]\n'),
      'sources/src-b.yaml': source('src-b', 'cites: [src-c]\n'),
      'sources/src-c.yaml': source('src-c'),
      'acme/arr-1.yaml': claim('arr-1'),
    });
    expect(ofRule(d, 'citation-cycle')).toEqual([]);
  });

  it('is silent on evidence chains that list each id once', () => {
    const d = lintFiles({
      'sources/src-a.yaml': source('src-a'),
      'sources/src-b.yaml': source('src-b'),
      'sources/src-c.yaml': source('src-c'),
      'acme/arr-1.yaml': claimEv('    origin: src-c\n    via: [src-b]\n'),
      'acme/arr-2.yaml': claimEv('    origin: src-a\n').replace('id: arr-1', 'id: arr-2'),
    });
    expect(ofRule(d, 'citation-cycle')).toEqual([]);
  });

  it('asks for `origin` when `via` is given without one, instead of calling it a loop', () => {
    const d = lintFiles({
      'sources/src-a.yaml': source('src-a'),
      'sources/src-b.yaml': source('src-b'),
      'acme/arr-1.yaml': claimEv('    via: [src-b]\n'),
    });
    expect(ofRule(d, 'citation-cycle')).toMatchObject([{ messageId: 'viaWithoutOrigin', path: 'evidence[0].via', line: 9, column: 10 }]);
    expect(ofRule(d, 'citation-cycle')[0]!.message).toContain('add `origin:`');
  });

  it('reports both sources of a → b → a, each at its `cites` entry in the cycle', () => {
    const d = lintFiles({
      'sources/src-a.yaml': source('src-a', 'cites:\n  - src-b\n'),
      'sources/src-b.yaml': source('src-b', 'cites:\n  - src-c\n  - src-a\n'),
      'sources/src-c.yaml': source('src-c'),
      'sources/src-d.yaml': source('src-d', 'cites: [src-a]\n'),
      'acme/arr-1.yaml': claim('arr-1', 'src-d'),
    });
    const found = ofRule(d, 'citation-cycle');
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ messageId: 'cites', file: 'sources/src-a.yaml', path: 'cites[0]', line: 7, column: 5, severity: 'error' });
    expect(found[0]!.message).toContain('Source "src-a" is part of a citation cycle (src-a → src-b → src-a)');
    expect(found[1]).toMatchObject({ messageId: 'cites', file: 'sources/src-b.yaml', path: 'cites[1]', line: 8, column: 5 });
    expect(found[1]!.message).toContain('Source "src-b" is part of a citation cycle');
  });

  it('reports every source of a longer cycle', () => {
    const d = lintFiles({
      'sources/src-a.yaml': source('src-a', 'cites: [src-b]\n'),
      'sources/src-b.yaml': source('src-b', 'cites: [src-c]\n'),
      'sources/src-c.yaml': source('src-c', 'cites: [src-a]\n'),
      'acme/arr-1.yaml': claim('arr-1'),
    });
    expect(ofRule(d, 'citation-cycle').map((m) => [m.file, m.line, m.column])).toEqual([
      ['sources/src-a.yaml', 6, 9],
      ['sources/src-b.yaml', 6, 9],
      ['sources/src-c.yaml', 6, 9],
    ]);
  });

  it('reports a source that cites itself', () => {
    const d = lintFiles({ 'sources/src-a.yaml': source('src-a', 'cites: [src-a]\n'), 'acme/arr-1.yaml': claim('arr-1') });
    const found = ofRule(d, 'citation-cycle');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'cites', path: 'cites[0]', line: 6, column: 9 });
    expect(found[0]!.message).toContain('(src-a → src-a)');
  });

  it('reports a `via` list that repeats an id, at the repeat', () => {
    const d = lintFiles({
      'sources/src-a.yaml': source('src-a'),
      'sources/src-b.yaml': source('src-b'),
      'sources/src-c.yaml': source('src-c'),
      'acme/arr-1.yaml': claimEv('    origin: src-c\n    via: [src-b, src-b]\n'),
    });
    const found = ofRule(d, 'citation-cycle');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'chain', file: 'acme/arr-1.yaml', path: 'evidence[0].via[1]', line: 10, column: 18 });
    expect(found[0]!.message).toBe('The evidence chain src-c → src-b → src-b → src-a passes through "src-b" twice: list each relay once, from the origin outward.');
  });

  it('reports a chain once, at its first repeated id, however many ids repeat', () => {
    const d = lintFiles({
      'sources/src-a.yaml': source('src-a'),
      'sources/src-b.yaml': source('src-b'),
      'sources/src-c.yaml': source('src-c'),
      'acme/arr-1.yaml': claimEv('    origin: src-c\n    via: [src-b, src-c, src-b, src-b, src-c]\n'),
    });
    const found = ofRule(d, 'citation-cycle');
    expect(found).toMatchObject([{ messageId: 'chain', path: 'evidence[0].via[1]' }]);
    expect(found[0]!.message).toBe('The evidence chain src-c → src-b → src-c → src-b → src-b → src-c → src-a passes through "src-c" twice: list each relay once, from the origin outward.');
  });

  it('reports a relay that repeats the origin', () => {
    const d = lintFiles({
      'sources/src-a.yaml': source('src-a'),
      'sources/src-b.yaml': source('src-b'),
      'acme/arr-1.yaml': claimEv('    origin: src-b\n    via: [src-b]\n'),
    });
    expect(ofRule(d, 'citation-cycle')).toMatchObject([{ messageId: 'chain', path: 'evidence[0].via[0]', line: 10, column: 11 }]);
  });

  it('reports a chain that comes back to the source it was read in', () => {
    const d = lintFiles({
      'sources/src-a.yaml': source('src-a'),
      'sources/src-b.yaml': source('src-b'),
      'acme/arr-1.yaml': claimEv('    origin: src-a\n    via: [src-b]\n'),
    });
    expect(ofRule(d, 'citation-cycle')).toMatchObject([{ messageId: 'chain', path: 'evidence[0].source', line: 8, column: 13 }]);
  });
});
