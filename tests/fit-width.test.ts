// Every line of the terminal outputs of show, sources, list, report and sql fits the terminal's width, and ids are
// never cut, on the bundled dataset at the widths people use (a narrow split pane to a wide window).
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/index.js';
import { balanceCodes, fitWrap, visible } from '../src/format/layout.js';
import { sqlFormatters } from '../src/format/sql.js';

// A copy outside any git repository, so the report reads the dataset's own links whatever the checkout's history.
const ROOT = mkdtempSync(join(tmpdir(), 'claims-fit-'));
cpSync(resolve(__dirname, '..', 'claims'), join(ROOT, 'claims'), { recursive: true });

const WIDTHS = [40, 60, 80, 100, 120];

async function claims(args: string[], columns = 120): Promise<string> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false, columns },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: () => ROOT,
    env: {},
    color: false,
  };
  const code = await run(['node', 'claims', ...args], io);
  expect(code, stderr).toBe(0);
  return stdout;
}

/** The lines wider than `width`, with their widths. */
const tooWide = (out: string, width: number): string[] => out.split('\n').filter((l) => visible(l) > width).map((l) => `${visible(l)}: ${l}`);

/** The words of an output: split at spaces and table borders, with the punctuation around an id left out. */
function words(out: string): Set<string> {
  return new Set(out.split(/[\s│┌┐└┘├┤┬┴┼─•]+/).map((w) => w.replace(/^[(“"'`]+|[)”"'`.,;:]+$/g, '')));
}

/** The ids that do not appear whole: only ids that can fit a line at all (a record's `• ` and a little room) are asked for. */
const cut = (out: string, ids: string[], width: number): string[] => {
  const seen = words(out);
  return ids.filter((id) => [...id].length + 4 <= width && !seen.has(id));
};

const COMMANDS: Array<[string, string[]]> = [
  ['show rumored-raise-2026', ['show', 'rumored-raise-2026']],
  ['show arr-2026-02', ['show', 'arr-2026-02']],
  ['sources', ['sources']],
  ['list', ['list']],
  ['report', ['report', '--today', '2026-11-24']],
  ['sql', ['sql', 'SELECT id, subject, status, statement FROM claims']],
  ['sql (source ids)', ['sql', 'SELECT o.origin_id AS source, s.publisher, count(*) AS claims FROM claim_origins o JOIN sources s ON s.id = o.origin_id GROUP BY 1, 2']],
];

describe('terminal outputs fit the width', () => {
  it.each(COMMANDS.flatMap(([name, args]) => WIDTHS.map((w) => [name, w, args] as const)))('%s at %i columns: every line fits', async (_name, width, args) => {
    const out = await claims(args, width);
    expect(out.length).toBeGreaterThan(100);
    expect(tooWide(out, width)).toEqual([]);
  });

  it('a terminal of 40 columns gets 40, not the 120 of an unknown width', async () => {
    const out = await claims(['list'], 40);
    expect(tooWide(out, 40)).toEqual([]);
    expect(out.split('\n').some((l) => visible(l) > 30)).toBe(true);
  });
});

describe('ids are never cut', async () => {
  const claimIds = (await claims(['list', '--format', 'ids'])).trim().split('\n');
  const sourceIds = (await claims(['sources', '--format', 'ids'])).trim().split('\n');
  const report = JSON.parse(await claims(['report', '--format', 'json', '--today', '2026-11-24'])) as { concentration: Array<{ origin: string }> };
  const origins = report.concentration.map((e) => e.origin);

  it('the bundled dataset has ids long enough to be cut', () => {
    expect(Math.max(...claimIds.map((id) => id.length))).toBeGreaterThan(40);
    expect(Math.max(...sourceIds.map((id) => id.length))).toBeGreaterThan(30);
  });

  it.each(WIDTHS)('list, sources, report and sql at %i columns show every id whole', async (width) => {
    expect(cut(await claims(['list'], width), claimIds, width)).toEqual([]);
    expect(cut(await claims(['sources'], width), sourceIds, width)).toEqual([]);
    const text = await claims(['report', '--today', '2026-11-24'], width);
    expect(cut(text, claimIds, width)).toEqual([]);
    expect(cut(text, origins, width)).toEqual([]);
    // Statuses are words a reader scans for: the status column keeps them whole too.
    expect(cut(text, ['company-reported'], width)).toEqual([]);
    expect(text).not.toMatch(/company-reporte(?!d)/);
    expect(cut(await claims(['sql', 'SELECT id, statement FROM claims'], width), claimIds, width)).toEqual([]);
  });

  it.each(WIDTHS)('show at %i columns names every source of the chain whole', async (width) => {
    const out = await claims(['show', 'arr-2026-02'], width);
    const chain = ['mistral-arr-disclosure-2026-02', 'techcrunch-profile', 'sovereignty-analysis'];
    expect(cut(out, chain, width)).toEqual([]);
    expect(cut(out, ['arr-2026-02'], width)).toEqual([]);
  });

  it('list falls back to one record per claim when the ids leave no room for a statement, and is a table when they do', async () => {
    expect(await claims(['list'], 60)).toMatch(/^• people-founders\n {4}status: rumored/);
    const wide = await claims(['list'], 200);
    expect(wide.startsWith('┌')).toBe(true);
    expect(wide).toContain('│ people-founders ');
  });
});

describe('show wraps its rows under the value column', () => {
  it('the Grade row continues under its value, the chain under each link', async () => {
    const out = await claims(['show', 'rumored-raise-2026'], 60);
    const lines = out.split('\n');
    const grade = lines.findIndex((l) => l.startsWith('  Grade    '));
    expect(grade).toBeGreaterThan(0);
    expect(lines[grade + 1]).toMatch(/^ {11}\S/);
    const link = lines.findIndex((l) => l.startsWith('  1. origin anonymous-sources-mistral-raise'));
    expect(lines[link + 1]).toMatch(/^ {5}\S/);
  });
});

describe('sql tables', () => {
  const result = (rows: Array<[string, string]>) => ({ columns: ['id', 'note'], rows, more: 0 });

  it('have no rule line between rows of one line each', () => {
    const out = sqlFormatters.table(result([['a-claim', 'one'], ['b-claim', 'two'], ['c-claim', 'three']]), { color: false, width: 80 });
    expect(out.split('\n').filter((l) => l.startsWith('├'))).toHaveLength(1);
  });

  it('keep the rule line between rows that wrap, so a reader sees where each ends', () => {
    const long = 'word '.repeat(40).trim();
    const out = sqlFormatters.table(result([['a-claim', long], ['b-claim', long]]), { color: false, width: 60 });
    expect(out.split('\n').filter((l) => l.startsWith('├'))).toHaveLength(2);
    expect(tooWide(out, 60)).toEqual([]);
  });

  it('become records rather than cut an id in the first column', () => {
    const id = 'a-very-long-claim-identifier-that-will-not-share-a-line';
    const out = sqlFormatters.table(result([[id, 'a note long enough to want a column of its own beside the id']]), { color: false, width: 60 });
    expect(out).toContain(`• ${id}`);
    expect(tooWide(out, 60)).toEqual([]);
  });

  it('cut a first column that holds no ids, as any other column', () => {
    const out = sqlFormatters.table({ columns: ['subject', 'note'], rows: [['Mistral AI and every company it partners with in Europe', 'x'.repeat(50)]], more: 0 }, { color: false, width: 60 });
    expect(out.startsWith('┌')).toBe(true);
    expect(tooWide(out, 60)).toEqual([]);
  });
});

describe('fitWrap', () => {
  it('keeps a word whole, moving it left when its indent leaves no room', () => {
    const out = fitWrap('Grade F4 (reliability F of anonymous-sources-openai-softbank)', 40, '           ');
    expect(tooWide(out, 40)).toEqual([]);
    expect(out).toContain('anonymous-sources-openai-softbank)');
  });

  it('breaks only a word wider than the whole width', () => {
    const word = 'x'.repeat(95);
    const out = fitWrap(`see ${word}`, 40, '  ');
    expect(tooWide(out, 40)).toEqual([]);
    expect(out.replace(/\s/g, '')).toBe(`see${word}`);
  });

  it('closes colours at each line break and opens them again on the next line', () => {
    const dim = (s: string) => `\u001b[2m${s}\u001b[22m`;
    const out = fitWrap(`label ${dim('one two three four five six seven eight nine ten')}`, 20);
    const lines = out.split('\n');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines[0]!.endsWith('\u001b[0m')).toBe(true);
    expect(lines[1]!.startsWith('\u001b[2m')).toBe(true);
    expect(lines.at(-1)!.endsWith('\u001b[22m')).toBe(true);
    expect(balanceCodes('plain\ntext')).toBe('plain\ntext');
  });
});
