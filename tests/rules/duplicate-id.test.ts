import { describe, expect, it } from 'vitest';
import { claim, lintFiles, ofRule, source } from '../helpers.js';

describe('duplicate-id', () => {
  it('is silent when every id is unique', () => {
    const d = lintFiles({
      'sources/src-a.yaml': source('src-a'),
      'sources/src-b.yaml': source('src-b'),
      'acme/arr-1.yaml': claim('arr-1'),
      'acme/arr-2.yaml': claim('arr-2', 'src-b'),
    });
    expect(ofRule(d, 'duplicate-id')).toEqual([]);
  });

  it('reports both files of a shared source id, each naming the other', () => {
    const d = lintFiles({
      'sources/src-a.yaml': source('src-a'),
      'sources/2026/src-a.yaml': source('src-a'),
      'acme/arr-1.yaml': claim('arr-1'),
    });
    const found = ofRule(d, 'duplicate-id');
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ messageId: 'duplicate', file: 'sources/2026/src-a.yaml', line: 2, column: 5, path: 'id', severity: 'error' });
    expect(found[0]!.message).toContain('Id "src-a" is also declared in sources/src-a.yaml');
    expect(found[1]).toMatchObject({ messageId: 'duplicate', file: 'sources/src-a.yaml', line: 2, column: 5, path: 'id' });
    expect(found[1]!.message).toContain('Id "src-a" is also declared in sources/2026/src-a.yaml');
  });

  it('treats claims and sources as one id space', () => {
    const d = lintFiles({
      'sources/arr-1.yaml': source('arr-1'),
      'acme/arr-1.yaml': claim('arr-1', 'src-a'),
      'sources/src-a.yaml': source('src-a'),
    });
    expect(ofRule(d, 'duplicate-id')).toMatchObject([
      { file: 'acme/arr-1.yaml', line: 2, column: 5, message: expect.stringContaining('also declared in sources/arr-1.yaml') },
      { file: 'sources/arr-1.yaml', line: 2, column: 5, message: expect.stringContaining('also declared in acme/arr-1.yaml') },
    ]);
  });

  it('counts a file that fails the schema but declares the id', () => {
    const d = lintFiles({
      'sources/src-a.yaml': source('src-a'),
      'acme/src-a.yaml': 'type: claim\nid: src-a\nsubject: Acme\n',
      'acme/arr-1.yaml': claim('arr-1'),
    });
    expect(ofRule(d, 'duplicate-id').map((m) => m.file)).toEqual(['acme/src-a.yaml', 'sources/src-a.yaml']);
  });

  it('names every other file when three share an id', () => {
    const d = lintFiles({
      'sources/src-a.yaml': source('src-a'),
      'sources/x/src-a.yaml': source('src-a'),
      'sources/y/src-a.yaml': source('src-a'),
      'acme/arr-1.yaml': claim('arr-1'),
    });
    const found = ofRule(d, 'duplicate-id');
    expect(found).toHaveLength(3);
    expect(found.find((m) => m.file === 'sources/src-a.yaml')!.message).toContain('sources/x/src-a.yaml, sources/y/src-a.yaml');
  });
});
