/** `claims list`: filter, sort and print claims. */
import { filterViews, sortViews } from '../query/filter.js';
import { listFormatters } from '../format/list.js';
import { type Io, UsageError, wantsColor } from './io.js';
import { count, loadQuery, parseFilters, parseSort, terminalWidth, type FilterOptions } from './query-options.js';
import type { RunSettings } from './settings.js';

export interface ListOptions extends FilterOptions {
  format: string;
}

/** Runs `claims list`; exit 0. */
export function list(opts: ListOptions, settings: RunSettings, io: Io): number {
  const formatter = listFormatters[opts.format];
  if (!formatter) throw new UsageError(`unknown format "${opts.format}": use ${Object.keys(listFormatters).join(', ')}`);
  const filters = parseFilters(opts);
  const sort = parseSort(opts.sort);
  const limit = count('--limit', opts.limit);
  const ctx = loadQuery(settings, io);
  let views = sortViews(filterViews(ctx, ctx.views, filters), sort);
  if (limit !== undefined) views = views.slice(0, limit);
  io.stdout.write(formatter(views, { color: wantsColor(io), width: terminalWidth(io) }));
  return 0;
}
