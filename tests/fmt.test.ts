import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers.js';
import { claim, source, writeDataset } from './helpers.js';
import { formatYaml } from '../src/authoring/fmt.js';

/** A claim with its keys out of order, mixed quoting, and comments: the modeline, one above a key, two at line ends. */
const MESSY_CLAIM = [
  '# yaml-language-server: $schema=../../schemas/claim.schema.json',
  'id: acme-arr-2026   # the id',
  'type: claim',
  'status: independent',
  '# what the claim says',
  "statement: 'Acme''s revenue grew.'",
  'subject: "Acme"',
  'category: arr',
  'as_of: 2026-02',
  "value: ['>$10M', ~€9M]",
  'evidence:',
  '  - quote: "a quote"',
  '    source: src-a # read here',
  'tags: [b,   a]',
  '',
].join('\n');

const CANONICAL_CLAIM = [
  '# yaml-language-server: $schema=../../schemas/claim.schema.json',
  'type: claim',
  'id: acme-arr-2026 # the id',
  'subject: Acme',
  'category: arr',
  '# what the claim says',
  "statement: Acme's revenue grew.",
  'value: [">$10M", "~€9M"]',
  'as_of: "2026-02"',
  'status: independent',
  'tags: [b, a]',
  'evidence:',
  '  - source: src-a # read here',
  '    quote: a quote',
  '',
].join('\n');

const MESSY_SOURCE = [
  '# yaml-language-server: $schema=../../schemas/source.schema.json',
  'reliability: B',
  'kind: news',
  "publisher: 'Publisher'",
  'title: "Title: a report"',
  'id: src-a',
  'type: source',
  'published: 2026',
  'retrieved: 2026-03-01',
  '',
].join('\n');

const CANONICAL_SOURCE = [
  '# yaml-language-server: $schema=../../schemas/source.schema.json',
  'type: source',
  'id: src-a',
  'title: "Title: a report"',
  'publisher: Publisher',
  'kind: news',
  'published: 2026',
  'retrieved: "2026-03-01"',
  'reliability: B',
  '',
].join('\n');

function messy(): string {
  return writeDataset({
    'claims/acme/acme-arr-2026.yaml': MESSY_CLAIM,
    'claims/sources/src-a.yaml': MESSY_SOURCE,
    'claims/acme/tidy.yaml': claim('tidy'),
  });
}

const read = (root: string, rel: string): string => readFileSync(join(root, rel), 'utf8');

describe('claims fmt', () => {
  it('rewrites keys into schema order and canonical quoting, keeping every comment and the modeline first', async () => {
    const root = messy();
    const tidy = read(root, 'claims/acme/tidy.yaml');
    const r = await runCli(['fmt'], root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('claims/acme/acme-arr-2026.yaml\nclaims/sources/src-a.yaml\n');
    expect(read(root, 'claims/acme/acme-arr-2026.yaml')).toBe(CANONICAL_CLAIM);
    expect(read(root, 'claims/sources/src-a.yaml')).toBe(CANONICAL_SOURCE);
    expect(read(root, 'claims/acme/tidy.yaml')).toBe(tidy);
    // No temporary files are left in the folders.
    expect(readdirSync(join(root, 'claims/acme')).sort()).toEqual(['acme-arr-2026.yaml', 'tidy.yaml']);
    // The data did not change: the dataset validates as before.
    const v = await runCli(['validate', '--today', '2026-11-24'], root);
    expect(v.code).toBe(0);
  });

  it('is idempotent', async () => {
    const root = messy();
    await runCli(['fmt'], root);
    const again = await runCli(['fmt'], root);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    expect(read(root, 'claims/acme/acme-arr-2026.yaml')).toBe(CANONICAL_CLAIM);
    expect(formatYaml(CANONICAL_CLAIM)).toEqual({ ok: true, text: CANONICAL_CLAIM, changed: false });
  });

  it('--check lists the files that would change and exits 1, without writing; 0 when all are canonical', async () => {
    const root = messy();
    const r = await runCli(['fmt', '--check'], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('claims/acme/acme-arr-2026.yaml\nclaims/sources/src-a.yaml\n');
    expect(r.stderr).toBe('claims: 2 files not in canonical form; run `claims fmt` to rewrite them\n');
    expect(read(root, 'claims/acme/acme-arr-2026.yaml')).toBe(MESSY_CLAIM);
    const one = await runCli(['fmt', '--check', 'claims/acme/tidy.yaml'], root);
    expect(one).toEqual({ code: 0, stdout: '', stderr: '' });
    await runCli(['fmt', 'claims/sources'], root);
    expect(read(root, 'claims/sources/src-a.yaml')).toBe(CANONICAL_SOURCE);
    expect(read(root, 'claims/acme/acme-arr-2026.yaml')).toBe(MESSY_CLAIM);
    await runCli(['fmt', 'claims/acme/acme-arr-2026.yaml'], root);
    const clean = await runCli(['fmt', '--check'], root);
    expect(clean).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('leaves files that are not valid YAML untouched and reports them, formatting the others', async () => {
    const broken = 'type: claim\nid: [broken\nsubject: Acme\n';
    const duplicate = 'type: source\nid: dup\nid: dup\n';
    const root = writeDataset({
      'claims/acme/broken.yaml': broken,
      'claims/sources/dup.yaml': duplicate,
      'claims/sources/src-a.yaml': MESSY_SOURCE,
    });
    const r = await runCli(['fmt'], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('claims/sources/src-a.yaml\n');
    expect(r.stderr).toBe(
      'claims: claims/acme/broken.yaml:3:1: not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ]); left untouched\n'
      + 'claims: claims/sources/dup.yaml:3:1: not valid YAML (Map keys must be unique); left untouched\n',
    );
    expect(read(root, 'claims/acme/broken.yaml')).toBe(broken);
    expect(read(root, 'claims/sources/dup.yaml')).toBe(duplicate);
    expect(read(root, 'claims/sources/src-a.yaml')).toBe(CANONICAL_SOURCE);
    const check = await runCli(['fmt', '--check'], root);
    expect(check.code).toBe(1);
    expect(check.stdout).toBe('');
  });

  it('keeps a byte-order mark and CRLF line endings; --dir picks the folder; a missing path is exit 2', async () => {
    const root = writeDataset({ 'data/sources/x.yaml': `\ufeff${source('x').replace('type: source\nid: x\n', 'id: x\ntype: source\n').replace(/\n/g, '\r\n')}` });
    const r = await runCli(['fmt', '--dir', 'data'], root);
    expect(r.code).toBe(0);
    expect(read(root, 'data/sources/x.yaml')).toBe(`\ufeff${source('x').replace(/\n/g, '\r\n')}`);
    const missing = await runCli(['fmt', 'nowhere'], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('claims: no such file or folder: nowhere\n');
  });

  it('orders evidence items by the evidence schema and leaves unknown keys after the known ones', () => {
    const text = 'evidence:\n  - locator: 2\n    quote: q\n    origin: o\n    via: [v]\n    source: s\nextra: 1\nstatus: rumored\ntype: claim\n';
    const r = formatYaml(text);
    expect(r).toEqual({
      ok: true,
      changed: true,
      text: 'type: claim\nstatus: rumored\nevidence:\n  - source: s\n    via: [v]\n    origin: o\n    quote: q\n    locator: 2\nextra: 1\n',
    });
  });

  it('does not touch files written by hand into the canonical form', () => {
    expect(formatYaml(CANONICAL_SOURCE)).toMatchObject({ ok: true, changed: false });
  });
});
