/** Terminal tables fitted to a width, with one flexible column that wraps. */
import Table from 'cli-table3';
import { Chalk, type ChalkInstance } from 'chalk';
import { ANSI_CODE, fitWrap, visible } from './layout.js';

/** Options for a fitted table. */
export interface FitOptions {
  /** Total width available, in columns. */
  width: number;
  /** Index of the column that gives way first and wraps (default: the last). */
  flex?: number;
  color: boolean;
  /** Columns (ids) that keep their full width while others can give way. */
  keep?: number[];
  /** Right-align these column indexes (numbers). */
  right?: number[];
  /** No rule line between rows (rows of one line each read as a list). */
  compact?: boolean;
}

/** A chalk instance that colours only when asked. */
export function painter(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

/** The largest of `values`, or `floor`: a loop, since spreading an unbounded array into `Math.max` overflows the stack. */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** At most this many lines, and this many visible characters, of one table cell; `show` prints a claim in full. */
export const MAX_CELL_LINES = 12;
export const MAX_CELL_CHARS = 600;

/** One colour code, or one code point. */
const CELL_TOKEN = new RegExp(`${ANSI_CODE.source}|[\\s\\S]`, 'gu');

/** A cell cut to `MAX_CELL_LINES` lines and `MAX_CELL_CHARS` visible characters, ending in `…` when cut; colour codes are kept whole and closed. */
export function boundCell(cell: string): string {
  let newlines = 0;
  for (let i = cell.indexOf('\n'); i !== -1 && newlines < MAX_CELL_LINES; i = cell.indexOf('\n', i + 1)) newlines++;
  if (cell.length <= MAX_CELL_CHARS && newlines < MAX_CELL_LINES) return cell;
  let out = '';
  let chars = 0;
  let lines = 1;
  let coloured = false;
  for (const [token] of cell.matchAll(CELL_TOKEN)) {
    if (token.length > 1 && token.charCodeAt(0) === 0x1b) {
      out += token;
      coloured = true;
      continue;
    }
    if (token === '\n' && ++lines > MAX_CELL_LINES) return `${out} …${coloured ? '\u001b[0m' : ''}`;
    if (++chars > MAX_CELL_CHARS - 1) return `${out}…${coloured ? '\u001b[0m' : ''}`;
    out += token;
  }
  return out;
}

/** Rows laid out by cli-table3 at once: its cost per row grows with the rows before it in one layout. */
const ROWS_PER_LAYOUT = 16;

/** Column widths that fit `available`: the widest columns give way first (water-filling), none below its floor. */
export function fitWidths(natural: number[], floors: number[], available: number): number[] {
  if (natural.reduce((a, b) => a + b, 0) <= available) return natural;
  let lo = 0;
  let hi = maxOf(natural, 0);
  // The largest cap such that capping every column at it fits.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const total = natural.reduce((n, w, i) => n + Math.max(floors[i]!, Math.min(w, mid)), 0);
    if (total <= available) lo = mid;
    else hi = mid - 1;
  }
  return natural.map((w, i) => Math.max(floors[i]!, Math.min(w, lo)));
}

/** The widest line of a cell, in visible columns. */
function cellWidth(cell: string): number {
  return maxOf(cell.split('\n').map(visible), 0);
}

/** The widest word of a cell, in visible columns. */
function widestWord(cell: string): number {
  return maxOf(cell.split(/\s+/).map(visible), 0);
}

/**
 * Renders rows as a bordered table no wider than `width`; long cells wrap on word boundaries.
 * Each cell is first cut to a bounded size (`boundCell`), and each row is laid out on its own, so the cost is linear in the rows.
 */
export function fitTable(head: string[], rawRows: string[][], opts: FitOptions): string {
  const rows = rawRows.map((r) => r.map(boundCell));
  return layoutTable(head, rows, columnWidths(head, rows, opts), opts);
}

/** The column widths `fitTable` gives bounded rows (each including its two columns of padding). */
function columnWidths(head: string[], rows: string[][], opts: FitOptions): number[] {
  const natural = head.map((h, i) => maxOf(rows.map((r) => cellWidth(r[i] ?? '')), visible(h)) + 2);
  const flex = opts.flex ?? head.length - 1;
  const available = opts.width - (head.length + 1);
  // The flexible column (a statement, a title) gives way first, down to a readable width; then the others share what is left.
  const others = natural.reduce((n, w, i) => (i === flex ? n : n + w), 0);
  const flexMin = Math.min(natural[flex]!, 30);
  let widths: number[];
  if (others + flexMin <= available) {
    widths = natural.map((w, i) => (i === flex ? Math.min(w, available - others) : w));
  } else {
    const floors = natural.map((w, i) => (i === flex ? flexMin : opts.keep?.includes(i) ? w : Math.min(w, Math.max(visible(head[i]!) + 2, 10))));
    const sumOthers = () => floors.reduce((n, w, i) => (i === flex ? n : n + w), 0);
    // Then the flexible column gives way down to 16; then kept columns; then, on a very narrow terminal, the flexible column to 10.
    if (sumOthers() + flexMin > available) floors[flex] = Math.max(16, available - sumOthers());
    if (sumOthers() + floors[flex]! > available) for (const k of opts.keep ?? []) floors[k] = Math.min(natural[k]!, Math.max(visible(head[k]!) + 2, 8));
    if (sumOthers() + floors[flex]! > available) floors[flex] = Math.max(10, available - sumOthers());
    widths = fitWidths(natural, floors, available);
  }
  return widths;
}

/** Bounded rows drawn as a bordered table with these column widths. */
function layoutTable(head: string[], rows: string[][], widths: number[], opts: FitOptions): string {
  const c = painter(opts.color);
  const flex = opts.flex ?? head.length - 1;
  const layout = (withHead: boolean): Table.Table => new Table({
    ...(withHead ? { head: head.map((h) => c.bold(h)) } : {}),
    colWidths: widths,
    wordWrap: true,
    wrapOnWordBoundary: true,
    colAligns: head.map((_, i) => (opts.right?.includes(i) ? 'right' : 'left')),
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1, compact: opts.compact === true },
  });
  // Ids and codes must never be cut: outside the flexible column, cells break anywhere rather than truncate.
  // (Only cells with a word wider than their column: hard wrapping counts colour codes as text.)
  const cells = (r: string[]) => r.map((cell, i) => (i === flex || widestWord(cell) <= widths[i]! - 2 ? cell : { content: cell, wrapOnWordBoundary: false }));
  // cli-table3 lays a whole table out in time quadratic in its rows: lay out the head alone and the rows in small batches, then
  // join them with the separator cli-table3 draws between rows. The text is the same as one table's.
  const lines = layout(true).toString().split('\n');
  const bottom = lines.pop()!;
  const separator = `├${widths.map((w) => '─'.repeat(w)).join('┼')}┤`;
  for (let start = 0; start < rows.length; start += ROWS_PER_LAYOUT) {
    const batch = layout(false);
    for (const r of rows.slice(start, start + ROWS_PER_LAYOUT)) batch.push(cells(r));
    const body = batch.toString().split('\n');
    if (start === 0 || opts.compact !== true) lines.push(separator);
    for (let k = 1; k < body.length - 1; k++) lines.push(body[k]!);
  }
  lines.push(bottom);
  return lines.join('\n');
}

/** The narrowest the flexible column (a statement) gets in a table whose ids are kept whole, before rows become records. */
const MIN_FLEX_WHOLE = 16;

/**
 * Whether bounded rows laid out at `widths` keep every word of the `keep` columns (ids) whole, give the flexible column
 * a readable width, and fit `width`.
 */
function keepsWhole(head: string[], rows: string[][], widths: number[], opts: FitOptions): boolean {
  if (widths.reduce((a, b) => a + b, 0) + head.length + 1 > opts.width) return false;
  const flex = opts.flex ?? head.length - 1;
  const flexNatural = maxOf(rows.map((r) => cellWidth(r[flex] ?? '')), visible(head[flex] ?? '')) + 2;
  if (widths[flex]! < Math.min(flexNatural, MIN_FLEX_WHOLE + 2)) return false;
  return (opts.keep ?? []).every((k) => rows.every((r) => widestWord(r[k] ?? '') <= widths[k]! - 2));
}

/**
 * A fitted table whose `keep` columns (ids) are never cut, or, when they cannot stay whole beside a readable flexible
 * column within `width`, one record per row (`records`). `paint` colours whole cells of the records as `fitted` does.
 */
export function fitWhole(head: string[], rawRows: string[][], opts: FitOptions, paint?: CellPaint): string {
  const rows = rawRows.map((r) => r.map(boundCell));
  const widths = columnWidths(head, rows, opts);
  if (keepsWhole(head, rows, widths, opts)) return layoutTable(head, rows, widths, opts);
  return records(head, rows, opts.width, opts.color, opts.color ? paint : undefined);
}

/** Colours a status or support level by what it means: green confirmed, cyan the company's word, yellow rumor, magenta disputed, red retracted. */
export function paintStatus(c: ChalkInstance, status: string): string {
  switch (status) {
    case 'independent':
      return c.green(status);
    case 'company-reported':
      return c.cyan(status);
    case 'rumored':
      return c.yellow(status);
    case 'disputed':
      return c.magenta(status);
    case 'retracted':
      return c.red.strikethrough(status);
    default:
      return status;
  }
}

/** Colours a whole cell whose text it recognises (a status, a flag); undefined leaves the cell as it is. */
export type CellPaint = (cell: string) => string | undefined;

/**
 * A fitted table, or, when even its narrowest layout is wider than `width`, one record per row.
 * Cells are laid out plain; `paint` colours whole cells (a status, a flag) afterwards, so colour never changes the layout.
 */
export function fitted(head: string[], rows: string[][], width: number, color: boolean, opts: { flex?: number; right?: number[]; keep?: number[] } = {}, paint?: CellPaint): string {
  const bounded = rows.map((r) => r.map(boundCell));
  const fit = { width, color, ...opts };
  const widths = columnWidths(head, bounded, fit);
  // With `keep`, the table must also leave those columns' words (ids) whole.
  const whole = opts.keep === undefined || keepsWhole(head, bounded, widths, fit);
  const table = whole ? layoutTable(head, bounded, widths, fit) : '';
  if (whole && table.split('\n').every((l) => visible(l) <= width)) return color && paint ? paintCells(table, rows, paint) : table;
  return records(head, rows, width, color, color ? paint : undefined);
}

/** Colours, in a rendered table, every cell whose whole text `paint` recognises. */
function paintCells(table: string, rows: string[][], paint: CellPaint): string {
  const tokens = [...new Set(rows.flat())].filter((t) => !t.includes('\n') && paint(t) !== undefined);
  if (tokens.length === 0) return table;
  const escaped = tokens.sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(?<=│ +)(?:${escaped.join('|')})(?= +│)`, 'g');
  const [head, ...body] = table.split('\n');
  return [head, ...body.map((l) => l.replace(re, (m) => paint(m) ?? m))].join('\n');
}

/** The width a table takes when no column wraps. */
export function naturalWidth(head: string[], rows: string[][]): number {
  const cols = head.map((h, i) => maxOf(rows.map((r) => maxOf((r[i] ?? '').split('\n').map(visible), 0)), visible(h)) + 2);
  return cols.reduce((a, b) => a + b, 0) + head.length + 1;
}

/** Rows as records: the first cell as a title, then `head: cell` lines, wrapped. */
export function records(head: string[], rows: string[][], width: number, color: boolean, paint?: CellPaint): string {
  const c = painter(color);
  const out: string[] = [];
  // Words (ids, URLs) stay whole; only one wider than the whole width is broken.
  for (const r of rows) {
    out.push(fitWrap(`• ${c.bold((r[0] ?? '').replace(/\n/g, ' '))}`, width, '', '  '));
    head.forEach((h, i) => {
      if (i === 0) return;
      const raw = (r[i] ?? '').replace(/\n/g, ' ');
      const cell = paint?.(raw) ?? raw;
      if (cell !== '') out.push(fitWrap(`${h}: ${cell}`, width, '    ', '      '));
    });
  }
  return out.join('\n');
}
