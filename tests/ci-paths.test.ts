// Paths in the CI formats (SARIF, GitLab, JUnit) are relative to the root of the git repository holding each file,
// wherever the run starts; `--base-path` overrides; outside git they stay relative to the working directory.
// Each SARIF URI is also resolved the way GitHub's upload-sarif does (codeql-action src/fingerprints.ts:
// decodeURIComponent, then relative to the checkout root, then the file must exist) before it can be fingerprinted.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers.js';
import { claim, source, writeDataset } from './helpers.js';
import { githubSarifProblems } from './sarif-github-rules.js';

const FILES = {
  'data/claims/sources/src-a.yaml': source('src-a'),
  'data/claims/acme#1/broken.yaml': claim('broken', 'nowhere'),
  'data/claims/café 2026/also.yaml': claim('also', 'nowhere-else'),
};
const EXPECTED_URIS = ['data/claims/acme%231/broken.yaml', 'data/claims/caf%C3%A9%202026/also.yaml', 'data/claims/sources/src-a.yaml'];
const EXPECTED_PATHS = ['data/claims/acme#1/broken.yaml', 'data/claims/café 2026/also.yaml', 'data/claims/sources/src-a.yaml'];

function gitRepo(): string {
  const repo = writeDataset(FILES);
  execFileSync('git', ['init', '-q'], { cwd: repo });
  return repo;
}

/** upload-sarif's resolution of a result's URI to a file under the checkout root, or undefined when it gives up. */
function resolveLikeUploadSarif(uri: string, checkoutRoot: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(uri);
  } catch {
    return undefined;
  }
  if (path.includes('://')) return undefined;
  const abs = path.startsWith('/') ? path : `${checkoutRoot}/${path}`;
  return existsSync(abs) && !statSync(abs).isDirectory() ? abs : undefined;
}

async function sarifUris(cwd: string, args: string[]): Promise<string[]> {
  const r = await runCli(['validate', '--format', 'sarif', ...args], cwd);
  expect(r.code, r.stderr).toBe(1);
  const log = JSON.parse(r.stdout);
  expect(githubSarifProblems(log)).toEqual([]);
  return [...new Set<string>(log.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0]!.physicalLocation.artifactLocation.uri))].sort();
}

describe('paths in sarif, gitlab and junit', () => {
  it('are relative to the repository root when run from the root, a subfolder, or a folder outside the repository', async () => {
    const repo = gitRepo();
    const elsewhere = writeDataset({ 'README.txt': 'not a repository\n' });
    const runs: [string, string[]][] = [
      [repo, ['data/claims']],
      [join(repo, 'data'), ['claims']],
      [join(repo, 'data', 'claims', 'acme#1'), ['..']],
      [elsewhere, [join(repo, 'data', 'claims')]],
    ];
    for (const [cwd, args] of runs) {
      const uris = await sarifUris(cwd, args);
      expect(uris, `from ${cwd}`).toEqual(EXPECTED_URIS);
      expect(uris.map((uri) => resolveLikeUploadSarif(uri, repo)), `from ${cwd}`).toEqual(EXPECTED_PATHS.map((p) => `${repo}/${p}`));
    }
  });

  it('are the same in GitLab and JUnit output, and stylish/json stay relative to the working directory', async () => {
    const repo = gitRepo();
    const sub = join(repo, 'data', 'claims', 'acme#1');
    const gitlab = JSON.parse((await runCli(['validate', '--format', 'gitlab', '..'], sub)).stdout) as { location: { path: string } }[];
    expect([...new Set(gitlab.map((i) => i.location.path))].sort()).toEqual(EXPECTED_PATHS);
    const junit = (await runCli(['validate', '--format', 'junit', '..'], sub)).stdout;
    for (const p of EXPECTED_PATHS) expect(junit).toContain(`<testsuite name="${p}"`);
    expect(junit).toContain('classname="data.claims.acme#1.broken"');
    const json = JSON.parse((await runCli(['validate', '--format', 'json', '..'], sub)).stdout) as { diagnostics: { file: string }[] };
    expect([...new Set(json.diagnostics.map((x) => x.file))].sort()).toEqual(['../café 2026/also.yaml', '../sources/src-a.yaml', 'broken.yaml']);
  });

  it('are the same in GitHub annotations, while the listing after them stays relative to the working directory', async () => {
    const repo = gitRepo();
    const sub = join(repo, 'data', 'claims', 'acme#1');
    const r = await runCli(['validate', '--format', 'github', '..'], sub);
    expect(r.code).toBe(1);
    // Workflow command properties escape `:` and `,` only; `#` and spaces stay as they are.
    const annotated = [...new Set([...r.stdout.matchAll(/^::(?:error|warning) file=([^,]+),/gm)].map((m) => m[1]!))].sort();
    expect(annotated).toEqual(EXPECTED_PATHS);
    expect(r.stdout).toMatch(/^broken\.yaml$/m);
    const based = await runCli(['validate', '--format', 'github', 'data/claims', '--base-path', 'data'], repo);
    expect(based.stdout).toContain('::error file=claims/acme#1/broken.yaml,');
  });

  it('follow --base-path when given', async () => {
    const repo = gitRepo();
    expect(await sarifUris(join(repo, 'data'), ['claims', '--base-path', '.'])).toEqual(['claims/acme%231/broken.yaml', 'claims/caf%C3%A9%202026/also.yaml', 'claims/sources/src-a.yaml']);
    expect(await sarifUris(repo, ['data/claims', '--base-path', 'data/claims'])).toEqual(['acme%231/broken.yaml', 'caf%C3%A9%202026/also.yaml', 'sources/src-a.yaml']);
  });

  it('--base-path is a usage error (exit 2) with another format, or when it is not a folder', async () => {
    const repo = gitRepo();
    const stylish = await runCli(['validate', 'data/claims', '--base-path', '.'], repo);
    expect(stylish.code).toBe(2);
    expect(stylish.stderr).toMatch(/^claims: --base-path applies to --format sarif, gitlab, junit, github/);
    const missing = await runCli(['validate', 'data/claims', '-f', 'sarif', '--base-path', 'no-such-folder'], repo);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('claims: --base-path: "no-such-folder" is not a folder\n');
  });

  it('outside git are relative to the working directory', async () => {
    const dir = writeDataset({ 'outer/claims/sources/src-a.yaml': source('src-a'), 'outer/claims/acme/x.yaml': claim('x', 'nowhere') });
    mkdirSync(join(dir, 'outer', 'work'));
    expect(await sarifUris(join(dir, 'outer'), ['claims'])).toEqual(['claims/acme/x.yaml', 'claims/sources/src-a.yaml']);
    expect(await sarifUris(join(dir, 'outer', 'work'), ['../claims'])).toEqual(['../claims/acme/x.yaml', '../claims/sources/src-a.yaml']);
  });
});
