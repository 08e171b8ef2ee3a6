/**
 * `claims export --format parquet` read by its real consumer, DuckDB (@duckdb/node-api, a dev dependency whose
 * platform binary comes from npm as an optional dependency): every file loads, DESCRIBE and parquet_schema() show the
 * documented types, every table holds the same rows `claims sql` (SQLite) gives, and the README's SQL questions (or,
 * without them, the three the tool was built for) get the same answers on the Parquet files.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUCKDB_TYPES, writeFolderAtomically } from '../src/warehouse/parquet.js';
import { TABLE_NAMES, TABLE_SPECS } from '../src/warehouse/tables.js';
import { runCli } from './cli-helpers.js';

const ROOT = resolve(__dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'claims-parquet-'));
let instance: DuckDBInstance;
let con: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  con = await instance.connect();
});
afterAll(() => {
  con?.closeSync();
  instance?.closeSync();
  rmSync(tmp, { recursive: true, force: true });
});

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
const lit = (s: string): string => `'${s.replaceAll("'", "''")}'`;

async function duck(sql: string): Promise<Record<string, Json>[]> {
  return (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, Json>[];
}

/** One cell in a form both engines agree on: 0/1 for booleans, JSON text for lists, numbers for numeric text, 12 significant digits. */
function norm(v: Json): Json {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (Array.isArray(v)) return JSON.stringify(v);
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return norm(Number(v));
  if (typeof v === 'number') return Number(v.toPrecision(12));
  return v;
}
const normRows = (rows: Record<string, Json>[]): string[] =>
  rows.map((r) => JSON.stringify(Object.entries(r).map(([k, v]) => [k, norm(v)]))).sort();

async function exportParquet(cwd: string, out: string, extra: string[] = []): Promise<void> {
  const r = await runCli(['export', '--format', 'parquet', '--out', out, ...extra], cwd);
  expect(r.stderr).toMatch(/^claims: wrote .+: \d[\d,]* claims?, \d[\d,]* sources?, \d[\d,]* evidence items?(, one Parquet file per table)?\n$/);
  expect(r.code).toBe(0);
}

/** Views named as the tables over the Parquet files of `dir`, so a query for `claims sql` runs unchanged. */
async function viewsOver(dir: string): Promise<void> {
  for (const t of TABLE_NAMES) await con.run(`CREATE OR REPLACE VIEW ${t} AS SELECT * FROM read_parquet(${lit(join(dir, `${t}.parquet`))})`);
}

async function sqlite(cwd: string, query: string, extra: string[] = []): Promise<Record<string, Json>[]> {
  const r = await runCli(['sql', query, '--format', 'json', ...extra], cwd);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, Json>[];
}

/** The same rows in every table, through DuckDB on the Parquet files and through `claims sql`. */
async function sameTables(cwd: string, dir: string, extra: string[] = []): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await viewsOver(dir);
  for (const t of TABLE_NAMES) {
    const mine = await duck(`SELECT * FROM ${t}`);
    const theirs = await sqlite(cwd, `SELECT * FROM ${t}`, extra);
    expect(normRows(mine), t).toEqual(normRows(theirs));
    counts[t] = mine.length;
  }
  return counts;
}

/** The three questions the issue names, in SQL both SQLite and DuckDB run. */
const QUESTIONS = [
  // Claims whose only independent origin is one source.
  `SELECT c.id, o.origin_id FROM claims c JOIN claim_origins o ON o.claim_id = c.id AND o.class = 'independent'
   WHERE c.origins_independent = 1 ORDER BY c.id`,
  // The share of company-only figures per category per year.
  `SELECT category, substr(as_of, 1, 4) AS year, count(*) AS figures,
     sum(CASE WHEN support = 'company-reported' THEN 1 ELSE 0 END) AS company_only,
     round(1.0 * sum(CASE WHEN support = 'company-reported' THEN 1 ELSE 0 END) / count(*), 3) AS share
   FROM claims WHERE amount IS NOT NULL AND as_of IS NOT NULL GROUP BY category, substr(as_of, 1, 4) ORDER BY category, year`,
  // Sources ranked by how many claims rest on them alone.
  `SELECT o.origin_id AS source, s.publisher, count(*) AS claims FROM claim_origins o
   JOIN claims c ON c.id = o.claim_id JOIN sources s ON s.id = o.origin_id
   WHERE c.origin_count = 1 GROUP BY o.origin_id, s.publisher ORDER BY claims DESC, source`,
];

/** A shell line split into words, as sh does for quotes and backslashes (no expansion: README commands have none). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (ch === '"') {
      word ??= '';
      for (i++; line[i] !== '"'; i++) word += line[i] === '\\' && '"\\$`'.includes(line[i + 1]!) ? line[++i] : line[i];
    } else if (ch === '\\') {
      word = (word ?? '') + line[++i];
    } else if (/\s/.test(ch)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (ch === '#' && word === null) {
      break;
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

/** Options of `claims sql` that take no value. */
const SWITCHES = new Set(['--has-value', '--no-has-value', '--cache']);

/** `npx claims sql …` commands in the README's sh blocks: the query, and the flags other than --format. */
function readmeSqlExamples(readme: string): { query: string; flags: string[] }[] {
  const out: { query: string; flags: string[] }[] = [];
  for (const block of readme.match(/```sh\n[\s\S]*?```/g) ?? []) {
    for (const line of block.split('\n')) {
      if (!line.startsWith('npx claims sql ')) continue;
      const words = shellWords(line).slice(3);
      const flags: string[] = [];
      let query: string | undefined;
      for (let i = 0; i < words.length; i++) {
        const w = words[i]!;
        if (w === '|' || w.startsWith('>')) break;
        if (!w.startsWith('--')) query ??= w;
        else if (w === '--format' || w === '-f') i++;
        else if (SWITCHES.has(w) || w.includes('=')) flags.push(w);
        else flags.push(w, words[++i]!);
      }
      if (query !== undefined) out.push({ query, flags });
    }
  }
  return out;
}

/**
 * A query for `claims sql` as DuckDB runs it on the Parquet files: lists are LIST columns there, so SQLite's
 * `json_each(list) AS v` (rows with `v.value`) becomes `(SELECT unnest(list) AS value) AS v`.
 */
const forDuckDb = (query: string): string => query.replace(/json_each\(([^()]+)\)\s+AS\s+(\w+)/gi, '(SELECT unnest($1) AS value) AS $2');

describe('Parquet read by DuckDB', () => {
  const out = join(tmp, 'bundled');
  beforeAll(async () => {
    await exportParquet(ROOT, out);
  });

  it('one file per table, nothing else; every file loads', async () => {
    expect(readdirSync(out).sort()).toEqual(TABLE_NAMES.map((t) => `${t}.parquet`).sort());
    for (const t of TABLE_NAMES) expect((await duck(`SELECT count(*) AS n FROM read_parquet(${lit(join(out, `${t}.parquet`))})`))[0]!.n).not.toBeNull();
  });

  it('DESCRIBE shows the documented column names and types, in order', async () => {
    for (const t of TABLE_SPECS) {
      const rows = await duck(`DESCRIBE SELECT * FROM read_parquet(${lit(join(out, `${t.name}.parquet`))})`);
      expect(rows.map((r) => [r.column_name, r.column_type]), t.name).toEqual(t.columns.map((c) => [c.name, DUCKDB_TYPES[c.type]]));
    }
  });

  it('the Parquet schema: STRING, DATE and LIST annotations, INT64 and DOUBLE, REQUIRED where the spec says not null', async () => {
    const file = join(out, 'claims.parquet');
    const schema = await duck(`SELECT name, type, repetition_type, logical_type, converted_type FROM parquet_schema(${lit(file)})`);
    const of = (name: string) => schema.find((r) => r.name === name)!;
    expect(of('id')).toMatchObject({ type: 'BYTE_ARRAY', repetition_type: 'REQUIRED', converted_type: 'UTF8', logical_type: 'StringType()' });
    expect(of('value')).toMatchObject({ type: 'BYTE_ARRAY', repetition_type: 'OPTIONAL' });
    expect(of('amount')).toMatchObject({ type: 'DOUBLE', repetition_type: 'OPTIONAL' });
    expect(of('credibility')).toMatchObject({ type: 'INT64', repetition_type: 'REQUIRED' });
    expect(of('overdue')).toMatchObject({ type: 'BOOLEAN', repetition_type: 'REQUIRED' });
    expect(of('as_of_start')).toMatchObject({ type: 'INT32', converted_type: 'DATE', logical_type: 'DateType()' });
    expect(of('tags')).toMatchObject({ converted_type: 'LIST', logical_type: 'ListType()', repetition_type: 'REQUIRED' });
    expect(of('element')).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'UTF8' });
    const arr = (await duck(`SELECT as_of, as_of_start, as_of_end, amount, parties FROM read_parquet(${lit(file)}) WHERE id = 'arr-2026-02'`))[0];
    expect(arr).toEqual({ as_of: '2026-02', as_of_start: '2026-02-01', as_of_end: '2026-02-28', amount: 400000000, parties: [] });
  });

  it('every table holds the rows `claims sql` gives, cell for cell', async () => {
    const counts = await sameTables(ROOT, out);
    expect(counts.claims).toBeGreaterThan(50);
    expect(counts.evidence).toBeGreaterThan(counts.claims!);
  });

  it("the README's SQL questions (else the issue's three) get the same answers from DuckDB on the Parquet files", async () => {
    const examples = readmeSqlExamples(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    const cases = examples.length > 0 ? examples : QUESTIONS.map((query) => ({ query, flags: [] as string[] }));
    if (examples.length === 0) console.warn('parquet.test.ts: the README has no `claims sql` examples yet; comparing the three questions of the issue');
    let compared = 0;
    for (const [i, { query, flags }] of cases.entries()) {
      const dir = flags.length > 0 ? join(tmp, `q${i}`) : out;
      if (flags.length > 0) await exportParquet(ROOT, dir, flags);
      await viewsOver(dir);
      const theirs = await sqlite(ROOT, query, flags);
      const mine = await duck(forDuckDb(query));
      expect(normRows(mine), query).toEqual(normRows(theirs));
      expect(mine.length, `${query}: no rows to compare`).toBeGreaterThan(0);
      compared++;
    }
    expect(compared).toBe(cases.length);
    expect(compared).toBeGreaterThanOrEqual(3);
  });

  it("the README's DuckDB statements run as written on an export in parquet/, and answer as `claims sql` does", async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /<!-- duckdb example[^\n]*-->\n```sql\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block, 'the README shows the DuckDB views').toBeDefined();
    const base = join(tmp, 'readme-duckdb');
    mkdirSync(base, { recursive: true });
    await exportParquet(ROOT, join(base, 'parquet'));
    const local = await DuckDBInstance.create(':memory:');
    const c = await local.connect();
    try {
      await c.run(`SET file_search_path = ${lit(base)}`);
      const statements = block!.split(/;\s*\n/).map((x) => x.trim()).filter((x) => x !== '');
      let last: Record<string, Json>[] = [];
      for (const st of statements) last = (await c.runAndReadAll(st)).getRowObjectsJson() as Record<string, Json>[];
      const sqliteQuery = readmeSqlExamples(readme).find((e) => e.query.includes('json_each(e.via)'))?.query
        ?? 'SELECT s.publisher, count(*) AS relayed FROM evidence e, json_each(e.via) AS v JOIN sources s ON s.id = v.value GROUP BY 1 ORDER BY 2 DESC, 1';
      expect(last.length).toBeGreaterThan(0);
      expect(last.map((r) => JSON.stringify(Object.values(r).map(norm)))).toEqual((await sqlite(ROOT, sqliteQuery)).map((r) => JSON.stringify(Object.values(r).map(norm))));
      for (const t of TABLE_NAMES) expect((await c.runAndReadAll(`SELECT count(*) AS n FROM ${t}`)).getRowObjectsJson()[0]!.n).not.toBeNull();
    } finally {
      c.closeSync();
      local.closeSync();
    }
  });

  it('the three questions of the issue, always', async () => {
    await viewsOver(out);
    for (const q of QUESTIONS) {
      const mine = await duck(q);
      expect(mine.length).toBeGreaterThan(0);
      expect(normRows(mine), q).toEqual(normRows(await sqlite(ROOT, q)));
    }
  });

  it('the list filters apply as for claims sql', async () => {
    const dir = join(tmp, 'rumored');
    await exportParquet(ROOT, dir, ['--status', 'rumored']);
    const counts = await sameTables(ROOT, dir, ['--status', 'rumored']);
    expect((await duck(`SELECT DISTINCT status FROM claims`)).map((r) => r.status)).toEqual(['rumored']);
    expect(counts.claims).toBeGreaterThan(0);
  });
});

describe('Parquet of hostile data', () => {
  it('text of any kind, extreme dates and large figures arrive unchanged', async () => {
    const dir = join(tmp, 'hostile');
    mkdirSync(join(dir, 'claims', 'sources'), { recursive: true });
    mkdirSync(join(dir, 'claims', 'acme'), { recursive: true });
    const q = (s: string): string => JSON.stringify(s);
    writeFileSync(join(dir, 'claims', 'sources', 'wire.yaml'),
      `type: source\nid: wire\ntitle: ${q('Wire \u0000 "quoted" \u202e RTL 🚀 \\ back')}\npublisher: ${q("O'Brien; DROP TABLE claims; --")}\nkind: news\npublished: "1000-01-01"\nretrieved: "9999-12-31"\nspeaks_for: [${q('Ünïcödé, Inc.')}, ${q('x\ny')}]\n`);
    writeFileSync(join(dir, 'claims', 'acme', 'acme-arr.yaml'), [
      'type: claim', 'id: acme-arr', `subject: ${q('Ünïcödé, Inc.')}`, 'category: arr', `statement: ${q('=1+1 "\n\t}{ ,\u2028')}`,
      'value: ["$999999999999999T", "~€1.5B"]', 'as_of: "2024-02-29"', 'status: company-reported', `tags: [${q('a,b')}, ${q('[]')}]`,
      'evidence:', '  - source: wire', `    quote: ${q('q \u0001 \u00a0 end')}`, '    locator: 7', '',
    ].join('\n'));
    const out = join(dir, 'parquet');
    await exportParquet(dir, out);
    const counts = await sameTables(dir, out);
    expect(counts).toMatchObject({ claims: 1, claim_values: 2, evidence: 1, sources: 1 });
    const src = (await duck(`SELECT title, publisher, published_start, retrieved_end, speaks_for FROM sources`))[0];
    expect(src).toEqual({ title: 'Wire \u0000 "quoted" \u202e RTL 🚀 \\ back', publisher: "O'Brien; DROP TABLE claims; --", published_start: '1000-01-01', retrieved_end: '9999-12-31', speaks_for: ['Ünïcödé, Inc.', 'x\ny'] });
    const c = (await duck(`SELECT amount, as_of_start, tags FROM claims`))[0];
    expect(c).toEqual({ amount: 999999999999999e12, as_of_start: '2024-02-29', tags: ['a,b', '[]'] });
  });
});

describe('--out: a folder, written whole or not at all', () => {
  const dir = join(tmp, 'out-cases');
  mkdirSync(dir, { recursive: true });
  const hidden = (): string[] => readdirSync(dir).filter((n) => n.startsWith('.'));

  it('without --out, or with an empty one: exit 2, one line', async () => {
    for (const args of [[], ['--out', ' ']]) {
      const r = await runCli(['export', '--format', 'parquet', ...args], ROOT);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^claims: --format parquet writes a folder: give --out <folder>/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('a file, a folder with other files, a link or a missing parent: exit 2, nothing written or removed', async () => {
    writeFileSync(join(dir, 'file'), 'keep');
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine', 'notes.txt'), 'keep');
    writeFileSync(join(dir, 'mine', 'claims.parquet'), 'keep');
    mkdirSync(join(dir, 'empty'));
    symlinkSync(join(dir, 'empty'), join(dir, 'link'));
    const cases: [string, RegExp][] = [
      ['file', /"file" is a file; give a folder path/],
      ['mine', /"mine" holds "notes.txt", which no Parquet export wrote/],
      ['nope/deeper', /no folder "nope" to write "nope\/deeper" in/],
      ['link', /"link" is a symbolic link; give the folder itself/],
    ];
    for (const [out, msg] of cases) {
      const r = await runCli(['export', '--format', 'parquet', '--out', out], dir);
      expect(r.code, out).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(readFileSync(join(dir, 'file'), 'utf8')).toBe('keep');
    expect(readFileSync(join(dir, 'mine', 'claims.parquet'), 'utf8')).toBe('keep');
    expect(existsSync(join(dir, 'nope'))).toBe(false);
    expect(readdirSync(join(dir, 'empty'))).toEqual([]);
    expect(hidden()).toEqual([]);
  });

  it('a new folder is created; an earlier export is replaced whole; no temporary folder is left', async () => {
    await runCli(['export', '--format', 'parquet', '--out', join(dir, 'pq')], ROOT);
    const all = Number((await duck(`SELECT count(*) AS n FROM read_parquet(${lit(join(dir, 'pq', 'claims.parquet'))})`))[0]!.n);
    const r = await runCli(['export', '--format', 'parquet', '--out', join(dir, 'pq'), '--status', 'rumored'], ROOT);
    expect(r.code).toBe(0);
    const some = Number((await duck(`SELECT count(*) AS n FROM read_parquet(${lit(join(dir, 'pq', 'claims.parquet'))})`))[0]!.n);
    expect(some).toBeGreaterThan(0);
    expect(some).toBeLessThan(all);
    expect(readdirSync(join(dir, 'pq'))).toHaveLength(TABLE_NAMES.length);
    expect(hidden()).toEqual([]);
  });

  it('replacing an earlier export never deletes a file that appeared in it after the check', () => {
    const target = join(dir, 'raced');
    mkdirSync(target);
    writeFileSync(join(target, 'claims.parquet'), 'old');
    writeFileSync(join(target, 'late.txt'), 'keep');
    writeFolderAtomically(target, new Map([['claims.parquet', new Uint8Array([1, 2, 3])]]));
    expect(readdirSync(target)).toEqual(['claims.parquet']);
    expect(statSync(join(target, 'claims.parquet')).size).toBe(3);
    const kept = hidden().filter((n) => n.startsWith('.raced.'));
    expect(kept).toHaveLength(1);
    expect(readdirSync(join(dir, kept[0]!))).toEqual(['late.txt']);
    rmSync(join(dir, kept[0]!), { recursive: true });
  });

  it('a write that fails leaves the earlier export in place and no temporary folder', () => {
    const target = join(dir, 'pq');
    const before = statSync(join(target, 'claims.parquet')).size;
    const files = new Map([['claims.parquet', new Uint8Array([1])], ['no/such/sub/file.parquet', new Uint8Array([2])]]);
    expect(() => writeFolderAtomically(target, files)).toThrow();
    expect(statSync(join(target, 'claims.parquet')).size).toBe(before);
    expect(hidden()).toEqual([]);
  });
});
