/** `claims sql` and `claims export --format sqlite` from the command line: filters, formats, bounds and faults. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { SQL_SHOWN_ROWS } from '../src/format/sql.js';
import { runCli } from './cli-helpers.js';
import { source, writeDataset } from './helpers.js';

const TODAY = ['--today', '2026-11-24'];

const claim = (id: string, status: string, extra = '', ev = '  - source: a\n') =>
  `type: claim\nid: ${id}\nsubject: Acme\ncategory: arr\nstatement: Acme ${id}.\nstatus: ${status}\n${extra}evidence:\n${ev}`;

/** A small dataset: two rumored claims, one company-reported, a source with a hostile title. */
function dataset(): string {
  return writeDataset({
    'claims/sources/a.yaml': source('a', 'speaks_for: [Acme]\n'),
    'claims/sources/b.yaml': 'type: source\nid: b\ntitle: "=HYPERLINK(\\"x\\") \\u001b[31mred"\npublisher: Wire\nkind: news\n',
    'claims/acme/r1.yaml': claim('r1', 'rumored', 'value: $5M\nas_of: 2026-02\n', '  - source: b\n    unattributed: true\n'),
    'claims/acme/r2.yaml': claim('r2', 'rumored', '', '  - source: b\n    unattributed: true\n'),
    'claims/acme/c1.yaml': claim('c1', 'company-reported', 'value: [$1.2B, "~€1.1B"]\nas_of: 2026-03-04\n'),
  });
}

const sql = (cwd: string, ...args: string[]) => runCli(['sql', ...TODAY, ...args], cwd);

describe('claims sql', () => {
  const dir = dataset();

  it('runs a grouped aggregate, as csv with a header row', async () => {
    const r = await sql(dir, '--format', 'csv', 'SELECT status, count(*) AS n FROM claims GROUP BY status ORDER BY status');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(parse(r.stdout)).toEqual([['status', 'n'], ['company-reported', '1'], ['rumored', '2']]);
  });

  it('applies the list filters first: only the kept claims and their rows; every source, with usage over the kept claims', async () => {
    const r = await sql(dir, '--status', 'rumored', '--format', 'json',
      "SELECT (SELECT group_concat(id) FROM claims) AS claims, (SELECT count(*) FROM evidence) AS evidence, (SELECT count(*) FROM claim_values) AS forms, (SELECT group_concat(id || ':' || read_by) FROM sources) AS sources");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ claims: 'r1,r2', evidence: 2, forms: 1, sources: 'a:0,b:2' }]);
    const bad = await sql(dir, '--status', 'rumoured', 'SELECT 1');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^claims: --status: "rumoured" is not valid/);
  });

  it('json keeps numbers and nulls typed; a repeated column name is kept apart', async () => {
    const r = await sql(dir, '--format', 'json', "SELECT id, amount, currency, as_of_start, overdue, parties, id FROM claims WHERE id IN ('c1', 'r2') ORDER BY id");
    expect(JSON.parse(r.stdout)).toEqual([
      { id: 'c1', amount: 1.2e9, currency: 'USD', as_of_start: '2026-03-04', overdue: 0, parties: '[]', 'id (2)': 'c1' },
      { id: 'r2', amount: null, currency: null, as_of_start: null, overdue: 0, parties: '[]', 'id (2)': 'r2' },
    ]);
  });

  it('csv neutralises formulas; the table escapes control characters and fits the width', async () => {
    const csv = await sql(dir, '--format', 'csv', "SELECT title FROM sources WHERE id = 'b'");
    expect(csv.stdout.split('\r\n')[1]).toMatch(/^"'=HYPERLINK/);
    const table = await runCli(['sql', ...TODAY, "SELECT claims.id, title, statement FROM claims, sources WHERE sources.id = 'b'"], dir, { COLUMNS: '60' });
    expect(table.code).toBe(0);
    expect(table.stdout).not.toContain('\u001b');
    expect(table.stdout).toContain('\\x1b[31mred');
    for (const line of table.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
    expect(table.stdout).toMatch(/\n3 rows\n$/);
    const md = await sql(dir, '--format', 'markdown', "SELECT id, amount FROM claims WHERE id = 'c1'");
    expect(md.stdout).toBe('| id | amount |\n| --- | ---: |\n| c1 | 1200000000 |\n');
  });

  it(`table and markdown show at most ${SQL_SHOWN_ROWS} rows and count the rest; csv and json print every row`, async () => {
    const q = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500) SELECT i FROM n';
    const table = await sql(dir, q);
    expect(table.stdout).toContain('… 500 more rows not shown');
    expect(table.stdout).toContain('│ 1000 │');
    expect(table.stdout).not.toContain('│ 1001 │');
    const md = await sql(dir, '--format', 'markdown', q);
    // The head, the alignment row and the rows shown; then the note.
    expect(md.stdout.split('\n').filter((l) => l.startsWith('| ')).length).toBe(SQL_SHOWN_ROWS + 2);
    expect(md.stdout).toMatch(/\n… 500 more rows not shown[^\n]*\n$/);
    const csv = await sql(dir, '--format', 'csv', q);
    expect(csv.stdout.trimEnd().split('\r\n').length).toBe(1501);
  });

  it('a bad query is one line naming SQLite\'s error, exit 2, nothing on stdout', async () => {
    for (const [query, message] of [
      ['SELEC 1', 'claims: sql: near "SELEC": syntax error\n'],
      ['SELECT nope FROM claims', 'claims: sql: no such column: nope\n'],
      ['SELECT * FROM claim', 'claims: sql: no such table: claim\n'],
    ] as const) {
      const r = await sql(dir, query);
      expect(r.code, query).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(message);
    }
    const long = await sql(dir, `SELECT ${'x'.repeat(5000)}( FROM claims`);
    expect(long.code).toBe(2);
    expect(long.stderr.split('\n').length).toBe(2);
    expect(long.stderr.length).toBeLessThan(400);
  });

  it('is read-only: writes are refused, and a second statement or an empty query is a usage error', async () => {
    for (const q of ['DELETE FROM claims', "INSERT INTO sources (id) VALUES ('x')", 'CREATE TABLE t (x)', 'DROP TABLE claims']) {
      const r = await sql(dir, q);
      expect(r.code, q).toBe(2);
      expect(r.stderr, q).toBe('claims: sql: attempt to write a readonly database\n');
    }
    // ATTACH creates files only in the WebAssembly module's memory, never on disk.
    const attach = await sql(dir, "ATTACH 'leak.db' AS leak");
    expect(attach.code === 0 || attach.code === 2).toBe(true);
    expect(existsSync(join(dir, 'leak.db'))).toBe(false);
    const two = await sql(dir, 'SELECT 1; SELECT 2');
    expect([two.code, two.stderr]).toEqual([2, 'claims: sql: give one statement (this query has more than one)\n']);
    expect((await sql(dir, '  ')).code).toBe(2);
    expect((await sql(dir, '/* only a comment */ ;')).stderr).toMatch(/holds no statement/);
    // The files are as they were.
    expect(readFileSync(join(dir, 'claims/acme/r1.yaml'), 'utf8')).toContain('id: r1');
  });

  it('diagnostics: exactly what validate reports, filled when the query names the table', async () => {
    const broken = writeDataset({
      'claims/sources/a.yaml': source('a'),
      'claims/acme/x.yaml': claim('x', 'independent', '', '  - source: ghost\n'),
      'claims/acme/bad.yaml': 'type: claim\nid: [\n',
    });
    const r = await sql(broken, '--format', 'json', 'SELECT file, line, "column", end_line, end_column, severity, rule, message_id, message, path FROM diagnostics ORDER BY id');
    expect(r.code).toBe(0);
    const validate = await runCli(['validate', ...TODAY, '--format', 'json'], broken);
    const { diagnostics } = JSON.parse(validate.stdout) as { diagnostics: Record<string, unknown>[] };
    expect(diagnostics.length).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(r.stdout)).toEqual(diagnostics.map((d) => ({
      file: d.file, line: d.line, column: d.column, end_line: d.endLine, end_column: d.endColumn, severity: d.severity,
      rule: d.rule, message_id: d.messageId, message: d.message, path: d.path,
    })));
  });
});

describe('claims export --format sqlite', () => {
  it('needs --out naming a file in a folder that exists (exit 2 otherwise), and writes it atomically', async () => {
    const dir = dataset();
    const none = await runCli(['export', '--format', 'sqlite', ...TODAY], dir);
    expect([none.code, none.stdout]).toEqual([2, '']);
    expect(none.stderr).toBe('claims: --format sqlite writes a file: give --out <file>, e.g. claims export --format sqlite --out claims.db\n');
    mkdirSync(join(dir, 'out'));
    const folder = await runCli(['export', '--format', 'sqlite', '--out', 'out', ...TODAY], dir);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/^claims: --out: "out" is a folder/);
    const nowhere = await runCli(['export', '--format', 'sqlite', '--out', 'no/such/claims.db', ...TODAY], dir);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/no folder "no\/such"/);
    const ok = await runCli(['export', '--format', 'sqlite', '--out', 'out/claims.db', ...TODAY], dir);
    // One line on stderr says what was written; stdout stays empty.
    expect([ok.code, ok.stdout, ok.stderr]).toEqual([0, '', 'claims: wrote out/claims.db: 3 claims, 2 sources, 3 evidence items\n']);
    const bytes = readFileSync(join(dir, 'out/claims.db'));
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000');
    expect(readdirSync(join(dir, 'out'))).toEqual(['claims.db']);
  });

  it('--out with a text format writes the text to the file instead of stdout', async () => {
    const dir = dataset();
    const r = await runCli(['export', '--format', 'jsonl', '--out', 'claims.jsonl', ...TODAY], dir);
    expect([r.code, r.stdout]).toEqual([0, '']);
    const printed = await runCli(['export', '--format', 'jsonl', ...TODAY], dir);
    expect(readFileSync(join(dir, 'claims.jsonl'), 'utf8')).toBe(printed.stdout);
  });
});

describe('the built CLI alone (bin, dist and package.json, no node_modules: what npm pack ships)', () => {
  it('runs claims sql and export --format sqlite with the SQLite engine bundled in dist/', () => {
    const root = resolve(__dirname, '..');
    expect(existsSync(join(root, 'dist', 'claims.js')), 'npm run build first').toBe(true);
    const app = mkdtempSync(join(tmpdir(), 'claims-packed-'));
    for (const f of ['bin', 'dist', 'package.json']) cpSync(join(root, f), join(app, f), { recursive: true });
    const dir = dataset();
    const run = (...args: string[]) => spawnSync(process.execPath, [join(app, 'bin', 'claims.js'), ...args, ...TODAY], { cwd: dir, encoding: 'utf8' });
    const q = run('sql', '--format', 'csv', 'SELECT count(*) AS n FROM claims');
    expect([q.status, q.stderr, q.stdout]).toEqual([0, '', 'n\r\n3\r\n']);
    const e = run('export', '--format', 'sqlite', '--out', 'claims.db');
    expect(e.status).toBe(0);
    expect(e.stderr).toMatch(/^claims: wrote .+: \d[\d,]* claims?, \d[\d,]* sources?, \d[\d,]* evidence items?(, one Parquet file per table)?\n$/);
    expect(readFileSync(join(dir, 'claims.db')).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    rmSync(app, { recursive: true, force: true });
  });
});
