// Worker threads in the built binary: a dataset large enough to be read on every core gives the same output and exit
// code as on one thread (validate, list and report, with findings); --cache still works; a worker that fails ends
// the run with one line on stderr and exit 2, never a partial result.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmark's generator is plain JavaScript.
import { generate } from '../bench/generate.mjs';
import { PARALLEL_MIN_FILES, workerCount } from '../src/load/parallel.js';

const project = resolve(__dirname, '..');
const built = existsSync(join(project, 'dist', 'load-worker.js'));

describe('workerCount', () => {
  it('stays on one thread for small datasets, one core, or CLAIMS_THREADS=1', () => {
    expect(workerCount(PARALLEL_MIN_FILES - 1, { CLAIMS_THREADS: '' })).toBe(0);
    expect(workerCount(100_000, { CLAIMS_THREADS: '1' })).toBe(0);
    expect(workerCount(100_000, { CLAIMS_THREADS: '2' })).toBe(1);
    expect(workerCount(100_000, { CLAIMS_THREADS: '4' })).toBe(3);
    // Asked for explicitly, threads are used even below the threshold, but never more than there are batches.
    expect(workerCount(100, { CLAIMS_THREADS: '4' })).toBe(1);
    expect(workerCount(10, { CLAIMS_THREADS: '4' })).toBe(0);
  });
});

describe.skipIf(!built)(`worker threads in the built binary${built ? '' : ' (skipped: run npm run build)'}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'claims-workers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // 2,000 claims and 200 sources, one claim file in ten with a finding; CLAIMS_THREADS=2 asks for a worker below the
  // size where one is started unasked.
  const files = generate(dir, 2000, 42, { findings: true }) as number;
  cpSync(join(project, 'schemas'), join(dir, 'schemas'), { recursive: true });
  const run = (args: string[], env: Record<string, string>) => {
    const r = spawnSync(process.execPath, [join(project, 'bin', 'claims.js'), ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1', ...env } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const today = ['--today', '2026-11-24'];

  it.each([
    ['validate', ['validate', '--format', 'json', ...today]],
    ['list', ['list', '--format', 'json', ...today]],
    ['report', ['report', '--format', 'json', ...today]],
  ])('%s: the same output and exit code on two threads as on one', (_name, args) => {
    expect(workerCount(files, { CLAIMS_THREADS: '2' })).toBe(1);
    const one = run(args, { CLAIMS_THREADS: '1' });
    const two = run(args, { CLAIMS_THREADS: '2' });
    expect(two).toStrictEqual(one);
    if (args[0] === 'validate') {
      expect(one.status).toBe(1);
      expect(JSON.parse(one.stdout).diagnostics.length).toBeGreaterThan(150);
    }
  });

  it('--cache: a cold and a warm run give what a run without it gives', () => {
    const plain = run(['validate', '--format', 'json', ...today], { CLAIMS_THREADS: '2' });
    const cache = ['--cache', '--cache-location', join(dir, '.claimscache')];
    expect(run(['validate', '--format', 'json', ...today, ...cache], { CLAIMS_THREADS: '2' })).toStrictEqual(plain);
    expect(existsSync(join(dir, '.claimscache'))).toBe(true);
    expect(run(['validate', '--format', 'json', ...today, ...cache], { CLAIMS_THREADS: '2' })).toStrictEqual(plain);
  });

  it.each([
    ['throws', 'throw', 'claims: internal error: a worker thread reading the dataset failed: injected fault\n'],
    ['exits', 'exit', 'claims: internal error: a worker thread reading the dataset ended without sending its results\n'],
  ])('a worker that %s is reported: one line on stderr, exit 2, no output', (_how, fault, line) => {
    const r = run(['validate', '--format', 'json', ...today], { CLAIMS_THREADS: '2', CLAIMS_TEST_WORKER_FAULT: fault });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(line);
    expect(r.stdout).toBe('');
  });
});
