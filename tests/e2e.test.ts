import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './cli-helpers.js';

const BIN = resolve(__dirname, '..', 'bin', 'claims.js');
const built = existsSync(resolve(__dirname, '..', 'dist', 'claims.js'));

/** Runs the built binary as a user would, colour off as when piped. */
function claims(args: string[], cwd: string, env: Record<string, string> = {}) {
  const base: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete base.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...base, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!built)('the built binary', () => {
  it('validates the bundled dataset with zero errors (exit 0)', () => {
    const r = claims(['validate', '--today', '2026-11-24'], resolve(__dirname, '..'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✖ \d+ problems \(0 errors, \d+ warnings\)/);
    expect(r.stderr).toBe('');
  });

  it('stylish: exit 1, file:line:column per problem, no stack trace', () => {
    const r = claims(['validate'], resolve(FIXTURES, 'broken'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('claims/acme/arr-2026-02.yaml\n  11:13  error');
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  });

  it('json: parseable, with positions', () => {
    const r = claims(['validate', '--format', 'json'], resolve(FIXTURES, 'broken'));
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ errorCount: 2, warningCount: 0 });
    expect(out.diagnostics[0]).toMatchObject({ file: 'claims/acme/arr-2026-02.yaml', line: 11, column: 13, rule: 'unknown-reference', path: 'evidence[0].origin' });
  });

  it('github: workflow commands', () => {
    const r = claims(['validate', '--format', 'github'], resolve(FIXTURES, 'broken'));
    expect(r.code).toBe(1);
    // Annotations name files from the repository root, where GitHub places them (from the working directory outside git).
    const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: FIXTURES, encoding: 'utf8' });
    const prefix = top.status === 0 ? relative(realpathSync(top.stdout.trim()), realpathSync(resolve(FIXTURES, 'broken'))).split(sep).join('/') + '/' : '';
    expect(r.stdout.split('\n')[0]).toBe(`::error file=${prefix}claims/acme/arr-2026-02.yaml,line=11,col=13,endLine=11,endColumn=23,title=unknown-reference::${r.stdout.split('\n')[0]!.split('::').slice(2).join('::')}`);
    expect(r.stdout.split('\n')[0]).toMatch(/title=unknown-reference::\S/);
    // The listing after them keeps the working directory's paths.
    expect(r.stdout).toMatch(/^claims\/acme\/arr-2026-02\.yaml$/m);
  });

  it('colour: on with FORCE_COLOR, off with NO_COLOR or when piped', () => {
    const forced = claims(['validate'], resolve(FIXTURES, 'broken'), { FORCE_COLOR: '1' });
    expect(forced.stdout).toContain('\u001b[31m');
    const plain = claims(['validate'], resolve(FIXTURES, 'broken'));
    expect(plain.stdout).not.toContain('\u001b[');
  });

  it('exit 2 with a one-line reason for a bad option', () => {
    const r = claims(['validate', '--max-warnings', '-5'], resolve(FIXTURES, 'clean'));
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^claims: /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe.skipIf(!built)('a closed pipe', () => {
  it('stops quietly when the reader goes away (claims report | head -1)', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" report | head -1`], { cwd: resolve(__dirname, '..'), encoding: 'utf8' });
    expect(r.stdout.split('\n').length).toBeLessThanOrEqual(2);
    expect(r.stderr).not.toContain('EPIPE');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
