// Hostile and broken input: each file gets a diagnostic with a position inside it, every other file is still
// checked, the run ends with exit 1, and nothing throws or hangs.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../src/load/dataset.js';
import { lint } from '../src/lint.js';
import { runCli } from './cli-helpers.js';
import { claim, source, writeDataset } from './helpers.js';
import { BIG_FILE, DEEP_FILES, HOSTILE } from './hostile-inputs.js';

const VALID = { 'claims/sources/src-a.yaml': source('src-a'), 'claims/acme/good.yaml': claim('good') };

describe('hostile input beside valid files', () => {
  const root = writeDataset(VALID);
  const bad = join(root, 'claims', 'bad');
  mkdirSync(bad, { recursive: true });
  for (const [name, content] of Object.entries(HOSTILE)) writeFileSync(join(bad, name), content);
  // 20 MB of valid YAML in one file.
  writeFileSync(join(bad, 'big.yaml'), BIG_FILE());
  mkdirSync(join(root, 'claims', 'folder.yaml'));
  writeFileSync(join(root, 'claims', 'folder.yaml', 'inner.yaml'), claim('inner'));
  symlinkSync(join(root, 'claims'), join(root, 'claims', 'loop'));
  const unreadable = join(bad, 'unreadable.yaml');
  writeFileSync(unreadable, claim('unreadable'));
  chmodSync(unreadable, 0o000);

  const result = lint(loadDataset(join(root, 'claims'), root), { today: '2026-11-24' });
  const byFile = (f: string) => result.diagnostics.filter((d) => d.file === `claims/bad/${f}`);

  /** The findings each file gets: `rule:messageId` -> how many. */
  const EXPECTED: Record<string, Record<string, number>> = {
    'alias-bomb.yaml': { 'yaml-syntax:aliasBomb': 1 },
    'huge-line.yaml': { 'schema:missingField': 4 },
    'deep.yaml': { 'yaml-syntax:resourceExhaustion': 1 },
    'binary.yaml': { 'yaml-syntax:invalidUtf8': 1 },
    'bad-utf8.yaml': { 'yaml-syntax:invalidUtf8': 1 },
    'empty.yaml': { 'yaml-syntax:emptyFile': 1 },
    'two-docs.yaml': { 'yaml-syntax:multipleDocuments': 1 },
    'tabs.yaml': { 'yaml-syntax:tabAsIndent': 1 },
    'dup-keys.yaml': { 'yaml-syntax:duplicateKey': 1 },
    'proto.yaml': { 'schema:unknownField': 2 },
    'tag.yaml': { 'yaml-syntax:unknownTag': 1 },
    'many-evidence.yaml': { 'unknown-reference:unknown': 3000 },
    'big.yaml': { 'schema:missingField': 5, 'schema:unknownField': 1 },
  };
  it.each(Object.keys(HOSTILE).concat('big.yaml'))('%s gets a diagnostic positioned inside the file', (name) => {
    const found = byFile(name);
    const counts: Record<string, number> = {};
    for (const d of found) counts[`${d.rule}:${d.messageId}`] = (counts[`${d.rule}:${d.messageId}`] ?? 0) + 1;
    expect(counts).toEqual(EXPECTED[name]);
    for (const d of found) {
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
      expect(d.endLine).toBeGreaterThanOrEqual(d.line);
    }
  });

  it('names the problem for each kind of breakage', () => {
    const ids = (f: string) => byFile(f).map((d) => `${d.rule}:${d.messageId}`);
    expect(ids('alias-bomb.yaml')).toEqual(['yaml-syntax:aliasBomb']);
    expect(ids('binary.yaml')).toEqual(['yaml-syntax:invalidUtf8']);
    expect(ids('bad-utf8.yaml')).toEqual(['yaml-syntax:invalidUtf8']);
    expect(ids('empty.yaml')).toEqual(['yaml-syntax:emptyFile']);
    expect(ids('two-docs.yaml')).toEqual(['yaml-syntax:multipleDocuments']);
    expect(ids('dup-keys.yaml')).toEqual(['yaml-syntax:duplicateKey']);
    expect(ids('tag.yaml')).toEqual(['yaml-syntax:unknownTag']);
    expect(ids('proto.yaml')).toEqual(['schema:unknownField', 'schema:unknownField']);
    expect(byFile('tabs.yaml')[0]!.rule).toBe('yaml-syntax');
  });

  it.skipIf(process.getuid?.() === 0)('reports a file it cannot read (skipped as root, who can read anything)', () => {
    expect(byFile('unreadable.yaml').map((d) => d.messageId)).toEqual(['unreadable']);
  });

  it('reports every one of thousands of dangling references', () => {
    expect(byFile('many-evidence.yaml').filter((d) => d.rule === 'unknown-reference')).toHaveLength(3000);
  });

  it('never executes tags or pollutes prototypes', () => {
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('still checks the valid files, walks into a folder named x.yaml and never loops on a symlink', () => {
    expect(result.diagnostics.filter((d) => d.file === 'claims/acme/good.yaml')).toEqual([]);
    expect(result.diagnostics.some((d) => d.file === 'claims/folder.yaml/inner.yaml')).toBe(false);
    expect(result.diagnostics.some((d) => d.file.includes('/loop/'))).toBe(false);
  });

  it('the CLI exits 1 with no stack trace', async () => {
    const r = await runCli(['validate', 'claims', '--format', 'json'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).errorCount).toBeGreaterThan(3000);
  });
});

// The built binary runs V8 with --optimize-for-size, where recursion thousands of levels deep once ended in a V8 fatal
// error rather than a catchable one: deep claim files must stay diagnostics there too, with or without a config.
const built = existsSync(resolve(__dirname, '..', 'dist', 'claims.js'));
describe.skipIf(!built)('deeply nested claim files, in the built binary', () => {
  it.each([false, true])('are diagnostics, exit 1, within seconds (config present: %s)', (withConfig) => {
    const files: Record<string, string> = {
      ...VALID,
      ...Object.fromEntries(Object.entries(DEEP_FILES).map(([name, text]) => [`claims/bad/${name}`, text])),
    };
    if (withConfig) files['claims.config.yaml'] = 'today: 2026-11-24\n';
    const root = writeDataset(files);
    const r = spawnSync(process.execPath, [resolve(__dirname, '..', 'bin', 'claims.js'), 'validate', '--format', 'json'], { cwd: root, encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const diagnostics = JSON.parse(r.stdout).diagnostics as Array<{ file: string; rule: string }>;
    for (const f of ['deep-flow', 'deep-map', 'deep-block']) {
      expect(diagnostics.filter((d) => d.file === `claims/bad/${f}.yaml`).map((d) => d.rule)).toEqual(['yaml-syntax']);
    }
  });
});
