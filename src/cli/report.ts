/** `claims report`: the report printer, over the claims the list filters select. */
import { buildReport } from '../report/build.js';
import { reportFormatters, type ReportFormat } from '../format/report.js';
import { claimProvenance, formatReportHtml, type ClaimProvenance } from '../format/report-html.js';
import { explain } from '../query/explain.js';
import { filterViews } from '../query/filter.js';
import type { ClaimView, QueryContext } from '../query/view.js';
import { type Io, UsageError, wantsColor } from './io.js';
import { loadQuery, parseFilters, terminalWidth, type FilterOptions } from './query-options.js';
import type { RunSettings } from './settings.js';

export interface ReportOptions extends FilterOptions {
  format: string;
}

/** Every format `claims report` accepts: the plain formatters, and html (which also needs the evidence chains). */
export const REPORT_FORMATS = [...Object.keys(reportFormatters), 'html'];

/** The evidence chains of the reported claims, for the HTML page. */
function provenanceOf(ctx: QueryContext, views: ClaimView[]): ClaimProvenance[] {
  return views.flatMap((v) => {
    const e = explain(ctx, v.id);
    return e ? [claimProvenance(e)] : [];
  });
}

/** Runs `claims report`; exit 0. */
export function report(opts: ReportOptions, settings: RunSettings, io: Io): number {
  const html = opts.format === 'html';
  const formatter = reportFormatters[opts.format as ReportFormat];
  if (!formatter && !html) throw new UsageError(`unknown format "${opts.format}": use ${REPORT_FORMATS.join(', ')}`);
  const filters = parseFilters(opts);
  const ctx = loadQuery(settings, io);
  const views = filterViews(ctx, ctx.views, filters);
  const data = buildReport(ctx, views);
  io.stdout.write(html || !formatter
    ? formatReportHtml(data, provenanceOf(ctx, views))
    : formatter(data, { color: wantsColor(io), width: terminalWidth(io) }));
  return 0;
}
