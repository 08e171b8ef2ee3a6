/** `claims export`: the filtered claims as ClaimReview JSON-LD (an array or one `@graph`), JSON Lines, or CSV. */
import { CLAIMREVIEW_FORMATS, exportFormatters, publishingGaps } from '../format/export.js';
import type { ExportFormat } from '../format/names.js';
import type { Io } from './io.js';
import { selectViews, type FilterOptions } from './query-options.js';
import type { RunSettings } from './settings.js';

export interface ExportOptions extends FilterOptions {
  format: ExportFormat;
}

/** Runs `claims export`; exit 0. ClaimReview output without a publisher or URL template gets a one-line note on stderr. */
export function exportClaims(opts: ExportOptions, settings: RunSettings, io: Io): number {
  const { ctx, views } = selectViews(opts, settings, io);
  const publishing = settings.config.claimreview;
  io.stdout.write(exportFormatters[opts.format](views, { ...ctx, publishing }));
  const gaps = CLAIMREVIEW_FORMATS.has(opts.format) ? publishingGaps(publishing) : [];
  if (gaps.length > 0) {
    io.stderr.write(`claims: note: this ClaimReview output is not ready for publishing: set ${gaps.join(' and ')} in ${settings.config.file ?? 'claims.config.yaml'}\n`);
  }
  return 0;
}
