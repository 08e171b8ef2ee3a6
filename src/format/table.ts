/** Terminal tables fitted to a width, with one flexible column that wraps. */
import Table from 'cli-table3';
import { Chalk, type ChalkInstance } from 'chalk';

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
}

const visible = (s: string): number => [...s.replace(/\u001b\[[0-9;]*m/g, '')].length;

/** A chalk instance that colours only when asked. */
export function painter(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

/** Column widths that fit `available`: the widest columns give way first (water-filling), none below its floor. */
export function fitWidths(natural: number[], floors: number[], available: number): number[] {
  if (natural.reduce((a, b) => a + b, 0) <= available) return natural;
  let lo = 0;
  let hi = Math.max(...natural);
  // The largest cap such that capping every column at it fits.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const total = natural.reduce((n, w, i) => n + Math.max(floors[i]!, Math.min(w, mid)), 0);
    if (total <= available) lo = mid;
    else hi = mid - 1;
  }
  return natural.map((w, i) => Math.max(floors[i]!, Math.min(w, lo)));
}

/** Renders rows as a bordered table no wider than `width`; long cells wrap on word boundaries. */
export function fitTable(head: string[], rows: string[][], opts: FitOptions): string {
  const c = painter(opts.color);
  const natural = head.map((h, i) => Math.max(visible(h), ...rows.map((r) => Math.max(...(r[i] ?? '').split('\n').map(visible)))) + 2);
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
  const table = new Table({
    head: head.map((h) => c.bold(h)),
    colWidths: widths,
    wordWrap: true,
    wrapOnWordBoundary: true,
    colAligns: head.map((_, i) => (opts.right?.includes(i) ? 'right' : 'left')),
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
  });
  // Ids and codes must never be cut: outside the flexible column, cells break anywhere rather than truncate.
  // (Only cells with a word wider than their column: hard wrapping counts colour codes as text.)
  for (const r of rows) {
    table.push(r.map((cell, i) => (i === flex || Math.max(...cell.split(/\s+/).map(visible)) <= widths[i]! - 2 ? cell : { content: cell, wrapOnWordBoundary: false })));
  }
  return table.toString();
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
