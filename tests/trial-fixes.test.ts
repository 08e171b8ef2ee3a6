/** Defects an adversarial trial found in the commands added with issues 12–14, each pinned by a test that failed before its fix. */
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers.js';
import { writeDataset } from './helpers.js';

const SOURCES = {
  'claims/sources/cnbc.yaml': 'type: source\nid: cnbc\ntitle: CNBC on the round\npublisher: CNBC\nkind: news\nreliability: B\n',
  'claims/mistral-ai/round.yaml': 'type: claim\nid: round\nsubject: Mistral AI\ncategory: funding-round\nstatement: Mistral AI raised money.\nvalue: "$2B"\nas_of: "2025-09"\nstatus: independent\nevidence:\n  - source: cnbc\n',
};

describe('export --out never replaces what is not a regular file', () => {
  it('refuses a FIFO and a symbolic link with one line, exit 2, and leaves them as they were', async () => {
    const root = writeDataset(SOURCES);
    execFileSync('mkfifo', [join(root, 'pipe')]);
    symlinkSync(join(root, 'elsewhere.db'), join(root, 'link.db'));
    for (const [out, why] of [['pipe', /is a device, FIFO or socket, not a file/], ['link.db', /is a symbolic link; give the path of the file itself/]] as const) {
      for (const format of ['sqlite', 'csv']) {
        const r = await runCli(['export', '--format', format, '--out', out], root);
        expect([r.code, r.stdout]).toEqual([2, '']);
        expect(r.stderr).toMatch(why);
      }
    }
    expect(lstatSync(join(root, 'pipe')).isFIFO()).toBe(true);
    expect(lstatSync(join(root, 'link.db')).isSymbolicLink()).toBe(true);
  });

  it('a Parquet --out folder with a folder named like a table file is refused, and nothing in it is moved or removed', async () => {
    const root = writeDataset(SOURCES);
    mkdirSync(join(root, 'out', 'claims.parquet'), { recursive: true });
    writeFileSync(join(root, 'out', 'claims.parquet', 'notes.txt'), 'keep');
    writeFileSync(join(root, 'out', 'evidence.parquet'), '');
    const r = await runCli(['export', '--format', 'parquet', '--out', 'out'], root);
    expect([r.code, r.stderr]).toEqual([2, 'claims: --out: "out" holds "claims.parquet", which no Parquet export wrote; give an empty or new folder (nothing was written)\n']);
    expect(readFileSync(join(root, 'out', 'claims.parquet', 'notes.txt'), 'utf8')).toBe('keep');
    expect(lstatSync(join(root, 'out', 'evidence.parquet')).isFile()).toBe(true);
  });
});

describe('claims sql results stay bounded', () => {
  const ENDLESS = 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r';
  it('csv and json stop at a million rows with one line and exit 2, not an out-of-memory abort', async () => {
    const root = writeDataset(SOURCES);
    const r = await runCli(['sql', '--format', 'csv', ENDLESS], root);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe('claims: sql: the result has more than 1,000,000 rows; add a LIMIT, or export with --format sqlite and query the file\n');
  }, 60_000);

  it('the table stops counting, says so, and shows its first rows', async () => {
    const root = writeDataset(SOURCES);
    const r = await runCli(['sql', ENDLESS], root);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('claims: note: stopped counting at 1,000,000 rows; add a LIMIT\n');
    expect(r.stdout).toMatch(/│ +1 │/);
  }, 60_000);
});

describe('history faults', () => {
  it('--at a revision before the dataset folder existed is one line and exit 2, not an empty answer', async () => {
    const root = writeDataset({ 'README': 'a repository that gets its dataset later\n' });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=d', '-c', 'user.email=d@example.org', ...args], { cwd: root });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'first');
    for (const [p, text] of Object.entries(SOURCES)) {
      mkdirSync(join(root, p, '..'), { recursive: true });
      writeFileSync(join(root, p), text);
    }
    git('add', '.');
    git('commit', '-qm', 'data');
    const r = await runCli(['validate', '--at', 'HEAD~1'], root);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^claims: --at: the dataset folder claims did not exist yet at [0-9a-f]{12}; give a later revision or date\n$/);
  });
});

describe('stats never reports a negative duration', () => {
  it('a confirmation dated before its rumor has no duration, and a rumor dated after today is not open for negative days', async () => {
    const root = writeDataset({
      'claims/sources/early.yaml': 'type: source\nid: early\ntitle: Early\npublisher: CNBC\nkind: news\npublished: 2020-01-01\n',
      'claims/sources/late.yaml': 'type: source\nid: late\ntitle: Late\npublisher: X\nkind: anonymous\nposition: people familiar\npublished: 2026-01-01\n',
      'claims/a/rum.yaml': 'type: claim\nid: rum\nsubject: Acme\ncategory: other\nstatement: Acme may move.\nas_of: 2026\nstatus: rumored\nevidence:\n  - source: late\n',
      'claims/a/conf.yaml': 'type: claim\nid: conf\nsubject: Acme\ncategory: other\nstatement: Acme moved.\nas_of: 2026\nstatus: independent\nsupersedes: rum\nevidence:\n  - source: early\n',
      'claims/a/open.yaml': 'type: claim\nid: open\nsubject: Acme\ncategory: other\nstatement: Acme may grow.\nas_of: 2026\nstatus: rumored\nevidence:\n  - source: late\n',
    });
    const s = JSON.parse((await runCli(['stats', '--format', 'json', '--today', '2025-06-01'], root)).stdout);
    expect(s.confirmations.map((c: { rumor: string; days: number | null }) => [c.rumor, c.days])).toEqual([['rum', null]]);
    expect(s.open_rumors.map((o: { id: string; days_open: number | null }) => [o.id, o.days_open])).toEqual([['open', null]]);
    expect(s.median_days_open).toBeNull();
  });
});

describe('history stays bounded', () => {
  it('the text table shows the latest 200 commits and says how many earlier ones json and csv list', async () => {
    const { historyFormatters, HISTORY_SHOWN } = await import('../src/format/history.js');
    const root = writeDataset(SOURCES);
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=d', '-c', 'user.email=d@example.org', ...args], { cwd: root });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'data');
    const one = JSON.parse((await runCli(['history', 'round', '--format', 'json'], root)).stdout);
    const many = { ...one, rows: Array.from({ length: 250 }, () => one.rows[0]) };
    const text = historyFormatters.text(many, { color: false, width: 100 });
    expect(HISTORY_SHOWN).toBe(200);
    expect(text).toContain('… 50 earlier commits left out; --format json or csv lists every one');
    expect(text.split('\n').filter((l: string) => / d +│/.test(l) || /│ [0-9a-f]{7} │/.test(l)).length).toBe(200);
    expect(historyFormatters.csv(many, { color: false, width: 100 }).trim().split('\n')).toHaveLength(251);
  });
});

describe('claims sql markdown stays bounded', () => {
  it('cuts a long cell with "…" as the table does; csv keeps it whole', async () => {
    const long = 'T'.repeat(100_000);
    const root = writeDataset({ ...SOURCES, 'claims/sources/big.yaml': `type: source\nid: big\ntitle: ${long}\npublisher: P\nkind: news\n` });
    const md = await runCli(['sql', '--format', 'markdown', "SELECT title FROM sources WHERE id = 'big'"], root);
    expect(md.code).toBe(0);
    expect(md.stdout.length).toBeLessThan(1_000);
    expect(md.stdout).toContain(`${'T'.repeat(499)}…`);
    const csvOut = await runCli(['sql', '--format', 'csv', "SELECT title FROM sources WHERE id = 'big'"], root);
    expect(csvOut.stdout).toContain(long);
  });
});
