// The lifecycle and id commands: resolve, retract, dispute, supersede, set, rename, merge, rm — each checked, each
// all or nothing, each keeping what it does not change.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispute, merge, rename, resolveForecast, retract, rm, setFields, supersede } from '../src/cli/edit.js';
import { lint } from '../src/lint.js';
import { loadDataset } from '../src/load/dataset.js';
import { writeDataset } from './helpers.js';
import { runEditIn } from './edit-helpers.js';

afterEach(() => {
  delete process.env.CLAIMS_TEST_FAIL_WRITE;
});

const FILES = {
  'claims/sources/acme-blog.yaml': 'type: source\nid: acme-blog\ntitle: Acme blog\npublisher: Acme\nkind: primary\nspeaks_for: [Acme]\n',
  'claims/sources/daily.yaml': '# the paper of record\ntype: source\nid: daily\ntitle: The Daily\npublisher: The Daily\nkind: news\nurl: https://daily.example/acme\nsnapshot: snapshots/daily.txt\n',
  'claims/sources/daily-copy.yaml': 'type: source\nid: daily-copy\ntitle: The Daily\npublisher: The Daily\nkind: news\nurl: https://daily.example/acme-2\n',
  'claims/sources/digest.yaml': 'type: source\nid: digest\ntitle: Digest\npublisher: Digest\nkind: analysis\ncites: [daily]\n',
  'claims/sources/tip.yaml': 'type: source\nid: tip\ntitle: People familiar\npublisher: The Daily\nkind: anonymous\n',
  'claims/snapshots/daily.txt': 'Acme expects revenue of $10 million next year, it said. Acme had $5 million of revenue.\n',
  'claims/acme/forecast.yaml': 'type: claim\nid: forecast\nsubject: Acme\ncategory: revenue\nassertion: forecast\nstatement: Acme expects $10M revenue.\nvalue: "$10M"\ndue: "2026"\nstatus: company-reported\nevidence:\n  - source: daily\n    origin: acme-blog\n    quote: Acme expects revenue of $10 million next year\n',
  'claims/acme/revenue.yaml': 'type: claim\nid: revenue # the latest figure\nsubject: Acme\ncategory: revenue\nstatement: Acme had $5M revenue.\nvalue: "$5M"\nas_of: "2025"\nstatus: independent\nevidence:\n  - source: daily\n    quote: Acme had $5 million of revenue\n',
  'claims/acme/revenue-dup.yaml': 'type: claim\nid: revenue-dup\nsubject: Acme\ncategory: revenue\nstatement: Acme had $5M revenue.\nvalue: "$5M"\nas_of: "2025"\nstatus: company-reported\nevidence:\n  - source: digest\n    via: [daily]\n    origin: acme-blog\n    quote: Acme made $5M\n',
  'claims/acme/rumor.yaml': 'type: claim\nid: rumor\nsubject: Acme\ncategory: funding-round\nstatement: Acme is raising.\nstatus: rumored\nevidence:\n  - source: daily\n    origin: tip\n    quote: Acme had $5 million\n',
};

const read = (root: string, rel: string): string => readFileSync(join(root, rel), 'utf8');
const tree = (root: string): Record<string, string> =>
  Object.fromEntries((readdirSync(root, { recursive: true }) as string[]).filter((p) => statSync(join(root, p)).isFile()).sort().map((p) => [p, read(root, p)]));
const errors = (root: string) => lint(loadDataset(join(root, 'claims'), root), { today: '2026-11-24' }).diagnostics.filter((d) => d.severity === 'error');

describe('claims resolve', () => {
  it('records the outcome and the claim that shows it', () => {
    const root = writeDataset(FILES);
    const r = runEditIn(root, (s, io) => resolveForecast('forecast', { outcome: 'missed', by: 'revenue' }, s, io));
    expect(r).toMatchObject({ code: 0, stdout: 'claims/acme/forecast.yaml: outcome missed, resolved by revenue\n' });
    expect(read(root, 'claims/acme/forecast.yaml')).toContain('due: "2026"\noutcome: missed\nresolved_by: revenue\nstatus: company-reported\n');
    expect(errors(root)).toEqual([]);
  });

  it('refuses a claim that is not a forecast, a bad outcome, itself and an unknown claim (exit 2)', () => {
    const root = writeDataset(FILES);
    expect(runEditIn(root, (s, io) => resolveForecast('revenue', { outcome: 'met', by: 'forecast' }, s, io)).stderr).toMatch(/"revenue" is not a forecast/);
    expect(runEditIn(root, (s, io) => resolveForecast('forecast', { outcome: 'mett', by: 'revenue' }, s, io)).stderr).toMatch(/Did you mean "met"/);
    expect(runEditIn(root, (s, io) => resolveForecast('forecast', { outcome: 'met', by: 'forecast' }, s, io)).code).toBe(2);
    expect(runEditIn(root, (s, io) => resolveForecast('forecast', { outcome: 'met', by: 'revenu' }, s, io)).stderr).toMatch(/no claim "revenu"; did you mean "revenue"/);
    expect(tree(root)).toEqual(FILES);
  });
});

describe('claims retract and claims dispute', () => {
  it('set the status with the reason and the date, and keep the comment', () => {
    const root = writeDataset(FILES);
    expect(runEditIn(root, (s, io) => retract('revenue', { reason: 'The Daily corrected the figure.' }, s, io)).code).toBe(0);
    expect(read(root, 'claims/acme/revenue.yaml')).toContain('id: revenue # the latest figure\n');
    expect(read(root, 'claims/acme/revenue.yaml')).toContain('status: retracted\nstatus_reason: The Daily corrected the figure.\nstatus_date: "2026-11-24"\n');
    expect(runEditIn(root, (s, io) => dispute('rumor', { reason: 'Acme denies it.' }, s, io)).stdout).toBe('claims/acme/rumor.yaml: status rumored → disputed on 2026-11-24 (Acme denies it.)\n');
    expect(errors(root)).toEqual([]);
  });

  it('require a reason (exit 2)', () => {
    const root = writeDataset(FILES);
    expect(runEditIn(root, (s, io) => retract('revenue', {}, s, io))).toMatchObject({ code: 2, stderr: expect.stringContaining('--reason') });
  });
});

describe('claims supersede', () => {
  it('records on the newer claim which one it replaces', () => {
    const root = writeDataset(FILES);
    expect(runEditIn(root, (s, io) => supersede('revenue', { by: 'revenue-dup' }, s, io)).code).toBe(0);
    expect(read(root, 'claims/acme/revenue-dup.yaml')).toContain('status: company-reported\nsupersedes: revenue\n');
  });

  it('refuses a loop that supersedes-cycle would reject (exit 1), writing nothing', () => {
    const root = writeDataset(FILES);
    runEditIn(root, (s, io) => supersede('revenue', { by: 'revenue-dup' }, s, io));
    const before = tree(root);
    const r = runEditIn(root, (s, io) => supersede('revenue-dup', { by: 'revenue' }, s, io));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('supersedes-cycle');
    expect(tree(root)).toEqual(before);
  });
});

describe('claims set', () => {
  it('sets fields parsed as YAML and checked through the schema', () => {
    const root = writeDataset(FILES);
    const r = runEditIn(root, (s, io) => setFields('tip', ['position=people familiar with the round', 'count=multiple'], {}, s, io));
    expect(r).toMatchObject({ code: 0, stdout: 'claims/sources/tip.yaml: position = "people familiar with the round"; count = "multiple"\n' });
    expect(read(root, 'claims/sources/tip.yaml')).toContain('kind: anonymous\nposition: people familiar with the round\ncount: multiple\n');
    expect(runEditIn(root, (s, io) => setFields('revenue', ['tags=[arr, 2025]'], {}, s, io)).code).toBe(1); // 2025 is a number: schema error
    expect(runEditIn(root, (s, io) => setFields('revenue', ['tags=[arr, finance]', 'as_of='], {}, s, io)).code).toBe(0);
    expect(read(root, 'claims/acme/revenue.yaml')).toContain('tags: [arr, finance]\n');
    expect(read(root, 'claims/acme/revenue.yaml')).not.toContain('as_of');
  });

  it('refuses unknown fields, the id and evidence (exit 2), and invalid values (exit 1)', () => {
    const root = writeDataset(FILES);
    expect(runEditIn(root, (s, io) => setFields('tip', ['positon=x'], {}, s, io)).stderr).toMatch(/no field "positon". Did you mean "position"/);
    expect(runEditIn(root, (s, io) => setFields('tip', ['id=x'], {}, s, io)).stderr).toMatch(/claims rename/);
    const bad = runEditIn(root, (s, io) => setFields('revenue', ['as_of=2026-13'], {}, s, io));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('schema');
    expect(tree(root)).toEqual(FILES);
  });
});

describe('claims rename', () => {
  it('moves the file and its snapshot, and rewrites source, via, origin and cites everywhere', () => {
    const root = writeDataset(FILES);
    const r = runEditIn(root, (s, io) => rename('daily', 'daily-news', {}, s, io));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(join(root, 'claims/sources/daily.yaml'))).toBe(false);
    expect(read(root, 'claims/sources/daily-news.yaml')).toBe(FILES['claims/sources/daily.yaml'].replace('id: daily', 'id: daily-news').replace('snapshots/daily.txt', 'snapshots/daily-news.txt'));
    expect(read(root, 'claims/snapshots/daily-news.txt')).toBe(FILES['claims/snapshots/daily.txt']);
    expect(read(root, 'claims/acme/revenue-dup.yaml')).toContain('via: [daily-news]');
    expect(read(root, 'claims/sources/digest.yaml')).toContain('cites: [daily-news]');
    expect(read(root, 'claims/acme/rumor.yaml')).toContain('source: daily-news');
    expect(errors(root)).toEqual([]);
  });

  it('refuses a taken id or a bad one (exit 2)', () => {
    const root = writeDataset(FILES);
    expect(runEditIn(root, (s, io) => rename('daily', 'tip', {}, s, io)).stderr).toMatch(/already used by claims\/sources\/tip.yaml/);
    expect(runEditIn(root, (s, io) => rename('daily', 'Daily/x', {}, s, io)).stderr).toMatch(/not a valid id/);
    expect(tree(root)).toEqual(FILES);
  });

  it('leaves every file as it was when a write fails midway', () => {
    const root = writeDataset(FILES);
    process.env.CLAIMS_TEST_FAIL_WRITE = '4';
    const r = runEditIn(root, (s, io) => rename('daily', 'daily-news', {}, s, io));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/every file was left as it was/);
    expect(tree(root)).toEqual(FILES);
  });
});

describe('claims merge', () => {
  it('refuses two sources that disagree, naming the fields, unless told which side wins', () => {
    const root = writeDataset(FILES);
    const r = runEditIn(root, (s, io) => merge('daily-copy', 'daily', {}, s, io));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/disagree on url \("https:\/\/daily.example\/acme-2" against "https:\/\/daily.example\/acme"\)/);
    expect(runEditIn(root, (s, io) => merge('daily-copy', 'daily', { prefer: 'into' }, s, io)).code).toBe(0);
    expect(existsSync(join(root, 'claims/sources/daily-copy.yaml'))).toBe(false);
    expect(read(root, 'claims/sources/daily.yaml')).toBe(FILES['claims/sources/daily.yaml']);
  });

  it('merges two claims: the union of their evidence without repeats, references rewritten, the other deleted', () => {
    const root = writeDataset(FILES);
    runEditIn(root, (s, io) => supersede('revenue-dup', { by: 'forecast' }, s, io));
    expect(runEditIn(root, (s, io) => merge('revenue-dup', 'revenue', {}, s, io)).stderr).toMatch(/disagree on status \("company-reported" against "independent"\)/);
    const r = runEditIn(root, (s, io) => merge('revenue-dup', 'revenue', { prefer: 'into' }, s, io));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(join(root, 'claims/acme/revenue-dup.yaml'))).toBe(false);
    expect(read(root, 'claims/acme/revenue.yaml')).toContain('  - source: daily\n    quote: Acme had $5 million of revenue\n  - source: digest\n    via: [daily]\n    origin: acme-blog\n    quote: Acme made $5M\n');
    expect(read(root, 'claims/acme/forecast.yaml')).toContain('supersedes: revenue\n');
  });
});

describe('claims rm', () => {
  it('refuses while anything refers to the id, listing file:line', () => {
    const root = writeDataset(FILES);
    const r = runEditIn(root, (s, io) => rm('tip', {}, s, io));
    expect(r).toMatchObject({ code: 2, stderr: 'claims: "tip" is still referred to once; change or remove these first (or use `claims merge`):\n  claims/acme/rumor.yaml:9\n' });
    expect(tree(root)).toEqual(FILES);
  });

  it('deletes a claim nothing refers to', () => {
    const root = writeDataset(FILES);
    expect(runEditIn(root, (s, io) => rm('rumor', {}, s, io))).toMatchObject({ code: 0, stdout: 'claims/acme/rumor.yaml deleted\n' });
    expect(existsSync(join(root, 'claims/acme/rumor.yaml'))).toBe(false);
  });
});

describe('a retraction or dispute, as show and the report tell it', () => {
  it('shows the reason and date beside the status, and lists the claim in the report with its reason', async () => {
    const { runCli } = await import('./cli-helpers.js');
    const root = writeDataset(FILES);
    runEditIn(root, (s, io) => retract('revenue', { reason: 'The Daily corrected the figure.' }, s, io));
    const show = await runCli(['show', 'revenue', '--today', '2026-11-24'], root);
    expect(show.stdout).toMatch(/Status +retracted \(declared\) on 2026-11-24: The Daily corrected the figure\./);
    const md = await runCli(['show', 'revenue', '--format', 'markdown'], root);
    expect(md.stdout).toContain('| Status (declared) | retracted (2026-11-24: The Daily corrected the figure.) |');
    const json = JSON.parse((await runCli(['list', '--format', 'json'], root)).stdout) as Array<{ id: string; status_reason: string | null; status_date: string | null }>;
    expect(json.find((v) => v.id === 'revenue')).toMatchObject({ status_reason: 'The Daily corrected the figure.', status_date: '2026-11-24' });
    for (const format of ['text', 'markdown', 'html']) {
      const report = await runCli(['report', '--format', format, '--today', '2026-11-24'], root);
      expect(report.stdout, format).toContain('Retracted and disputed (1)');
      expect(report.stdout, format).toContain('The Daily corrected the figure.');
    }
  });
});

describe('what a hurried desk gets told', () => {
  it('a second dispute says which reason it replaces', () => {
    const root = writeDataset(FILES);
    runEditIn(root, (s, io) => dispute('rumor', { reason: 'Acme denies it.' }, s, io));
    const r = runEditIn(root, (s, io) => dispute('rumor', { reason: 'A second outlet doubts it.' }, s, io));
    expect(r.stdout).toContain('it replaces the earlier reason (2026-11-24): Acme denies it.\n');
  });

  it('set refuses status retracted or disputed (they need a reason), and keeps dates as text', () => {
    const root = writeDataset(FILES);
    expect(runEditIn(root, (s, io) => setFields('revenue', ['status=retracted'], {}, s, io))).toMatchObject({ code: 2, stderr: expect.stringContaining('claims retract <id> --reason') });
    expect(runEditIn(root, (s, io) => setFields('revenue', ['as_of=2024'], {}, s, io)).code).toBe(0);
    expect(read(root, 'claims/acme/revenue.yaml')).toContain('as_of: "2024"\n');
  });

  it('retract on a source says it is a source', () => {
    const root = writeDataset(FILES);
    expect(runEditIn(root, (s, io) => retract('daily', { reason: 'x' }, s, io)).stderr).toBe('claims: no claim "daily" ("daily" is a source; this command works on claims)\n');
  });

  it('a merge refusal cuts long values with an ellipsis, keeping the quotes closed', () => {
    const long = 'x'.repeat(100);
    const root = writeDataset({ ...FILES, 'claims/sources/daily-copy.yaml': FILES['claims/sources/daily-copy.yaml'].replace('title: The Daily', `title: ${long}`) });
    const r = runEditIn(root, (s, io) => merge('daily-copy', 'daily', {}, s, io));
    expect(r.stderr).toContain(`title ("${'x'.repeat(57)}…" against "The Daily")`);
  });

  it('storing nothing new says so once', () => {
    const root = writeDataset(FILES);
    runEditIn(root, (s, io) => retract('revenue', { reason: 'Corrected.' }, s, io));
    expect(runEditIn(root, (s, io) => retract('revenue', { reason: 'Corrected.' }, s, io))).toMatchObject({ code: 0, stdout: 'nothing to change: the files already say this\n' });
  });
});
