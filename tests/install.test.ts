/**
 * The CLI installed for use outside this repository: the packed tarball carries what the installed command needs,
 * and the command, installed into a temporary prefix, sets up and checks a dataset in a folder outside the repository.
 *
 * No network: the built CLI in dist/ bundles every dependency (esbuild), so the packed files run as they are. The
 * test installs the tarball's own contents (`npm install -g` of the unpacked folder, `--offline`), which npm links in
 * without resolving the dependencies listed in package.json — installing the .tgz itself would ask the registry for
 * them. Needs dist/ built (`npm run build`, which `npm test` runs first).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };

const REPO = resolve(__dirname, '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** npm's environment without the settings an enclosing `npm test` passes down (its prefix, its scripts' flags). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return { ...env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
}

describe('installed outside the repository', () => {
  it('npm pack carries bin, dist and schemas; the installed claims runs init, new and validate from any folder', { timeout: 90_000 }, () => {
    const tmp = realpathSync(mkdtempSync(join(tmpdir(), 'claims-install-')));
    const env = cleanEnv();
    const packed = JSON.parse(execFileSync(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], { cwd: REPO, env, encoding: 'utf8' })) as [{ filename: string; files: { path: string }[] }];
    const paths = packed[0].files.map((f) => f.path);
    for (const needed of ['package.json', 'README.md', 'bin/claims.js', 'dist/claims.js', 'schemas/claim.schema.json', 'schemas/source.schema.json']) {
      expect(paths).toContain(needed);
    }
    expect(paths.filter((p) => /^(src|tests|scripts|claims|bench)\//.test(p))).toEqual([]);

    const unpacked = join(tmp, 'unpacked');
    mkdirSync(unpacked);
    execFileSync('tar', ['xzf', join(tmp, packed[0].filename), '-C', unpacked]);
    const prefix = join(tmp, 'prefix');
    execFileSync(NPM, ['install', '-g', '--offline', '--ignore-scripts', '--prefix', prefix, join(unpacked, 'package')], { cwd: tmp, env, encoding: 'utf8' });
    const bin = join(prefix, 'bin', 'claims');
    expect(existsSync(bin)).toBe(true);
    // What runs is the packed files alone: no dependency was installed beside them.
    expect(existsSync(join(unpacked, 'package', 'node_modules'))).toBe(false);

    const work = join(tmp, 'newsroom');
    mkdirSync(work);
    const claims = (cwd: string, ...args: string[]) => spawnSync(bin, args, { cwd, env, encoding: 'utf8' });
    expect(claims(work, '--version').stdout.trim()).toBe(pkg.version);

    const made = claims(work, 'init', 'story');
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(readdirSync(join(work, 'story')).sort()).toEqual(['claims', 'claims.config.yaml']);
    expect(readdirSync(join(work, 'story/claims/.schemas')).sort()).toEqual(['claim.schema.json', 'source.schema.json']);

    // From inside the dataset, the dataset is found through story/claims.config.yaml.
    const sources = join(work, 'story/claims/sources');
    const added = claims(sources, 'new', 'source', '--id', 'wire', '--title', 'Wire report', '--publisher', 'Wire', '--kind', 'news', '--today', '2026-11-24');
    expect(added.stderr).toBe('');
    expect(added.stdout).toBe('wire.yaml\n');
    const checked = claims(join(work, 'story'), 'validate', '--today', '2026-11-24');
    expect(checked.stdout).toContain('claims/sources/wire.yaml');
    expect(checked.stdout).toContain('orphan-source');
    expect(checked.status).toBe(0);

    const again = claims(join(work, 'story'), 'init');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('nothing to create');
  });
});
