/**
 * `claims stats` on the story repository (tests/history-repo.ts), with every figure worked out by hand from the fixture
 * dates (today 2026-05-01):
 * - arr-rumor, read in newsco (published 2026-01-05), superseded by arr-confirmed, read in wire (published 2026-03-01):
 *   55 days, from the dataset's links and dates;
 * - round-a (renamed round-a-2026): rumored when added (2026-01-10), raised to independent with the wire's evidence on
 *   2026-03-11: 60 days, from the git history; the median of 55 and 60 is 57.5;
 * - deal-y was raised to independent with no new evidence: not a confirmation, still open since newsco's 2026-01-05
 *   (116 days); people-x has no dated source and no as_of: open since the commit that added it, 2026-01-10 (111 days);
 *   people-y has as_of 2026-02: open 89 days; the median of 116, 111 and 89 is 111.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverTimeStats } from '../src/history/stats.js';
import { daysBetween, median } from '../src/history/stats.js';
import { runCli } from './cli-helpers.js';
import { buildStory, git, removeRepo } from './history-repo.js';

let root: string;
beforeAll(async () => {
  root = await buildStory();
}, 60_000);
afterAll(() => removeRepo(root));

const statsOf = async (cwd: string): Promise<OverTimeStats> => {
  const r = await runCli(['stats', '--format', 'json', '--today', '2026-05-01'], cwd);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as OverTimeStats;
};

describe('claims stats', () => {
  it('helpers: days between dates and medians', () => {
    expect(daysBetween('2026-01-05', '2026-03-01')).toBe(55);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([55, 60])).toBe(57.5);
  });

  it('rumors confirmed: from supersedes (dataset) and from a status raised with evidence (git), with the median and per category', async () => {
    const s = await statsOf(root);
    const raised = git(root, ['log', '--format=%H', '--grep=^Series A confirmed by the wire$']).trim();
    expect(s.history).toEqual({ used: true, reason: null });
    expect(s.confirmations.map((c) => [c.rumor, c.confirmed_by, c.how, c.from, c.to, c.days, c.method])).toEqual([
      ['arr-rumor', 'arr-confirmed', 'superseded', '2026-01-05', '2026-03-01', 55, 'dataset'],
      ['round-a-2026', null, 'raised', '2026-01-10', '2026-03-11', 60, 'git'],
    ]);
    expect(s.confirmations[1]!.commit).toBe(raised);
    expect(s.median_days_to_confirmation).toBe(57.5);
    expect(s.by_category).toEqual([
      { category: 'arr', confirmed: 1, median_days: 55 },
      { category: 'funding-round', confirmed: 1, median_days: 60 },
    ]);
  });

  it('rumors still open, how long, and from which dates; a status raised without evidence is still a rumor', async () => {
    const s = await statsOf(root);
    expect(s.open_rumors).toEqual([
      { id: 'deal-y', category: 'partnership', since: '2026-01-05', days_open: 116, method: 'dataset' },
      { id: 'people-x', category: 'people', since: '2026-01-10', days_open: 111, method: 'git' },
      { id: 'people-y', category: 'people', since: '2026-02-01', days_open: 89, method: 'dataset' },
    ]);
    expect(s.median_days_open).toBe(111);
  });

  it('track records: of the claims each source originates, how many were confirmed, retracted, disputed, superseded, still open', async () => {
    const s = await statsOf(root);
    const by = new Map(s.track_records.map((r) => [r.source, r]));
    expect(by.get('anon-tip')).toEqual({ source: 'anon-tip', reliability: 'C', claims: 6, confirmed: 2, retracted: 1, disputed: 0, superseded: 0, open_rumors: 3 });
    expect(by.get('wire')).toEqual({ source: 'wire', reliability: 'A', claims: 2, confirmed: 1, retracted: 0, disputed: 0, superseded: 0, open_rumors: 0 });
    expect(by.get('newsco')!.claims).toBe(0);
  });

  it('text and markdown carry the figures and say how each was computed', async () => {
    const text = await runCli(['stats', '--today', '2026-05-01'], root, { COLUMNS: '100' });
    expect(text.stdout).toContain('2 rumors later confirmed; median time to confirmation 57.5 days.');
    expect(text.stdout).toContain('3 rumors still unconfirmed; median time open 111 days (as of 2026-05-01).');
    for (const line of text.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
    const md = await runCli(['stats', '--format', 'markdown', '--today', '2026-05-01'], root);
    expect(md.stdout).toContain('| `arr-rumor` | arr | superseded by arr-confirmed | 2026-01-05 | 2026-03-01 | 55 | dataset |');
    expect(md.stdout).toContain('| `anon-tip` | C | 6 | 2 | 1 | 0 | 0 | 3 |');
    expect(md.stdout).toContain('*How:*');
  });

  it('without a repository, or in a shallow clone, the figures come from the dataset alone and say so', async () => {
    const shallow = mkdtempSync(join(tmpdir(), 'claims-shallow-'));
    git(shallow, ['clone', '-q', '--depth', '1', `file://${root}`, 'copy']);
    const s = await statsOf(join(shallow, 'copy'));
    expect(s.history.used).toBe(false);
    expect(s.history.reason).toMatch(/shallow clone/);
    // The raise is known only from history: without it, round-a-2026 is neither confirmed nor open.
    expect(s.confirmations.map((c) => c.rumor)).toEqual(['arr-rumor']);
    // people-x has no dataset date at all: it stays open with no date.
    expect(s.open_rumors.find((o) => o.id === 'people-x')).toEqual({ id: 'people-x', category: 'people', since: null, days_open: null, method: null });
    const text = await runCli(['stats', '--today', '2026-05-01'], join(shallow, 'copy'));
    expect(text.stdout).toMatch(/Git history not read \(the repository is a shallow clone/);
    removeRepo(shallow);

    const plain = mkdtempSync(join(tmpdir(), 'claims-nogit-'));
    mkdirSync(join(plain, 'claims'));
    const none = await statsOf(plain);
    expect(none.history).toEqual({ used: false, reason: 'the dataset is not in a git repository' });
    removeRepo(plain);
  });
});

describe('claims sources: the track record beside the reliability grade', () => {
  it('json, csv and the table carry it, with the history read where there is one', async () => {
    const json = await runCli(['sources', '--format', 'json', '--today', '2026-05-01'], root);
    expect(json.code).toBe(0);
    const anon = (JSON.parse(json.stdout) as Array<{ id: string; reliability: string; track_record: unknown }>).find((s) => s.id === 'anon-tip')!;
    expect(anon.reliability).toBe('C');
    expect(anon.track_record).toEqual({ claims: 6, confirmed: 2, retracted: 1, disputed: 0, superseded: 0, open_rumors: 3, method: 'dataset+git' });
    const csv = await runCli(['sources', '--format', 'csv', '--today', '2026-05-01'], root);
    const line = csv.stdout.split('\r\n').find((l) => l.startsWith('anon-tip,'))!;
    expect(csv.stdout.split('\r\n')[0]).toMatch(/,reliability,origin_claims,confirmed,retracted,disputed,superseded,open_rumors$/);
    expect(line).toMatch(/,C,6,2,1,0,0,3$/);
    const table = await runCli(['sources', '--today', '2026-05-01'], root, { COLUMNS: '140' });
    expect(table.stdout).toContain('track record');
    expect(table.stdout).toMatch(/anon-tip[^\n]*2 confirmed/);
  });

  it('without history the raise is not known: one confirmation fewer, said in the method', async () => {
    const shallow = mkdtempSync(join(tmpdir(), 'claims-shallow-'));
    git(shallow, ['clone', '-q', '--depth', '1', `file://${root}`, 'copy']);
    const json = await runCli(['sources', '--format', 'json', '--today', '2026-05-01'], join(shallow, 'copy'));
    const anon = (JSON.parse(json.stdout) as Array<{ id: string; track_record: { confirmed: number; method: string } }>).find((s) => s.id === 'anon-tip')!;
    expect(anon.track_record).toMatchObject({ confirmed: 1, method: 'dataset' });
    removeRepo(shallow);
  });
});
