// Special files where a file is expected: FIFOs, devices, kernel files, links out of the dataset, oversized files.
// Each case runs the built binary in its own process with a timeout, so a regression (a blocking read of a FIFO, an
// endless read of /dev/zero) fails the test instead of hanging the suite.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_BYTES, safeReadFile } from '../src/util/safe-read.js';
import { claim, source, writeDataset } from './helpers.js';

const BIN = resolve(__dirname, '..', 'bin', 'claims.js');
const built = existsSync(resolve(__dirname, '..', 'dist', 'claims.js'));
const isRoot = process.getuid?.() === 0;
const hasMkfifo = spawnSync('sh', ['-c', 'command -v mkfifo']).status === 0;
const SECRET = 'claims-test-secret-7f3a9c';

if (!built) console.warn('special-files.test.ts: skipped, dist/claims.js is not built (run npm run build)');
if (!hasMkfifo) console.warn('special-files.test.ts: FIFO cases skipped, mkfifo is not installed');

/** Runs the built binary with a 10 s limit: status is null when it had to be killed (a hang). */
function claims(args: string[], cwd: string, extra: SpawnSyncOptions = {}) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', CLAIMS_TEST_SECRET: SECRET };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 10_000, env, ...extra });
  return { code: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

function mkfifo(path: string): void {
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
}

const STACK = /\n\s+at .*:\d+:\d+\)?/;

/** A dataset whose source src-a has `snapshot: snapshots/x.txt`, quoted by one claim. */
function withSnapshot(): string {
  const root = writeDataset({
    'claims/sources/src-a.yaml': source('src-a', 'snapshot: snapshots/x.txt\n'),
    'claims/acme/c.yaml': claim('c'),
  });
  mkdirSync(join(root, 'claims', 'snapshots'));
  return root;
}

function snapshotDiagnostics(root: string) {
  const r = claims(['validate', '--format', 'json', '--today', '2026-11-24'], root);
  expect(r.code).not.toBeNull();
  expect(r.stderr).toBe('');
  return { r, found: JSON.parse(r.stdout).diagnostics.filter((d: { rule: string }) => d.rule === 'quote-not-found') };
}

describe.skipIf(!built)('snapshots that are not regular files inside the dataset', () => {
  it('a committed link to /proc/self/environ is refused and never printed', () => {
    const root = withSnapshot();
    symlinkSync('/proc/self/environ', join(root, 'claims', 'snapshots', 'x.txt'));
    const { r, found } = snapshotDiagnostics(root);
    expect(r.stdout).not.toContain(SECRET);
    expect(found).toEqual([expect.objectContaining({ messageId: 'unsafeSnapshot', file: 'claims/sources/src-a.yaml', path: 'snapshot' })]);
    expect(found[0].message).toContain('outside the dataset folder');
    // The github format (annotations in CI) neither.
    const gh = claims(['validate', '--format', 'github'], root);
    expect(gh.stdout).not.toContain(SECRET);
  });

  it('a link to a file elsewhere on the machine is refused', () => {
    const root = withSnapshot();
    const outside = writeDataset({ 'private.txt': `a quote ${SECRET}` });
    symlinkSync(join(outside, 'private.txt'), join(root, 'claims', 'snapshots', 'x.txt'));
    const { r, found } = snapshotDiagnostics(root);
    expect(r.stdout).not.toContain(SECRET);
    expect(found.map((d: { messageId: string }) => d.messageId)).toEqual(['unsafeSnapshot']);
  });

  it('a link to /dev/zero is refused at once', () => {
    const root = withSnapshot();
    symlinkSync('/dev/zero', join(root, 'claims', 'snapshots', 'x.txt'));
    const { found } = snapshotDiagnostics(root);
    expect(found).toEqual([expect.objectContaining({ messageId: 'unsafeSnapshot' })]);
  });

  it('a link inside the dataset to a /dev/zero link is refused too (links resolved all the way)', () => {
    const root = withSnapshot();
    symlinkSync('/dev/zero', join(root, 'claims', 'snapshots', 'zero'));
    symlinkSync('zero', join(root, 'claims', 'snapshots', 'x.txt'));
    expect(snapshotDiagnostics(root).found.map((d: { messageId: string }) => d.messageId)).toEqual(['unsafeSnapshot']);
  });

  it.skipIf(!hasMkfifo)('a FIFO is refused without waiting for a writer', () => {
    const root = withSnapshot();
    mkfifo(join(root, 'claims', 'snapshots', 'x.txt'));
    const { found } = snapshotDiagnostics(root);
    expect(found).toEqual([expect.objectContaining({ messageId: 'unsafeSnapshot' })]);
    expect(found[0].message).toContain('FIFO');
  });

  it(`a snapshot over ${MAX_BYTES.snapshot / 2 ** 20} MiB is refused without being read`, () => {
    const root = withSnapshot();
    writeFileSync(join(root, 'claims', 'snapshots', 'x.txt'), '');
    truncateSync(join(root, 'claims', 'snapshots', 'x.txt'), MAX_BYTES.snapshot + 1);
    const { found } = snapshotDiagnostics(root);
    expect(found).toEqual([expect.objectContaining({ messageId: 'unsafeSnapshot' })]);
    expect(found[0].message).toMatch(/larger than 32 MiB/);
  });

  it('a regular snapshot inside the dataset reached through a link still works', () => {
    const root = withSnapshot();
    writeFileSync(join(root, 'claims', 'snapshots', 'real.txt'), 'It says a quote here.');
    symlinkSync('real.txt', join(root, 'claims', 'snapshots', 'x.txt'));
    expect(snapshotDiagnostics(root).found).toEqual([]);
  });
});

describe.skipIf(!built)('claim files that are not regular files', () => {
  const cases: Array<[string, (path: string) => void]> = [
    ['a link to /dev/zero', (p) => symlinkSync('/dev/zero', p)],
    ['a link to /proc/self/environ', (p) => symlinkSync('/proc/self/environ', p)],
    ...(hasMkfifo ? [['a FIFO', mkfifo] as [string, (path: string) => void]] : []),
  ];
  it.each(cases)('%s named x.yaml gets a diagnostic; the other files are still checked', (_, make) => {
    const root = writeDataset({ 'claims/sources/src-a.yaml': source('src-a'), 'claims/acme/c.yaml': claim('c', 'src-b') });
    make(join(root, 'claims', 'acme', 'x.yaml'));
    const r = claims(['validate', '--format', 'json'], root);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain(SECRET);
    const diagnostics = JSON.parse(r.stdout).diagnostics as Array<{ file: string; rule: string; messageId: string }>;
    expect(diagnostics.filter((d) => d.file === 'claims/acme/x.yaml').map((d) => `${d.rule}:${d.messageId}`)).toEqual(['yaml-syntax:notAFile']);
    expect(diagnostics.some((d) => d.file === 'claims/acme/c.yaml' && d.rule === 'unknown-reference')).toBe(true);
  });

  it.skipIf(!isRoot)('a link to /proc/kmsg (readable as root) gets a diagnostic, not a hang (skipped unless root)', () => {
    const root = writeDataset({ 'claims/sources/src-a.yaml': source('src-a') });
    symlinkSync('/proc/kmsg', join(root, 'claims', 'sources', 'kmsg.yaml'));
    const r = claims(['validate', '--format', 'json'], root);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout).diagnostics.filter((x: { file: string }) => x.file === 'claims/sources/kmsg.yaml');
    expect(d.map((x: { messageId: string }) => x.messageId)).toEqual([expect.stringMatching(/^(notAFile|unreadable)$/)]);
  });

  it(`a file over ${MAX_BYTES.dataFile / 2 ** 20} MiB gets a diagnostic without being read`, () => {
    const root = writeDataset({ 'claims/sources/src-a.yaml': source('src-a') });
    const big = join(root, 'claims', 'sources', 'big.yaml');
    writeFileSync(big, '');
    truncateSync(big, MAX_BYTES.dataFile + 1);
    const r = claims(['validate', '--format', 'json'], root);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout).diagnostics.filter((x: { file: string }) => x.file === 'claims/sources/big.yaml');
    expect(d).toEqual([expect.objectContaining({ rule: 'yaml-syntax', messageId: 'tooLarge', line: 1, column: 1 })]);
  });
});

describe.skipIf(!built)('configuration files that are not regular files', () => {
  const oneLine = (r: { code: number | null; stdout: string; stderr: string }, pattern: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(STACK);
  };

  it('--config /dev/zero is one line and exit 2', () => {
    const root = writeDataset({ 'claims/sources/src-a.yaml': source('src-a') });
    oneLine(claims(['validate', '--config', '/dev/zero'], root), /^claims: cannot read config \/dev\/zero: it is a device, not a regular file\n$/);
  });

  it.skipIf(!hasMkfifo)('--config FIFO and a FIFO claims.config.yaml are one line and exit 2', () => {
    const root = writeDataset({ 'claims/sources/src-a.yaml': source('src-a') });
    mkfifo(join(root, 'pipe.yaml'));
    oneLine(claims(['list', '--config', 'pipe.yaml'], root), /FIFO \(named pipe\), not a regular file/);
    mkfifo(join(root, 'claims.config.yaml'));
    oneLine(claims(['report'], root), /^claims: cannot read config claims.config.yaml: it is a FIFO/);
  });

  it('a claims.config.yaml linked to /dev/zero is one line and exit 2', () => {
    const root = writeDataset({ 'claims/sources/src-a.yaml': source('src-a') });
    symlinkSync('/dev/zero', join(root, 'claims.config.yaml'));
    oneLine(claims(['validate'], root), /a device, not a regular file/);
  });

  it('a config over 1 MiB is one line and exit 2', () => {
    const root = writeDataset({ 'claims.config.yaml': `today: 2026-11-24\n# ${'x'.repeat(MAX_BYTES.config)}\n` });
    oneLine(claims(['validate'], root), /larger than 1 MiB/);
  });

  // 5,000 levels killed every command with a V8 fatal error (out of memory in the regular expression compiler).
  it.each([
    ['flow sequences', `today: ${'['.repeat(5000)}${']'.repeat(5000)}\n`],
    ['flow mappings', `rules: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n`],
    ['block mappings', `${Array.from({ length: 700 }, (_, i) => `${' '.repeat(i)}k${i}:\n`).join('')}${' '.repeat(700)}x: 1\n`],
    ['block sequences', `aliases:\n${'- '.repeat(5000)}x\n`],
  ])('a config nested thousands of levels deep (%s) is one line and exit 2', (_, text) => {
    const root = writeDataset({ 'claims.config.yaml': text, 'claims/sources/src-a.yaml': source('src-a') });
    const r = claims(['validate'], root);
    oneLine(r, /^claims: invalid config claims.config.yaml:\d+:\d+: nested more than 32 levels deep/);
    expect(r.stderr).not.toContain('FATAL');
  });
});

describe.skipIf(!built)('the cache file', () => {
  it('linked to /dev/zero is ignored and rebuilt as a regular file', () => {
    const root = writeDataset({ 'claims/sources/src-a.yaml': source('src-a'), 'claims/acme/c.yaml': claim('c') });
    symlinkSync('/dev/zero', join(root, 'zero-cache'));
    const r = claims(['validate', '--cache-location', 'zero-cache', '--today', '2026-11-24'], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no problems');
  });

  it.skipIf(!hasMkfifo)('a FIFO is ignored', () => {
    const root = writeDataset({ 'claims/sources/src-a.yaml': source('src-a'), 'claims/acme/c.yaml': claim('c') });
    mkfifo(join(root, '.claimscache'));
    const r = claims(['validate', '--cache', '--today', '2026-11-24'], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no problems');
  });
});

describe.skipIf(!built)('a failed write to stdout', () => {
  it('report > /dev/full: one line on stderr, exit 2, no stack trace', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      for (const args of [['report'], ['validate', '--format', 'json']]) {
        const r = claims(args, resolve(__dirname, '..'), { stdio: ['ignore', fd, 'pipe'] });
        expect(r.code).toBe(2);
        expect(r.stderr).toBe('claims: cannot write the output: ENOSPC: no space left on device\n');
      }
    } finally {
      closeSync(fd);
    }
  });
});

describe('safeReadFile', () => {
  it('reads a regular file and refuses everything else with a reason', () => {
    const root = writeDataset({ 'a.txt': 'hello', 'sub/b.txt': 'inside' });
    expect(safeReadFile(join(root, 'a.txt'), { maxBytes: 10 })).toMatchObject({ ok: true });
    expect(readFileSync(join(root, 'a.txt'), 'utf8')).toBe('hello');
    const got = safeReadFile(join(root, 'a.txt'), { maxBytes: 10 });
    expect(got.ok && got.buf.toString()).toBe('hello');
    expect(safeReadFile(join(root, 'a.txt'), { maxBytes: 4 })).toMatchObject({ ok: false, kind: 'too-large' });
    expect(safeReadFile(join(root, 'none.txt'), { maxBytes: 10 })).toMatchObject({ ok: false, kind: 'missing' });
    expect(safeReadFile(root, { maxBytes: 10 })).toMatchObject({ ok: false, kind: 'not-regular', reason: 'is a folder, not a regular file' });
    expect(safeReadFile('/dev/zero', { maxBytes: 10 })).toMatchObject({ ok: false, kind: 'not-regular' });
    expect(safeReadFile('/proc/self/environ', { maxBytes: 1 << 20 })).toMatchObject({ ok: false, kind: 'not-regular' });
    expect(safeReadFile(join(root, 'a.txt'), { maxBytes: 10, within: join(root, 'sub') })).toMatchObject({ ok: false, kind: 'outside' });
    expect(safeReadFile(join(root, 'sub', 'b.txt'), { maxBytes: 10, within: join(root, 'sub') })).toMatchObject({ ok: true });
  });
});
