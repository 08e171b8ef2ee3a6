/** `claims report --format text`: the report for a terminal, fitted to its width. */
import type { ChalkInstance } from 'chalk';
import { STATUSES } from '../model/schema.js';
import { SOURCING_TIERS, type Report } from '../report/types.js';
import { escapeDeep } from './escape.js';
import { dimLines, fitWrap, visible } from './layout.js';
import {
  andMore, barLength, concentrationIntro, confirmSentence, FILTERS_COUNTED, FILTERS_NOTE, forecastsTitle, forecastState, heavyOrigin,
  leftOut, loweredFall, namedClaims, NO_FIGURES, NO_HEAVY_ORIGIN, NO_RUMORS, noSinglePoint, NO_VALUE, originCounts, pct, pointMarks,
  REPORT_SECTIONS, rumorsIntro, sourceLabel, sourcingIntro, sourcingSentence, SPOF_BLURB, spofCounts, spofIntro, TIER_BLURB, TIER_TITLE,
  tierEntries, timelineLegend, timelineUnit, type TimelineMark,
} from './report-wording.js';
import { overTimeText } from './report-over-time.js';
import { fitTable, fitted, maxOf, naturalWidth, paintStatus, painter, records, type CellPaint } from './table.js';
import type { ReportFormatter } from './types.js';
import { plural } from './values.js';

const STATUS_WORDS = new Set<string>(STATUSES);

/** Colours cells that are a status or support level. */
function statusPaint(c: ChalkInstance): CellPaint {
  return (s) => (STATUS_WORDS.has(s) ? paintStatus(c, s) : undefined);
}

function heading(c: ChalkInstance, n: number, title: string, width: number): string {
  return c.bold(fitWrap(`${n}. ${title}`, width));
}

function textOverview(r: Report, c: ChalkInstance, width: number, color: boolean): string[] {
  const o = r.overview;
  const out: string[] = [];
  const parts = o.statuses.filter((s) => o.totals[s] > 0).map((s) => `${o.totals[s]} ${s}`);
  out.push(fitWrap(`${plural(o.total, 'claim')}${parts.length ? `: ${parts.join(', ')}` : ''}.${r.filters_applied ? FILTERS_COUNTED : ''}`, width));
  if (o.total === 0) return out;
  const rows = o.rows.map((row) => [row.category, ...o.statuses.map((s) => String(row.counts[s])), String(row.total)]);
  rows.push(['total', ...o.statuses.map((s) => String(o.totals[s])), String(o.total)]);
  const right = o.statuses.map((_, i) => i + 1).concat(o.statuses.length + 1);
  const SHORT: Record<string, string> = { 'company-reported': 'company', independent: 'indep.' };
  for (const names of [o.statuses as string[], o.statuses.map((s) => SHORT[s] ?? s)]) {
    const head = ['category', ...o.statuses.map((s, i) => paintStatus(c, s).replace(s, names[i]!)), 'total'];
    if (naturalWidth(head, rows) <= width) {
      out.push(fitTable(head, rows, { width, color, right, flex: 0 }));
      return out;
    }
  }
  out.push(records(['category', ...o.statuses, 'total'], rows, width, color));
  return out;
}

function textSourcing(r: Report, c: ChalkInstance, width: number, color: boolean): string[] {
  const out: string[] = [fitWrap(sourcingIntro(r), width)];
  for (const tier of SOURCING_TIERS) {
    const entries = tierEntries(r, tier);
    out.push('', c.bold(fitWrap(`${TIER_TITLE[tier]} (${entries.length})`, width)), dimLines(c, fitWrap(TIER_BLURB[tier], width)));
    if (entries.length === 0) continue;
    const rows = entries.map((e) => [
      `${e.id}\n${e.value ?? NO_VALUE}${e.as_of ? ` · ${e.as_of}` : ''}`,
      `${e.status}\ngrade ${e.grade}`,
      `${sourcingSentence(e)}. Origins: ${originCounts(e)}.`,
    ]);
    out.push(fitted(['claim', 'status', 'why'], rows, width, color, { keep: [0, 1] }, statusPaint(c)));
  }
  return out;
}

function textRumors(r: Report, c: ChalkInstance, width: number, color: boolean): string[] {
  if (r.rumors.length === 0) return [fitWrap(NO_RUMORS, width)];
  const out = [fitWrap(rumorsIntro(r), width)];
  const rows = r.rumors.map((x) => [
    `${x.id}\n${x.subject} · ${x.category}${x.as_of ? `\n${x.as_of}` : ''}`,
    x.status,
    `${x.statement}\n→ ${confirmSentence(x)}`,
  ]);
  out.push(fitted(['claim', 'status', 'statement and what would confirm it'], rows, width, color, { keep: [0, 1] }, statusPaint(c)));
  return out;
}

function textWatchlist(r: Report, c: ChalkInstance, width: number, color: boolean): string[] {
  const w = r.watchlist;
  const out: string[] = [];
  out.push(c.bold(fitWrap(forecastsTitle(r), width)));
  if (w.forecasts.length === 0) out.push('  none');
  else {
    const rows = w.forecasts.map((f) => {
      const state = forecastState(f);
      return [f.id, f.due, state, `${f.statement}${f.value ? ` (${f.value})` : ''}`];
    });
    const paint: CellPaint = (s) => (s === 'overdue' || s === 'missed' ? c.red(s) : s === 'met' ? c.green(s) : undefined);
    out.push(fitted(['forecast', 'due', 'state', 'statement'], rows, width, color, { keep: [0] }, paint));
  }
  out.push('', c.bold(fitWrap(`Unresolved rumors (${w.rumors.length})`, width)));
  if (w.rumors.length === 0) out.push('  none');
  else {
    const rows = w.rumors.map((x) => [x.id, x.as_of ?? '—', x.statement]);
    out.push(fitted(['rumor', 'as of', 'statement'], rows, width, color, { keep: [0] }));
  }
  return out;
}

function textConflicts(r: Report, c: ChalkInstance, width: number, color: boolean): string[] {
  const k = r.conflicts;
  const out: string[] = [c.bold(fitWrap(`Value conflicts (${k.conflicts.length})`, width))];
  if (k.conflicts.length === 0) out.push('  none');
  for (const x of k.conflicts) {
    out.push(fitWrap(`${c.yellow('✖')} ${x.subject} · ${x.category} · ${x.period}: these cannot both be true`, width, '  ', '    '));
    for (const s of [x.a, x.b]) out.push(fitWrap(`${s.id} (${paintStatus(c, s.status)}) says ${s.value}: ${s.statement}`, width, '    ', '      '));
  }
  out.push('', c.bold(fitWrap(`Superseded claims (${k.superseded.length})`, width)));
  if (k.superseded.length === 0) out.push('  none');
  else {
    const rows = k.superseded.map((s) => [
      `${s.id}\n→ ${s.superseded_by}`,
      `was: ${s.statement}${s.value ? ` (${s.value})` : ''}\nnow: ${s.superseded_by_statement ?? '?'}${s.superseded_by_value ? ` (${s.superseded_by_value})` : ''}`,
    ]);
    out.push(fitted(['claim → superseded by', 'statements'], rows, width, color, { keep: [0] }));
  }
  if (k.corrections.length > 0) {
    out.push('', c.bold(fitWrap(`Retracted and disputed (${k.corrections.length})`, width)));
    for (const x of k.corrections) out.push(fitWrap(`${x.id} (${paintStatus(c, x.status)}${x.date ? ` ${x.date}` : ''}): ${x.reason ?? 'no reason recorded'}`, width, '  ', '    '));
  }
  return out;
}

function textConcentration(r: Report, c: ChalkInstance, width: number, color: boolean): string[] {
  if (r.concentration.length === 0) return [fitWrap('No origins: no claims to trace.', width)];
  const out = [fitWrap(concentrationIntro(r), width)];
  const rows = r.concentration.map((e) => [
    e.origin,
    String(e.claims),
    e.concentrated ? `${pct(e.share)} ▲` : pct(e.share),
    sourceLabel(e),
  ]);
  out.push(fitted(['origin', 'claims', 'share', 'source'], rows, width, color, { right: [1, 2], keep: [0] }, (s) => (s.endsWith(' ▲') ? c.yellow(s) : undefined)));
  const heavy = r.concentration.filter((e) => e.concentrated);
  for (const e of heavy) {
    out.push(fitWrap(heavyOrigin(e, r, e.origin), width, '', '  '));
  }
  if (heavy.length === 0) out.push(fitWrap(NO_HEAVY_ORIGIN, width));
  return out;
}

/** A point's marks in two fixed places (rumored, then its weak tier), so that a column of them reads at a glance. */
function markCell(c: ChalkInstance, marks: TimelineMark[]): string {
  const paint = (m: TimelineMark) => (m.key === 'company-only' ? c.cyan(m.letter) : m.key === 'rumored' ? c.yellow(m.letter) : c.red(m.letter));
  const rumored = marks.find((m) => m.key === 'rumored');
  const tier = marks.find((m) => m.key !== 'rumored');
  return `${rumored ? paint(rumored) : ' '}${tier ? paint(tier) : ' '}`;
}

function textTimelines(r: Report, c: ChalkInstance, width: number): string[] {
  if (r.timelines.length === 0) return [fitWrap(NO_FIGURES, width)];
  const out: string[] = [dimLines(c, fitWrap(timelineLegend(), width))];
  for (const t of r.timelines) {
    out.push('');
    out.push(c.bold(fitWrap(`${t.subject} · ${t.category} (${timelineUnit(t)})`, width)));
    const max = maxOf(t.points.map((p) => p.amount), 0);
    const dateW = maxOf(t.points.map((p) => (p.as_of ?? '—').length), 5);
    const formW = maxOf(t.points.map((p) => visible(p.form)), 0);
    const lead = 2 + dateW + 2 + formW + 1 + 2 + 1;
    const room = Math.max(1, Math.min(30, width - lead - 2 - 12));
    for (const p of t.points) {
      const bar = '█'.repeat(barLength(p.amount, max, room));
      const head = `  ${(p.as_of ?? '—').padEnd(dateW)}  ${p.form.padStart(formW)} ${markCell(c, pointMarks(p))} ${bar.padEnd(room)}`;
      const tail = `${p.id}${p.forecast ? ' (forecast)' : ''}${p.superseded_by ? ` (superseded by ${p.superseded_by})` : ''}`;
      const tone = (s: string) => (p.forecast ? dimLines(c, s) : s);
      if (visible(`${head}  ${tail}`) <= width) out.push(tone(`${head}  ${tail}`));
      else out.push(tone(head.replace(/\s+$/, '')), tone(fitWrap(tail, width, ' '.repeat(Math.min(lead, width - 12)), ' '.repeat(Math.min(lead + 2, width - 12)))));
    }
    if (t.skipped.length > 0) out.push(dimLines(c, fitWrap(leftOut(t, t.skipped.join(', ')), width, '  ', '    ')));
  }
  return out;
}

function textSinglePoints(r: Report, c: ChalkInstance, width: number): string[] {
  const s = r.single_points_of_failure;
  const out = [dimLines(c, fitWrap(SPOF_BLURB, width))];
  if (s.sources.length === 0) return [...out, fitWrap(noSinglePoint(r), width)];
  out.push(fitWrap(spofIntro(r), width));
  for (const e of s.sources) {
    const { named, more } = namedClaims(e);
    out.push('', fitWrap(`${c.bold(e.source)} — ${sourceLabel(e)}`, width, '', '  '), fitWrap(`${spofCounts(e)}:`, width, '  ', '    '));
    for (const x of named) {
      const fall = x.after === null ? c.red(loweredFall(x)) : loweredFall(x).replace(' → ', ` ${c.yellow('→')} `);
      out.push(fitWrap(`${x.id}: ${fall}`, width, '    ', '      '));
    }
    if (more > 0) out.push(fitWrap(andMore(more), width, '    '));
  }
  return out;
}

/** The report for a terminal: tables fitted to the width, colour when asked. */
export const text: ReportFormatter = (raw, { color, width }) => {
  const c = painter(color);
  // Control characters from the dataset become visible escapes before any colour is added.
  const r = escapeDeep(raw);
  const sections: Array<(r: Report, c: ChalkInstance, width: number, color: boolean) => string[]> = [
    textOverview, textSourcing, textRumors, textWatchlist, textConflicts, textConcentration, textTimelines, textSinglePoints, overTimeText,
  ];
  const out: string[] = [c.bold(fitWrap(`Claims report for ${r.generated_for}`, width))];
  if (r.filters_applied) out.push(dimLines(c, fitWrap(FILTERS_NOTE, width)));
  sections.forEach((section, i) => {
    out.push('', heading(c, i + 1, REPORT_SECTIONS[i]!, width));
    // A loop, not a spread: a section can have more lines than a call takes arguments.
    for (const line of section(r, c, width, color)) out.push(line);
  });
  return out.join('\n') + '\n';
};
