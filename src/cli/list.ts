/** `claims list`: filter, sort and print claims. */
import { listFormatters } from '../format/list.js';
import { type Io, UsageError, wantsColor } from './io.js';
import { selectViews, terminalWidth, type FilterOptions } from './query-options.js';
import type { RunSettings } from './settings.js';

export interface ListOptions extends FilterOptions {
  format: string;
}

/** Runs `claims list`; exit 0. */
export function list(opts: ListOptions, settings: RunSettings, io: Io): number {
  const formatter = listFormatters[opts.format];
  if (!formatter) throw new UsageError(`unknown format "${opts.format}": use ${Object.keys(listFormatters).join(', ')}`);
  const { views } = selectViews(opts, settings, io);
  io.stdout.write(formatter(views, { color: wantsColor(io), width: terminalWidth(io) }));
  return 0;
}
