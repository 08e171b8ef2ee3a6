/**
 * `claims export --format parquet --out DIR`: one Parquet file per table of the relational shape (claims.parquet,
 * claim_values.parquet, …), written by hyparquet-writer (pure JavaScript, nothing downloaded or compiled at install
 * time), for DuckDB, Spark, BigQuery and any other Parquet reader.
 *
 * Types (physical type and logical annotation, as `parquet_schema()` in DuckDB shows them):
 * text → BYTE_ARRAY STRING (UTF8); integer → INT64; real → DOUBLE; boolean → BOOLEAN; date → INT32 DATE (days since
 * 1970-01-01; complete dates only, the partial date as written stays in its text column); text_list → the standard
 * three-level LIST of STRING (`<name> (LIST) { repeated group list { required binary element (STRING) } }`).
 * A column the spec marks not nullable is REQUIRED, the others OPTIONAL. Compression: Snappy.
 *
 * The folder is written whole or not at all: the files go to a hidden temporary folder beside `--out`, which is then
 * renamed into place. A folder already at `--out` is replaced only when it holds nothing but files of an earlier
 * Parquet export (the six table files); anything else in it, a file at `--out` or a symbolic link stops the run.
 */
import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { onInterrupt } from '../util/atomic.js';
import { TABLE_SPECS, type Cell, type ColumnSpec, type ColumnType, type TableSpec, type Tables } from './tables.js';

/** The Parquet type of each logical column type, as the README's column reference names it. */
export const PARQUET_TYPES: Record<ColumnType, string> = {
  text: 'STRING (BYTE_ARRAY, UTF8)', integer: 'INT64', real: 'DOUBLE', boolean: 'BOOLEAN', date: 'DATE (INT32)',
  text_list: 'LIST of STRING',
};

/** What DuckDB's DESCRIBE shows for each logical column type of a Parquet file. */
export const DUCKDB_TYPES: Record<ColumnType, string> = {
  text: 'VARCHAR', integer: 'BIGINT', real: 'DOUBLE', boolean: 'BOOLEAN', date: 'DATE', text_list: 'VARCHAR[]',
};

/** The file name of each table in the folder. */
export const parquetFileName = (table: string): string => `${table}.parquet`;

/** A schema element as hyparquet-writer takes it (Apache Parquet's thrift SchemaElement). */
interface SchemaElement {
  name: string;
  type?: 'BOOLEAN' | 'INT32' | 'INT64' | 'DOUBLE' | 'BYTE_ARRAY';
  repetition_type?: 'REQUIRED' | 'OPTIONAL' | 'REPEATED';
  converted_type?: 'UTF8' | 'DATE' | 'LIST';
  logical_type?: { type: 'STRING' | 'DATE' | 'LIST' };
  num_children?: number;
}

const STRING = { type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' } } as const;

/** The schema elements of one column (three for a list). */
function columnSchema(c: ColumnSpec): SchemaElement[] {
  const repetition_type = c.nullable ? 'OPTIONAL' : 'REQUIRED';
  switch (c.type) {
    case 'text': return [{ name: c.name, repetition_type, ...STRING }];
    case 'integer': return [{ name: c.name, repetition_type, type: 'INT64' }];
    case 'real': return [{ name: c.name, repetition_type, type: 'DOUBLE' }];
    case 'boolean': return [{ name: c.name, repetition_type, type: 'BOOLEAN' }];
    case 'date': return [{ name: c.name, repetition_type, type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' } }];
    case 'text_list': return [
      { name: c.name, repetition_type, converted_type: 'LIST', logical_type: { type: 'LIST' }, num_children: 1 },
      { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
      { name: 'element', repetition_type: 'REQUIRED', ...STRING },
    ];
  }
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
function epochDays(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.round(t.getTime() / DAY_MS);
}

/** A column's cells as the writer takes them: bigint for INT64, day numbers for DATE, arrays for lists. */
function columnData(c: ColumnSpec, rows: readonly Record<string, Cell>[]): unknown[] {
  const out = new Array<unknown>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const cell = rows[i]![c.name] ?? null;
    if (cell === null) out[i] = c.type === 'text_list' ? [] : null;
    else if (c.type === 'integer') out[i] = BigInt(cell as number);
    else if (c.type === 'date') out[i] = epochDays(cell as string);
    else out[i] = cell;
  }
  return out;
}

/** One table as the bytes of a Parquet file. */
export function parquetTable(t: TableSpec, tables: Tables): Uint8Array {
  const rows = tables[t.name];
  const schema: SchemaElement[] = [{ name: 'schema', num_children: t.columns.length }, ...t.columns.flatMap(columnSchema)];
  const buffer = parquetWriteBuffer({
    columnData: t.columns.map((c) => ({ name: c.name, data: columnData(c, rows) as never[] })),
    schema: schema as never,
    createdBy: 'claims (hyparquet-writer)',
    kvMetadata: [{ key: 'claims.table', value: t.name }, { key: 'claims.description', value: t.description }],
  });
  return new Uint8Array(buffer);
}

/** Every table as a Parquet file: file name → bytes, in the spec's order. */
export function parquetFiles(tables: Tables): Map<string, Uint8Array> {
  return new Map(TABLE_SPECS.map((t) => [parquetFileName(t.name), parquetTable(t, tables)]));
}

/** Why a path cannot take the export (a one-line reason), or null when it can. */
export function parquetTargetProblem(dir: string): string | null {
  let st;
  try {
    st = lstatSync(dir);
  } catch {
    return null;
  }
  if (st.isSymbolicLink()) return 'is a symbolic link; give the folder itself';
  if (!st.isDirectory()) return 'is a file; give a folder path (it is created, or replaced when it holds an earlier Parquet export)';
  const ours = new Set(TABLE_SPECS.map((t) => parquetFileName(t.name)));
  const other = readdirSync(dir, { withFileTypes: true }).find((e) => !ours.has(e.name) || !e.isFile());
  if (other !== undefined) return `holds "${other.name}", which no Parquet export wrote; give an empty or new folder (nothing was written)`;
  return null;
}

/**
 * Removes the folder of an earlier export moved aside: its table files, then the folder. A file that appeared in it
 * since the check is never deleted: the folder then stays, hidden, beside the new export.
 */
function removeEarlierExport(aside: string): void {
  const ours = new Set(TABLE_SPECS.map((t) => parquetFileName(t.name)));
  for (const name of readdirSync(aside)) if (ours.has(name)) rmSync(join(aside, name), { force: true });
  try {
    rmdirSync(aside);
  } catch {
    // Not empty: someone else's file is in it.
  }
}

const tempName = (dir: string, tag: string): string =>
  join(dirname(dir), `.${basename(dir)}.${process.pid}-${randomBytes(4).toString('hex')}.${tag}`);

/**
 * Writes `files` as the folder `dir`, atomically: a hidden temporary folder beside it, renamed into place. An earlier
 * export at `dir` is moved aside first and removed once the new folder is in place (restored if that fails). The
 * temporary folders are removed on failure and on interrupt. The caller has checked `parquetTargetProblem`.
 */
export function writeFolderAtomically(dir: string, files: ReadonlyMap<string, Uint8Array>): void {
  const tmp = tempName(dir, 'tmp');
  const removeTmp = (): void => rmSync(tmp, { recursive: true, force: true });
  const forgetTmp = onInterrupt(removeTmp);
  try {
    mkdirSync(tmp);
    for (const [name, bytes] of files) writeFileSync(join(tmp, name), bytes, { flag: 'wx' });
    let old: string | undefined;
    try {
      lstatSync(dir);
      old = tempName(dir, 'old');
    } catch {
      old = undefined;
    }
    if (old === undefined) {
      renameSync(tmp, dir);
    } else {
      const aside = old;
      renameSync(dir, aside);
      // Interrupted between the two renames: the earlier export goes back in place.
      const forgetOld = onInterrupt(() => renameSync(aside, dir));
      try {
        renameSync(tmp, dir);
      } catch (err) {
        renameSync(aside, dir);
        throw err;
      } finally {
        forgetOld();
      }
      removeEarlierExport(aside);
    }
  } catch (err) {
    removeTmp();
    throw err;
  } finally {
    forgetTmp();
  }
}
