/** `claims report --format markdown`: the report for GitHub-flavoured markdown. */
import { escapeDeep } from './escape.js';
import { CONCENTRATION_THRESHOLD, SOURCING_TIERS } from '../report/types.js';
import {
  andMore, barLength, FILTERS_NOTE, forecastState, leftOut, loweredFall, namedClaims, NO_FIGURES, NO_RUMORS, noSinglePoint, NO_VALUE, pct,
  pointMarks, REPORT_SECTIONS, sourceLabel, sourcingIntro, sourcingSentence, SPOF_BLURB, spofIntro, TIER_BLURB, TIER_TITLE,
  tierEntries, timelineLegend, timelineUnit,
} from './report-wording.js';
import { overTimeMarkdown } from './report-over-time.js';
import { maxOf } from './table.js';
import type { ReportFormatter } from './types.js';
import { compactAmount, mdCell, mdTable, plural } from './values.js';

const code = (id: string): string => `\`${id}\``;
/** Free text for GitHub markdown: `$` (math), `~` (strikethrough) and `*` (emphasis) as entities, so figures render as written. */
const md = (s: string): string => s.replace(/\$/g, '&#36;').replace(/~/g, '&#126;').replace(/\*/g, '&#42;');

/** The report for GitHub: one heading per section, tables for the rest. */
export const markdown: ReportFormatter = (raw) => {
  // Markdown is read in a terminal as often as it is rendered: data from the dataset never drives the terminal.
  const r = escapeDeep(raw);
  const out: string[] = [`# Claims report`, '', `Generated for ${r.generated_for}.${r.filters_applied ? ` ${FILTERS_NOTE}` : ''}`, ''];
  const section = (n: number) => out.push(`## ${n}. ${REPORT_SECTIONS[n - 1]}`, '');

  // 1. Overview
  section(1);
  const o = r.overview;
  out.push(`${plural(o.total, 'claim')} by category and status.`, '');
  if (o.total > 0) {
    const rows = o.rows.map((row) => [row.category, ...o.statuses.map((s) => String(row.counts[s])), String(row.total)]);
    rows.push(['**total**', ...o.statuses.map((s) => `**${o.totals[s]}**`), `**${o.total}**`]);
    out.push(mdTable(['category', ...o.statuses, 'total'], rows, o.statuses.map((_, i) => i + 1).concat(o.statuses.length + 1)));
  }

  // 2. Sourcing
  section(2);
  out.push(sourcingIntro(r), '');
  for (const tier of SOURCING_TIERS) {
    const entries = tierEntries(r, tier);
    out.push(`### ${TIER_TITLE[tier]} (${entries.length})`, '', TIER_BLURB[tier], '');
    if (entries.length === 0) continue;
    out.push(mdTable(
      ['claim', 'value', 'as of', 'status', 'grade', 'independent', 'party', 'self', 'anonymous', 'unattributed', 'why'],
      entries.map((e) => [
        code(e.id), e.value === null ? NO_VALUE : code(e.value), e.as_of ?? '', e.status, e.grade, String(e.origins.independent), String(e.origins.party), String(e.origins.self),
        String(e.origins.anonymous), String(e.origins.unattributed), md(sourcingSentence(e)),
      ]),
      [5, 6, 7, 8],
    ));
  }

  // 3. Rumors
  section(3);
  if (r.rumors.length === 0) out.push(NO_RUMORS, '');
  else {
    out.push(mdTable(
      ['claim', 'status', 'as of', 'statement', 'what would confirm it', 'candidates'],
      r.rumors.map((x) => [
        code(x.id), x.status, x.as_of ?? '', md(x.statement),
        x.superseded_by ? `superseded by ${code(x.superseded_by)}` : `an independently sourced ${md(x.confirm_with.subject)} ${x.confirm_with.category} claim that supersedes it`,
        x.candidates.map(code).join(', '),
      ]),
    ));
  }

  // 4. Watchlist
  section(4);
  const w = r.watchlist;
  out.push(`### Forecasts (${w.forecasts.length})`, '');
  if (w.forecasts.length === 0) out.push('None.', '');
  else {
    out.push(mdTable(['forecast', 'due', 'state', 'statement'], w.forecasts.map((f) => {
      const state = forecastState(f);
      return [code(f.id), f.due, state === 'overdue' ? '**overdue**' : state, `${md(f.statement)}${f.value ? ` (${code(f.value)})` : ''}`];
    })));
  }
  out.push(`### Unresolved rumors (${w.rumors.length})`, '');
  if (w.rumors.length === 0) out.push('None.', '');
  else out.push(mdTable(['rumor', 'as of', 'statement'], w.rumors.map((x) => [code(x.id), x.as_of ?? '', md(x.statement)])));

  // 5. Conflicts
  section(5);
  const k = r.conflicts;
  out.push(`### Value conflicts (${k.conflicts.length})`, '');
  if (k.conflicts.length === 0) out.push('None.', '');
  else {
    out.push(mdTable(['subject', 'category', 'period', 'claim', 'value', 'other claim', 'other value'], k.conflicts.map((x) => [
      md(x.subject), x.category, x.period, code(x.a.id), code(x.a.value), code(x.b.id), code(x.b.value),
    ])));
  }
  out.push(`### Superseded claims (${k.superseded.length})`, '');
  if (k.superseded.length === 0) out.push('None.', '');
  else {
    out.push(mdTable(['claim', 'statement', 'superseded by', 'new statement'], k.superseded.map((s) => [
      code(s.id), `${md(s.statement)}${s.value ? ` (${code(s.value)})` : ''}`, code(s.superseded_by),
      `${md(s.superseded_by_statement ?? '')}${s.superseded_by_value ? ` (${code(s.superseded_by_value)})` : ''}`,
    ])));
  }
  if (k.corrections.length > 0) {
    out.push(`### Retracted and disputed (${k.corrections.length})`, '');
    out.push(mdTable(['claim', 'status', 'date', 'reason'], k.corrections.map((x) => [code(x.id), x.status, x.date ?? '', md(x.reason ?? 'no reason recorded')])));
  }

  // 6. Concentration
  section(6);
  if (r.concentration.length === 0) out.push('No origins.', '');
  else {
    out.push(mdTable(['origin', 'source', 'claims', 'share', 'flag'], r.concentration.map((e) => [
      code(e.origin), md(sourceLabel(e)), String(e.claims), pct(e.share), e.concentrated ? `≥ ${pct(CONCENTRATION_THRESHOLD)}` : '',
    ]), [2, 3]));
  }

  // 7. Timelines
  section(7);
  if (r.timelines.length === 0) out.push(NO_FIGURES, '');
  else out.push(timelineLegend(), '');
  for (const t of r.timelines) {
    out.push(`### ${md(mdCell(t.subject))} · ${t.category} (${timelineUnit(t)})`, '');
    const max = maxOf(t.points.map((p) => p.amount), 0);
    out.push(mdTable(['as of', 'claim', 'value', `amount (${timelineUnit(t)})`, 'chart', 'forecast', 'marks'], t.points.map((p) => [
      p.as_of ?? '', code(p.id), code(p.value), md(compactAmount({ amount: p.amount, unit: t.unit, currency: t.currency })), '█'.repeat(barLength(p.amount, max, 20)) || ' ', p.forecast ? 'forecast' : '',
      pointMarks(p).map((m) => m.letter).join(' '),
    ]), [3]));
    if (t.skipped.length > 0) out.push(`${leftOut(t, t.skipped.map(code).join(', '))}.`, '');
  }

  // 8. Single points of failure
  section(8);
  out.push(SPOF_BLURB, '');
  const spof = r.single_points_of_failure;
  if (spof.sources.length === 0) out.push(noSinglePoint(r), '');
  else {
    out.push(spofIntro(r), '');
    out.push(mdTable(['source', 'what it is', 'claims lowered', 'would lose all evidence', 'claims it would lower'], spof.sources.map((e) => {
      const { named, more } = namedClaims(e);
      const list = named.map((x) => `${code(x.id)}: ${loweredFall(x)}`).concat(more > 0 ? [andMore(more)] : []);
      return [code(e.source), md(sourceLabel(e)), String(e.claims), String(e.lost_all_evidence), list.join('; ')];
    }), [2, 3]));
  }

  // 9. Measures over time
  section(9);
  out.push(...overTimeMarkdown(r));
  return out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\n*$/, '\n');
};
