// The dataset walk and links: it never leaves the dataset folder through a link, skips dangling links that are not
// named like claim files, guesses a dataset from a sources/ folder only when that folder holds YAML files nearby, and
// costs linear time in nesting depth. Cases that hung run the built binary in a process with a timeout.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../src/load/discover.js';
import { loadDataset } from '../src/load/dataset.js';
import { datasetOf } from '../src/cli/targets.js';
import { claim, source, writeDataset } from './helpers.js';

const BIN = resolve(__dirname, '..', 'bin', 'claims.js');
const built = existsSync(resolve(__dirname, '..', 'dist', 'claims.js'));
if (!built) console.warn('walk-links.test.ts: end-to-end cases skipped, dist/claims.js is not built (run npm run build)');

/** Runs the built binary with a 10 s limit: code is null when it had to be killed (a hang). */
function claims(args: string[], cwd: string) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 10_000, env, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

interface JsonOut {
  files: number;
  diagnostics: Array<{ file: string; rule: string; messageId: string; message: string }>;
}

const rel = (root: string) => (f: string) => f.slice(root.length + 1);

describe.skipIf(!built)('links out of the dataset are not followed (built binary, 10 s limit)', () => {
  it('a link to / inside the dataset is reported once and not entered', () => {
    const dir = writeDataset({ 'ds/sources/src-a.yaml': source('src-a'), 'ds/acme/c.yaml': claim('c') });
    symlinkSync('/', join(dir, 'ds', 'everything'));
    const r = claims(['validate', 'ds', '--format', 'json', '--today', '2026-11-24'], dir);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out.files).toBe(3);
    expect(out.diagnostics).toEqual([
      expect.objectContaining({ file: 'ds/everything', rule: 'yaml-syntax', messageId: 'unreadablePath', message: expect.stringContaining('outside the dataset folder') }),
    ]);
  });

  it.skipIf(!existsSync('/proc/self/root'))('validate /proc/self/ ends (its root entry links to /)', () => {
    const dir = writeDataset({});
    const v = claims(['validate', '/proc/self/', '--format', 'json'], dir);
    expect(v.code).not.toBeNull();
    expect(JSON.parse(v.stdout).diagnostics.some((d: { file: string; message: string }) => d.file.endsWith('/root') && d.message.includes('outside the dataset folder'))).toBe(true);
  });

  it('a dataset folder nested 1,500 levels deep is walked in linear time', () => {
    const dir = writeDataset({});
    let deep = join(dir, 'ds');
    for (let i = 0; i < 1500; i++) deep = join(deep, 'd');
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'src-a.yaml'), source('src-a'));
    const r = claims(['validate', 'ds', '--format', 'json', '--today', '2026-11-24'], dir);
    expect(r.code).not.toBeNull();
    expect(JSON.parse(r.stdout).files).toBe(1);
  });
});

describe('the walker and links', () => {
  it('a link to a folder or a YAML file outside the dataset is reported, and nothing outside is loaded', () => {
    const dir = writeDataset({
      'ds/sources/src-a.yaml': source('src-a'),
      'secretdir/sources/leak.yaml': source('leak'),
      'secretdir/other.yaml': source('other'),
    });
    symlinkSync('../secretdir', join(dir, 'ds', 'linked'));
    symlinkSync('../secretdir/other.yaml', join(dir, 'ds', 'other.yaml'));
    const found = discover(join(dir, 'ds'));
    expect(found.files.map(rel(join(dir, 'ds')))).toEqual(['sources/src-a.yaml']);
    expect(found.unreadable.map((u) => [rel(join(dir, 'ds'))(u.path), u.outside])).toEqual([['linked', true], ['other.yaml', true]]);
    const ds = loadDataset(join(dir, 'ds'), dir);
    expect(ds.sources.map((s) => s.data.id)).toEqual(['src-a']);
    expect(ds.files.filter((f) => !f.valid).map((f) => [f.file, f.problems[0]!.messageId, f.problems[0]!.data.reason])).toEqual([
      ['ds/linked', 'unreadablePath', 'a link to a folder outside the dataset folder'],
      ['ds/other.yaml', 'notAFile', 'is a link to a file outside the dataset folder'],
    ]);
  });

  it('a link that stays inside the dataset is followed, each real folder once', () => {
    const dir = writeDataset({ 'ds/sources/src-a.yaml': source('src-a'), 'ds/acme/c.yaml': claim('c') });
    symlinkSync('../acme/c.yaml', join(dir, 'ds', 'sources', 'c-link.yaml'));
    symlinkSync('..', join(dir, 'ds', 'acme', 'up'));
    const found = discover(join(dir, 'ds'));
    expect(found.files.map(rel(join(dir, 'ds')))).toEqual(['acme/c.yaml', 'sources/c-link.yaml', 'sources/src-a.yaml']);
    expect(found.unreadable).toEqual([]);
  });

  it('a dangling link is skipped unless it is named like a claim file', () => {
    const dir = writeDataset({ 'ds/sources/src-a.yaml': source('src-a') });
    symlinkSync('nowhere', join(dir, 'ds', 'readme.txt'));
    symlinkSync('nowhere', join(dir, 'ds', 'gone'));
    symlinkSync('nowhere', join(dir, 'ds', 'gone.yaml'));
    const found = discover(join(dir, 'ds'));
    expect(found.files.map(rel(join(dir, 'ds')))).toEqual(['sources/src-a.yaml']);
    expect(found.unreadable.map((u) => [rel(join(dir, 'ds'))(u.path), u.reason])).toEqual([['gone.yaml', 'ENOENT']]);
  });
});

describe('a dataset guessed from a sources/ folder', () => {
  it('an empty sources/ folder, or one without YAML files, makes no dataset', () => {
    const dir = writeDataset({ 'x/lone/a/lonely.yaml': claim('lonely'), 'x/elsewhere/b.yaml': claim('b'), 'y/sources/notes.txt': 'x', 'y/a/lonely.yaml': claim('lonely') });
    mkdirSync(join(dir, 'x', 'sources'));
    expect(datasetOf(join(dir, 'x', 'lone', 'a', 'lonely.yaml'))).toEqual({ root: join(dir, 'x', 'lone', 'a'), shallow: true });
    expect(datasetOf(join(dir, 'y', 'a', 'lonely.yaml'))).toEqual({ root: join(dir, 'y', 'a'), shallow: true });
  });

  it('is looked for at most two folders above the file, and walked at most two levels deep', () => {
    const dir = writeDataset({
      'x/sources/s.yaml': source('s'),
      'x/lone/shared/deep/a/lonely.yaml': claim('lonely'),
      'x/acme/c.yaml': claim('c'),
      'x/acme/2026/d.yaml': claim('d'),
      'x/acme/2026/q1/too-deep.yaml': claim('too-deep'),
    });
    expect(datasetOf(join(dir, 'x', 'lone', 'shared', 'deep', 'a', 'lonely.yaml'))).toEqual({ root: join(dir, 'x', 'lone', 'shared', 'deep', 'a'), shallow: true });
    const guessed = datasetOf(join(dir, 'x', 'acme', '2026', 'd.yaml'));
    expect(guessed).toEqual({ root: join(dir, 'x'), shallow: 2 });
    const ds = loadDataset(guessed.root, dir, { shallow: guessed.shallow });
    expect(ds.files.map((f) => f.file).sort()).toEqual(['x/acme/2026/d.yaml', 'x/acme/c.yaml', 'x/sources/s.yaml']);
  });
});
