// `claims --version` answers from bin/claims.js before the CLI is loaded: the same bytes commander prints.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers.js';

const project = resolve(__dirname, '..');
const built = existsSync(join(project, 'dist', 'claims.js'));
const version = (JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { version: string }).version;

describe.skipIf(!built)(`claims --version in the built binary${built ? '' : ' (skipped: run npm run build)'}`, () => {
  it.each(['--version', '-V'])('%s prints what commander prints, exit 0', async (flag) => {
    const r = spawnSync(process.execPath, [join(project, 'bin', 'claims.js'), flag], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${version}\n`);
    expect(r.stdout).toBe((await runCli([flag], 'clean')).stdout);
  });

  it.each([[['--version', '--nonsense']], [['--nonsense', '--version']]])('with other arguments (%j), the CLI answers as it does in-process', async (args) => {
    const r = spawnSync(process.execPath, [join(project, 'bin', 'claims.js'), ...args], { encoding: 'utf8', cwd: join(__dirname, 'fixtures', 'clean') });
    const inProcess = await runCli(args, 'clean');
    expect({ status: r.status, stdout: r.stdout }).toEqual({ status: inProcess.code, stdout: inProcess.stdout });
  });
});
