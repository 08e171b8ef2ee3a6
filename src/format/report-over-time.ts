/**
 * Section 9 of the report, "Measures over time": how long rumors took to be confirmed, the rumors still open, and the
 * track record of the sources most claims come from. The figures are `claims stats`' (src/history/stats.ts); the report
 * shows the headline figures and the first few of each list, and `claims stats` shows them all.
 */
import type { ChalkInstance } from 'chalk';
import type { OverTimeStats } from '../history/stats.js';
import type { Report } from '../report/types.js';
import { esc } from './report-html-parts.js';
import { statsSummary, trackRecordText } from './stats.js';
import { fitWrap as wrap } from './layout.js';
import { mdTable } from './values.js';

/** How many open rumors and sources the report names (the rest: `claims stats`). */
export const OVER_TIME_LISTED = 5;

/** The line under the section title. */
export const OVER_TIME_BLURB = 'How long rumors took to be confirmed, how long the others have been open, and what became of the claims each source is the origin of.';

const NOT_COMPUTED = 'Not computed for this report.';

/** The open rumors the report names: the longest open first. */
function oldestOpen(s: OverTimeStats): OverTimeStats['open_rumors'] {
  return [...s.open_rumors].sort((a, b) => (b.days_open ?? -1) - (a.days_open ?? -1) || (a.id < b.id ? -1 : 1)).slice(0, OVER_TIME_LISTED);
}

/** The sources the report names: the most claims originated first. */
function topSources(s: OverTimeStats): OverTimeStats['track_records'] {
  return s.track_records.filter((t) => t.claims > 0).sort((a, b) => b.claims - a.claims || (a.source < b.source ? -1 : 1)).slice(0, OVER_TIME_LISTED);
}

const more = (n: number, what: string): string => `… and ${n} more ${what}: \`claims stats\` lists them all.`;

export function overTimeText(r: Report, c: ChalkInstance, width: number): string[] {
  const s = r.over_time;
  const out = [c.dim(wrap(OVER_TIME_BLURB, width))];
  if (!s) return [...out, wrap(NOT_COMPUTED, width)];
  out.push(...statsSummary(s).map((l) => wrap(l, width)));
  for (const x of s.confirmations.slice(0, OVER_TIME_LISTED)) {
    out.push(wrap(`${c.green(x.rumor)}: ${x.days === null ? 'confirmed' : `confirmed after ${x.days} days`} (${x.how}${x.confirmed_by ? ` by ${x.confirmed_by}` : ''}; ${x.method})`, width, '  ', '    '));
  }
  if (s.confirmations.length > OVER_TIME_LISTED) out.push(wrap(more(s.confirmations.length - OVER_TIME_LISTED, 'confirmations'), width, '  '));
  const open = oldestOpen(s);
  if (open.length > 0) out.push('', wrap('Open the longest:', width));
  for (const o of open) out.push(wrap(`${c.yellow(o.id)} (${o.category}): open ${o.days_open ?? '—'} days, since ${o.since ?? '—'}`, width, '  ', '    '));
  if (s.open_rumors.length > open.length) out.push(wrap(more(s.open_rumors.length - open.length, 'open rumors'), width, '  '));
  const sources = topSources(s);
  if (sources.length > 0) out.push('', wrap('Track record of the sources most claims come from:', width));
  for (const t of sources) out.push(wrap(`${t.source} (${t.reliability}): ${trackRecordText(t)}`, width, '  ', '    '));
  out.push(c.dim(wrap(`How: confirmations: ${s.methods.confirmations}. Open rumors: ${s.methods.open_rumors}.`, width)));
  return out;
}

export function overTimeMarkdown(r: Report): string[] {
  const s = r.over_time;
  const out = [OVER_TIME_BLURB, ''];
  if (!s) return [...out, NOT_COMPUTED, ''];
  out.push(...statsSummary(s).map((l) => `- ${l}`), '');
  const open = oldestOpen(s);
  if (s.confirmations.length > 0) {
    out.push(mdTable(['confirmed rumor', 'how', 'days', 'method'], s.confirmations.slice(0, OVER_TIME_LISTED).map((x) => [
      `\`${x.rumor}\``, `${x.how}${x.confirmed_by ? ` by \`${x.confirmed_by}\`` : ''}`, x.days === null ? '—' : String(x.days), x.method,
    ]), [2]));
  }
  if (open.length > 0) out.push(mdTable(['open the longest', 'category', 'since', 'days open'], open.map((o) => [`\`${o.id}\``, o.category, o.since ?? '—', String(o.days_open ?? '—')]), [3]));
  const sources = topSources(s);
  if (sources.length > 0) out.push(mdTable(['source', 'grade', 'track record'], sources.map((t) => [`\`${t.source}\``, t.reliability, trackRecordText(t)])));
  out.push(`*How:* confirmations: ${s.methods.confirmations}. Open rumors: ${s.methods.open_rumors}. \`claims stats\` lists every figure.`, '');
  return out;
}

export function overTimeHtml(r: Report): string {
  const s = r.over_time;
  const out = [`<p class="blurb">${esc(OVER_TIME_BLURB)}</p>`];
  if (!s) return [...out, `<p>${esc(NOT_COMPUTED)}</p>`].join('\n');
  out.push(`<ul>${statsSummary(s).map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`);
  const open = oldestOpen(s);
  if (open.length > 0) {
    out.push(`<p>Open the longest:</p><ul>${open.map((o) => `<li><code>${esc(o.id)}</code> (${esc(o.category)}): open ${esc(String(o.days_open ?? '—'))} days, since ${esc(o.since ?? '—')}</li>`).join('')}</ul>`);
  }
  const sources = topSources(s);
  if (sources.length > 0) {
    out.push(`<p>Track record of the sources most claims come from:</p><ul>${sources.map((t) => `<li><code>${esc(t.source)}</code> (${esc(t.reliability)}): ${esc(trackRecordText(t))}</li>`).join('')}</ul>`);
  }
  out.push(`<p class="facts">${esc(`How: confirmations: ${s.methods.confirmations}. Open rumors: ${s.methods.open_rumors}. claims stats lists every figure.`)}</p>`);
  return out.join('\n');
}
