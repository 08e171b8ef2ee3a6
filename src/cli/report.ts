/** `claims report`: the report printer, over the claims the list filters select. */
import type { ReportFormat } from '../format/names.js';
import { reportFormatters } from '../format/report.js';
import { buildReport } from '../report/build.js';
import { claimProvenance } from '../report/provenance.js';
import { type Io, wantsColor } from './io.js';
import { overTimeStats } from '../history/stats.js';
import { timelinesFor } from './stats.js';
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
  const report = buildReport(ctx, views);
  // Section 9, measures over time: `claims stats`' figures for the claims reported on. At an earlier revision the
  // history after it would tell the future, so only the dataset's own links count there.
  const { timelines, reason } = settings.revision === undefined
    ? timelinesFor(settings, io, 'claims report')
    : { timelines: undefined, reason: 'the report reads an earlier revision; history after it is not used' };
  report.over_time = overTimeStats({ ...ctx, views }, timelines, reason);
  io.stdout.write(reportFormatters[opts.format](report, { color: wantsColor(io), width: terminalWidth(io), provenance }));
  return 0;
}
