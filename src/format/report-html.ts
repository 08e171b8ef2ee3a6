/**
 * `claims report --format html`: the report as one self-contained HTML page (inline CSS and SVG, no scripts, no
 * network). Pure: report data and the reported claims' provenance in, a string out. Every text is HTML-escaped.
 */
import type { ClaimProvenance } from '../report/provenance.js';
import type { Report } from '../report/types.js';
import { CSS } from './report-html-css.js';
import { badge, esc, STATUS_LIST } from './report-html-parts.js';
import {
  concentrationHtml, conflictsHtml, overviewHtml, rumorsHtml, singlePointsHtml, sourcingHtml, timelinesHtml, watchlistHtml, type Prov,
} from './report-html-sections.js';
import { FILTERS_NOTE, REPORT_SECTIONS } from './report-wording.js';
import { overTimeHtml } from './report-over-time.js';
import { plural } from './values.js';
import type { ReportFormatter } from './types.js';

/** The report as one self-contained HTML page. `provenance`: the reported claims' evidence chains, by claim. */
export function formatReportHtml(report: Report, provenance: readonly ClaimProvenance[]): string {
  const prov: Prov = new Map(provenance.map((p) => [p.id, p]));
  const title = `Claims report for ${report.generated_for}`;
  const bodies = [
    overviewHtml(report),
    sourcingHtml(report, prov),
    rumorsHtml(report, prov),
    watchlistHtml(report, prov),
    conflictsHtml(report, prov),
    concentrationHtml(report),
    timelinesHtml(report, prov),
    singlePointsHtml(report, prov),
    overTimeHtml(report),
  ];
  const out = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${esc(title)}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${esc(title)}</h1>`,
    `<p>Generated for ${esc(report.generated_for)}: ${plural(report.overview.total, 'claim')}.${report.filters_applied ? ` <strong>${FILTERS_NOTE}</strong>` : ''}</p>`,
    `<p class="legend">Status: ${STATUS_LIST.map((s) => badge(s)).join(' ')}</p>`,
    `<nav aria-label="Sections"><ol>${REPORT_SECTIONS.map((s, i) => `<li><a href="#section-${i + 1}">${i + 1}. ${esc(s)}</a></li>`).join('')}</ol></nav>`,
    '</header>',
    '<main>',
  ];
  bodies.forEach((body, i) => {
    out.push(
      `<section id="section-${i + 1}" aria-labelledby="section-${i + 1}-title">`,
      `<h2 id="section-${i + 1}-title">${i + 1}. ${esc(REPORT_SECTIONS[i]!)}</h2>`,
      body,
      '</section>',
    );
  });
  out.push('</main>', '<footer>Made by <code>claims report --format html</code>. Self-contained: no scripts, no external assets.</footer>', '</body>', '</html>');
  return out.join('\n') + '\n';
}

/** The HTML page, with the provenance trees of the reported claims. */
export const html: ReportFormatter = (report, ctx) => formatReportHtml(report, ctx.provenance?.() ?? []);
