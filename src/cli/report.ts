/** `claims report`: the report printer, over the claims the list filters select. */
import type { ReportFormat } from '../format/names.js';
import { reportFormatters } from '../format/report.js';
import { buildReport } from '../report/build.js';
import { claimProvenance } from '../report/provenance.js';
import { type Io, wantsColor } from './io.js';
import { filterChecked, loadQuery, parseFilters, terminalWidth, type FilterOptions } from './query-options.js';
import type { RunSettings } from './settings.js';

export interface ReportOptions extends FilterOptions {
  format: ReportFormat;
}

/** Runs `claims report`; exit 0. */
export function report(opts: ReportOptions, settings: RunSettings, io: Io): number {
  const filters = parseFilters(opts);
  const ctx = loadQuery(settings, io);
  const views = filterChecked(ctx, filters);
  const provenance = () => claimProvenance(ctx, views);
  io.stdout.write(reportFormatters[opts.format](buildReport(ctx, views), { color: wantsColor(io), width: terminalWidth(io), provenance }));
  return 0;
}
