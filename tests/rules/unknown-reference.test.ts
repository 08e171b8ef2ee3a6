import { describe, expect, it } from 'vitest';
import { claim, lintFiles, ofRule, source } from '../helpers.js';

const sources = {
  'sources/src-a.yaml': source('src-a'),
  'sources/src-b.yaml': source('src-b'),
  'sources/src-c.yaml': source('src-c'),
};

/** A claim with the given evidence block (lines 8 on) and extra top-level lines (line 7 on, before `evidence:`). */
const claimWith = (id: string, evidence: string, extra = ''): string =>
  `type: claim\nid: ${id}\nsubject: Acme\ncategory: arr\nstatement: Acme has revenue.\nstatus: independent\n${extra}evidence:\n${evidence}`;

describe('unknown-reference', () => {
  it('is silent when every reference resolves', () => {
    const d = lintFiles({
      ...sources,
      'sources/src-d.yaml': source('src-d', 'cites: [src-c]\n'),
      'acme/arr-0.yaml': claim('arr-0'),
      'acme/arr-9.yaml': claim('arr-9'),
      'acme/arr-1.yaml': claimWith(
        'arr-1',
        '  - source: src-d\n    via: [src-b]\n    origin: src-c\n    quote: q\n',
        'assertion: forecast\ndue: 2026\noutcome: met\nresolved_by: arr-9\nsupersedes: arr-0\n',
      ),
    });
    expect(ofRule(d, 'unknown-reference')).toEqual([]);
  });

  it('reports an unknown evidence source at its value, with a "Did you mean"', () => {
    const d = lintFiles({ ...sources, 'acme/arr-1.yaml': claim('arr-1', 'src-aa') });
    const found = ofRule(d, 'unknown-reference');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'unknown', file: 'acme/arr-1.yaml', line: 8, column: 13, path: 'evidence[0].source', severity: 'error' });
    expect(found[0]!.message).toBe('`evidence[0].source` names "src-aa", which is no source in the dataset. Did you mean "src-a"?');
  });

  it('offers no suggestion when no id is near', () => {
    const d = lintFiles({ ...sources, 'acme/arr-1.yaml': claim('arr-1', 'totally-unrelated') });
    const [m] = ofRule(d, 'unknown-reference');
    expect(m).toMatchObject({ messageId: 'unknown', line: 8, column: 13 });
    expect(m!.message).not.toContain('Did you mean');
    expect(m!.message).toContain('Add a source file with `id: totally-unrelated` or fix the id.');
  });

  it('reports an unknown origin at its value', () => {
    const d = lintFiles({ ...sources, 'acme/arr-1.yaml': claimWith('arr-1', '  - source: src-a\n    origin: nowhere-post\n    quote: q\n') });
    expect(ofRule(d, 'unknown-reference')).toMatchObject([{ messageId: 'unknown', path: 'evidence[0].origin', line: 9, column: 13 }]);
  });

  it('reports an unknown relay at via[j] (flow and block lists)', () => {
    const flow = lintFiles({ ...sources, 'acme/arr-1.yaml': claimWith('arr-1', '  - source: src-a\n    via: [src-b, src-q]\n    origin: src-c\n    quote: q\n') });
    expect(ofRule(flow, 'unknown-reference')).toMatchObject([{ messageId: 'unknown', path: 'evidence[0].via[1]', line: 9, column: 18 }]);

    const block = lintFiles({
      ...sources,
      'acme/arr-1.yaml': claimWith('arr-1', '  - source: src-a\n    quote: q\n  - source: src-b\n    origin: src-c\n    via:\n      - src-q\n      - src-a\n    quote: q\n'),
    });
    expect(ofRule(block, 'unknown-reference')).toMatchObject([{ path: 'evidence[1].via[0]', line: 13, column: 9 }]);
  });

  it('reports an unknown `supersedes` and `resolved_by` as missing claims', () => {
    const d = lintFiles({
      ...sources,
      'acme/arr-1.yaml': claim('arr-1', 'src-a', 'supersedes: arr-0\nassertion: forecast\ndue: 2026\noutcome: missed\nresolved_by: arr-2\n'),
    });
    const found = ofRule(d, 'unknown-reference');
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ messageId: 'unknown', path: 'supersedes', line: 7, column: 13 });
    expect(found[0]!.message).toContain('"arr-0", which is no claim in the dataset');
    expect(found[1]).toMatchObject({ messageId: 'unknown', path: 'resolved_by', line: 11, column: 14 });
    expect(found[1]!.message).toContain('which is no claim in the dataset. Did you mean "arr-1"?');
  });

  it('reports an unknown id in a source\'s `cites` at that entry', () => {
    const d = lintFiles({
      ...sources,
      'sources/src-d.yaml': source('src-d', 'cites:\n  - src-a\n  - src-e\n'),
      'acme/arr-1.yaml': claim('arr-1', 'src-d'),
    });
    expect(ofRule(d, 'unknown-reference')).toMatchObject([
      { messageId: 'unknown', file: 'sources/src-d.yaml', path: 'cites[1]', line: 8, column: 5, message: expect.stringContaining('Did you mean "src-a"?') },
    ]);
  });

  it('reports every bad reference of one claim, each at its own position', () => {
    const d = lintFiles({
      ...sources,
      'acme/arr-1.yaml': claimWith('arr-1', '  - source: src-x\n    via: [src-b, src-q]\n    origin: src-z\n    quote: q\n', 'supersedes: arr-9\n'),
    });
    expect(ofRule(d, 'unknown-reference').map((m) => [m.path, m.line, m.column])).toEqual([
      ['supersedes', 7, 13],
      ['evidence[0].source', 9, 13],
      ['evidence[0].via[1]', 10, 18],
      ['evidence[0].origin', 11, 13],
    ]);
  });

  it('reports a claim named where a source is needed (wrongKind)', () => {
    const d = lintFiles({ ...sources, 'acme/arr-0.yaml': claim('arr-0'), 'acme/arr-1.yaml': claim('arr-1', 'arr-0') });
    expect(ofRule(d, 'unknown-reference')).toMatchObject([
      { messageId: 'wrongKind', path: 'evidence[0].source', line: 8, column: 13, message: '`evidence[0].source` names "arr-0", which is a claim, not a source.' },
    ]);
  });

  it('reports a source named where a claim is needed (wrongKind)', () => {
    const d = lintFiles({ ...sources, 'acme/arr-1.yaml': claim('arr-1', 'src-a', 'supersedes: src-b\n') });
    expect(ofRule(d, 'unknown-reference')).toMatchObject([
      { messageId: 'wrongKind', path: 'supersedes', line: 7, column: 13, message: '`supersedes` names "src-b", which is a source, not a claim.' },
    ]);
  });

  it('does not cascade onto a reference to a file that fails the schema', () => {
    const d = lintFiles({
      'sources/src-a.yaml': 'type: source\nid: src-a\ntitle: T\n',
      'acme/arr-1.yaml': claim('arr-1'),
    });
    expect(ofRule(d, 'schema').length).toBeGreaterThan(0);
    expect(ofRule(d, 'unknown-reference')).toEqual([]);
  });

  it('reports `resolved_by` naming the claim itself (selfReference)', () => {
    const d = lintFiles({ ...sources, 'acme/arr-1.yaml': claim('arr-1', 'src-a', 'assertion: forecast\ndue: 2026\noutcome: met\nresolved_by: arr-1\n') });
    expect(ofRule(d, 'unknown-reference')).toMatchObject([
      { messageId: 'selfReference', path: 'resolved_by', line: 10, column: 14, message: '`resolved_by` names this claim itself ("arr-1"): name the other claim that shows how the forecast turned out.' },
    ]);
  });
});

