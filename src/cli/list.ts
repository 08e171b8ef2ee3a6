/** `claims list`: filter, sort and print claims. */
import { listFormatters } from '../format/list.js';
import type { ListFormat } from '../format/names.js';
import { type Io, wantsColor } from './io.js';
import { selectViews, terminalWidth, type FilterOptions } from './query-options.js';
import type { RunSettings } from './settings.js';

export interface ListOptions extends FilterOptions {
  format: ListFormat;
}

/** Runs `claims list`; exit 0. */
export function list(opts: ListOptions, settings: RunSettings, io: Io): number {
  const { views } = selectViews(opts, settings, io);
  io.stdout.write(listFormatters[opts.format](views, { color: wantsColor(io), width: terminalWidth(io) }));
  return 0;
}
