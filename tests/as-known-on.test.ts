/**
 * `--at <revision>` and `--as-known-on <date>` on list, show, report, export and validate: the dataset as committed
 * then, read through git plumbing; the working tree is never read or touched. Real repositories, built with git.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers.js';
import { writeDataset } from './helpers.js';

// Quotes from the seed texts: the rumored raise (seed 002) and the TechCrunch report of a closed round.
const RUMOR = 'By mid-2026, Mistral was also rumored to be raising about $3.5 billion';
const SOURCES = {
  'claims.config.yaml': 'today: 2026-11-24\n',
  'claims/sources/people-familiar.yaml': 'type: source\nid: people-familiar\ntitle: People familiar with the talks\npublisher: Weidemann.tech\nkind: anonymous\nposition: people familiar with the fundraising\nsnapshot: snapshots/weidemann.txt\n',
  'claims/snapshots/weidemann.txt': `${RUMOR} at a $23.15 billion valuation.\n`,
  'claims/sources/crunchbase.yaml': 'type: source\nid: crunchbase\ntitle: Crunchbase profile\npublisher: Crunchbase\nkind: database\nreliability: B\n',
  'claims/sources/cnbc.yaml': 'type: source\nid: cnbc\ntitle: CNBC on the round\npublisher: CNBC\nkind: news\nreliability: B\n',
};
const raise = (status: string, evidence: string) =>
  `type: claim\nid: raise-2026\nsubject: Mistral AI\ncategory: funding-round\nstatement: Mistral AI raised about $3.5 billion in 2026.\nvalue: "~$3.5B"\nas_of: "2026-06"\nstatus: ${status}\nevidence:\n${evidence}`;
const RUMORED = raise('rumored', `  - source: people-familiar\n    quote: ${RUMOR}\n`);
const CONFIRMED = raise('independent', `  - source: people-familiar\n    quote: ${RUMOR}\n  - source: crunchbase\n  - source: cnbc\n`);

function git(cwd: string, args: string[], date?: string): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Desk', GIT_AUTHOR_EMAIL: 'desk@example.org', GIT_COMMITTER_NAME: 'Desk', GIT_COMMITTER_EMAIL: 'desk@example.org' };
  if (date) Object.assign(env, { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` });
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' });
}

/** A repository where the raise is a rumor on 2026-06-10 and confirmed on 2026-09-01. */
function repo(): string {
  const root = writeDataset({ ...SOURCES, 'claims/mistral-ai/raise-2026.yaml': RUMORED });
  git(root, ['init', '-q', '-b', 'main']);
  git(root, ['add', '.']);
  git(root, ['commit', '-qm', 'Log the rumored raise'], '2026-06-10');
  writeFileSync(join(root, 'claims/mistral-ai/raise-2026.yaml'), CONFIRMED);
  git(root, ['commit', '-qam', 'The raise is confirmed by Crunchbase and CNBC'], '2026-09-01');
  return root;
}

const idsOf = (stdout: string) => JSON.parse(stdout).map((v: { id: string; status: string; support: string }) => `${v.id} ${v.status} ${v.support}`);

describe('--as-known-on and --at', () => {
  it('list reads the dataset as committed on that day; without the flag, the working tree', async () => {
    const root = repo();
    // An uncommitted change in the working tree: not part of any revision.
    writeFileSync(join(root, 'claims/mistral-ai/raise-2026.yaml'), CONFIRMED.replace('independent', 'disputed'));
    const before = readFileSync(join(root, 'claims/mistral-ai/raise-2026.yaml'), 'utf8');
    const mtime = statSync(join(root, 'claims/mistral-ai/raise-2026.yaml')).mtimeMs;
    const then = await runCli(['list', '--format', 'json', '--as-known-on', '2026-07'], root);
    expect(then.code).toBe(0);
    expect(idsOf(then.stdout)).toEqual(['raise-2026 rumored rumored']);
    expect(then.stderr).toMatch(/^claims: as known on 2026-07: the dataset as committed in [0-9a-f]{12} \(2026-06-10\)\n$/);
    expect(idsOf((await runCli(['list', '--format', 'json', '--as-known-on', '2026-09-01'], root)).stdout)).toEqual(['raise-2026 independent independent']);
    expect(idsOf((await runCli(['list', '--format', 'json', '--at', 'HEAD~1'], root)).stdout)).toEqual(['raise-2026 rumored rumored']);
    expect(idsOf((await runCli(['list', '--format', 'json'], root)).stdout)).toEqual(['raise-2026 disputed independent']);
    // Nothing checked out, nothing written.
    expect(readFileSync(join(root, 'claims/mistral-ai/raise-2026.yaml'), 'utf8')).toBe(before);
    expect(statSync(join(root, 'claims/mistral-ai/raise-2026.yaml')).mtimeMs).toBe(mtime);
    expect(git(root, ['status', '--porcelain'])).toBe(' M claims/mistral-ai/raise-2026.yaml\n');
  });

  it('show says what was known then against now', async () => {
    const root = repo();
    const r = await runCli(['show', 'raise-2026', '--as-known-on', '2026-06-30'], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Status   rumored (declared)');
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/Known: as known on 2026-06-30 \(commit [0-9a-f]{12}, 2026-06-10\); now: independent \(then rumored\), support independent \(then rumored\), grade B1 \(then F4\)\./);
    const json = JSON.parse((await runCli(['show', 'raise-2026', '--at', 'HEAD~1', '--format', 'json'], root)).stdout);
    expect(json.known).toMatchObject({ asked: 'at HEAD~1', date: expect.stringMatching(/^2026-06-10/), now: { status: 'independent', support: 'independent', grade: 'B1' } });
    const same = await runCli(['show', 'raise-2026', '--at', 'HEAD'], root);
    expect(same.stdout.replace(/\s+/g, ' ')).toMatch(/; unchanged now: independent, support independent, grade B1\./);
  });

  it('report, export and validate take them too; validate reads snapshots and positions at that revision', async () => {
    const root = repo();
    const report = await runCli(['report', '--format', 'markdown', '--as-known-on', '2026-06-15'], root);
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/raise-2026/);
    expect(report.stdout).not.toMatch(/Two or more independent origins \(1\)/);
    const csv = await runCli(['export', '--format', 'csv', '--at', 'HEAD~1'], root);
    expect(csv.stdout.split('\n')[1]).toMatch(/^raise-2026,.*,rumored,rumored,/);
    // A status that claims too much in the working tree only: the revision's validate is clean, the working tree's is not.
    writeFileSync(join(root, 'claims/mistral-ai/raise-2026.yaml'), RUMORED.replace('status: rumored', 'status: independent'));
    expect((await runCli(['validate', '--at', 'HEAD', '--format', 'json'], root)).code).toBe(0);
    const now = await runCli(['validate', '--format', 'json'], root);
    expect(now.code).toBe(1);
    git(root, ['commit', '-qam', 'Overstated'], '2026-10-01');
    writeFileSync(join(root, 'claims/mistral-ai/raise-2026.yaml'), CONFIRMED);
    const then = await runCli(['validate', '--as-known-on', '2026-10-02', '--format', 'json'], root);
    expect(then.code).toBe(1);
    const found = (JSON.parse(then.stdout).diagnostics as Array<{ file: string; rule: string; line: number }>).map(({ file, rule, line }) => ({ file, rule, line }));
    expect(found).toEqual([
      { file: 'claims/mistral-ai/raise-2026.yaml', rule: 'status-unsupported', line: 8 },
      // At that commit nothing cited these two yet.
      { file: 'claims/sources/cnbc.yaml', rule: 'orphan-source', line: 2 },
      { file: 'claims/sources/crunchbase.yaml', rule: 'orphan-source', line: 2 },
    ]);
    // The snapshot as committed holds the quote; the working tree's copy, rewritten, does not.
    writeFileSync(join(root, 'claims/snapshots/weidemann.txt'), 'A different text.\n');
    const rules = async (args: string[]) => (JSON.parse((await runCli(['validate', '--format', 'json', ...args], root)).stdout).diagnostics as Array<{ rule: string }>).map((x) => x.rule);
    expect(await rules([])).toContain('quote-not-found');
    expect(await rules(['--at', 'HEAD'])).not.toContain('quote-not-found');
  });

  it('real faults are one line and exit 2: no repository, no commit that early, no such revision, conflict markers, both flags', async () => {
    const plain = writeDataset({ ...SOURCES, 'claims/mistral-ai/raise-2026.yaml': RUMORED });
    const cases: Array<[string[], string, RegExp]> = [
      [['list', '--at', 'HEAD'], plain, /^claims: --at reads the dataset's git history, and claims is not in a git repository \(run git init and commit the dataset first\)\n$/],
    ];
    const root = repo();
    cases.push(
      [['list', '--as-known-on', '2025-12-31'], root, /^claims: --as-known-on 2025-12-31: no commit is on or before that date; the earliest commit here is of 2026-06-10\n$/],
      [['show', 'raise-2026', '--at', 'v9'], root, /^claims: --at: revision "v9" names no commit in the repository of the dataset \(try HEAD~1, main or a commit id\)\n$/],
      [['list', '--at', '--upload-pack=x'], root, /^claims: --at: revision "--upload-pack=x" is not a git revision \(it starts with "-"\)\n$/],
      [['list', '--as-known-on', '2026-13'], root, /^claims: --as-known-on needs a date such as 2026, 2026-03 or 2026-03-05, not "2026-13"\n$/],
      [['list', '--at', 'HEAD', '--as-known-on', '2026'], root, /^claims: give --at or --as-known-on, not both\n$/],
      [['validate', '--at', 'HEAD', '--changed-since', 'HEAD~1'], root, /^claims: --changed-since compares the working tree with a revision; it cannot go with --at\n$/],
    );
    for (const [args, cwd, message] of cases) {
      const r = await runCli(args, cwd);
      expect({ args, code: r.code, stderr: r.stderr, stdout: r.stdout }).toEqual({ args, code: 2, stderr: expect.stringMatching(message), stdout: '' });
    }
    // A committed file with merge-conflict markers.
    const file = join(root, 'claims/mistral-ai/raise-2026.yaml');
    writeFileSync(file, `<<<<<<< HEAD\n${RUMORED}=======\n${CONFIRMED}>>>>>>> branch\n`);
    git(root, ['commit', '-qam', 'A bad merge'], '2026-10-01');
    const r = await runCli(['list', '--at', 'HEAD'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^claims: --at: claims\/mistral-ai\/raise-2026.yaml:1 has merge-conflict markers at [0-9a-f]{12}; resolve the conflict and commit before reading that revision\n$/);
  });

  it('a shallow clone says so, and how to fetch the history', async () => {
    const root = repo();
    const clone = join(writeDataset({}), 'clone');
    mkdirSync(clone);
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${root}`, clone]);
    const r = await runCli(['list', '--at', 'HEAD~1'], clone);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('claims: --at: revision "HEAD~1" names no commit in the repository of the dataset; the repository is a shallow clone, so older commits are missing (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)\n');
    const early = await runCli(['list', '--as-known-on', '2026-07'], clone);
    expect(early.stderr).toMatch(/no commit is on or before that date; the repository is a shallow clone, so older commits may be missing \(git fetch --unshallow\);/);
  });
});

describe('a revision is read as the working tree is', () => {
  it('a committed file that is not UTF-8 is reported as such, not read', async () => {
    const root = repo();
    writeFileSync(join(root, 'claims/mistral-ai/raise-2026.yaml'), Buffer.from([0x74, 0x79, 0x70, 0x65, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
    git(root, ['commit', '-qam', 'Bad bytes'], '2026-10-01');
    const now = JSON.parse((await runCli(['validate', '--format', 'json'], root)).stdout).diagnostics.map((d: { messageId: string }) => d.messageId);
    const then = JSON.parse((await runCli(['validate', '--format', 'json', '--at', 'HEAD'], root)).stdout).diagnostics.map((d: { messageId: string }) => d.messageId);
    expect(now).toContain('invalidUtf8');
    expect(then).toEqual(now);
  });
});
