// Hostile configurations and keys: a large alias table parses in linear time, keys that are lists or mappings are a
// yaml-syntax problem (never a runtime warning on stderr), `__proto__` is never accepted silently, CR-only line
// breaks read like LF, and fmt refuses kernel files. The built binary runs with a time limit, so a hang fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { parseFile } from '../src/load/parse.js';
import { runCli } from './cli-helpers.js';
import { claim, source, writeDataset } from './helpers.js';

const BIN = resolve(__dirname, '..', 'bin', 'claims.js');
const built = existsSync(resolve(__dirname, '..', 'dist', 'claims.js'));
if (!built) console.warn('config-hostile.test.ts: end-to-end cases skipped, dist/claims.js is not built (run npm run build)');

function claims(args: string[], cwd: string) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 10_000, env });
  return { code: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

const DATASET = { 'claims/sources/src-a.yaml': source('src-a'), 'claims/acme/c.yaml': claim('c') };
const ONE_LINE = /^claims: [^\n]+\n$/;

describe.skipIf(!built)('configuration and keys, in the built binary (10 s limit)', () => {
  it('a configuration with 40,000 quoted aliases (800 KB) is read in linear time', () => {
    const dir = writeDataset(DATASET);
    let text = 'aliases:\n';
    for (let i = 0; i < 40_000; i++) text += `  "A${i}": "E${i}"\n`;
    writeFileSync(join(dir, 'claims.config.yaml'), text);
    const r = claims(['validate', '--today', '2026-11-24'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('a key that is a list, in a claim or the configuration, is a yaml-syntax problem and prints no runtime warning', () => {
    const dir = writeDataset({ ...DATASET, 'claims/acme/k.yaml': 'type: claim\nid: k\n? [x, y]\n: 1\n' });
    const v = claims(['validate', '--today', '2026-11-24', '--format', 'json'], dir);
    expect(v.stderr).toBe('');
    expect(JSON.parse(v.stdout).diagnostics).toEqual([expect.objectContaining({ file: 'claims/acme/k.yaml', rule: 'yaml-syntax', messageId: 'nonStringKey', line: 3, column: 3 })]);
    expect(v.code).toBe(1);
    const f = claims(['fmt', 'claims/acme/k.yaml'], dir);
    expect(f.stderr).toBe('claims: claims/acme/k.yaml:3:3: A key must be plain text, not a list or a mapping (`? [x, y]`); left untouched\n');
    expect(f.code).toBe(1);
    writeFileSync(join(dir, 'claims.config.yaml'), 'rules:\n  ? {a: 1}\n  : off\n');
    const c = claims(['validate'], dir);
    expect(c.stderr).toMatch(ONE_LINE);
    expect(c.stderr).toContain('claims.config.yaml:2:5: A key must be plain text');
    expect(c.code).toBe(2);
  });

  it.skipIf(!existsSync('/proc/self/environ'))('fmt refuses a kernel file (size 0, yet gives bytes), with or without --check', () => {
    const dir = writeDataset({});
    for (const args of [['fmt', '/proc/self/environ'], ['fmt', '--check', '/proc/self/environ']]) {
      const r = claims(args, dir);
      expect(r.stderr).toMatch(ONE_LINE);
      expect(r.stderr).toContain('kernel or device file');
      expect(r.code).toBe(1);
    }
  });
});

describe('the configuration', () => {
  it.each([
    ['rules: {__proto__: off}\n', 'unknown rule "__proto__"'],
    ['aliases: {__proto__: x}\n', '"__proto__" cannot be an alias'],
    ['aliases:\n  "__proto__": x\n', '"__proto__" cannot be an alias'],
    ['claimreview:\n  publisher:\n    __proto__: x\n', 'unknown setting "__proto__" in `claimreview.publisher`'],
  ])('refuses a __proto__ key (%j)', (text, message) => {
    const dir = writeDataset({ 'claims.config.yaml': text });
    expect(() => loadConfig(dir)).toThrow(message);
  });

  it('reads CR-only line breaks like LF (YAML 1.2 counts a lone CR as a line break)', async () => {
    const text = 'today: 2026-11-24\nrules:\n  quote-missing: off\naliases:\n  "Acme Inc": Acme\nclaimreview:\n  publisher:\n    name: Desk\n';
    const lf = writeDataset({ 'claims.config.yaml': text });
    const cr = writeDataset({ 'claims.config.yaml': text.replace(/\n/g, '\r') });
    expect(loadConfig(cr)).toEqual(loadConfig(lf));
    const withData = writeDataset({ ...DATASET, 'claims.config.yaml': text.replace(/\n/g, '\r') });
    const r = await runCli(['validate', 'claims/acme/c.yaml'], withData);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(withData, 'claims.config.yaml'), 'utf8')).not.toContain('\n');
  });

  it('a key that is a mapping reached through an alias is reported too; a scalar alias key is fine', () => {
    expect(parseFile('type: claim\nid: k\nx: &a [1]\n? *a\n: 1\n').problems.map((p) => p.messageId)).toEqual(['nonStringKey']);
    expect(parseFile('type: claim\nid: &i k\n*i : 1\n').problems.map((p) => p.messageId)).not.toContain('nonStringKey');
  });
});
