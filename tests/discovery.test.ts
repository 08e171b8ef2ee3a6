/**
 * Finding the dataset from anywhere, as git and ESLint find theirs: the nearest claims.config.yaml and its `dir:`;
 * named files within their dataset; `--changed-since` from the dataset's git repository; modelines fmt repairs.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../src/cli/settings.js';
import { ConfigError } from '../src/config.js';
import { runCli } from './cli-helpers.js';

const REPO = resolve(__dirname, '..');
const TODAY = ['--today', '2026-11-24'];

const SOURCE = (id: string): string => `type: source\nid: ${id}\ntitle: ${id}\npublisher: Wire\nkind: news\n`;
const CLAIM = (id: string, source: string): string =>
  `type: claim\nid: ${id}\nsubject: Acme\ncategory: other\nstatement: Acme did a thing.\nstatus: independent\nevidence:\n  - source: ${source}\n    quote: a thing\n`;

/** A folder outside this repository holding `files` (path → text). */
function project(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'claims-discovery-')));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The message of the ConfigError that resolving settings in `cwd` throws. */
function configError(cwd: string): string {
  try {
    resolveSettings({}, cwd);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error('no ConfigError');
}

describe('resolveSettings finds the dataset', () => {
  it('from the nearest claims.config.yaml above the working directory, claims/ beside it by default', () => {
    const dir = project({ 'claims.config.yaml': 'today: 2026-05-01\n', 'claims/sources/a.yaml': SOURCE('a') });
    const s = resolveSettings({}, join(dir, 'claims/sources'));
    expect(s.dir).toBe('..');
    expect(s.config.today).toBe('2026-05-01');
    expect(s.config.file).toBe('../../claims.config.yaml');
    expect(resolveSettings({}, dir).dir).toBe('claims');
  });

  it('in the folder its dir: names, from above or beside the dataset', () => {
    const dir = project({ 'claims.config.yaml': 'dir: ./research/data/\n', 'notes/x.txt': '' });
    expect(resolveSettings({}, dir).dir).toBe('research/data');
    expect(resolveSettings({}, join(dir, 'notes')).dir).toBe('../research/data');
    expect(resolveSettings({}, join(dir, 'notes')).config.dir).toBe('research/data');
  });

  it('the nearest configuration wins over one further up', () => {
    const dir = project({ 'claims.config.yaml': 'dir: outer\n', 'inner/claims.config.yaml': 'dir: data\n', 'inner/deep/x.txt': '' });
    expect(resolveSettings({}, join(dir, 'inner/deep')).dir).toBe('../data');
  });

  it('--dir overrides; without any configuration the default stays ./claims', () => {
    const dir = project({ 'claims.config.yaml': 'dir: data\n' });
    expect(resolveSettings({ dir: 'elsewhere' }, dir).dir).toBe('elsewhere');
    const bare = project({ 'x.txt': '' });
    expect(resolveSettings({}, bare).dir).toBe('claims');
    expect(resolveSettings({}, bare).config.file).toBeUndefined();
  });

  it('--config with dir: names a folder relative to that file; without dir: the dataset is found as usual', () => {
    const dir = project({ 'ci/strict.yaml': 'rules: { quote-missing: error }\n', 'ci/moved.yaml': 'dir: ../\n', 'ci/own.yaml': 'dir: set\n' });
    expect(resolveSettings({ config: 'ci/strict.yaml' }, dir).dir).toBe('claims');
    expect(resolveSettings({ config: 'ci/own.yaml' }, dir).dir).toBe('ci/set');
  });

  it.each([
    ['dir: ../outside\n', 'invalid config claims.config.yaml:1:6: `dir` must stay inside the folder of the configuration file (no .. segment)'],
    ['dir: data/../../x\n', 'invalid config claims.config.yaml:1:6: `dir` must stay inside the folder of the configuration file (no .. segment)'],
    ['dir: /srv/claims\n', 'invalid config claims.config.yaml:1:6: `dir` must be relative to the folder of the configuration file, not an absolute path'],
    ['dir: "C:\\\\data"\n', 'invalid config claims.config.yaml:1:6: `dir` must use / as the separator, not \\'],
    ['dir: ""\n', 'invalid config claims.config.yaml:1:6: `dir` must name a folder, not be blank'],
    ['dir: 5\n', 'invalid config claims.config.yaml:1:6: `dir`: must be a folder path relative to the configuration file, not the number 5'],
    ['dri: data\n', 'invalid config claims.config.yaml:1:1: unknown setting "dri". Did you mean "dir"?'],
  ])('a configuration with %j is refused: %s', (text, message) => {
    const dir = project({ 'claims.config.yaml': text });
    expect(configError(dir)).toBe(message);
  });

  it('a bad configuration found above names its path from the working directory', () => {
    const dir = project({ 'claims.config.yaml': 'dir: ../x\n', 'a/b/x.txt': '' });
    expect(configError(join(dir, 'a/b'))).toMatch(/^invalid config \.\.\/\.\.\/claims\.config\.yaml:1:6: /);
  });
});

describe('every command finds the dataset from a folder below the project', () => {
  const files = {
    'claims.config.yaml': 'dir: research\n',
    'research/sources/wire.yaml': SOURCE('wire'),
    'research/acme/acme-thing.yaml': CLAIM('acme-thing', 'wire'),
    'research/acme/acme-bad.yaml': CLAIM('acme-bad', 'nowhere'),
    'drafts/notes.txt': '',
  };

  it('validate reports the dataset named by dir:, with paths relative to the working directory', async () => {
    const dir = project(files);
    const r = await runCli(['validate', ...TODAY, '-f', 'json'], join(dir, 'drafts'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { files: number; diagnostics: { file: string; rule: string }[] };
    expect(out.files).toBe(3);
    expect(out.diagnostics.map((d) => `${d.file} ${d.rule}`)).toEqual(['../research/acme/acme-bad.yaml unknown-reference']);
  });

  it('list and show read it too', async () => {
    const dir = project(files);
    const list = await runCli(['list', ...TODAY, '-f', 'ids'], join(dir, 'research/acme'));
    expect(list.stdout).toBe('acme-bad\nacme-thing\n');
    const show = await runCli(['show', ...TODAY, 'acme-thing', '-f', 'json'], join(dir, 'drafts'));
    expect(show.code).toBe(0);
  });

  it('a missing dataset folder is a usage error naming it as seen from the working directory', async () => {
    const dir = project({ 'claims.config.yaml': 'dir: not-yet\n', 'sub/x.txt': '' });
    const r = await runCli(['list', ...TODAY], join(dir, 'sub'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('../not-yet');
  });
});

describe('named files are checked within their dataset', () => {
  it('honours the dir: of the configuration above them, whatever the folder is called', async () => {
    const dir = project({
      'claims.config.yaml': 'dir: research\n',
      'research/sources/wire.yaml': SOURCE('wire'),
      'research/acme/acme-thing.yaml': CLAIM('acme-thing', 'wire'),
    });
    const r = await runCli(['validate', ...TODAY, 'research/acme/acme-thing.yaml'], dir);
    expect(r.stdout).toContain('1 file checked');
    expect(r.stdout).not.toContain('unknown-reference');
    expect(r.code).toBe(0);
  });

  it('without a configuration or a folder named claims, the nearest folder holding sources/ is the root', async () => {
    const dir = project({
      'story-2026/sources/wire.yaml': SOURCE('wire'),
      'story-2026/acme/acme-thing.yaml': CLAIM('acme-thing', 'wire'),
      'story-2026/acme/acme-bad.yaml': CLAIM('acme-bad', 'nowhere'),
    });
    const ok = await runCli(['validate', ...TODAY, 'story-2026/acme/acme-thing.yaml'], dir);
    expect(ok.stdout).not.toContain('unknown-reference');
    expect(ok.code).toBe(0);
    const bad = await runCli(['validate', ...TODAY, 'story-2026/acme/acme-bad.yaml'], dir);
    expect(bad.stdout).toContain('unknown-reference');
    expect(bad.code).toBe(1);
  });
});

describe('--changed-since asks the git repository that holds the dataset', () => {
  const git = (cwd: string, ...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });

  it('from a working directory outside any repository, reports only what changed in the dataset', async () => {
    const repo = project({
      'claims.config.yaml': 'dir: data\n',
      'data/sources/wire.yaml': SOURCE('wire'),
      'data/acme/acme-old.yaml': CLAIM('acme-old', 'nowhere'),
      'data/acme/acme-thing.yaml': CLAIM('acme-thing', 'wire'),
    });
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'start');
    writeFileSync(join(repo, 'data/acme/acme-thing.yaml'), CLAIM('acme-thing', 'missing-too'));
    writeFileSync(join(repo, 'data/acme/acme-new.yaml'), CLAIM('acme-new', 'gone'));
    const elsewhere = project({ 'x.txt': '' });
    const r = await runCli(['validate', ...TODAY, '-f', 'json', '--changed-since', 'HEAD', '--dir', join(repo, 'data')], elsewhere);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { diagnostics: { file: string }[] };
    // acme-old.yaml has an error too, but it did not change: only the modified and the untracked file are reported.
    expect(out.diagnostics.map((d) => d.file).sort()).toEqual(['acme-new', 'acme-thing'].map((n) => relative(elsewhere, join(repo, `data/acme/${n}.yaml`))));
    expect(r.code).toBe(1);
  });

  it('a dataset outside any git repository is a usage error naming the dataset', async () => {
    const dir = project({ 'claims/sources/wire.yaml': SOURCE('wire') });
    const r = await runCli(['validate', ...TODAY, '--changed-since', 'HEAD'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('claims: --changed-since needs a git repository, and the dataset claims is not in one\n');
  });
});

describe('fmt points a modeline that leads nowhere at the dataset\'s schemas', () => {
  it('repairs a file copied from the bundled dataset into an initialised one, and leaves a working link alone', async () => {
    const dir = project({ 'claims.config.yaml': 'dir: claims\n' });
    cpSync(join(REPO, 'schemas/claim.schema.json'), join(dir, 'claims/.schemas/claim.schema.json'));
    cpSync(join(REPO, 'schemas/source.schema.json'), join(dir, 'claims/.schemas/source.schema.json'));
    mkdirSync(join(dir, 'claims/sources'));
    const copied = readFileSync(join(REPO, 'claims/sources/crunchbase.yaml'), 'utf8');
    expect(copied.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/source.schema.json');
    writeFileSync(join(dir, 'claims/sources/crunchbase.yaml'), copied);
    const kept = '# yaml-language-server: $schema=../.schemas/source.schema.json\n' + SOURCE('wire');
    writeFileSync(join(dir, 'claims/sources/wire.yaml'), kept);
    const check = await runCli(['fmt', '--check'], dir);
    expect(check.stdout).toBe('claims/sources/crunchbase.yaml\n');
    expect(check.code).toBe(1);
    const r = await runCli(['fmt'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'claims/sources/crunchbase.yaml'), 'utf8')).toBe(copied.replace('../../schemas/', '../.schemas/'));
    expect(readFileSync(join(dir, 'claims/sources/wire.yaml'), 'utf8')).toBe(kept);
  });

  it('leaves a broken link alone when the dataset has no schemas to point at', async () => {
    const dir = project({ 'claims/sources/wire.yaml': '# yaml-language-server: $schema=../../schemas/source.schema.json\n' + SOURCE('wire') });
    const r = await runCli(['fmt', '--check'], dir);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });
});
