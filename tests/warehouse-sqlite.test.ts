/**
 * The SQLite export read by its real consumer, the Debian `sqlite3` shell: it opens the file as it is, finds it whole
 * (integrity_check) with every foreign key holding (foreign_key_check), the columns typed as documented (table_info),
 * and gives the same answers to the README's example queries as `claims sql`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { SQLITE_TYPES } from '../src/warehouse/sqlite.js';
import { TABLE_SPECS } from '../src/warehouse/tables.js';
import { runCli } from './cli-helpers.js';
import { source, writeDataset } from './helpers.js';

const ROOT = resolve(__dirname, '..');
const HAS_SQLITE3 = spawnSync('sqlite3', ['-version']).status === 0;
if (!HAS_SQLITE3) console.warn('tests/warehouse-sqlite.test.ts: skipped: sqlite3 not installed (apt-get install sqlite3; .ci/run installs it)');

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A fresh copy of the bundled dataset, run from its parent folder (the default `claims/`). */
function bundledCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claims-sqlite-'));
  made.push(dir);
  cpSync(join(ROOT, 'claims'), join(dir, 'claims'), { recursive: true });
  return dir;
}

function sqlite3(db: string, ...args: string[]): string {
  const r = spawnSync('sqlite3', ['-bail', ...args.slice(0, -1), db, args[args.length - 1]!], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sqlite3 failed: ${r.stderr}`);
  return r.stdout;
}

const TODAY = ['--today', '2026-11-24'];

async function exportDb(cwd: string, name: string, filters: string[] = []): Promise<string> {
  const out = join(cwd, name);
  const r = await runCli(['export', '--format', 'sqlite', '--out', out, ...TODAY, ...filters], cwd);
  expect(r.stderr).toMatch(/^claims: wrote .+: \d[\d,]* claims?, \d[\d,]* sources?, \d[\d,]* evidence items?(, one Parquet file per table)?\n$/);
  expect(r.code).toBe(0);
  return out;
}

/** The `npx claims sql …` commands of the README's sh blocks, continuation lines joined. */
function readmeSqlCommands(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const out: string[] = [];
  for (const block of readme.matchAll(/^```sh\n([\s\S]*?)^```$/gm)) {
    const lines = block[1]!.split('\n');
    for (let i = 0; i < lines.length; i++) {
      let text = lines[i]!;
      while (text.endsWith('\\') && i + 1 < lines.length) text += '\n' + lines[++i]!;
      if (text.startsWith('npx claims sql ')) out.push(text);
    }
  }
  return out;
}

/** The arguments after `claims` of a README command, as the shell splits them. */
function argvOf(command: string): string[] {
  const script = `npx() { shift; node -e 'process.stdout.write(JSON.stringify(process.argv.slice(1)))' -- "$@"; }\n${command.replace(/\s+#[^"']*$/, '')}`;
  const r = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
  return JSON.parse(r.stdout) as string[];
}

/** Splits `sql` arguments into the query, the filters and the format (every option but --has-value/--no-has-value takes a value). */
function splitSqlArgs(args: string[]): { query: string; filters: string[] } {
  const filters: string[] = [];
  let query: string | undefined;
  for (let i = 1; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--has-value' || a === '--no-has-value') filters.push(a);
    else if (a === '--format' || a === '-f') i++;
    else if (a.startsWith('--')) filters.push(a, args[++i]!);
    else query = a;
  }
  return { query: query!, filters };
}

/** CSV rows, with numbers compared as numbers (sqlite3 prints 100.0 where JavaScript prints 100) and the formula guard undone. */
function normalised(csvText: string): string[][] {
  const rows = parse(csvText, { relax_column_count: false }) as string[][];
  return rows.map((r) => r.map((cell) => {
    const unguarded = cell.replace(/^'(?=[=+\-@\t\r])/, '');
    return unguarded.trim() !== '' && Number.isFinite(Number(unguarded)) ? String(Number(unguarded)) : unguarded;
  }));
}

describe.skipIf(!HAS_SQLITE3)('the SQLite export, opened by the sqlite3 shell', () => {
  it('is whole, every foreign key holds, and foreign keys and indexes are declared', async () => {
    const dir = bundledCopy();
    const db = await exportDb(dir, 'claims.db');
    expect(sqlite3(db, 'PRAGMA integrity_check;').trim()).toBe('ok');
    expect(sqlite3(db, 'PRAGMA foreign_key_check;').trim()).toBe('');
    const fks = sqlite3(db, "SELECT m.name || '.' || f.\"from\" || '->' || f.\"table\" FROM sqlite_master m, pragma_foreign_key_list(m.name) f ORDER BY 1;").trim().split('\n');
    expect(fks).toEqual([
      'claim_origins.claim_id->claims', 'claim_origins.origin_id->sources', 'claim_values.claim_id->claims',
      'evidence.claim_id->claims', 'evidence.origin_id->sources', 'evidence.source_id->sources',
    ]);
    const indexed = sqlite3(db, "SELECT m.name || '.' || ii.name FROM sqlite_master m, pragma_index_list(m.name) il, pragma_index_info(il.name) ii WHERE m.type = 'table' AND ii.seqno = 0 ORDER BY 1;");
    for (const want of ['claims.id', 'sources.id', 'evidence.claim_id', 'evidence.source_id', 'evidence.origin_id', 'claim_origins.origin_id', 'claim_values.claim_id']) {
      expect(indexed.split('\n'), want).toContain(want);
    }
    // Counts agree with the dataset as `claims list` sees it.
    const list = await runCli(['list', '--format', 'ids', ...TODAY], dir);
    expect(Number(sqlite3(db, 'SELECT count(*) FROM claims;'))).toBe(list.stdout.trim().split('\n').length);
    expect(Number(sqlite3(db, 'SELECT count(*) FROM diagnostics;'))).toBeGreaterThan(0);
  });

  it('has the documented columns, in order, with their declared types, NOT NULL and primary keys (PRAGMA table_info)', async () => {
    const db = await exportDb(bundledCopy(), 'claims.db');
    for (const t of TABLE_SPECS) {
      const info = (JSON.parse(sqlite3(db, '-json', `PRAGMA table_info(${t.name});`)) as { name: string; type: string; notnull: number; pk: number }[]);
      expect(info.map((c) => c.name), t.name).toEqual(t.columns.map((c) => c.name));
      expect(info.map((c) => c.type), t.name).toEqual(t.columns.map((c) => SQLITE_TYPES[c.type]));
      expect(info.map((c) => c.notnull === 1), t.name).toEqual(t.columns.map((c) => !c.nullable));
      expect(info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name), t.name).toEqual(t.primaryKey);
    }
    // Stored types as documented: amounts are REAL numbers, booleans 0/1, dates ISO text, lists JSON arrays.
    expect(sqlite3(db, "SELECT DISTINCT typeof(amount) FROM claim_values;").trim()).toBe('real');
    expect(sqlite3(db, "SELECT DISTINCT overdue FROM claims ORDER BY 1;").trim().split('\n').every((v) => v === '0' || v === '1')).toBe(true);
    expect(sqlite3(db, "SELECT count(*) FROM claims WHERE as_of_start IS NOT NULL AND date(as_of_start) IS NOT as_of_start;").trim()).toBe('0');
    expect(sqlite3(db, "SELECT count(*) FROM evidence WHERE json_type(via) IS NOT 'array';").trim()).toBe('0');
  });

  const commands = readmeSqlCommands();
  it('the README shows at least five claims sql questions', () => {
    expect(commands.length).toBeGreaterThanOrEqual(5);
  });

  it.each(commands.map((c) => [c.slice(0, 90), c] as const))('same answer from sqlite3 as from claims sql: %s', async (_, command) => {
    const dir = bundledCopy();
    const args = argvOf(command);
    expect(args[0]).toBe('sql');
    const { query, filters } = splitSqlArgs(args);
    const ours = await runCli(['sql', '--format', 'csv', ...filters, ...TODAY, query], dir);
    expect(ours.stderr).toBe('');
    expect(ours.code).toBe(0);
    const db = await exportDb(dir, 'q.db', filters);
    const theirs = sqlite3(db, '-csv', '-header', query);
    expect(normalised(ours.stdout)).toEqual(normalised(theirs));
    expect(normalised(theirs).length).toBeGreaterThan(1);
  });

  it('a source id evidence names without a file: a missing row keeps the foreign keys whole', async () => {
    const root = writeDataset({
      'claims/sources/a.yaml': source('a'),
      'claims/acme/c.yaml': 'type: claim\nid: c\nsubject: Acme\ncategory: arr\nstatement: Acme has ARR.\nvalue: $5M\nstatus: rumored\nevidence:\n  - source: a\n    via: [gone]\n    origin: ghost\n',
    });
    const db = await exportDb(root, 'x.db');
    expect(sqlite3(db, 'PRAGMA foreign_key_check;').trim()).toBe('');
    expect(sqlite3(db, 'SELECT id, missing, file IS NULL FROM sources ORDER BY id;').trim().split('\n')).toEqual(['a|0|0', 'ghost|1|1']);
    expect(sqlite3(db, "SELECT rule FROM diagnostics WHERE message LIKE '%ghost%' LIMIT 1;").trim()).toBe('unknown-reference');
    expect(existsSync(join(root, 'x.db'))).toBe(true);
  });
});
