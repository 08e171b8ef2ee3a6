// Files named on the command line: each is checked within its dataset, or the run says why it cannot be.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetOf, resolveTargets } from '../src/cli/targets.js';
import { runCli } from './cli-helpers.js';
import { claim, source, writeDataset } from './helpers.js';

const hasMkfifo = spawnSync('sh', ['-c', 'command -v mkfifo']).status === 0;
if (!hasMkfifo) console.warn('targets.test.ts: the FIFO case is skipped, mkfifo is not installed');

describe('a named file that the dataset walker would skip is a usage error, not a silent pass', () => {
  const root = writeDataset({
    'claims/sources/src-a.yaml': source('src-a'),
    'claims/acme/c.yaml': claim('c'),
    'claims/.drafts/d.yaml': claim('d', 'nowhere'),
    'claims/node_modules/pkg/e.yaml': claim('e', 'nowhere'),
    'claims/acme/.hidden.yaml': claim('hidden', 'nowhere'),
    'claims/acme/f.json': '{"type": "claim"}',
    'claims/acme/notes.txt': 'not a claim',
    'claims.config.yaml': 'today: 2026-11-24\n',
  });
  if (hasMkfifo) spawnSync('mkfifo', [join(root, 'claims', 'acme', 'pipe.yaml')]);

  it.each([
    ['claims/.drafts/d.yaml', 'it is inside the hidden folder .drafts, which validate skips'],
    ['claims/node_modules/pkg/e.yaml', 'it is inside node_modules, which validate skips'],
    ['claims/acme/.hidden.yaml', 'it is a hidden file, which validate skips'],
    ['claims/acme/f.json', 'it is not a .yaml or .yml file; claim and source files are'],
    ['claims/acme/notes.txt', 'it is not a .yaml or .yml file; claim and source files are'],
    ['claims.config.yaml', 'it is the configuration file, not a claim or source file'],
    ...(hasMkfifo ? [['claims/acme/pipe.yaml', 'it is a FIFO (named pipe), not a regular file']] : []),
    ['/dev/null', 'it is a device or special file, not a regular file'],
  ])('%s', async (path, why) => {
    const r = await runCli(['validate', 'claims/acme/c.yaml', path!], root);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `claims: ${path} is not checked: ${why}\n` });
  });

  it('a named file the walker loads is still checked as before', async () => {
    const r = await runCli(['validate', 'claims/acme/c.yaml'], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 file checked');
  });
});

describe('a lone file with no dataset above it', () => {
  function sharedFolder(): string {
    // A shared folder: the lone file, a sibling source, and an unrelated tree of broken YAML files around them.
    const files: Record<string, string> = {
      'lone.yaml': claim('lone', 'sib'),
      'sib.yaml': source('sib'),
    };
    for (let i = 0; i < 60; i++) files[`project-${i % 6}/nested/deeper/f${i}.yaml`] = `key: [unclosed ${i}\n`;
    return writeDataset(files);
  }

  it('loads only the files directly in its folder, never the tree around it', async () => {
    const dir = sharedFolder();
    const cacheDir = writeDataset({});
    const r = await runCli(['validate', 'lone.yaml', '--format', 'json', '--today', '2026-11-24', '--cache-location', join(cacheDir, 'c.json')], dir);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ files: 1, errorCount: 0 });
    expect(r.code).toBe(0);
    // The cache lists every file the run loaded.
    const loaded = Object.keys(JSON.parse(readFileSync(join(cacheDir, 'c.json'), 'utf8')).files).map((f) => f.slice(dir.length + 1)).sort();
    expect(loaded).toEqual(['lone.yaml', 'sib.yaml']);
    expect(resolveTargets(['lone.yaml'], dir)).toEqual([{ root: dir, only: new Set(['lone.yaml']), shallow: true }]);
  });

  it('a folder holding sources/ is a dataset: references into it resolve', async () => {
    const dir = writeDataset({ 'sources/src-a.yaml': source('src-a'), 'acme/c.yaml': claim('c'), 'acme/bad.yaml': claim('bad', 'nowhere') });
    const r = await runCli(['validate', 'acme/c.yaml', '--today', '2026-11-24'], dir);
    expect(r.stdout).toContain('1 file checked');
    expect(r.code).toBe(0);
    expect(datasetOf(join(dir, 'acme', 'c.yaml'))).toEqual({ root: dir, shallow: 2 });
    expect(datasetOf(join(dir, 'sources', 'src-a.yaml'))).toEqual({ root: dir, shallow: 2 });
  });

  it('the search for sources/ stops at the git repository holding the file', () => {
    const dir = writeDataset({ 'sources/s.yaml': source('s'), 'repo/notes/lone.yaml': claim('lone') });
    mkdirSync(join(dir, 'repo', '.git'));
    expect(datasetOf(join(dir, 'repo', 'notes', 'lone.yaml'))).toEqual({ root: join(dir, 'repo', 'notes'), shallow: true });
  });

  it('a claims.config.yaml or a claims/ folder above still decides the dataset', () => {
    const dir = writeDataset({ 'a/claims.config.yaml': 'today: 2026-11-24\n', 'a/notes/n.yaml': claim('n'), 'b/claims/acme/c.yaml': claim('c'), 'b/sources/s.yaml': source('s') });
    expect(datasetOf(join(dir, 'a', 'notes', 'n.yaml'))).toEqual({ root: join(dir, 'a') });
    expect(datasetOf(join(dir, 'b', 'claims', 'acme', 'c.yaml'))).toEqual({ root: join(dir, 'b', 'claims') });
  });
});
