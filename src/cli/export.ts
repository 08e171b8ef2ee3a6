/** `claims export`: the filtered claims as ClaimReview JSON-LD, JSON Lines or CSV. */
import { filterViews, sortViews } from '../query/filter.js';
import { exportFormatters } from '../format/export.js';
import { type Io, UsageError } from './io.js';
import { count, loadQuery, parseFilters, parseSort, type FilterOptions } from './query-options.js';
import type { RunSettings } from './settings.js';

export interface ExportOptions extends FilterOptions {
  format: string;
}

/** Runs `claims export`; exit 0. */
export function exportClaims(opts: ExportOptions, settings: RunSettings, io: Io): number {
  const formatter = exportFormatters[opts.format];
  if (!formatter) throw new UsageError(`unknown format "${opts.format}": use ${Object.keys(exportFormatters).join(', ')}`);
  const filters = parseFilters(opts);
  const sort = parseSort(opts.sort);
  const limit = count('--limit', opts.limit);
  const ctx = loadQuery(settings, io);
  let views = sortViews(filterViews(ctx, ctx.views, filters), sort);
  if (limit !== undefined) views = views.slice(0, limit);
  io.stdout.write(formatter(views, ctx));
  return 0;
}
