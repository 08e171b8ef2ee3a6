/** Terminal tables fitted to a width, with one flexible column that wraps. */
import Table from 'cli-table3';
import { Chalk, type ChalkInstance } from 'chalk';

/** Options for a fitted table. */
export interface FitOptions {
  /** Total width available, in columns. */
  width: number;
  /** Index of the column that takes the remaining width and wraps (default: the last). */
  flex?: number;
  color: boolean;
  /** Right-align these column indexes (numbers). */
  right?: number[];
}

const visible = (s: string): number => [...s.replace(/\u001b\[[0-9;]*m/g, '')].length;

/** A chalk instance that colours only when asked. */
export function painter(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

/** Renders rows as a bordered table no wider than `width`; the flexible column wraps on word boundaries. */
export function fitTable(head: string[], rows: string[][], opts: FitOptions): string {
  const c = painter(opts.color);
  const flex = opts.flex ?? head.length - 1;
  const natural = head.map((h, i) => Math.max(visible(h), ...rows.map((r) => Math.max(...(r[i] ?? '').split('\n').map(visible)))) + 2);
  const borders = head.length + 1;
  const fixed = natural.reduce((n, w, i) => (i === flex ? n : n + w), 0);
  const room = opts.width - fixed - borders;
  const widths = natural.map((w, i) => (i === flex ? Math.max(16, Math.min(w, room)) : w));
  const table = new Table({
    head: head.map((h) => c.bold(h)),
    colWidths: widths,
    wordWrap: true,
    wrapOnWordBoundary: true,
    colAligns: head.map((_, i) => (opts.right?.includes(i) ? 'right' : 'left')),
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
  });
  for (const r of rows) table.push(r);
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
