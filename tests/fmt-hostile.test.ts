/** `claims fmt` on hostile input: one bad file never stops the run, links are left alone, and the text round-trips. */
import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers.js';
import { writeDataset } from './helpers.js';
import { formatYaml } from '../src/authoring/fmt.js';

const read = (root: string, rel: string): string => readFileSync(join(root, rel), 'utf8');

/** A claim in the wrong key order, so fmt has something to rewrite. */
const UNORDERED = 'id: z-last\ntype: claim\n';
const ORDERED = 'type: claim\nid: z-last\n';

/** 650 levels of block mappings under one key. */
const DEEP = `type: claim\nid: deep\nx:${Array.from({ length: 650 }, (_, i) => `\n${' '.repeat(i + 1)}k:`).join('')} 1\n`;
/** A valid claim whose anchor, once keys are in schema order, would come after its alias. */
const ANCHOR_LATE = 'type: claim\nid: anchored\nevidence:\n  - quote: &q src-a\n    source: *q\n';
const BINARY = 'type: claim\nid: binary\nblob: !!binary aGVsbG8=\n';

describe('claims fmt: errors are per file', () => {
  it('reports an anchor used before it is defined, a !!binary value and 650 levels of nesting, each at its position, and formats the later files', async () => {
    const root = writeDataset({
      'claims/a/anchored.yaml': ANCHOR_LATE,
      'claims/a/binary.yaml': BINARY,
      'claims/a/deep.yaml': DEEP,
      'claims/a/z-last.yaml': UNORDERED,
    });
    const r = await runCli(['fmt'], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('claims/a/z-last.yaml\n');
    expect(r.stderr.split('\n')).toEqual([
      'claims: claims/a/anchored.yaml:5:13: the alias *q would come before its anchor &q once keys are in schema order; write the value out; left untouched',
      'claims: claims/a/binary.yaml:3:16: the tag !!binary cannot be formatted; left untouched',
      expect.stringMatching(/^claims: claims\/a\/deep\.yaml:\d+:\d+: nested more than 64 levels deep; left untouched$/),
      '',
    ]);
    expect(read(root, 'claims/a/anchored.yaml')).toBe(ANCHOR_LATE);
    expect(read(root, 'claims/a/binary.yaml')).toBe(BINARY);
    expect(read(root, 'claims/a/deep.yaml')).toBe(DEEP);
    expect(read(root, 'claims/a/z-last.yaml')).toBe(ORDERED);
  });

  it('never throws, whatever the nesting: flow and block, far past the stack limit', () => {
    for (const n of [650, 5000, 50000]) {
      const flow = formatYaml(`type: claim\nx: ${'['.repeat(n)}${']'.repeat(n)}\n`);
      const block = formatYaml(`type: claim\nx:${Array.from({ length: Math.min(n, 3000) }, (_, i) => `\n${' '.repeat(i + 1)}- `).join('')}1\n`);
      expect(flow.ok, `flow ${n}`).toBe(false);
      expect(block.ok, `block ${n}`).toBe(false);
    }
  });
});

describe('claims fmt: links are left alone', () => {
  it('never writes through a symlinked folder to files outside the dataset, and never replaces a symlinked file', async () => {
    const root = writeDataset({ 'claims/a/z-last.yaml': UNORDERED, 'outside/o.yaml': 'id: o\ntype: claim\n', 'elsewhere/t.yaml': 'id: t\ntype: claim\n' });
    symlinkSync('../../outside', join(root, 'claims/a/linked'));
    symlinkSync('../../elsewhere/t.yaml', join(root, 'claims/a/t.yaml'));
    const r = await runCli(['fmt'], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('claims/a/z-last.yaml\n');
    expect(r.stderr).toBe(
      'claims: claims/a/linked: is a symbolic link to a path outside the folder being formatted; left untouched\n'
      + 'claims: claims/a/t.yaml: is a symbolic link to a path outside the folder being formatted; left untouched\n',
    );
    expect(read(root, 'outside/o.yaml')).toBe('id: o\ntype: claim\n');
    expect(read(root, 'elsewhere/t.yaml')).toBe('id: t\ntype: claim\n');
    expect(lstatSync(join(root, 'claims/a/t.yaml')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(root, 'claims/a/t.yaml'))).toBe('../../elsewhere/t.yaml');
    // Named on the command line, a link is refused the same way.
    const named = await runCli(['fmt', 'claims/a/t.yaml'], root);
    expect(named).toEqual({ code: 1, stdout: '', stderr: 'claims: claims/a/t.yaml: is a symbolic link; left untouched\n' });
  });

  const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;
  if (!hasMkfifo) console.warn('skipped: mkfifo not installed (fmt on a FIFO)');
  it.skipIf(!hasMkfifo)('refuses a FIFO named on the command line within seconds instead of waiting for a writer', async () => {
    const root = writeDataset({ 'claims/a/z-last.yaml': UNORDERED });
    mkdirSync(join(root, 'pipes'));
    execFileSync('mkfifo', [join(root, 'pipes/p.yaml')]);
    const started = Date.now();
    const r = await runCli(['fmt', 'pipes/p.yaml', 'claims/a/z-last.yaml'], root);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r).toEqual({ code: 1, stdout: 'claims/a/z-last.yaml\n', stderr: 'claims: pipes/p.yaml: is not a regular file; left untouched\n' });
  });
});

/** Strings that a YAML 1.1 reader takes for booleans, numbers, dates or null when they are written unquoted. */
const YAML11_LOOKALIKES = ['yes', 'no', 'on', 'off', 'y', 'n', 'Yes', 'NO', 'On', '1_000', '1:20', '0b101', '2026-01-01', '2026-01-01 10:00:00', '0x1F', '010', '.5', '1e3', '~', 'null', 'Null', '.inf', '.NaN'];

describe('claims fmt: the text round-trips', () => {
  it('keeps a large integer, and every number, as written', () => {
    const text = 'type: claim\nid: num\nbig: 100000000000000000000000\nhex: 0x1F\nfraction: 1.50\nexp: 1e23\nsigned: +12\n';
    const r = formatYaml(text);
    expect(r).toEqual({ ok: true, text, changed: false });
    const moved = formatYaml('id: num\ntype: claim\nbig: 100000000000000000000000\n');
    expect(moved).toMatchObject({ ok: true, text: 'type: claim\nid: num\nbig: 100000000000000000000000\n' });
  });

  it('keeps \\u202E, \\u2028 and other invisible characters as escapes, never as raw characters', () => {
    const text = 'id: s\ntype: claim\nstatement: "Acme \\u202Eevil\\u202C grew \\u2028 and \\u200B \\x1b[2J"\ntitle: "\\u2029"\n';
    const r = formatYaml(text);
    expect(r.ok).toBe(true);
    const out = r.ok ? r.text : '';
    expect(out).toBe('type: claim\nid: s\nstatement: "Acme \\u202eevil\\u202c grew \\u2028 and \\u200b \\u001b[2J"\ntitle: "\\u2029"\n');
    expect(out).not.toMatch(/[\u202e\u202c\u2028\u2029\u200b\u001b]/);
    expect(parse(out)).toEqual(parse(text));
    // A file that already holds a raw invisible character gets the escape too: the data is the same, the reader now sees it.
    const raw = formatYaml('type: claim\nid: s\nstatement: Acme\u200bCorp\n');
    expect(raw).toMatchObject({ ok: true, text: 'type: claim\nid: s\nstatement: "Acme\\u200bCorp"\n' });
  });

  it('keeps the quotes on "yes" and on every string a YAML 1.1 reader would read as something else', () => {
    const lines = YAML11_LOOKALIKES.map((s, i) => `k${i}: ${JSON.stringify(s)}`);
    const text = `id: q\ntype: claim\n${lines.join('\n')}\nplain: "Acme"\n`;
    const r = formatYaml(text);
    expect(r.ok).toBe(true);
    const out = r.ok ? r.text : '';
    expect(out).toContain('k0: "yes"\n');
    expect(out).toContain('plain: Acme\n');
    // Read back by a YAML 1.1 reader (yaml's 1.1 schema), every value is still the string it was.
    const as11 = parse(out, { version: '1.1' }) as Record<string, unknown>;
    YAML11_LOOKALIKES.forEach((s, i) => expect(as11[`k${i}`], s).toBe(s));
  });

  const hasPyYaml = spawnSync('python3', ['-c', 'import yaml']).status === 0;
  if (!hasPyYaml) console.warn('skipped: python3-yaml (PyYAML) not installed (fmt output read by a YAML 1.1 reader)');
  it.skipIf(!hasPyYaml)('writes text that PyYAML, a YAML 1.1 reader, reads as the same strings', async () => {
    const lines = YAML11_LOOKALIKES.map((s, i) => `k${i}: ${JSON.stringify(s)}`);
    const root = writeDataset({ 'claims/a/q.yaml': `id: q\ntype: claim\n${lines.join('\n')}\nbidi: "\\u202E\\u2028"\n` });
    const r = await runCli(['fmt'], root);
    expect(r.code).toBe(0);
    const json = execFileSync('python3', ['-c', 'import sys, json, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding="utf-8")), default=repr))', join(root, 'claims/a/q.yaml')], { encoding: 'utf8' });
    const data = JSON.parse(json) as Record<string, unknown>;
    YAML11_LOOKALIKES.forEach((s, i) => expect(data[`k${i}`], s).toBe(s));
    expect(data.bidi).toBe('\u202e\u2028');
  });

  it('leaves the bundled-style canonical text alone', () => {
    const text = 'type: source\nid: src-a\ntitle: "Title: a report"\npublisher: Publisher\nkind: news\npublished: 2026\nretrieved: "2026-03-01"\n';
    expect(formatYaml(text)).toEqual({ ok: true, text, changed: false });
  });
});

describe('claims fmt: line endings and names from the data', () => {
  it('reads lone-CR line breaks as YAML 1.2 does, and keeps them', () => {
    const result = formatYaml('id: x\rtype: source\rtitle: T\rpublisher: P\rkind: news\r');
    expect(result).toMatchObject({ ok: true, changed: true, text: 'type: source\rid: x\rtitle: T\rpublisher: P\rkind: news\r' });
  });

  it('shows a file name with escape sequences escaped, on stdout and stderr', async () => {
    const root = writeDataset({
      'claims/sources/y\u001b[2J.yaml': 'id: y\ntype: source\ntitle: T\npublisher: P\nkind: news\n',
      'claims/sources/z\u001b]0;t\u0007.yaml': 'type: source\nid: [\n',
    });
    const r = await runCli(['fmt'], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('claims/sources/y\\x1b[2J.yaml\n');
    expect(r.stderr).toContain('claims/sources/z\\x1b]0;t\\x07.yaml:');
    expect(r.stdout + r.stderr).not.toContain('\u001b');
  });
});
