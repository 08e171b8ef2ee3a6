/** `claims export`: the filtered claims as ClaimReview JSON-LD, JSON Lines or CSV. */
import { exportFormatters } from '../format/export.js';
import { type Io, UsageError } from './io.js';
import { selectViews, type FilterOptions } from './query-options.js';
import type { RunSettings } from './settings.js';

export interface ExportOptions extends FilterOptions {
  format: string;
}

/** Runs `claims export`; exit 0. */
export function exportClaims(opts: ExportOptions, settings: RunSettings, io: Io): number {
  const formatter = exportFormatters[opts.format];
  if (!formatter) throw new UsageError(`unknown format "${opts.format}": use ${Object.keys(exportFormatters).join(', ')}`);
  const { ctx, views } = selectViews(opts, settings, io);
  io.stdout.write(formatter(views, ctx));
  return 0;
}
