/** Output formats of `claims sql`: a terminal table, CSV, JSON and a markdown table. Pure: a result in, text out. */
import { escapeControls } from './escape.js';
import type { SqlFormat } from './names.js';
import { fitTable, fitWhole, naturalWidth } from './table.js';
import type { SqlCell, SqlFormatter, SqlResult } from './types.js';
import { csv, mdTable, plural } from './values.js';

/** Most rows the table and markdown formats show; the rest are counted in a note (csv and json print every row). */
export const SQL_SHOWN_ROWS = 1000;

/** A cell as text: empty for NULL (as the sqlite3 shell and Datasette show it), a BLOB as SQLite's hex literal. */
export function cellText(v: SqlCell): string {
  if (v === null) return '';
  if (v instanceof Uint8Array) return `X'${Buffer.from(v).toString('hex').toUpperCase()}'`;
  return String(v);
}

/** A cell for JSON: numbers and text as they are, NULL as null, a BLOB as its hex literal. */
const jsonCell = (v: SqlCell): string | number | null => (v instanceof Uint8Array ? cellText(v) : v);

/** The columns holding numbers only (right-aligned in tables). */
function numericColumns(r: SqlResult): number[] {
  return r.columns.map((_, i) => i).filter((i) => r.rows.some((row) => typeof row[i] === 'number') && r.rows.every((row) => row[i] === null || typeof row[i] === 'number'));
}

/** Column names made unique for JSON keys: a repeated name gets ` (2)`, ` (3)`… as the sqlite3 shell cannot. */
function uniqueNames(columns: string[]): string[] {
  const seen = new Map<string, number>();
  return columns.map((c) => {
    const n = (seen.get(c) ?? 0) + 1;
    seen.set(c, n);
    return n === 1 ? c : `${c} (${n})`;
  });
}

/** Column names that hold ids (`id`, `claim_id`, `source_id`, `origin_id`, `best_origin`…): cut, an id no longer finds its file. */
const ID_COLUMN = /^(id|\w*_id|best_origin|origin|source|claim)$/i;

/** Longest markdown cell, in characters. */
export const MD_CELL_CHARS = 500;

const moreNote = (r: SqlResult): string => (r.more > 0 ? `… ${plural(r.more, 'more row')} not shown: add LIMIT/OFFSET to the query, or use --format csv or json for every row\n` : '');

const table: SqlFormatter = (r, { color, width }) => {
  if (r.columns.length === 0) return 'The statement returned no columns.\n';
  const shown = r.rows.length + r.more;
  if (r.rows.length === 0) return `${r.columns.map((c) => escapeControls(c)).join(' | ')}\nNo rows.\n`;
  const rows = r.rows.map((row) => row.map((v) => escapeControls(cellText(v), '\n')));
  const head = r.columns.map((c) => escapeControls(c));
  // Rows of one line each need no rule between them; rows that wrap keep it, so a reader sees where each ends.
  const compact = naturalWidth(head, rows) <= width && rows.every((row) => row.every((cell) => !cell.includes('\n')));
  const opts = { width, color, right: numericColumns(r), compact };
  // An id in the first column is never cut: when it cannot stay whole, each row becomes a record.
  const out = ID_COLUMN.test(r.columns[0]!) ? fitWhole(head, rows, { ...opts, keep: [0] }) : fitTable(head, rows, opts);
  return `${out}\n${plural(shown, 'row')}\n${moreNote(r)}`;
};

const csvFormat: SqlFormatter = (r) => (r.columns.length === 0 ? '' : csv(r.columns, r.rows.map((row) => row.map(cellText))));

const json: SqlFormatter = (r) => {
  const names = uniqueNames(r.columns);
  return JSON.stringify(r.rows.map((row) => Object.fromEntries(names.map((n, i) => [n, jsonCell(row[i] ?? null)]))), null, 2) + '\n';
};

const markdown: SqlFormatter = (r) => {
  if (r.columns.length === 0) return '';
  // Bounded like the table: a cell longer than MD_CELL_CHARS is cut with "…" (csv and json carry it whole).
  const rows = r.rows.map((row) => row.map((v) => {
    const text = escapeControls(cellText(v), '\n');
    return text.length > MD_CELL_CHARS ? `${text.slice(0, MD_CELL_CHARS - 1)}…` : text;
  }));
  return mdTable(r.columns.map((c) => escapeControls(c)), rows, numericColumns(r)) + (r.more > 0 ? `\n${moreNote(r)}` : '');
};

/** The `claims sql` output formats by name. */
export const sqlFormatters: Record<SqlFormat, SqlFormatter> = { table, csv: csvFormat, json, markdown };
