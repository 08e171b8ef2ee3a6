import { describe, expect, it } from 'vitest';
import { claim, lintFiles, ofRule, source } from '../helpers.js';

const src = { 'sources/src-a.yaml': source('src-a') };

describe('yaml-syntax', () => {
  it('is silent on well-formed claim and source files', () => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': claim('arr-1') });
    expect(ofRule(d, 'yaml-syntax')).toEqual([]);
  });

  it('is silent on a small, legitimate anchor and alias', () => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': claim('arr-1', 'src-a', 'parties: &p [Initech]\ntags: *p\n') });
    expect(ofRule(d, 'yaml-syntax')).toEqual([]);
    expect(ofRule(d, 'schema')).toEqual([]);
  });

  it('reports unparseable YAML at the offending token, and runs no schema check on it', () => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': 'type: claim\nid: arr-1\nsubject: Acme: Inc\nstatus: independent\n' });
    const found = ofRule(d, 'yaml-syntax');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'blockAsImplicitKey', file: 'acme/arr-1.yaml', line: 3, column: 10, path: '', severity: 'error' });
    expect(ofRule(d, 'schema')).toEqual([]);
  });

  it('reports a scalar with trailing junk at the junk', () => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': 'type: claim\nstatement: "oops" trailing\n' });
    const [m] = ofRule(d, 'yaml-syntax');
    expect(m).toMatchObject({ messageId: 'unexpectedToken', line: 2, column: 19 });
  });

  it('reports a duplicate key at the second occurrence', () => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': claim('arr-1', 'src-a', 'id: arr-2\n') });
    const found = ofRule(d, 'yaml-syntax');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'duplicateKey', file: 'acme/arr-1.yaml', line: 7, column: 1, severity: 'error' });
    expect(found[0]!.message).toContain('remove one of the duplicate keys');
  });

  it('reports a second document at its `---` separator', () => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': `${claim('arr-1')}---\n${claim('arr-2')}` });
    const found = ofRule(d, 'yaml-syntax');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'multipleDocuments', line: 10, column: 1 });
    expect(found[0]!.message).toContain('remove the `---` separator');
  });

  it('reports a list as the root, at the list (not at a leading comment)', () => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': '# two claims in one file\n- type: claim\n- type: claim\n' });
    const found = ofRule(d, 'yaml-syntax');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'notAMapping', line: 2, column: 1, severity: 'error' });
    expect(ofRule(d, 'schema')).toEqual([]);
  });

  it('reports a single scalar as the root', () => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': 'just some text\n' });
    expect(ofRule(d, 'yaml-syntax')).toMatchObject([{ messageId: 'notAMapping', line: 1, column: 1 }]);
  });

  it.each([
    ['an empty file', ''],
    ['a file with only a comment', '# TODO: write this claim\n'],
  ])('reports %s as emptyFile', (_, text) => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': text });
    const found = ofRule(d, 'yaml-syntax');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'emptyFile', file: 'acme/arr-1.yaml', line: 1, column: 1, severity: 'error' });
    expect(ofRule(d, 'schema')).toEqual([]);
  });

  it('reports tab indentation at the tab', () => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': 'type: claim\nid: arr-1\ntags:\n\t- ai\n' });
    const found = ofRule(d, 'yaml-syntax');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'tabAsIndent', line: 4, column: 1 });
    expect(found[0]!.message).toContain('indent with spaces, not tabs');
  });

  it('stops a billion-laughs alias bomb instead of expanding it', () => {
    const bomb = [
      'type: claim',
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
      '',
    ].join('\n');
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': bomb });
    const found = ofRule(d, 'yaml-syntax');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'aliasBomb', file: 'acme/arr-1.yaml', line: 1, column: 1, severity: 'error' });
    expect(found[0]!.message).toContain('safe bound of 100');
    expect(ofRule(d, 'schema')).toEqual([]);
  });

  it('reports an unknown tag such as !!js/function at the tagged value, without executing it', () => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': claim('arr-1', 'src-a', 'tags: !!js/function "function () { return 1 }"\n') });
    const found = ofRule(d, 'yaml-syntax');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'unknownTag', line: 7, column: 7 });
    expect(found[0]!.message).toContain('custom YAML tags are not allowed');
  });

  it('reports a local custom tag too', () => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': 'type: claim\nid: arr-1\nstatement: !shell rm -rf\n' });
    expect(ofRule(d, 'yaml-syntax')).toMatchObject([{ messageId: 'unknownTag', line: 3, column: 12 }]);
  });

  it('still checks the other files of the dataset when one is broken', () => {
    const d = lintFiles({
      ...src,
      'acme/bad.yaml': 'type: claim\nid: bad\nsubject: Acme: Inc\n',
      'acme/arr-1.yaml': claim('arr-1', 'src-nope'),
    });
    expect(ofRule(d, 'yaml-syntax')).toMatchObject([{ file: 'acme/bad.yaml', messageId: 'blockAsImplicitKey', line: 3, column: 10 }]);
    expect(ofRule(d, 'unknown-reference')).toMatchObject([{ file: 'acme/arr-1.yaml', messageId: 'unknown', line: 8, column: 13 }]);
  });
});
