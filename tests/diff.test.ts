/**
 * `claims diff`: real repositories in temporary folders, built with the git CLI and changed with the tool's own writing
 * commands (cite, set, retract, resolve, rename, merge) or by hand, then compared as JSON, text and markdown.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { text } from '../src/format/diff.js';
import type { DatasetDiff } from '../src/history/diff.js';
import { runCli } from './cli-helpers.js';
import { writeDataset } from './helpers.js';

const TODAY = ['--today', '2026-11-24'];

const source = (id: string, extra: string) => `type: source\nid: ${id}\n${extra}`;
const claim = (id: string, body: string, status: string, evidence: string) =>
  `type: claim\nid: ${id}\nsubject: Acme\n${body}status: ${status}\nevidence:\n${evidence}`;

/** The dataset at the first commit. */
const BASE: Record<string, string> = {
  'claims/sources/acme-blog.yaml': source('acme-blog', 'title: Acme results\npublisher: Acme Inc.\nkind: primary\nspeaks_for: [Acme]\nreliability: B\n'),
  'claims/sources/daily-news.yaml': source('daily-news', 'title: Acme on record\npublisher: The Daily\nkind: news\nreliability: B\n'),
  'claims/sources/rumor-mill.yaml': source('rumor-mill', 'title: People familiar\npublisher: The Daily\nkind: anonymous\nposition: staff who saw the figures\ncount: 2\n'),
  'claims/sources/wire.yaml': source('wire', 'title: Acme opens an office\npublisher: Wire\nkind: news\n'),
  'claims/sources/wire-dup.yaml': source('wire-dup', 'title: Acme opens an office\npublisher: Wire\nkind: news\n'),
  'claims/acme/arr-2026.yaml': claim('arr-2026', 'category: arr\nstatement: Acme ARR passed $10M.\nvalue: ">$10M"\nas_of: "2026-02"\n', 'rumored',
    '  - source: rumor-mill\n    quote: ARR passed $10M\n'),
  'claims/acme/ceo-2026.yaml': claim('ceo-2026', 'category: people\nstatement: Jane Roe is Acme CEO.\nas_of: "2026-01"\n', 'independent',
    '  - source: daily-news\n    quote: Jane Roe runs Acme\n'),
  'claims/acme/ipo-forecast.yaml': claim('ipo-forecast', 'category: other\nassertion: forecast\nstatement: Acme will list its shares by June 2026.\nas_of: "2026-01"\ndue: "2026-06"\n', 'company-reported',
    '  - source: acme-blog\n    quote: we will list by June\n'),
  'claims/acme/valuation-2026.yaml': claim('valuation-2026', 'category: valuation\nstatement: Acme is valued at $1B.\nvalue: "$1B"\nas_of: "2026-03"\n', 'rumored',
    '  - source: rumor-mill\n    quote: valued at a billion\n'),
  'claims/acme/office.yaml': claim('office', 'category: other\nstatement: Acme opened a Paris office.\nas_of: "2026-04"\n', 'independent',
    '  - source: wire\n    quote: Acme opens an office in Paris\n  - source: wire-dup\n    quote: a new office in Paris\n'),
};

function git(cwd: string, args: string[], date = '2026-06-01'): string {
  const env = {
    ...process.env, GIT_AUTHOR_NAME: 'Desk', GIT_AUTHOR_EMAIL: 'desk@example.org', GIT_COMMITTER_NAME: 'Desk', GIT_COMMITTER_EMAIL: 'desk@example.org',
    GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z`,
  };
  return execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A repository holding BASE as one commit. */
function repo(files: Record<string, string> = BASE): string {
  const root = writeDataset(files);
  git(root, ['init', '-q', '-b', 'main']);
  git(root, ['add', '.']);
  git(root, ['commit', '-qm', 'Log the desk'], '2026-06-01');
  return root;
}

async function claims(root: string, ...args: string[]) {
  const r = await runCli([...args, ...TODAY], root);
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
}

async function diffJson(root: string, ...args: string[]): Promise<DatasetDiff> {
  const r = await runCli(['diff', ...args, '--format', 'json', ...TODAY], root);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as DatasetDiff;
}

/** What a GFM renderer makes of the markdown: its top-level tokens. */
const lex = (md: string): Token[] => marked.lexer(md, { gfm: true });

describe('claims diff on real repositories', () => {
  it('a rumor confirmed: new independent evidence, status raised, the origin that did it, concentration crossed', async () => {
    const root = repo();
    await claims(root, 'cite', 'arr-2026', '--source', 'daily-news', '--quote', 'Acme ARR is above $10M, the company confirmed');
    await claims(root, 'set', 'arr-2026', 'status=independent');
    const d = await diffJson(root);
    expect(d.base.rev).toBe('HEAD');
    expect(d.base.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(d.head.commit).toBeNull();
    expect(d.status).toEqual([{
      id: 'arr-2026', before: 'rumored', after: 'independent', direction: 'up', new_origins: ['daily-news'], without_new_origin: false, support_after: 'independent',
    }]);
    expect(d.upgrade_without_new_origin).toBe(false);
    expect(d.support).toHaveLength(1);
    expect(d.support[0]).toMatchObject({
      id: 'arr-2026', direction: 'up', before: { support: 'rumored' }, after: { support: 'independent' },
      origins_added: [{ id: 'daily-news', class: 'independent' }], origins_removed: [],
    });
    expect(d.evidence).toEqual([{ id: 'arr-2026', added: [{ source: 'daily-news', origin: 'daily-news', via: [], quote: 'Acme ARR is above $10M, the company confirmed', unattributed: false }], removed: [], reattributed: [] }]);
    // daily-news now carries 2 of 5 claims (40%): over the report's 25% flag.
    expect(d.concentration.crossed).toEqual([{ origin: 'daily-news', direction: 'now-concentrated', before: { claims: 1, share: 0.2 }, after: { claims: 2, share: 0.4 } }]);
    expect(d.downgrades).toEqual([]);
    expect(d.claims.added).toEqual([]);

    // Committed, the same change reads the same between two revisions.
    git(root, ['commit', '-qam', 'Confirmed by The Daily'], '2026-07-01');
    const committed = await diffJson(root, 'HEAD~1..HEAD');
    expect(committed.status).toEqual(d.status);
    expect(committed.head.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(committed.head.date).toMatch(/^2026-07-01/);
    expect((await diffJson(root)).changes).toBe(0);

    const shown = await runCli(['diff', 'HEAD~1..HEAD', ...TODAY], root, { COLUMNS: '80' });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('▲ arr-2026 rumored → independent — new origin: daily-news');
    expect(shown.stdout).not.toContain('!!');
    // The counts of the summary add up to `changes`.
    expect(shown.stdout.split('\n').slice(1, 3).join(' ')).toBe('4 changes: declared status 1 · support and grade 1 · evidence 1 · source concentration 1.');
    for (const line of shown.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('a status upgraded with no new origin is called out first, in every format, and --fail-on catches it', async () => {
    const root = repo();
    const file = join(root, 'claims/acme/valuation-2026.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: rumored', 'status: independent'));
    const d = await diffJson(root);
    expect(d.upgrade_without_new_origin).toBe(true);
    expect(d.upgrades_without_new_origin.map((s) => [s.id, s.before, s.after, s.new_origins, s.support_after])).toEqual([['valuation-2026', 'rumored', 'independent', [], 'rumored']]);
    // The hand edit is also a new error of status-unsupported.
    expect(d.diagnostics.appeared.map((x) => `${x.rule} ${x.file}`)).toEqual([`status-unsupported claims/acme/valuation-2026.yaml`]);

    const plain = await runCli(['diff', ...TODAY], root, { COLUMNS: '100' });
    const lines = plain.stdout.split('\n');
    expect(lines[2]).toBe('');
    expect(lines[3]).toBe('!! 1 declared status was raised with no new origin behind it:');
    expect(lines.slice(4, 7).join(' ').replace(/\s+/g, ' ')).toContain('valuation-2026: rumored → independent with no new independent or party origin; the evidence supports only rumored');

    // Yellow for the warning when colour is on (runCli turns it off: the formatter is asked directly).
    const coloured = text(d, { color: true, width: 100 });
    expect(coloured.split('\n')[3]).toBe('\u001b[33m\u001b[1m!! 1 declared status was raised with no new origin behind it:\u001b[22m\u001b[39m');

    const md = (await runCli(['diff', '--format', 'markdown', ...TODAY], root)).stdout;
    const tokens = lex(md).filter((t) => t.type !== 'space');
    expect(tokens[0]).toMatchObject({ type: 'heading', depth: 2 });
    expect(tokens[1]!.type).toBe('blockquote');
    expect((tokens[1] as Tokens.Blockquote).text).toMatch(/^\[!WARNING\]\n\*\*1 declared status was raised with no new origin behind it:\*\*/);

    expect((await runCli(['diff', '--fail-on', 'upgrade-without-evidence', ...TODAY], root)).code).toBe(1);
    expect((await runCli(['diff', '--fail-on', 'any', ...TODAY], root)).code).toBe(1);
    expect((await runCli(['diff', '--fail-on', 'downgrade', ...TODAY], root)).code).toBe(0);
  });

  it('the same upgrade arriving with a new independent origin is not called out', async () => {
    const root = repo();
    await claims(root, 'cite', 'valuation-2026', '--source', 'daily-news', '--quote', 'valued at $1 billion');
    await claims(root, 'set', 'valuation-2026', 'status=independent');
    const d = await diffJson(root);
    expect(d.upgrade_without_new_origin).toBe(false);
    expect((await runCli(['diff', '--fail-on', 'upgrade-without-evidence', ...TODAY], root)).code).toBe(0);
  });

  it('a claim retracted is a correction and a downgrade', async () => {
    const root = repo();
    await claims(root, 'retract', 'ceo-2026', '--reason', 'The Daily corrected its article: Jane Roe is chair, not CEO');
    const d = await diffJson(root);
    expect(d.corrections).toEqual([{
      id: 'ceo-2026', before: 'independent', after: 'retracted', reason: 'The Daily corrected its article: Jane Roe is chair, not CEO', date: '2026-11-24',
    }]);
    expect(d.downgrades).toContainEqual({ id: 'ceo-2026', what: 'status', before: 'independent', after: 'retracted' });
    expect((await runCli(['diff', '--fail-on', 'downgrade', ...TODAY], root)).code).toBe(1);
    expect((await runCli(['diff', ...TODAY], root)).code).toBe(0);
    // Red for what got worse.
    expect(text(d, { color: true, width: 100 })).toContain('\u001b[31m  ▼ ceo-2026 independent → retracted');
  });

  it('a file moved, a claim renamed and a source renamed are not read as removals and additions', async () => {
    const root = repo();
    execFileSync('mkdir', ['-p', join(root, 'claims/people')]);
    git(root, ['mv', 'claims/acme/ceo-2026.yaml', 'claims/people/ceo-2026.yaml']);
    await claims(root, 'rename', 'valuation-2026', 'valuation-2026-03');
    await claims(root, 'rename', 'rumor-mill', 'people-familiar');
    const d = await diffJson(root);
    expect(d.claims.moved).toEqual([{ id: 'ceo-2026', file_before: 'claims/acme/ceo-2026.yaml', file_after: 'claims/people/ceo-2026.yaml' }]);
    expect(d.claims.renamed).toEqual([{ from: 'valuation-2026', to: 'valuation-2026-03', file_before: 'claims/acme/valuation-2026.yaml', file_after: 'claims/acme/valuation-2026-03.yaml' }]);
    expect(d.sources.renamed.map((r) => `${r.from} → ${r.to}`)).toEqual(['rumor-mill → people-familiar']);
    expect([...d.claims.added, ...d.claims.removed, ...d.sources.added, ...d.sources.removed]).toEqual([]);
    // The claims citing the renamed source keep the same evidence, support and grade.
    expect(d.evidence).toEqual([]);
    expect(d.support).toEqual([]);
    expect(d.status).toEqual([]);
    expect(d.diagnostics).toEqual({ appeared: [], disappeared: [] });
    expect(d.concentration.crossed).toEqual([]);
  });

  it('a source merged with claims merge is named as merged, and the evidence that now names it is unchanged', async () => {
    const root = repo();
    await claims(root, 'merge', 'wire-dup', 'wire');
    const d = await diffJson(root);
    expect(d.sources.merged).toEqual([{ from: 'wire-dup', into: 'wire' }]);
    expect(d.sources.removed).toEqual([]);
    expect(d.evidence).toEqual([]);
    // office had two origins (wire, wire-dup) and now one: grade 1 → 3, a downgrade caused by the merge.
    expect(d.support).toHaveLength(1);
    expect(d.support[0]).toMatchObject({ id: 'office', before: { grade: 'F1' }, after: { grade: 'F3' }, origins_added: [], origins_removed: [{ id: 'wire-dup', class: 'independent' }] });
    expect(d.downgrades).toEqual([{ id: 'office', what: 'credibility', before: 'F1', after: 'F3' }]);
  });

  it('a forecast resolved: the outcome, the claim that shows it, and the overdue warning gone', async () => {
    const root = repo();
    await claims(root, 'resolve', 'ipo-forecast', '--outcome', 'missed', '--by', 'ceo-2026');
    const d = await diffJson(root);
    expect(d.forecasts_resolved).toEqual([{ id: 'ipo-forecast', outcome: 'missed', resolved_by: 'ceo-2026', before: null }]);
    expect(d.diagnostics.disappeared.map((x) => x.rule)).toEqual(['forecast-overdue']);
    expect(d.diagnostics.appeared).toEqual([]);
  });

  it('diagnostics compare by rule, file and message: a line moved is no change', async () => {
    const root = repo();
    const file = join(root, 'claims/acme/ipo-forecast.yaml');
    writeFileSync(file, `# checked by the desk\n# twice\n${readFileSync(file, 'utf8')}`);
    const d = await diffJson(root);
    expect(d.changes).toBe(0);
    expect((await runCli(['diff', '--fail-on', 'any', ...TODAY], root)).code).toBe(0);
  });

  it('values, as_of, added and removed claims, supersession', async () => {
    const root = repo();
    const file = join(root, 'claims/acme/arr-2026.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('">$10M"', '">$12M"').replace('"2026-02"', '"2026-03"'));
    git(root, ['rm', '-q', 'claims/acme/office.yaml']);
    writeFileSync(join(root, 'claims/acme/arr-2026-06.yaml'), claim('arr-2026-06', 'category: arr\nstatement: Acme ARR passed $20M.\nvalue: ">$20M"\nas_of: "2026-06"\nsupersedes: arr-2026\n', 'rumored', '  - source: rumor-mill\n    quote: ARR passed $20M\n'));
    const d = await diffJson(root);
    expect(d.values).toEqual([
      { id: 'arr-2026', field: 'value', before: '>$10M', after: '>$12M' },
      { id: 'arr-2026', field: 'as_of', before: '2026-02', after: '2026-03' },
    ]);
    expect(d.claims.removed.map((r) => r.id)).toEqual(['office']);
    expect(d.claims.added).toEqual([{ id: 'arr-2026-06', file: 'claims/acme/arr-2026-06.yaml', status: 'rumored', support: 'rumored', grade: 'F4', statement: 'Acme ARR passed $20M.' }]);
    expect(d.superseded).toEqual([{ id: 'arr-2026', by: 'arr-2026-06', before: null }]);
  });

  it('markdown: headings and tables a GFM renderer reads, long sections folded in <details>, lists capped', async () => {
    const files = { ...BASE };
    const root = repo(files);
    for (let i = 0; i < 30; i++) {
      writeFileSync(join(root, `claims/acme/extra-${String(i).padStart(2, '0')}.yaml`), claim(`extra-${String(i).padStart(2, '0')}`, 'category: other\nstatement: Acme did <b>thing</b> | $5 *now*.\nas_of: "2026-05"\n', 'rumored', '  - source: rumor-mill\n    quote: a thing\n'));
    }
    await claims(root, 'cite', 'arr-2026', '--source', 'daily-news', '--quote', 'above $10M');
    const md = (await runCli(['diff', '--format', 'markdown', ...TODAY], root)).stdout;
    const tokens = lex(md);
    const html = tokens.filter((t) => t.type === 'html').map((t) => t.raw).join('');
    expect(html).toContain('<details><summary>Claims: 30</summary>');
    expect(html).toContain('</details>');
    const tables = tokens.filter((t): t is Tokens.Table => t.type === 'table');
    // The claims table, capped at 20 rows; the evidence and the support tables are short and not folded.
    const claimsTable = tables.find((t) => t.rows.some((r) => r[1]!.text === '`extra-00`'))!;
    expect(claimsTable.header.map((h) => h.text)).toEqual(['', 'claim', 'change', 'details']);
    expect(claimsTable.rows).toHaveLength(20);
    expect(md).toContain('and 10 more');
    expect(tokens.some((t) => t.type === 'heading' && (t as Tokens.Heading).text === 'Evidence')).toBe(true);
    // Data never becomes markup: no raw <b>, and the pipe stays in its cell.
    expect(md).not.toContain('<b>');
    expect(claimsTable.rows.every((r) => r.length === 4)).toBe(true);
    expect(marked.parse(md, { async: false })).not.toContain('<b>thing');
  });
});
