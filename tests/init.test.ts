/**
 * `claims init`: sets up a dataset that every command then finds, whose new files link to JSON Schemas that an
 * editor (yaml-language-server, the engine of VS Code's YAML extension) loads from the file's own place.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { editorDiagnostics } from './editor.js';
import { describe, expect, it } from 'vitest';
import { init, type InitOptions } from '../src/cli/init.js';
import { UsageError, type Io } from '../src/cli/io.js';
import { runCli } from './cli-helpers.js';

const REPO = resolve(__dirname, '..');
const TODAY = ['--today', '2026-11-24'];

/** A fresh folder outside this repository. */
const outside = (): string => realpathSync(mkdtempSync(join(tmpdir(), 'claims-init-')));

/** Runs init in-process as the CLI would: a UsageError is exit 2 with its one line on stderr. */
function runInit(cwd: string, folder?: string, opts: InitOptions = {}): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd: () => cwd, env: {}, color: false };
  try {
    return { code: init(folder, opts, undefined, io), stdout, stderr };
  } catch (err) {
    if (err instanceof UsageError) return { code: 2, stdout, stderr: `${stderr}claims: ${err.message}\n` };
    throw err;
  }
}

/** Every entry under a folder, relative, sorted; folders end with `/`. */
function tree(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? [`${prefix}${e.name}/`, ...tree(join(dir, e.name), `${prefix}${e.name}/`)] : [`${prefix}${e.name}`]))
    .sort();
}


describe('claims init', () => {
  it('creates the configuration, the dataset folders and the schemas, and lists them', () => {
    const dir = outside();
    const r = runInit(dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(tree(dir)).toEqual([
      'claims.config.yaml', 'claims/', 'claims/.schemas/', 'claims/.schemas/claim.schema.json', 'claims/.schemas/source.schema.json',
      'claims/snapshots/', 'claims/sources/',
    ]);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('created'))).toEqual([
      'created  claims.config.yaml', 'created  claims/', 'created  claims/sources/', 'created  claims/snapshots/',
      'created  claims/.schemas/', 'created  claims/.schemas/claim.schema.json', 'created  claims/.schemas/source.schema.json',
    ]);
    // The copies are this version's schemas, byte for byte.
    for (const name of ['claim.schema.json', 'source.schema.json']) {
      expect(readFileSync(join(dir, 'claims/.schemas', name), 'utf8')).toBe(readFileSync(join(REPO, 'schemas', name), 'utf8'));
    }
    expect(readFileSync(join(dir, 'claims.config.yaml'), 'utf8')).toMatch(/^dir: "claims"$/m);
  });

  it('creates a named folder, and names another dataset folder with --dir', () => {
    const dir = outside();
    const r = runInit(dir, 'desk/story', { dir: './data/' });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'desk/story/claims.config.yaml'), 'utf8')).toMatch(/^dir: "data"$/m);
    expect(statSync(join(dir, 'desk/story/data/sources')).isDirectory()).toBe(true);
    expect(r.stdout).toContain('created  desk/story/data/snapshots/');
  });

  it('run twice, replaces nothing, says what exists and exits 0', () => {
    const dir = outside();
    runInit(dir);
    writeFileSync(join(dir, 'claims.config.yaml'), 'dir: claims\ntoday: 2026-01-01\n');
    writeFileSync(join(dir, 'claims/.schemas/claim.schema.json'), '{"an": "older schema"}\n');
    const before = tree(dir);
    const r = runInit(dir);
    expect(r.code).toBe(0);
    expect(tree(dir)).toEqual(before);
    expect(readFileSync(join(dir, 'claims.config.yaml'), 'utf8')).toBe('dir: claims\ntoday: 2026-01-01\n');
    expect(readFileSync(join(dir, 'claims/.schemas/claim.schema.json'), 'utf8')).toBe('{"an": "older schema"}\n');
    expect(r.stdout).not.toContain('created');
    expect(r.stdout).toContain('exists   claims.config.yaml\n');
    expect(r.stdout).toContain('exists   claims/sources/\n');
    expect(r.stdout).toContain('exists   claims/.schemas/claim.schema.json (differs from this version of claims; delete it and run claims init again to update it)\n');
    expect(r.stdout).toContain('exists   claims/.schemas/source.schema.json\n');
    expect(r.stdout).toMatch(/nothing to create: the dataset claims is already set up\n$/);
  });

  it('completes a dataset that lacks parts, following the existing configuration\'s dir:', () => {
    const dir = outside();
    writeFileSync(join(dir, 'claims.config.yaml'), 'dir: notes/data\n');
    mkdirSync(join(dir, 'notes/data/sources'), { recursive: true });
    const r = runInit(dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('exists   notes/data/sources/\n');
    expect(r.stdout).toContain('created  notes/data/snapshots/\n');
    expect(r.stdout).toContain('created  notes/data/.schemas/source.schema.json\n');
    expect(tree(dir)).not.toContain('claims/');
  });

  it('refuses a --dir that differs from the existing configuration\'s dir:, writing nothing', () => {
    const dir = outside();
    writeFileSync(join(dir, 'claims.config.yaml'), 'dir: data\n');
    const r = runInit(dir, undefined, { dir: 'other' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('claims: claims.config.yaml already names the dataset folder "data", not "other": change its dir: or leave out --dir\n');
    expect(tree(dir)).toEqual(['claims.config.yaml']);
  });

  it('refuses a file where a folder belongs, before creating anything', () => {
    const dir = outside();
    mkdirSync(join(dir, 'claims'));
    writeFileSync(join(dir, 'claims/snapshots'), 'not a folder');
    const r = runInit(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('claims: claims/snapshots exists and is not a folder; nothing was created\n');
    expect(tree(dir)).toEqual(['claims/', 'claims/snapshots']);
  });

  it('refuses a folder where a file belongs, and a folder argument that is a file', () => {
    const dir = outside();
    mkdirSync(join(dir, 'claims.config.yaml'));
    expect(runInit(dir).stderr).toBe('claims: claims.config.yaml exists and is not a regular file; nothing was created\n');
    writeFileSync(join(dir, 'plain.txt'), 'x');
    const r = runInit(dir, 'plain.txt');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('claims: plain.txt exists and is not a folder\n');
  });

  it.each([
    ['../outside', 'must stay inside the folder of the configuration file (no .. segment)'],
    ['/srv/data', 'must be relative to the folder of the configuration file, not an absolute path'],
    ['C:/data', 'must be relative to the folder of the configuration file, not an absolute path'],
    ['data\\sub', 'must use / as the separator, not \\'],
    ['  ', 'must name a folder, not be blank'],
    ['da\u001bta', 'must not contain control characters'],
  ])('refuses --dir %j: %s', (bad, why) => {
    const dir = outside();
    const r = runInit(dir, undefined, { dir: bad });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`claims: --dir ${JSON.stringify(bad)}: the dataset folder ${why}\n`);
    expect(tree(dir)).toEqual([]);
  });
});

describe('a dataset made by claims init, in a folder outside the repository', () => {
  it('new writes files whose modeline yaml-language-server follows to the schema; it reports a known mistake', async () => {
    const dir = outside();
    runInit(dir);
    // Run from a folder below the project: the dataset is found through claims.config.yaml above it.
    const deep = join(dir, 'claims/sources');
    const src = await runCli(['new', 'source', ...TODAY, '--id', 'wire-report', '--title', 'Wire report', '--publisher', 'Wire', '--kind', 'news'], deep);
    expect(src.stderr).toBe('');
    expect(src.stdout).toBe('wire-report.yaml\n');
    const clm = await runCli(['new', 'claim', ...TODAY, '--id', 'acme-arr', '--subject', 'Acme', '--category', 'arr', '--statement', 'Acme has revenue.', '--status', 'independent', '--source', 'wire-report', '--quote', 'revenue'], dir);
    expect(clm.stderr).toBe('');
    expect(clm.stdout).toBe('claims/acme/acme-arr.yaml\n');

    const sourceFile = join(dir, 'claims/sources/wire-report.yaml');
    const claimFile = join(dir, 'claims/acme/acme-arr.yaml');
    const sourceText = readFileSync(sourceFile, 'utf8');
    const claimText = readFileSync(claimFile, 'utf8');
    expect(sourceText.split('\n')[0]).toBe('# yaml-language-server: $schema=../.schemas/source.schema.json');
    expect(claimText.split('\n')[0]).toBe('# yaml-language-server: $schema=../.schemas/claim.schema.json');

    // As written, both files are clean in the editor: the schema loaded (no "unable to load" diagnostic) and accepts them.
    expect(await editorDiagnostics(sourceFile, sourceText)).toEqual([]);
    expect(await editorDiagnostics(claimFile, claimText)).toEqual([]);
    // A known mistake: a status the schema does not allow. Only a loaded schema can name the allowed values.
    const wrong = claimText.replace('status: independent', 'status: confirmed');
    const found = await editorDiagnostics(claimFile, wrong);
    expect(found.length).toBe(1);
    expect(found[0]).toMatch(/^\d+: Value is not accepted\. Valid values: "rumored", "company-reported", "independent", "disputed", "retracted"\.$/);
    const badKind = sourceText.replace('kind: news', 'kind: newspaper');
    expect((await editorDiagnostics(sourceFile, badKind)).join('\n')).toMatch(/Valid values: "news"/);

    // The same file with a modeline that leads nowhere gets no schema checks: the check above depends on the link.
    const unlinked = wrong.replace('../.schemas/', '../../schemas/');
    expect((await editorDiagnostics(claimFile, unlinked)).join('\n')).not.toMatch(/Valid values/);

    // And the CLI, from anywhere in the project, checks the same dataset cleanly.
    const v = await runCli(['validate', ...TODAY], join(dir, 'claims/acme'));
    expect(v.stdout).toContain('2 files checked');
    expect(v.code).toBe(0);
  });
});
