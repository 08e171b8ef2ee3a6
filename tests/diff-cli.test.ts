/**
 * `claims diff` when git cannot answer: no repository, an unknown revision, a shallow clone without the base, a working
 * file with merge-conflict markers, a bad --fail-on. Each is one line on stderr and exit 2, never a stack trace.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRange } from '../src/cli/diff.js';
import { runCli } from './cli-helpers.js';
import { writeDataset } from './helpers.js';

const FILES = {
  'claims/sources/daily-news.yaml': 'type: source\nid: daily-news\ntitle: Acme on record\npublisher: The Daily\nkind: news\n',
  'claims/acme/ceo-2026.yaml': 'type: claim\nid: ceo-2026\nsubject: Acme\ncategory: people\nstatement: Jane Roe is Acme CEO.\nstatus: independent\nevidence:\n  - source: daily-news\n    quote: Jane Roe runs Acme\n',
};

function git(cwd: string, args: string[], n = 0): string {
  const date = `2026-06-${String(n + 1).padStart(2, '0')}T12:00:00Z`;
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Desk', GIT_AUTHOR_EMAIL: 'desk@example.org', GIT_COMMITTER_NAME: 'Desk', GIT_COMMITTER_EMAIL: 'desk@example.org', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  return execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A repository with `commits` commits, each changing the claim's statement. */
function repo(commits = 1): string {
  const root = writeDataset(FILES);
  git(root, ['init', '-q', '-b', 'main']);
  git(root, ['add', '.']);
  git(root, ['commit', '-qm', 'first'], 0);
  for (let i = 1; i < commits; i++) {
    const f = join(root, 'claims/acme/ceo-2026.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/statement: .*/, `statement: Jane Roe is Acme CEO (edit ${i}).`));
    git(root, ['commit', '-qam', `edit ${i}`], i);
  }
  return root;
}

/** Runs `claims diff` and checks the failure is one line on stderr, exit 2, nothing on stdout. */
async function fails(root: string, args: string[]): Promise<string> {
  const r = await runCli(['diff', ...args], root);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n')).toHaveLength(2);
  expect(r.stderr).toMatch(/^claims: /);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  return r.stderr.trim();
}

describe('claims diff: faults', () => {
  it('a dataset outside any repository', async () => {
    const root = writeDataset(FILES);
    expect(await fails(root, [])).toBe('claims: claims diff reads the dataset\'s git history, and claims is not in a git repository (run git init and commit the dataset first)');
  });

  it('a revision that does not exist, as base or as head; an option where a revision should be', async () => {
    const root = repo();
    expect(await fails(root, ['no-such-branch'])).toMatch(/^claims: claims diff: base revision "no-such-branch" names no commit in the repository of the dataset \(try HEAD~1, main or a commit id\)$/);
    expect(await fails(root, ['HEAD..nope'])).toMatch(/head revision "nope" names no commit/);
    expect(await fails(root, ['HEAD~5'])).toMatch(/base revision "HEAD~5" names no commit/);
  });

  it('a shallow clone without the base names the shallow clone and how to fetch the history', async () => {
    const origin = repo(4);
    const parent = mkdtempSync(join(tmpdir(), 'claims-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin}`, 'clone'], { cwd: parent, stdio: 'ignore' });
    const clone = join(parent, 'clone');
    expect(execFileSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: clone, encoding: 'utf8' }).trim()).toBe('true');
    const msg = await fails(clone, ['HEAD~3']);
    expect(msg).toMatch(/base revision "HEAD~3" names no commit .*shallow clone.*fetch-depth: 0/);
    // What the clone has still compares.
    const ok = await runCli(['diff', 'HEAD', '--format', 'json'], clone);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).changes).toBe(0);
  });

  it('a working file with merge-conflict markers', async () => {
    const root = repo();
    const f = join(root, 'claims/acme/ceo-2026.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/statement: .*\n/, '<<<<<<< HEAD\nstatement: Jane Roe is CEO.\n=======\nstatement: Jane Roe is chair.\n>>>>>>> other\n'));
    expect(await fails(root, [])).toBe('claims: claims/acme/ceo-2026.yaml:5 has merge-conflict markers; resolve the conflict before comparing');
  });

  it('a committed file with merge-conflict markers at the base', async () => {
    const root = repo();
    const f = join(root, 'claims/acme/ceo-2026.yaml');
    const clean = readFileSync(f, 'utf8');
    writeFileSync(f, clean.replace(/statement: .*\n/, '<<<<<<< HEAD\nstatement: a\n=======\nstatement: b\n>>>>>>> other\n'));
    git(root, ['commit', '-qam', 'conflict committed'], 2);
    writeFileSync(f, clean);
    expect(await fails(root, [])).toMatch(/^claims: claims diff: claims\/acme\/ceo-2026\.yaml:5 has merge-conflict markers at [0-9a-f]{12}/);
  });

  it('a bad --fail-on, and no dataset folder', async () => {
    const root = repo();
    expect(await fails(root, ['--fail-on', 'worse'])).toBe('claims: --fail-on: "worse" is not valid; use one of: downgrade, upgrade-without-evidence, reattribution, any');
    expect(await fails(root, ['--dir', 'nowhere'])).toBe('claims: no dataset folder at nowhere (use --dir)');
  });
});

describe('claims diff: ranges', () => {
  it('reads base, base..head and base...head as git does', () => {
    expect(parseRange(undefined)).toEqual({ base: 'HEAD', head: null, mergeBase: false });
    expect(parseRange('main')).toEqual({ base: 'main', head: null, mergeBase: false });
    expect(parseRange('main..HEAD')).toEqual({ base: 'main', head: 'HEAD', mergeBase: false });
    expect(parseRange('HEAD~2..')).toEqual({ base: 'HEAD~2', head: 'HEAD', mergeBase: false });
    expect(parseRange('origin/main...feature')).toEqual({ base: 'origin/main', head: 'feature', mergeBase: true });
  });

  it('base...head compares from where head left base', async () => {
    const root = repo(2);
    git(root, ['checkout', '-q', '-b', 'feature', 'HEAD~1']);
    const f = join(root, 'claims/acme/ceo-2026.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('status: independent', 'status: disputed\nstatus_reason: chair, not CEO\nstatus_date: "2026-06-05"'));
    git(root, ['commit', '-qam', 'dispute'], 4);
    const three = JSON.parse((await runCli(['diff', 'main...feature', '--format', 'json'], root)).stdout);
    // From the fork point: only the dispute, not main's later edit of the statement.
    expect(three.corrections.map((c: { id: string; after: string }) => `${c.id} ${c.after}`)).toEqual(['ceo-2026 disputed']);
    expect(three.changes).toBe(2);
    const two = JSON.parse((await runCli(['diff', 'main..feature', '--format', 'json'], root)).stdout);
    expect(two.base.commit).not.toBe(three.base.commit);
  });
});
