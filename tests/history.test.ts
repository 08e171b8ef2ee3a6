/**
 * `claims history <id>` on a real repository built with the git CLI (tests/history-repo.ts): rows per commit, renames
 * of the file (git mv) and of the id (claims rename), a source merged, a retraction, a status raised without evidence,
 * a claim since removed, the formats, and each fault's one-line message.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimHistory } from '../src/history/history.js';
import { runCli } from './cli-helpers.js';
import { DATES, buildStory, commit, git, newRepo, removeRepo, write } from './history-repo.js';

let root: string;
const sha = (subject: string) => git(root, ['log', '--format=%H', `--grep=^${subject}$`]).trim();

beforeAll(async () => {
  root = await buildStory();
}, 60_000);
afterAll(() => removeRepo(root));

async function historyOf(id: string): Promise<ClaimHistory> {
  const r = await runCli(['history', id, '--format', 'json', '--today', '2026-05-01'], root);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ClaimHistory;
}

const brief = (h: ClaimHistory) => h.rows.map((r) => [r.date.slice(0, 10), r.change, r.id, r.status, r.support, r.grade, r.evidence, r.changed_sources.join(' ')]);

describe('claims history', () => {
  it('a rumor: added, moved with git mv, its anonymous origin regraded; commits that touch neither are left out', async () => {
    const h = await historyOf('arr-rumor');
    expect(brief(h)).toEqual([
      ['2026-01-10', 'added', 'arr-rumor', 'rumored', 'rumored', 'D4', 1, ''],
      ['2026-02-15', 'renamed', 'arr-rumor', 'rumored', 'rumored', 'D4', 1, ''],
      ['2026-04-05', 'sources', 'arr-rumor', 'rumored', 'rumored', 'C4', 1, 'anon-tip'],
    ]);
    expect(h.rows.map((r) => r.path)).toEqual(['claims/acme/arr-rumor.yaml', 'claims/acme-arr/arr-rumor.yaml', 'claims/acme-arr/arr-rumor.yaml']);
    expect(h.rows[0]!.commit).toBe(sha('Acme: the first reports'));
    expect(h.rows[0]!.author).toBe('Alice Reporter');
    expect(h.rows[0]!.value).toBe('$100M');
    expect(h.current_id).toBe('arr-rumor');
    expect(h.removed).toBeNull();
  });

  it('follows `claims rename` of the id, asked by the new id or the old one, and shows the status raised with new evidence', async () => {
    for (const asked of ['round-a-2026', 'round-a']) {
      const h = await historyOf(asked);
      expect(brief(h)).toEqual([
        ['2026-01-10', 'added', 'round-a', 'rumored', 'rumored', 'D4', 1, ''],
        ['2026-03-01', 'renamed', 'round-a-2026', 'rumored', 'rumored', 'D4', 1, ''],
        ['2026-03-11', 'changed', 'round-a-2026', 'independent', 'independent', 'A2', 2, ''],
        ['2026-04-05', 'sources', 'round-a-2026', 'independent', 'independent', 'A2', 2, 'anon-tip'],
      ]);
      expect(h.ids).toEqual(['round-a', 'round-a-2026']);
      expect(h.current_id).toBe('round-a-2026');
    }
  });

  it('a source merged into another: the claim row names the source merged away; a status raised without evidence keeps its support', async () => {
    const h = await historyOf('deal-y');
    expect(brief(h)).toEqual([
      ['2026-01-10', 'added', 'deal-y', 'rumored', 'rumored', 'D4', 1, ''],
      ['2026-03-20', 'changed', 'deal-y', 'rumored', 'rumored', 'D4', 1, 'newsco-copy'],
      ['2026-04-01', 'changed', 'deal-y', 'independent', 'rumored', 'D4', 1, ''],
      ['2026-04-05', 'sources', 'deal-y', 'independent', 'rumored', 'C4', 1, 'anon-tip'],
    ]);
    expect(h.rows[2]!.author).toBe('Carol Intern');
  });

  it('a retraction shows as a declared status; a claim since removed still has its history, and says so', async () => {
    const x = await historyOf('deal-x');
    expect(x.rows.map((r) => [r.date.slice(0, 10), r.status])).toEqual([['2026-01-10', 'rumored'], ['2026-02-01', 'retracted'], ['2026-04-05', 'retracted']]);
    const old = await historyOf('old-note');
    expect(old.rows.map((r) => [r.change, r.status])).toEqual([['added', 'rumored'], ['removed', null]]);
    expect(old.removed).toEqual({ commit: sha('old-note removed'), date: '2026-04-10T09:00:00+00:00' });
    expect(old.current_id).toBeNull();
    const text = await runCli(['history', 'old-note'], root, { COLUMNS: '120' });
    expect(text.stdout.replace(/\s+/g, ' ')).toContain(`removed from the dataset in ${sha('old-note removed').slice(0, 7)} (2026-04-10)`);
  });

  it('text fits the width; csv has one row per commit with the documented columns', async () => {
    for (const cols of ['60', '80', '140']) {
      const r = await runCli(['history', 'round-a-2026'], root, { COLUMNS: cols });
      expect(r.code).toBe(0);
      for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(Number(cols));
      expect(r.stdout).toContain(sha('Series A confirmed by the wire').slice(0, 7));
    }
    const csv = await runCli(['history', 'round-a', '--format', 'csv'], root);
    const rows = parse(csv.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r.change, r.id, r.status, r.support, r.evidence])).toEqual([
      ['added', 'round-a', 'rumored', 'rumored', '1'],
      ['renamed', 'round-a-2026', 'rumored', 'rumored', '1'],
      ['changed', 'round-a-2026', 'independent', 'independent', '2'],
      ['sources', 'round-a-2026', 'independent', 'independent', '2'],
    ]);
    expect(rows[2]!.date).toBe(DATES.raised.replace('Z', '+00:00'));
    expect(rows[2]!.subject).toBe('Series A confirmed by the wire');
  });
});

describe('claims history: faults, one line and exit 2', () => {
  it('an unknown id names the nearest ones; a source id says it is a source', async () => {
    const r = await runCli(['history', 'arr-rumr'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('claims: no claim "arr-rumr" in the dataset or its history; did you mean "arr-rumor"?\n');
    const s = await runCli(['history', 'wire'], root);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/^claims: "wire" is a source, not a claim: see `claims sources`/);
  });

  it('outside any repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claims-nogit-'));
    mkdirSync(join(dir, 'claims'));
    const r = await runCli(['history', 'x'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('claims: claims history reads the dataset\'s git history, and claims is not in a git repository (run git init and commit the dataset first)\n');
    removeRepo(dir);
  });

  it('a shallow clone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claims-shallow-'));
    git(dir, ['clone', '-q', '--depth', '1', `file://${root}`, 'copy']);
    const r = await runCli(['history', 'arr-rumor'], join(dir, 'copy'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^claims: claims history: the repository is a shallow clone, so the whole history of arr-rumor is not in it; fetch the history \(git fetch --unshallow, or fetch-depth: 0 in actions\/checkout\)\n$/);
    removeRepo(dir);
  });

  it('a repository with no commits yet', async () => {
    const dir = newRepo();
    mkdirSync(join(dir, 'claims'));
    const r = await runCli(['history', 'x'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('claims: claims history: the repository of the dataset has no commits yet\n');
    removeRepo(dir);
  });

  it('merge-conflict markers committed in a version of the claim, and left in the working tree', async () => {
    const dir = newRepo();
    const body = 'type: claim\nid: c1\nsubject: Acme\ncategory: other\nstatement: S.\nstatus: rumored\nevidence:\n  - source: s1\n';
    write(dir, { 'acme/c1.yaml': body, 'sources/s1.yaml': 'type: source\nid: s1\ntitle: T\npublisher: P\nkind: news\n' });
    commit(dir, 'c1', '2026-01-01T00:00:00Z');
    write(dir, { 'acme/c1.yaml': body + 'tags: [a]\n' });
    const worktree = await runCli(['history', 'c1'], dir);
    expect(worktree.code).toBe(0);
    writeFileSync(join(dir, 'claims', 'acme', 'c1.yaml'), body.replace('status: rumored\n', '<<<<<<< HEAD\nstatus: rumored\n=======\nstatus: independent\n>>>>>>> other\n'));
    const mid = await runCli(['history', 'c1'], dir);
    expect(mid.code).toBe(2);
    expect(mid.stderr).toBe('claims: claims history: claims/acme/c1.yaml:6 has merge-conflict markers; resolve the conflict first\n');
    commit(dir, 'oops', '2026-01-02T00:00:00Z');
    const committed = await runCli(['history', 'c1'], dir);
    expect(committed.code).toBe(2);
    expect(committed.stderr).toMatch(/^claims: claims history: claims\/acme\/c1\.yaml:6 has merge-conflict markers in blob [0-9a-f]{12}; resolve the conflict and commit before reading its history\n$/);
    removeRepo(dir);
  });
});
