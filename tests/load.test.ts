import { describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { discover } from '../src/load/discover.js';
import { loadDataset } from '../src/load/dataset.js';
import { parseFile } from '../src/load/parse.js';
import { lint } from '../src/lint.js';
import { writeDataset, source } from './helpers.js';

describe('discover', () => {
  it('finds .yaml and .yml files sorted, skips config, dot-folders and folders named like files', () => {
    const root = writeDataset({
      'b/two.yml': 'x: 1', 'a/one.yaml': 'x: 1', 'claims.config.yaml': 'today: 2026-01-01',
      '.git/x.yaml': 'x: 1', 'notes.txt': 'no', 'odd.yaml/inner.yaml': 'x: 1',
    });
    const files = discover(root).files.map((f) => f.slice(root.length + 1));
    expect(files).toEqual(['a/one.yaml', 'b/two.yml', 'odd.yaml/inner.yaml']);
  });

  it('visits a symlinked folder loop once', () => {
    const root = writeDataset({ 'a/one.yaml': 'x: 1' });
    symlinkSync(root, join(root, 'a', 'loop'));
    expect(discover(root).files.map((f) => f.slice(root.length + 1))).toEqual(['a/one.yaml']);
  });

  it('reports a dangling symlink instead of failing', () => {
    const root = writeDataset({ 'a/one.yaml': 'x: 1' });
    symlinkSync(join(root, 'missing.yaml'), join(root, 'a', 'dangling.yaml'));
    const found = discover(root);
    expect(found.unreadable).toHaveLength(1);
    expect(found.unreadable[0]!.path).toContain('dangling.yaml');
  });
});

describe('parseFile positions', () => {
  const text = 'type: source\nid: x\ntitle: T\npublisher: P\nkind: newz\n';
  it.each([
    ['LF', text],
    ['CRLF', text.replace(/\n/g, '\r\n')],
    ['BOM', '\uFEFF' + text],
    ['BOM + CRLF', '\uFEFF' + text.replace(/\n/g, '\r\n')],
  ])('reports the right line and column with %s', (_, input) => {
    const r = parseFile(input);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ kind: 'schema', messageId: 'invalidValue', range: { line: 5, column: 7 } });
  });

  it('accepts a valid file with BOM and CRLF', () => {
    const r = parseFile('\uFEFF' + source('x').replace(/\n/g, '\r\n'));
    expect(r.problems).toEqual([]);
    expect(r.parsed?.type).toBe('source');
  });

  it('never pollutes prototypes and reports __proto__ as an unknown field', () => {
    const r = parseFile(source('x', '__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\n'));
    expect(r.problems.map((p) => p.messageId)).toEqual(['unknownField', 'unknownField']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('loadDataset', () => {
  it('reports binary and invalid UTF-8 files and still loads the others', () => {
    const root = writeDataset({ 'sources/good.yaml': source('good') });
    mkdirSync(join(root, 'bad'), { recursive: true });
    writeFileSync(join(root, 'bad', 'bytes.yaml'), Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x9f]));
    const ds = loadDataset(root, root);
    expect(ds.sources.map((s) => s.data.id)).toEqual(['good']);
    const bad = ds.files.find((f) => f.file === 'bad/bytes.yaml')!;
    expect(bad.problems[0]).toMatchObject({ kind: 'syntax', messageId: 'invalidUtf8' });
    const result = lint(ds, { today: '2026-11-24' });
    expect(result.diagnostics.some((d) => d.file === 'bad/bytes.yaml' && d.rule === 'yaml-syntax')).toBe(true);
  });

  // YAML 1.2 counts a lone CR (old Mac line ends) as a line break: such files load, and every position is right,
  // both from the file's own parse and from the re-read that places cross-file findings.
  it('loads files with CR-only line endings, with the right line numbers', () => {
    const cr = (t: string) => t.replace(/\n/g, '\r');
    const root = writeDataset({
      'sources/good.yaml': cr(source('good', 'notes: "a note\n  folded over two lines"\n')),
      'sources/bad.yaml': cr('type: source\nid: bad\ntitle: T\npublisher: P\nkind: newz\n'),
      'acme/c.yaml': cr('type: claim\nid: c\nsubject: Acme\ncategory: arr\nstatement: S.\nstatus: rumored\nevidence:\n  - source: good\n    quote: q\n  - source: nowhere\n    quote: q\n'),
    });
    const ds = loadDataset(root, root);
    expect(ds.sources.map((x) => [x.data.id, x.data.notes])).toEqual([['good', 'a note folded over two lines']]);
    expect(ds.claims.map((x) => x.data.id)).toEqual(['c']);
    const result = lint(ds, { today: '2026-11-24' });
    const at = (file: string, rule: string) => result.diagnostics.filter((d) => d.file === file && d.rule === rule).map((d) => [d.line, d.column]);
    expect(at('sources/bad.yaml', 'schema')).toEqual([[5, 7]]);
    expect(at('acme/c.yaml', 'unknown-reference')).toEqual([[10, 13]]);
  });

  it('keeps the id of a file with schema errors so references to it still resolve', () => {
    const root = writeDataset({
      'sources/half.yaml': 'type: source\nid: half\ntitle: T\npublisher: P\nkind: blog\n',
      'acme/c.yaml': 'type: claim\nid: c\nsubject: Acme\ncategory: arr\nstatement: S.\nstatus: independent\nevidence:\n  - source: half\n    quote: q\n',
    });
    const result = lint(loadDataset(root, root), { today: '2026-11-24' });
    expect(result.diagnostics.map((d) => `${d.file}:${d.rule}`)).toEqual(['sources/half.yaml:schema']);
  });
});

describe('schema messages describe the bad value itself', () => {
  const claimWith = (lines: string) => `type: claim\nid: k\nsubject: Acme\ncategory: arr\n${lines}status: rumored\nevidence:\n  - source: src-a\n`;
  const schemaOf = (text: string) => lint(loadDataset(writeDataset({ 'sources/src-a.yaml': source('src-a'), 'acme/k.yaml': text }), '/'), { today: '2026-11-24' })
    .diagnostics.filter((d) => d.rule === 'schema');

  it('`.nan` where text belongs reads "not the value `.nan` (not a number)", never "not not a number"', () => {
    const [m, ...rest] = schemaOf(claimWith('statement: .nan\n'));
    expect(rest).toEqual([]);
    expect(m!.message).toBe('`statement` must be a string, not the value `.nan` (not a number).');
    expect(m!.message).not.toContain('not not');
  });

  it.each([
    ['value: [.inf]\n', 'value[0]', 'is infinity (`.inf`', 6, 9],
    ['value: ["$5M", !!binary aGVsbG8=]\n', 'value[1]', 'is binary data (a `!!binary` value)', 6, 25],
    ['value: ["$5M", [1]]\n', 'value[1]', 'is a list', 6, 16],
  ])('a list with one bad item (%j) points at the item and describes it', (line, path, words, lineNo, column) => {
    const found = schemaOf(claimWith(`statement: x\n${line}`));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path, line: lineNo, column });
    expect(found[0]!.message).toContain(`\`${path}\` ${words}`);
    expect(found[0]!.message).not.toContain('`value` is a list');
  });
});
