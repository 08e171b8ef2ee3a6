/**
 * The relational shape in SQLite, through sql.js (SQLite compiled to WebAssembly; the .wasm ships in the npm package,
 * nothing is downloaded or compiled at install time). One in-memory database per run: `claims sql` queries it,
 * `claims export --format sqlite` writes its bytes to a file.
 *
 * Declared types are what `PRAGMA table_info` and Datasette show: TEXT, INTEGER, REAL, BOOLEAN (0/1), DATE
 * (`YYYY-MM-DD` text) and JSON (a JSON array of strings, for `text_list` columns; query it with `json_each`).
 */
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { TABLE_SPECS, type Cell, type ColumnType, type TableSpec, type Tables } from './tables.js';

/** The declared SQLite type of each logical column type. */
export const SQLITE_TYPES: Record<ColumnType, string> = {
  text: 'TEXT', integer: 'INTEGER', real: 'REAL', boolean: 'BOOLEAN', date: 'DATE', text_list: 'JSON',
};

let engine: Promise<SqlJsStatic> | undefined;

/**
 * Loads sql.js once: its build with the WebAssembly inlined, so the bundler carries the whole engine into dist/ (in a
 * chunk loaded only by the commands that use it) and nothing is fetched or looked up on disk at run time.
 */
export function sqlEngine(): Promise<SqlJsStatic> {
  engine ??= import('sql.js/dist/sql-wasm-inline.js').then((m) => m.default());
  return engine;
}

/** An SQL identifier, double-quoted (`column` is a keyword). */
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** The CREATE TABLE statement of a table: columns with types and NOT NULL, the primary key and foreign keys. */
export function createTableSql(t: TableSpec): string {
  const parts = t.columns.map((c) => `  ${ident(c.name)} ${SQLITE_TYPES[c.type]}${c.nullable ? '' : ' NOT NULL'}`);
  parts.push(`  PRIMARY KEY (${t.primaryKey.map(ident).join(', ')})`);
  for (const fk of t.foreignKeys) {
    parts.push(`  FOREIGN KEY (${fk.columns.map(ident).join(', ')}) REFERENCES ${ident(fk.table)} (${fk.references.map(ident).join(', ')})`);
  }
  return `CREATE TABLE ${ident(t.name)} (\n${parts.join(',\n')}\n);`;
}

/** The CREATE INDEX statements of a table: its extra indexes and one per foreign key not led by the primary key. */
export function createIndexSql(t: TableSpec): string[] {
  const lists = [...t.indexes];
  for (const fk of t.foreignKeys) {
    const covered = fk.columns.every((c, i) => t.primaryKey[i] === c) || lists.some((l) => l.join() === fk.columns.join());
    if (!covered) lists.push(fk.columns);
  }
  return lists.map((cols) => `CREATE INDEX ${ident(`${t.name}_${cols.join('_')}`)} ON ${ident(t.name)} (${cols.map(ident).join(', ')});`);
}

/** The tables in the order they are created and filled: a table before those whose foreign keys reference it. */
const PARENTS_FIRST: readonly TableSpec[] = (() => {
  const order = ['sources', 'claims', 'claim_values', 'evidence', 'claim_origins', 'diagnostics'];
  return [...TABLE_SPECS].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
})();

/** A cell as SQLite stores it. */
function sqlValue(cell: Cell, type: ColumnType): SqlValue {
  if (cell === null) return null;
  if (type === 'boolean') return cell === true ? 1 : 0;
  if (type === 'text_list') return JSON.stringify(cell);
  return cell as SqlValue;
}

/** Fills a table, one prepared statement for all its rows. */
function insertRows(db: Database, t: TableSpec, tables: Tables): void {
  const stmt = db.prepare(`INSERT INTO ${ident(t.name)} VALUES (${t.columns.map(() => '?').join(', ')})`);
  try {
    const values: SqlValue[] = new Array<SqlValue>(t.columns.length);
    for (const row of tables[t.name]) {
      for (let i = 0; i < t.columns.length; i++) values[i] = sqlValue(row[t.columns[i]!.name] ?? null, t.columns[i]!.type);
      stmt.run(values);
    }
  } finally {
    stmt.free();
  }
}

/**
 * A new in-memory database holding the tables: schema, rows (one transaction, foreign keys enforced, so rows that
 * break them fail here rather than in the reader's hands), then indexes.
 */
export async function databaseOf(tables: Tables): Promise<Database> {
  const SQL = await sqlEngine();
  const db = new SQL.Database();
  try {
    db.run('PRAGMA foreign_keys = ON;');
    db.run(PARENTS_FIRST.map(createTableSql).join('\n'));
    db.run('BEGIN;');
    for (const t of PARENTS_FIRST) insertRows(db, t, tables);
    db.run('COMMIT;');
    db.run(PARENTS_FIRST.flatMap(createIndexSql).join('\n'));
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** The SQLite file of the tables, as bytes. */
export async function sqliteFile(tables: Tables): Promise<Uint8Array> {
  const db = await databaseOf(tables);
  try {
    return db.export();
  } finally {
    db.close();
  }
}
