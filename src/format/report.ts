/** Output formats of `claims report`: text (terminal), markdown (GitHub) and json. */
import type { ChalkInstance } from 'chalk';
import type {
  ConcentrationEntry, Report, SourcingEntry, SourcingTier, Timeline,
} from '../report/build.js';
import { CONCENTRATION_THRESHOLD, SOURCING_TIERS } from '../report/build.js';
import { STATUSES } from '../model/schema.js';
import { escapeDeep } from './escape.js';
import { fitTable, maxOf, paintStatus, painter } from './table.js';
import { mdCell, mdTable } from './values.js';

/** What report formatters may know besides the report. */
export interface ReportFormatContext {
  color: boolean;
  width: number;
}

export type ReportFormat = 'text' | 'markdown' | 'json';
export type ReportFormatter = (report: Report, ctx: ReportFormatContext) => string;

/** Section titles, in order. */
export const REPORT_SECTIONS = [
  'Overview',
  'How well sourced',
  'Rumored vs confirmed',
  'Watchlist',
  'Conflicts',
  'Source concentration',
  'Timelines',
] as const;

/** Section-2 tier titles, shared by every report format. */
export const TIER_TITLE: Record<SourcingTier, string> = {
  'anonymous-only': 'Anonymous only',
  'company-only': 'Company only',
  'one-independent': 'One independent origin',
  'two-plus-independent': 'Two or more independent origins',
};

/** One line under each tier title, shared by every report format. */
export const TIER_BLURB: Record<SourcingTier, string> = {
  'anonymous-only': 'Nobody on record stands behind these: they rest on anonymous sources (or on no resolvable origin).',
  'company-only': "Every origin is the company's own voice: no one independent of it has confirmed these.",
  'one-independent': 'One origin independent of the company (or a party to the deal): one short of the two-source rule.',
  'two-plus-independent': 'Two or more origins independent of the company: these meet the two-source rule.',
};

const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;
const possessive = (name: string): string => (name.endsWith('s') ? `${name}'` : `${name}'s`);
const pct = (share: number): string => `${Math.round(share * 100)}%`;

/** One plain-language sentence on why a claim sits in its sourcing tier. */
export function sourcingSentence(e: SourcingEntry): string {
  const o = e.origins;
  const indep = o.independent + o.party;
  const plusSelf = o.self > 0 ? `, plus ${possessive(e.subject)} own word` : '';
  switch (e.tier) {
    case 'anonymous-only':
      return o.anonymous > 0
        ? `Rests on anonymous sources only (${plural(o.anonymous, 'anonymous origin')})`
        : 'No origin of its evidence could be resolved';
    case 'company-only':
      return `Rests on ${possessive(e.subject)} own word only (${plural(o.self, 'origin')})`;
    case 'one-independent':
      return o.party === 1
        ? `One origin, a party to it rather than ${e.subject} itself${plusSelf}; a second independent origin would meet the two-source rule`
        : `One origin independent of ${e.subject}${plusSelf}; a second would meet the two-source rule`;
    case 'two-plus-independent':
      return `${indep} origins independent of ${e.subject}${o.party > 0 ? ` (${plural(o.party, 'party', 'parties')})` : ''}${plusSelf}: meets the two-source rule`;
  }
}

/** Origin counts in a compact, readable form: `1 independent, 1 self`. */
function originCounts(e: SourcingEntry): string {
  const o = e.origins;
  const parts = [
    [o.independent, 'independent'], [o.party, 'party'], [o.self, 'self'], [o.anonymous, 'anonymous'],
  ] as const;
  const text = parts.filter(([n]) => n > 0).map(([n, w]) => `${n} ${w}`).join(', ');
  return text === '' ? 'none' : text;
}

function confirmText(r: Report['rumors'][number]): string {
  if (r.superseded_by) return `Already superseded by ${r.superseded_by}.`;
  const want = `Would be confirmed by an independently sourced ${r.confirm_with.subject} ${r.confirm_with.category} claim that supersedes it.`;
  return r.candidates.length > 0
    ? `${want} Candidates: ${r.candidates.join(', ')}.`
    : `${want} No independent ${r.confirm_with.category} claim on ${r.confirm_with.subject} yet.`;
}

function forecastState(f: Report['watchlist']['forecasts'][number]): string {
  return f.outcome ?? (f.overdue ? 'overdue' : 'open');
}

function sourceLabel(e: ConcentrationEntry): string {
  const facts = [e.publisher, e.kind].filter((x): x is string => x !== null).join(', ');
  return `${e.title ?? e.origin}${facts ? ` (${facts})` : ''}`;
}

function timelineUnit(t: Timeline): string {
  return t.currency ?? t.unit;
}

/** A compact amount in a timeline's unit: `$400M`, `€1.7B`, `11%`, `66`. */
function compact(amount: number, t: Timeline): string {
  const a = Math.abs(amount);
  const [div, suffix] = a >= 1e12 ? [1e12, 'T'] : a >= 1e9 ? [1e9, 'B'] : a >= 1e6 ? [1e6, 'M'] : a >= 1e3 ? [1e3, 'K'] : [1, ''];
  const n = Number((amount / div).toFixed(2)).toString();
  if (t.unit === 'percent') return `${amount}%`;
  if (t.unit === 'number') return n + suffix;
  const sym: Record<string, string> = { USD: '$', EUR: '€', GBP: '£' };
  const s = t.currency ? sym[t.currency] : undefined;
  return s ? `${s}${n}${suffix}` : `${t.currency ?? ''} ${n}${suffix}`;
}

/** Bar length for an amount, scaled to the timeline's largest (at least 1 block for a positive amount). */
function barLength(amount: number, max: number, room: number): number {
  if (max <= 0 || amount <= 0) return 0;
  return Math.max(1, Math.round((amount / max) * room));
}

// ── text ────────────────────────────────────────────────────────────────────

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const visible = (s: string): number => [...s.replace(ANSI, '')].length;

/** Wraps plain text to `width` columns (visible), indenting every line; words longer than a line are broken. */
function wrap(text: string, width: number, indent = '', hanging = indent): string {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let lead = lines.length === 0 ? indent : hanging;
    const room = () => Math.max(8, width - visible(lead));
    for (let word of para.split(/\s+/).filter((w) => w !== '')) {
      while (visible(word) > room()) {
        if (line !== '') {
          lines.push(lead + line);
          lead = hanging;
          line = '';
        }
        const chars = [...word];
        lines.push(lead + chars.slice(0, room()).join(''));
        lead = hanging;
        word = chars.slice(room()).join('');
      }
      if (line !== '' && visible(line) + 1 + visible(word) > room()) {
        lines.push(lead + line);
        lead = hanging;
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    lines.push(lead + line);
  }
  return lines.map((l) => l.replace(/\s+$/, '')).join('\n');
}

/** A fitted table, or, when even its narrowest layout is wider than `width`, one record per row. */
type CellPaint = (cell: string) => string | undefined;

/**
 * A fitted table, or, when even its narrowest layout is wider than `width`, one record per row.
 * Cells are laid out plain; `paint` colours whole cells (a status, a flag) afterwards, so colour never changes the layout.
 */
function fitted(head: string[], rows: string[][], width: number, color: boolean, opts: { flex?: number; right?: number[] } = {}, paint?: CellPaint): string {
  const table = fitTable(head, rows, { width, color, ...opts });
  if (table.split('\n').every((l) => visible(l) <= width)) return color && paint ? paintCells(table, rows, paint) : table;
  return records(head, rows, width, color, color ? paint : undefined);
}

/** Colours, in a rendered table, every cell whose whole text `paint` recognises. */
function paintCells(table: string, rows: string[][], paint: CellPaint): string {
  const tokens = [...new Set(rows.flat())].filter((t) => !t.includes('\n') && paint(t) !== undefined);
  if (tokens.length === 0) return table;
  const escaped = tokens.sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(?<=│ +)(?:${escaped.join('|')})(?= +│)`, 'g');
  const [head, ...body] = table.split('\n');
  return [head, ...body.map((l) => l.replace(re, (m) => paint(m) ?? m))].join('\n');
}

/** The width a table takes when no column wraps. */
function naturalWidth(head: string[], rows: string[][]): number {
  const cols = head.map((h, i) => maxOf(rows.map((r) => maxOf((r[i] ?? '').split('\n').map(visible), 0)), visible(h)) + 2);
  return cols.reduce((a, b) => a + b, 0) + head.length + 1;
}

/** Rows as records: the first cell as a title, then `head: cell` lines, wrapped. */
function records(head: string[], rows: string[][], width: number, color: boolean, paint?: CellPaint): string {
  const c = painter(color);
  const out: string[] = [];
  for (const r of rows) {
    out.push(wrap(`• ${c.bold((r[0] ?? '').replace(/\n/g, ' '))}`, width, '', '  '));
    head.forEach((h, i) => {
      if (i === 0) return;
      const raw = (r[i] ?? '').replace(/\n/g, ' ');
      const cell = paint?.(raw) ?? raw;
      if (cell !== '') out.push(wrap(`${h}: ${cell}`, width, '    ', '      '));
    });
  }
  return out.join('\n');
}

/** Dims each line on its own, so no colour code spans a line break. */
function dimLines(c: ChalkInstance, s: string): string {
  return s.split('\n').map((l) => (l === '' ? l : c.dim(l))).join('\n');
}

/** Colours cells that are a status or support level. */
function statusPaint(c: ChalkInstance): CellPaint {
  return (s) => (STATUS_WORDS.has(s) ? paintStatus(c, s) : undefined);
}

const STATUS_WORDS = new Set<string>(STATUSES);

function heading(c: ChalkInstance, n: number, title: string, width: number): string {
  return c.bold(wrap(`${n}. ${title}`, width));
}

function textOverview(r: Report, c: ChalkInstance, width: number, color: boolean): string[] {
  const o = r.overview;
  const out: string[] = [];
  const parts = o.statuses.filter((s) => o.totals[s] > 0).map((s) => `${o.totals[s]} ${s}`);
  out.push(wrap(`${plural(o.total, 'claim')}${parts.length ? `: ${parts.join(', ')}` : ''}.${r.filters_applied ? ' Filters applied: only the matching claims are counted.' : ''}`, width));
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
  const out: string[] = [wrap(`${plural(r.sourcing.length, 'claim')} with a value, weakest support first.`, width)];
  for (const tier of SOURCING_TIERS) {
    const entries = r.sourcing.filter((e) => e.tier === tier);
    out.push('', c.bold(wrap(`${TIER_TITLE[tier]} (${entries.length})`, width)), dimLines(c, wrap(TIER_BLURB[tier], width)));
    if (entries.length === 0) continue;
    const rows = entries.map((e) => [
      `${e.id}\n${e.value}${e.as_of ? ` · ${e.as_of}` : ''}`,
      `${e.status}\ngrade ${e.grade}`,
      `${sourcingSentence(e)}. Origins: ${originCounts(e)}.`,
    ]);
    out.push(fitted(['claim', 'status', 'why'], rows, width, color, {}, statusPaint(c)));
  }
  return out;
}

function textRumors(r: Report, c: ChalkInstance, width: number, color: boolean): string[] {
  if (r.rumors.length === 0) return [wrap('No rumored or disputed claims.', width)];
  const out = [wrap(`${plural(r.rumors.length, 'claim')} rumored or disputed, with what would confirm each.`, width)];
  const rows = r.rumors.map((x) => [
    `${x.id}\n${x.subject} · ${x.category}${x.as_of ? `\n${x.as_of}` : ''}`,
    x.status,
    `${x.statement}\n→ ${confirmText(x)}`,
  ]);
  out.push(fitted(['claim', 'status', 'statement and what would confirm it'], rows, width, color, {}, statusPaint(c)));
  return out;
}

function textWatchlist(r: Report, c: ChalkInstance, width: number, color: boolean): string[] {
  const w = r.watchlist;
  const out: string[] = [];
  const overdue = w.forecasts.filter((f) => f.overdue).length;
  out.push(c.bold(wrap(`Forecasts (${w.forecasts.length}${overdue ? `, ${overdue} overdue` : ''})`, width)));
  if (w.forecasts.length === 0) out.push('  none');
  else {
    const rows = w.forecasts.map((f) => {
      const state = forecastState(f);
      return [f.id, f.due, state, `${f.statement}${f.value ? ` (${f.value})` : ''}`];
    });
    const paint: CellPaint = (s) => (s === 'overdue' || s === 'missed' ? c.red(s) : s === 'met' ? c.green(s) : undefined);
    out.push(fitted(['forecast', 'due', 'state', 'statement'], rows, width, color, {}, paint));
  }
  out.push('', c.bold(wrap(`Unresolved rumors (${w.rumors.length})`, width)));
  if (w.rumors.length === 0) out.push('  none');
  else {
    const rows = w.rumors.map((x) => [x.id, x.as_of ?? '—', x.statement]);
    out.push(fitted(['rumor', 'as of', 'statement'], rows, width, color));
  }
  return out;
}

function textConflicts(r: Report, c: ChalkInstance, width: number, color: boolean): string[] {
  const k = r.conflicts;
  const out: string[] = [c.bold(wrap(`Value conflicts (${k.conflicts.length})`, width))];
  if (k.conflicts.length === 0) out.push('  none');
  for (const x of k.conflicts) {
    out.push(wrap(`${c.yellow('✖')} ${x.subject} · ${x.category} · ${x.period}: these cannot both be true`, width, '  ', '    '));
    for (const s of [x.a, x.b]) out.push(wrap(`${s.id} (${paintStatus(c, s.status)}) says ${s.value}: ${s.statement}`, width, '    ', '      '));
  }
  out.push('', c.bold(wrap(`Superseded claims (${k.superseded.length})`, width)));
  if (k.superseded.length === 0) out.push('  none');
  else {
    const rows = k.superseded.map((s) => [
      `${s.id}\n→ ${s.superseded_by}`,
      `was: ${s.statement}${s.value ? ` (${s.value})` : ''}\nnow: ${s.superseded_by_statement ?? '?'}${s.superseded_by_value ? ` (${s.superseded_by_value})` : ''}`,
    ]);
    out.push(fitted(['claim → superseded by', 'statements'], rows, width, color));
  }
  return out;
}

function textConcentration(r: Report, c: ChalkInstance, width: number, color: boolean): string[] {
  if (r.concentration.length === 0) return [wrap('No origins: no claims to trace.', width)];
  const out = [wrap(`${plural(r.concentration.length, 'origin')} carry the ${plural(r.overview.total, 'claim')}; the most-used first.`, width)];
  const rows = r.concentration.map((e) => [
    e.origin,
    String(e.claims),
    e.concentrated ? `${pct(e.share)} ▲` : pct(e.share),
    sourceLabel(e),
  ]);
  out.push(fitted(['origin', 'claims', 'share', 'source'], rows, width, color, { right: [1, 2] }, (s) => (s.endsWith(' ▲') ? c.yellow(s) : undefined)));
  const heavy = r.concentration.filter((e) => e.concentrated);
  for (const e of heavy) {
    out.push(wrap(`▲ ${e.origin} carries ${pct(e.share)} of the claims (${e.claims} of ${r.overview.total}): much of this report rests on one origin.`, width, '', '  '));
  }
  if (heavy.length === 0) out.push(wrap(`No origin carries ${pct(CONCENTRATION_THRESHOLD)} or more of the claims.`, width));
  return out;
}

function textTimelines(r: Report, c: ChalkInstance, width: number): string[] {
  if (r.timelines.length === 0) return [wrap('No figures to chart.', width)];
  const out: string[] = [];
  for (const t of r.timelines) {
    if (out.length > 0) out.push('');
    out.push(c.bold(wrap(`${t.subject} · ${t.category} (${timelineUnit(t)})`, width)));
    const max = maxOf(t.points.map((p) => p.amount), 0);
    const dateW = maxOf(t.points.map((p) => (p.as_of ?? '—').length), 5);
    const formW = maxOf(t.points.map((p) => visible(p.form)), 0);
    const lead = 2 + dateW + 2 + formW + 2;
    const room = Math.max(1, Math.min(30, width - lead - 2 - 12));
    for (const p of t.points) {
      const bar = '█'.repeat(barLength(p.amount, max, room));
      const head = `  ${(p.as_of ?? '—').padEnd(dateW)}  ${p.form.padStart(formW)}  ${bar.padEnd(room)}`;
      const tail = `${p.id}${p.forecast ? ' (forecast)' : ''}${p.superseded_by ? ` (superseded by ${p.superseded_by})` : ''}`;
      const tone = (s: string) => (p.forecast ? dimLines(c, s) : s);
      if (visible(`${head}  ${tail}`) <= width) out.push(tone(`${head}  ${tail}`));
      else out.push(tone(head.replace(/\s+$/, '')), tone(wrap(tail, width, ' '.repeat(Math.min(lead, width - 12)), ' '.repeat(Math.min(lead + 2, width - 12)))));
    }
    if (t.skipped.length > 0) out.push(dimLines(c, wrap(`Not in ${timelineUnit(t)}, left out: ${t.skipped.join(', ')}`, width, '  ', '    ')));
  }
  return out;
}

const text: ReportFormatter = (raw, { color, width }) => {
  const c = painter(color);
  // Control characters from the dataset become visible escapes before any colour is added.
  const r = escapeDeep(raw);
  const sections: Array<(r: Report, c: ChalkInstance, width: number, color: boolean) => string[]> = [
    textOverview, textSourcing, textRumors, textWatchlist, textConflicts, textConcentration, textTimelines,
  ];
  const out: string[] = [c.bold(wrap(`Claims report for ${r.generated_for}`, width))];
  if (r.filters_applied) out.push(dimLines(c, wrap('Filters applied: this report covers the matching claims only.', width)));
  sections.forEach((section, i) => {
    out.push('', heading(c, i + 1, REPORT_SECTIONS[i]!, width));
    // A loop, not a spread: a section can have more lines than a call takes arguments.
    for (const line of section(r, c, width, color)) out.push(line);
  });
  return out.join('\n') + '\n';
};

// ── markdown ────────────────────────────────────────────────────────────────

const code = (id: string): string => `\`${id}\``;
/** Free text for GitHub markdown: `$` (math), `~` (strikethrough) and `*` (emphasis) as entities, so figures render as written. */
const md = (s: string): string => s.replace(/\$/g, '&#36;').replace(/~/g, '&#126;').replace(/\*/g, '&#42;');

const markdown: ReportFormatter = (r) => {
  const out: string[] = [`# Claims report`, '', `Generated for ${r.generated_for}.${r.filters_applied ? ' Filters applied: this report covers the matching claims only.' : ''}`, ''];
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
  out.push(`${plural(r.sourcing.length, 'claim')} with a value, weakest support first.`, '');
  for (const tier of SOURCING_TIERS) {
    const entries = r.sourcing.filter((e) => e.tier === tier);
    out.push(`### ${TIER_TITLE[tier]} (${entries.length})`, '', TIER_BLURB[tier], '');
    if (entries.length === 0) continue;
    out.push(mdTable(
      ['claim', 'value', 'as of', 'status', 'grade', 'independent', 'party', 'self', 'anonymous', 'why'],
      entries.map((e) => [
        code(e.id), code(e.value), e.as_of ?? '', e.status, e.grade, String(e.origins.independent), String(e.origins.party), String(e.origins.self),
        String(e.origins.anonymous), md(sourcingSentence(e)),
      ]),
      [5, 6, 7, 8],
    ));
  }

  // 3. Rumors
  section(3);
  if (r.rumors.length === 0) out.push('No rumored or disputed claims.', '');
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
  if (r.timelines.length === 0) out.push('No figures to chart.', '');
  for (const t of r.timelines) {
    out.push(`### ${md(mdCell(t.subject))} · ${t.category} (${timelineUnit(t)})`, '');
    const max = maxOf(t.points.map((p) => p.amount), 0);
    out.push(mdTable(['as of', 'claim', 'value', `amount (${timelineUnit(t)})`, 'chart', 'forecast'], t.points.map((p) => [
      p.as_of ?? '', code(p.id), code(p.value), md(compact(p.amount, t)), '█'.repeat(barLength(p.amount, max, 20)) || ' ', p.forecast ? 'forecast' : '',
    ]), [3]));
    if (t.skipped.length > 0) out.push(`Not in ${timelineUnit(t)}, left out: ${t.skipped.map(code).join(', ')}.`, '');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\n*$/, '\n');
};

// ── json ────────────────────────────────────────────────────────────────────

const json: ReportFormatter = (r) => JSON.stringify(r, null, 2) + '\n';

export const reportFormatters: Record<ReportFormat, ReportFormatter> = { text, markdown, json };
