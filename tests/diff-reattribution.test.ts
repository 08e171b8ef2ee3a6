/**
 * `claims diff` on an evidence item that keeps its source and quote but credits another origin: one re-attribution,
 * called out when it raises the item's class; the summary's counts equal the entries listed; diagnostic messages whole,
 * with their `code` as code spans in markdown. Real repositories in temporary folders, built with the git CLI.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { MESSAGE_CUT, mdMessageCell, text } from '../src/format/diff.js';
import type { DatasetDiff } from '../src/history/diff.js';
import { runCli } from './cli-helpers.js';
import { writeDataset } from './helpers.js';

const TODAY = ['--today', '2026-11-24'];
const QUOTE = 'TechCrunch said Acme is rumored to be raising a new round at a $6B valuation';

const FILES: Record<string, string> = {
  'claims/sources/tc-article.yaml': 'type: source\nid: tc-article\ntitle: Acme raise\npublisher: TechCrunch\nkind: news\nreliability: B\n',
  'claims/sources/tc-profile.yaml': 'type: source\nid: tc-profile\ntitle: Acme profile\npublisher: TechCrunch\nkind: news\nreliability: B\n',
  'claims/sources/anon-raise.yaml': 'type: source\nid: anon-raise\ntitle: People familiar with the raise\npublisher: TechCrunch\nkind: anonymous\nposition: investors briefed on the round\n',
  'claims/sources/acme-blog.yaml': 'type: source\nid: acme-blog\ntitle: Acme news\npublisher: Acme Inc.\nkind: primary\nspeaks_for: [Acme]\nreliability: B\n',
  'claims/acme/raise-2026.yaml': 'type: claim\nid: raise-2026\nsubject: Acme\ncategory: valuation\nstatement: Acme is raising at a $6B valuation.\nas_of: "2026-05"\nstatus: rumored\nevidence:\n'
    + `  - source: tc-article\n    origin: anon-raise\n    quote: ${QUOTE}\n`,
  'claims/acme/hq-2026.yaml': 'type: claim\nid: hq-2026\nsubject: Acme\ncategory: other\nstatement: Acme moved its headquarters to Lyon.\nas_of: "2026-04"\nstatus: company-reported\nevidence:\n'
    + '  - source: tc-article\n    origin: acme-blog\n    quote: Acme says it moved to Lyon\n',
};

function git(cwd: string, args: string[]): string {
  const date = '2026-06-01T12:00:00Z';
  const env = {
    ...process.env, GIT_AUTHOR_NAME: 'Desk', GIT_AUTHOR_EMAIL: 'desk@example.org', GIT_COMMITTER_NAME: 'Desk', GIT_COMMITTER_EMAIL: 'desk@example.org',
    GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date,
  };
  return execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function repo(): string {
  const root = writeDataset(FILES);
  git(root, ['init', '-q', '-b', 'main']);
  git(root, ['add', '.']);
  git(root, ['commit', '-qm', 'Log the desk']);
  return root;
}

function edit(root: string, file: string, from: string | RegExp, to: string): void {
  const path = join(root, file);
  const before = readFileSync(path, 'utf8');
  const after = before.replace(from, to);
  expect(after, `${file}: nothing replaced`).not.toBe(before);
  writeFileSync(path, after);
}

async function diffJson(root: string): Promise<DatasetDiff> {
  const r = await runCli(['diff', '--format', 'json', ...TODAY], root);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as DatasetDiff;
}

const exitOf = async (root: string, failOn: string) => (await runCli(['diff', '--fail-on', failOn, ...TODAY], root)).code;
const lex = (md: string): Token[] => marked.lexer(md, { gfm: true });

/** The summary's counts ("evidence 2") add up to `changes`, the number of entries listed. */
function summaryCounts(out: string): { total: number; parts: Record<string, number> } {
  const line = out.split('\n').slice(1, 4).join(' ').replace(/\s+/g, ' ');
  const m = /(\d+) changes?: (.*?)(?:;|\.)/.exec(line);
  expect(m, line).not.toBeNull();
  const parts = Object.fromEntries(m![2]!.split(' · ').map((p) => { const i = p.lastIndexOf(' '); return [p.slice(0, i), Number(p.slice(i + 1))]; }));
  return { total: Number(m![1]), parts };
}

describe('claims diff: an evidence item re-attributed', () => {
  it('anonymous → independent with the same quote: one re-attribution, called out in every format, failing upgrade-without-evidence and reattribution', async () => {
    const root = repo();
    edit(root, 'claims/acme/raise-2026.yaml', 'origin: anon-raise', 'origin: tc-profile');
    const d = await diffJson(root);
    expect(d.status).toEqual([]);
    expect(d.evidence).toEqual([{
      id: 'raise-2026', added: [], removed: [],
      reattributed: [{
        source: 'tc-article', quote: QUOTE,
        before: { origin: 'anon-raise', via: [], unattributed: false, class: 'anonymous' },
        after: { origin: 'tc-profile', via: [], unattributed: false, class: 'independent' },
        upward: true,
      }],
    }]);
    expect(d.reattributed_upward).toBe(true);
    expect(d.reattributions_upward.map((r) => [r.id, r.before.origin, r.after.origin])).toEqual([['raise-2026', 'anon-raise', 'tc-profile']]);
    expect(d.upgrade_without_new_origin).toBe(false);
    // The derived support rose too, with the origin it gained.
    expect(d.support[0]).toMatchObject({ id: 'raise-2026', direction: 'up', origins_added: [{ id: 'tc-profile', class: 'independent' }] });

    const out = (await runCli(['diff', ...TODAY], root, { COLUMNS: '1000' })).stdout;
    const lines = out.split('\n');
    expect(lines[3]).toBe('!! 1 evidence item was re-attributed upward with the same quote: check the text says so:');
    expect(lines[4]).toBe(`   raise-2026: anon-raise (anonymous) → tc-profile (independent); in tc-article “${QUOTE}”`);
    expect(out).toContain(`! raise-2026 evidence re-attributed — anon-raise (anonymous) → tc-profile (independent) — origin re-attributed upward with the same quote: check the text says so; in tc-article “${QUOTE}”`);
    expect(out).not.toContain('evidence added');
    expect(out).not.toContain('evidence removed');
    const { total, parts } = summaryCounts(out);
    expect(parts.evidence).toBe(1);
    expect(total).toBe(d.changes);
    expect(Object.values(parts).reduce((a, b) => a + b, 0)).toBe(total);

    const md = (await runCli(['diff', '--format', 'markdown', ...TODAY], root)).stdout;
    const quotes = lex(md).filter((t): t is Tokens.Blockquote => t.type === 'blockquote');
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.text).toMatch(/^\[!WARNING\]\n\*\*1 evidence item was re-attributed upward with the same quote: check the text says so:\*\*\n- `raise-2026`: anon-raise \(anonymous\) → tc-profile \(independent\)/);

    expect(await exitOf(root, 'upgrade-without-evidence')).toBe(1);
    expect(await exitOf(root, 'reattribution')).toBe(1);
    expect(await exitOf(root, 'downgrade')).toBe(0);
  });

  it('the status raised with the re-attribution as its only "new origin": the status is not called out, the re-attribution is, and --fail-on catches it', async () => {
    const root = repo();
    edit(root, 'claims/acme/raise-2026.yaml', 'origin: anon-raise', 'origin: tc-profile');
    edit(root, 'claims/acme/raise-2026.yaml', 'status: rumored', 'status: independent');
    const d = await diffJson(root);
    expect(d.status.map((x) => [x.before, x.after, x.new_origins, x.without_new_origin])).toEqual([['rumored', 'independent', ['tc-profile'], false]]);
    expect(d.upgrade_without_new_origin).toBe(false);
    expect(d.reattributed_upward).toBe(true);
    expect(await exitOf(root, 'upgrade-without-evidence')).toBe(1);
  });

  it('self → independent and unattributed → attributed are upward; independent → anonymous and a relay added are not', async () => {
    const root = repo();
    edit(root, 'claims/acme/hq-2026.yaml', 'origin: acme-blog', 'origin: tc-profile');
    let d = await diffJson(root);
    expect(d.evidence[0]!.reattributed.map((r) => [r.before.class, r.after.class, r.upward])).toEqual([['self', 'independent', true]]);
    git(root, ['commit', '-qam', 'hq']);

    // Stated without attribution, then attributed to the text itself: the class is what changed.
    edit(root, 'claims/acme/hq-2026.yaml', '    origin: tc-profile\n', '    unattributed: true\n');
    d = await diffJson(root);
    expect(d.evidence[0]!.reattributed.map((r) => [r.before.origin, r.after.origin, r.before.class, r.after.class, r.upward]))
      .toEqual([['tc-profile', 'tc-article', 'independent', 'unattributed', false]]);
    expect(d.reattributed_upward).toBe(false);
    expect(await exitOf(root, 'reattribution')).toBe(0);
    expect(await exitOf(root, 'upgrade-without-evidence')).toBe(0);
    git(root, ['commit', '-qam', 'unattributed']);
    edit(root, 'claims/acme/hq-2026.yaml', '    unattributed: true\n', '');
    d = await diffJson(root);
    expect(d.evidence[0]!.reattributed.map((r) => [r.before.unattributed, r.after.unattributed, r.before.class, r.after.class, r.upward]))
      .toEqual([[true, false, 'unattributed', 'independent', true]]);
    expect(await exitOf(root, 'reattribution')).toBe(1);
    expect((await runCli(['diff', ...TODAY], root, { COLUMNS: '1000' })).stdout).toContain('   hq-2026: tc-article (unattributed) → tc-article (independent); in tc-article “Acme says it moved to Lyon”');
    edit(root, 'claims/acme/hq-2026.yaml', '  - source: tc-article\n', '  - source: tc-article\n    origin: tc-profile\n');
    git(root, ['commit', '-qam', 'attributed']);

    // Read through a relay: the same origin and class, listed as a re-attribution, not called out.
    edit(root, 'claims/acme/hq-2026.yaml', 'origin: tc-profile', 'origin: tc-profile\n    via: [acme-blog]');
    d = await diffJson(root);
    expect(d.evidence[0]!.reattributed).toEqual([{
      source: 'tc-article', quote: 'Acme says it moved to Lyon',
      before: { origin: 'tc-profile', via: [], unattributed: false, class: 'independent' },
      after: { origin: 'tc-profile', via: ['acme-blog'], unattributed: false, class: 'independent' },
      upward: false,
    }]);
    const out = (await runCli(['diff', ...TODAY], root, { COLUMNS: '1000' })).stdout;
    expect(out).toContain('~ hq-2026 evidence re-attributed — tc-profile direct (independent) → tc-profile via acme-blog (independent); in tc-article “Acme says it moved to Lyon”');
    expect(out).not.toContain('!!');
    git(root, ['commit', '-qam', 'relay']);

    // independent → anonymous: listed, a downgrade of the support, not called out.
    edit(root, 'claims/acme/raise-2026.yaml', 'origin: anon-raise', 'origin: tc-profile');
    git(root, ['commit', '-qam', 'raise attributed']);
    edit(root, 'claims/acme/raise-2026.yaml', 'origin: tc-profile', 'origin: anon-raise');
    d = await diffJson(root);
    expect(d.evidence[0]!.reattributed.map((r) => [r.before.class, r.after.class, r.upward])).toEqual([['independent', 'anonymous', false]]);
    expect(d.reattributed_upward).toBe(false);
    expect(await exitOf(root, 'downgrade')).toBe(1);
    expect(await exitOf(root, 'reattribution')).toBe(0);
  });

  it('a new quote with a new origin is evidence added and removed, and the summary counts both', async () => {
    const root = repo();
    edit(root, 'claims/acme/raise-2026.yaml', `origin: anon-raise\n    quote: ${QUOTE}`, 'origin: tc-profile\n    quote: Acme raised at $6B');
    const d = await diffJson(root);
    expect(d.evidence).toHaveLength(1);
    expect(d.evidence[0]!.reattributed).toEqual([]);
    expect(d.evidence[0]!.added.map((e) => e.origin)).toEqual(['tc-profile']);
    expect(d.evidence[0]!.removed.map((e) => e.origin)).toEqual(['anon-raise']);
    expect(d.reattributed_upward).toBe(false);
    const out = (await runCli(['diff', ...TODAY], root, { COLUMNS: '1000' })).stdout;
    const { total, parts } = summaryCounts(out);
    // Two evidence entries are listed, so the summary says two.
    expect(parts.evidence).toBe(2);
    expect((out.match(/ raise-2026 evidence (added|removed) — /g) ?? [])).toHaveLength(2);
    expect(total).toBe(d.changes);
    expect(Object.values(parts).reduce((a, b) => a + b, 0)).toBe(total);
  });
});

describe('claims diff: diagnostic messages', () => {
  it('a status-unsupported message is shown whole, and in markdown its `code` is a code span inside a table that stays a table', async () => {
    const root = repo();
    edit(root, 'claims/acme/raise-2026.yaml', 'status: rumored', 'status: independent');
    const d = await diffJson(root);
    const message = d.diagnostics.appeared.find((x) => x.rule === 'status-unsupported')!.message;
    expect(message).toMatch(/`status: rumored`/);
    const out = (await runCli(['diff', ...TODAY], root, { COLUMNS: '2000' })).stdout;
    expect(out).toContain(message);
    expect(out).not.toMatch(/status-unsupported — [^\n]*…/);

    const md = (await runCli(['diff', '--format', 'markdown', ...TODAY], root)).stdout;
    const table = lex(md).filter((t): t is Tokens.Table => t.type === 'table').find((t) => t.rows.some((r) => r[2]!.text.includes('status-unsupported')))!;
    expect(table.rows.every((r) => r.length === 4)).toBe(true);
    const html = marked.parse(md, { async: false });
    expect(html).toContain('<code>status: rumored</code>');
  });

  it('a message of 450 characters is not cut; a longer one is cut at MESSAGE_CUT', () => {
    const base: DatasetDiff = {
      base: { rev: 'HEAD', commit: 'a'.repeat(40), date: '2026-06-01T12:00:00Z', subject: 's' }, head: { rev: null, commit: null, date: null, subject: null },
      upgrade_without_new_origin: false, upgrades_without_new_origin: [], reattributed_upward: false, reattributions_upward: [], downgrades: [], changes: 1,
      claims: { added: [], removed: [], renamed: [], moved: [], merged: [], unreadable: [] },
      sources: { added: [], removed: [], renamed: [], moved: [], merged: [], unreadable: [] },
      status: [], support: [], values: [], evidence: [], forecasts_resolved: [], corrections: [], superseded: [],
      diagnostics: { appeared: [], disappeared: [] }, concentration: { threshold: 0.25, crossed: [] },
    };
    const long = `${'word '.repeat(88)}end.`;
    expect(long.length).toBe(444);
    const withMessage = (m: string): DatasetDiff => ({ ...base, diagnostics: { appeared: [{ rule: 'r', severity: 'error', file: 'f.yaml', line: 1, message: m }], disappeared: [] } });
    expect(text(withMessage(long), { color: false, width: 5000 })).toContain(long);
    const huge = 'x'.repeat(5000);
    const shown = text(withMessage(huge), { color: false, width: 10000 });
    expect(shown).toContain(`${'x'.repeat(MESSAGE_CUT - 1)}…`);
    expect(shown).not.toContain('x'.repeat(MESSAGE_CUT));
  });

  it('a message cell: code spans where safe, everything else escaped, one row of four cells', () => {
    const cases: [string, string[], string[]][] = [
      // [message, code elements expected, text that must not appear in the HTML]
      ['Set `status: rumored` or add evidence.', ['status: rumored'], []],
      ['A pipe `a | b` and <b>bold</b> | outside', ['a | b'], ['<b>']],
      ['HTML in code `<img src=x onerror=alert(1)>` stays text', ['&lt;img src=x onerror=alert(1)&gt;'], ['<img']],
      ['A backslash `C:\\path|x` is not code', [], ['<code>']],
      // Backticks pair left to right, as markdown pairs them; a lone one left at the end is text.
      ['Two `ok` and a lone ` backtick', ['ok'], []],
      ['Empty `` and a line\nbreak `x`', ['x'], []],
    ];
    for (const [message, codes, absent] of cases) {
      const md = `| | where | change | details |\n|---|---|---|---|\n| + | \`f.yaml:1\` | error r | ${mdMessageCell(message)} |\n`;
      const tables = lex(md).filter((t): t is Tokens.Table => t.type === 'table');
      expect(tables, message).toHaveLength(1);
      expect(tables[0]!.rows, message).toHaveLength(1);
      expect(tables[0]!.rows[0], message).toHaveLength(4);
      const html = marked.parse(md, { async: false });
      const cell = /<td>\+<\/td>\s*<td><code>f\.yaml:1<\/code><\/td>\s*<td>error r<\/td>\s*<td>([\s\S]*?)<\/td>/.exec(html);
      expect(cell, `${message}\n${html}`).not.toBeNull();
      expect([...cell![1]!.matchAll(/<code>(.*?)<\/code>/g)].map((m) => m[1]), message).toEqual(codes);
      for (const a of absent) expect(cell![1], message).not.toContain(a);
    }
  });
});
