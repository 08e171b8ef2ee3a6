// claims new and the subject folder: a link out of the dataset, a dangling link, a file where the folder belongs, and
// a folder where nothing can be created (/proc) are usage errors, and nothing is written outside the dataset. Each
// runs the built binary with a time limit, since creating folders under /proc once never returned.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { source, writeDataset } from './helpers.js';

const BIN = resolve(__dirname, '..', 'bin', 'claims.js');
const built = existsSync(resolve(__dirname, '..', 'dist', 'claims.js'));
if (!built) console.warn('new-folders.test.ts: skipped, dist/claims.js is not built (run npm run build)');

function claims(args: string[], cwd: string) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 10_000, env, input: '' });
  return { code: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

const NEW_CLAIM = ['new', 'claim', '--subject', 'Acme', '--category', 'arr', '--statement', 'Acme says so.', '--status', 'rumored', '--source', 'src-a', '--as-of', '2026-01', '--today', '2026-11-24'];
const ONE_LINE = /^claims: [^\n]+\n$/;

function dataset(): string {
  return writeDataset({ 'claims/sources/src-a.yaml': source('src-a'), 'outside/keep.txt': 'x' });
}

describe.skipIf(!built)('claims new: the folder the file goes in', () => {
  it('a subject folder linked out of the dataset is refused, and nothing is written there', () => {
    const dir = dataset();
    symlinkSync('../outside', join(dir, 'claims', 'acme'));
    const r = claims(NEW_CLAIM, dir);
    expect(r.stderr).toMatch(ONE_LINE);
    expect(r.stderr).toContain('outside the dataset folder');
    expect(r.code).toBe(2);
    expect(readdirSync(join(dir, 'outside'))).toEqual(['keep.txt']);
  });

  it('a subject folder linked inside the dataset is written through', () => {
    const dir = dataset();
    mkdirSync(join(dir, 'claims', 'companies'));
    symlinkSync('companies', join(dir, 'claims', 'acme'));
    const r = claims(NEW_CLAIM, dir);
    expect(r.stdout).toBe('claims/acme/acme-arr-2026-01.yaml\n');
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'claims', 'companies'))).toEqual(['acme-arr-2026-01.yaml']);
  });

  it('a dangling link or a regular file where the subject folder belongs is a one-line usage error', () => {
    for (const make of [(p: string) => symlinkSync('nowhere', p), (p: string) => writeFileSync(p, 'x')]) {
      const dir = dataset();
      make(join(dir, 'claims', 'acme'));
      const r = claims(NEW_CLAIM, dir);
      expect(r.stderr).toMatch(ONE_LINE);
      expect(r.stderr).not.toContain('internal error');
      expect(r.stderr).toMatch(/claims\/acme (is a symbolic link that leads nowhere|is not a folder)/);
      expect(r.code).toBe(2);
    }
  });

  it('a dataset under missing parent folders is created, folder by folder', () => {
    const dir = writeDataset({});
    const r = claims(['new', 'source', '--dir', 'a/b/claims', '--title', 'T', '--publisher', 'P', '--kind', 'news'], dir);
    expect(r.stdout).toBe('a/b/claims/sources/t.yaml\n');
    expect(r.code).toBe(0);
  });

  it.skipIf(!existsSync('/proc/self/root'))('new source --dir /proc/self ends with a one-line usage error', () => {
    const dir = writeDataset({});
    const r = claims(['new', 'source', '--dir', '/proc/self', '--title', 'T', '--publisher', 'P', '--kind', 'news'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(ONE_LINE);
    expect(r.stderr).toContain('cannot create the folder');
  });
});
