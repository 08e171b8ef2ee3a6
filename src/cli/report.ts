/** `claims report`: the report printer, over the claims the list filters select. */
import { buildReport } from '../report/build.js';
import { reportFormatters, type ReportFormat } from '../format/report.js';
import { filterViews } from '../query/filter.js';
import { type Io, UsageError, wantsColor } from './io.js';
import { loadQuery, parseFilters, terminalWidth, type FilterOptions } from './query-options.js';
import type { RunSettings } from './settings.js';

export interface ReportOptions extends FilterOptions {
  format: string;
}

/** Runs `claims report`; exit 0. */
export function report(opts: ReportOptions, settings: RunSettings, io: Io): number {
  const formatter = reportFormatters[opts.format as ReportFormat];
  if (!formatter) throw new UsageError(`unknown format "${opts.format}": use ${Object.keys(reportFormatters).join(', ')}`);
  const filters = parseFilters(opts);
  const ctx = loadQuery(settings, io);
  const views = filterViews(ctx, ctx.views, filters);
  io.stdout.write(formatter(buildReport(ctx, views), { color: wantsColor(io), width: terminalWidth(io) }));
  return 0;
}
