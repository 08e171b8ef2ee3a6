/**
 * `claims report --format html`: the report as one self-contained HTML page (inline CSS and SVG, no scripts, no
 * network). Pure: report data and the reported claims' provenance in, a string out. Every text is HTML-escaped.
 */
import type { Category, Status } from '../model/schema.js';
import { TIER_BLURB, TIER_TITLE } from './report.js';
import type { OriginClass, Support } from '../provenance/index.js';
import type { ChainLink, EvidenceExplained, Explanation } from '../query/explain.js';
import type {
  ConcentrationEntry, Report, SourcingEntry, Timeline, TimelinePoint,
} from '../report/build.js';
import { CONCENTRATION_THRESHOLD, SOURCING_TIERS } from '../report/build.js';
import { REPORT_SECTIONS, sourcingSentence } from './report.js';

/** One reported claim's provenance, as the page shows it: the evidence chains `explain` derives. */
export interface ClaimProvenance {
  id: string;
  subject: string;
  category: Category;
  statement: string;
  /** The value as written, equivalent forms joined with ` = `, or null. */
  value: string | null;
  status: Status;
  support: Support;
  grade: string;
  verdict: string;
  evidence: EvidenceExplained[];
}

/** Options of the HTML page. */
export interface HtmlReportOptions {
  /** The page title (default: `Claims report for <date>`). */
  title?: string;
}

/** The provenance the page needs, from `explain(ctx, id)`. */
export function claimProvenance(e: Explanation): ClaimProvenance {
  const v = e.claim;
  const values = v.value === null ? [] : Array.isArray(v.value) ? v.value : [v.value];
  return {
    id: v.id, subject: v.subject, category: v.category, statement: v.statement,
    value: values.length === 0 ? null : values.map((x) => x.text).join(' = '),
    status: v.status, support: v.support, grade: e.grade.grade, verdict: e.verdict, evidence: e.evidence,
  };
}

// ── small helpers ───────────────────────────────────────────────────────────

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML content and attribute values: & < > " '. */
export function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;
const pct = (share: number): string => `${Math.round(share * 100)}%`;
/** A token safe in a class name or an id. */
const token = (s: string): string => s.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
const code = (s: string): string => `<code>${esc(s)}</code>`;
/** Text that must not wrap (dates). */
const nw = (s: string): string => `<span class="nw">${esc(s)}</span>`;


const STATUS_LIST: Status[] = ['independent', 'company-reported', 'rumored', 'disputed', 'retracted'];

/** A status or support level as a coloured badge that also spells it out (colour is never the only signal). */
function badge(status: string, prefix = ''): string {
  return `<span class="badge st-${token(status)}">${esc(prefix)}${esc(status)}</span>`;
}

function table(head: string[], rows: string[][], opts: { caption?: string; num?: number[]; cls?: string; rowHead?: boolean } = {}): string {
  const num = new Set(opts.num ?? []);
  const cell = (i: number) => (num.has(i) ? ' class="num"' : '');
  const out = [`<div class="scroll"><table${opts.cls ? ` class="${opts.cls}"` : ''}>`];
  if (opts.caption) out.push(`<caption>${opts.caption}</caption>`);
  out.push(`<thead><tr>${head.map((h, i) => `<th scope="col"${cell(i)}>${h}</th>`).join('')}</tr></thead><tbody>`);
  for (const r of rows) {
    out.push(`<tr>${r.map((c, i) => (i === 0 && opts.rowHead ? `<th scope="row">${c}</th>` : `<td${cell(i)}>${c}</td>`)).join('')}</tr>`);
  }
  out.push('</tbody></table></div>');
  return out.join('\n');
}

/** Origin counts in a compact form: `1 independent, 1 self`. */
function originCounts(e: SourcingEntry): string {
  const o = e.origins;
  const parts = [[o.independent, 'independent'], [o.party, 'party'], [o.self, 'self'], [o.anonymous, 'anonymous']] as const;
  const text = parts.filter(([n]) => n > 0).map(([n, w]) => `${n} ${w}`).join(', ');
  return text === '' ? 'none' : text;
}

function sourceLabel(e: ConcentrationEntry): string {
  const facts = [e.publisher, e.kind].filter((x): x is string => x !== null).join(', ');
  return `${e.title ?? e.origin}${facts ? ` (${facts})` : ''}`;
}

const timelineUnit = (t: Timeline): string => t.currency ?? t.unit;

// ── provenance trees ────────────────────────────────────────────────────────

const ROLE: Record<ChainLink['role'], string> = { origin: 'origin', via: 'relayed by', source: 'read in' };
const CLASS_WORD: Record<OriginClass, string> = {
  independent: 'independent of the subject', party: 'a party to it', self: "the subject's own voice", anonymous: 'anonymous',
};

function linkHtml(l: ChainLink, only: boolean): string {
  const role = only ? 'origin, read in' : ROLE[l.role];
  const facts = [
    l.publisher, l.kind, l.published, l.reliability !== 'F' ? `reliability ${l.reliability}` : null,
  ].filter((x): x is string => x !== null);
  const parts = [`<span class="role">${esc(role)}</span> ${code(l.id)}`];
  if (l.title) parts.push(` — <cite>${esc(l.title)}</cite>`);
  if (facts.length > 0) parts.push(` <span class="facts">(${esc(facts.join(' · '))})</span>`);
  if (l.class) parts.push(` <span class="tag cls-${token(l.class)}">${esc(CLASS_WORD[l.class])}</span>`);
  if (l.url) {
    parts.push(/^https?:\/\//i.test(l.url)
      ? ` <a href="${esc(l.url)}" rel="noopener noreferrer">source link</a>`
      : ` <span class="facts">${esc(l.url)}</span>`);
  }
  return parts.join('');
}

/** origin → relays → the source it was read in, as a nested list. */
function chainTree(chain: ChainLink[]): string {
  let inner = '';
  for (let i = chain.length - 1; i >= 0; i--) {
    inner = `<li>${linkHtml(chain[i]!, chain.length === 1)}${inner ? `<ul>${inner}</ul>` : ''}</li>`;
  }
  return `<ul class="chain">${inner}</ul>`;
}

function evidenceHtml(ev: EvidenceExplained): string {
  const quote = ev.quote
    ? `<blockquote>“${esc(ev.quote)}”${ev.locator ? ` <span class="facts">(${esc(ev.locator)})</span>` : ''}</blockquote>`
    : '<p class="warn">no quote</p>';
  return `<li><span class="evn">Evidence ${ev.n}</span>${chainTree(ev.chain)}${quote}</li>`;
}

/** One claim's provenance tree, collapsed. */
function provenanceDetails(p: ClaimProvenance | undefined, id: string): string {
  if (!p) return `<p class="facts">No provenance for ${code(id)}.</p>`;
  const origins = new Set(p.evidence.map((e) => e.chain[0]?.id).filter((x): x is string => x !== undefined));
  const summary = `Provenance of ${code(p.id)}: ${plural(p.evidence.length, 'evidence item')}, ${plural(origins.size, 'origin')}`;
  return [
    `<details class="prov" id="claim-${token(p.id)}">`,
    `<summary>${summary}</summary>`,
    '<div class="prov-body">',
    `<p class="statement">${esc(p.statement)}${p.value ? ` <span class="value">${esc(p.value)}</span>` : ''}</p>`,
    `<p>${badge(p.status, 'declared: ')} ${badge(p.support, 'derived: ')} <span class="tag">grade ${esc(p.grade)}</span></p>`,
    `<p class="verdict">${esc(p.verdict)}</p>`,
    p.evidence.length > 0 ? `<ol class="evidence">${p.evidence.map(evidenceHtml).join('')}</ol>` : '<p class="warn">No evidence.</p>',
    '</div></details>',
  ].join('\n');
}

// ── SVG charts ──────────────────────────────────────────────────────────────

const CH = { row: 26, top: 12, bottom: 12, date: 10, gap: 8, bar: 320, char: 7.3 };

/** A horizontal bar chart of one timeline, one bar per point, in date order. */
function timelineSvg(t: Timeline, n: number): string {
  const points = t.points;
  // reduce, not Math.max(...list): a spread over thousands of points overflows the stack.
  const max = points.reduce((m, p) => Math.max(m, p.amount), 0);
  const dateW = points.reduce((m, p) => Math.max(m, (p.as_of ?? '—').length), 10) * CH.char + CH.date;
  const label = (p: TimelinePoint) => `${p.form}${p.forecast ? ' (forecast)' : ''}`;
  const labelW = points.reduce((m, p) => Math.max(m, label(p).length), 4) * CH.char;
  const idW = points.reduce((m, p) => Math.max(m, p.id.length), 4) * CH.char;
  const x0 = dateW + CH.gap;
  const width = Math.ceil(x0 + CH.bar + CH.gap + labelW + CH.gap * 2 + idW + CH.gap);
  const height = CH.top + Math.max(1, points.length) * CH.row + CH.bottom;
  const titleId = `chart-${n}-title`;
  const summary = points.map((p) => `${p.as_of ?? 'undated'}: ${label(p)} (${p.status})`).join('; ');
  const out = [
    `<svg class="chart" role="img" aria-labelledby="${titleId}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title id="${titleId}">${esc(`${t.subject} · ${t.category} (${timelineUnit(t)}): ${summary || 'no points'}`)}</title>`,
    `<line class="axis" x1="${x0}" y1="${CH.top - 4}" x2="${x0}" y2="${height - CH.bottom + 4}"/>`,
  ];
  if (points.length === 0) out.push(`<text class="lbl" x="${x0 + CH.gap}" y="${CH.top + 17}">no points</text>`);
  points.forEach((p, i) => {
    const y = CH.top + i * CH.row;
    const len = max > 0 && p.amount > 0 ? Math.max(2, (p.amount / max) * CH.bar) : 0;
    const cls = `bar st-${token(p.status)}${p.forecast ? ' forecast' : ''}${p.superseded_by ? ' superseded' : ''}`;
    const tip = `${p.id}: ${p.value}${p.as_of ? `, as of ${p.as_of}` : ''}, ${p.status}${p.forecast ? ', forecast' : ''}${p.superseded_by ? `, superseded by ${p.superseded_by}` : ''}`;
    out.push(
      `<g><title>${esc(tip)}</title>`,
      `<text class="date" x="${dateW}" y="${y + 17}" text-anchor="end">${esc(p.as_of ?? '—')}</text>`,
      `<rect class="${cls}" x="${x0}" y="${y + 4}" width="${len.toFixed(1)}" height="${CH.row - 8}" rx="2"/>`,
      `<text class="lbl" x="${(x0 + len + CH.gap).toFixed(1)}" y="${y + 17}">${esc(label(p))}</text>`,
      `<text class="cid" x="${(x0 + CH.bar + CH.gap + labelW + CH.gap * 2).toFixed(1)}" y="${y + 17}">${esc(p.id)}</text>`,
      '</g>',
    );
  });
  out.push('</svg>');
  return out.join('\n');
}

// ── sections ────────────────────────────────────────────────────────────────

type Prov = Map<string, ClaimProvenance>;

/** An id, linked to its provenance tree when the page has one. */
function claimRef(id: string, prov: Prov): string {
  return prov.has(id) ? `<a href="#claim-${token(id)}">${code(id)}</a>` : code(id);
}

function overviewHtml(r: Report): string {
  const o = r.overview;
  const parts = o.statuses.filter((s) => o.totals[s] > 0).map((s) => `${o.totals[s]} ${badge(s)}`);
  const out = [`<p>${plural(o.total, 'claim')}${parts.length ? `: ${parts.join(', ')}` : ''}.${r.filters_applied ? ' Filters applied: only the matching claims are counted.' : ''}</p>`];
  if (o.total === 0) return out.join('\n');
  const rows = o.rows.map((row) => [esc(row.category), ...o.statuses.map((s) => String(row.counts[s])), String(row.total)]);
  rows.push(['<strong>total</strong>', ...o.statuses.map((s) => `<strong>${o.totals[s]}</strong>`), `<strong>${o.total}</strong>`]);
  const num = o.statuses.map((_, i) => i + 1).concat(o.statuses.length + 1);
  out.push(table(['category', ...o.statuses.map((s) => badge(s)), 'total'], rows, { caption: 'Claims by category and declared status', num, rowHead: true }));
  return out.join('\n');
}

function sourcingHtml(r: Report, prov: Prov, all: ClaimProvenance[]): string {
  const out = [`<p>${plural(r.sourcing.length, 'claim')} with a value, weakest support first. Open a claim's provenance to see where each piece of evidence comes from.</p>`];
  for (const tier of SOURCING_TIERS) {
    const entries = r.sourcing.filter((e) => e.tier === tier);
    out.push(`<h3 class="tier tier-${tier}">${esc(TIER_TITLE[tier])} (${entries.length})</h3>`, `<p class="blurb">${esc(TIER_BLURB[tier])}</p>`);
    if (entries.length === 0) continue;
    out.push('<div class="scroll"><table class="sourcing">',
      '<colgroup><col style="width:23%"><col style="width:10%"><col style="width:8%"><col style="width:15%"><col style="width:6%"><col></colgroup>',
      '<thead><tr><th scope="col">claim</th><th scope="col">value</th><th scope="col">as of</th><th scope="col">status</th><th scope="col">grade</th><th scope="col">why</th></tr></thead>');
    for (const e of entries) {
      out.push(
        '<tbody class="claim">',
        `<tr><th scope="row">${code(e.id)}<div class="facts">${esc(e.subject)} · ${esc(e.category)}${e.assertion !== 'fact' ? ` · ${esc(e.assertion)}` : ''}</div></th>`
        + `<td>${code(e.value)}</td><td>${nw(e.as_of ?? '—')}</td><td>${badge(e.status)}</td><td>${esc(e.grade)}</td>`
        + `<td>${esc(sourcingSentence(e))}. Origins: ${esc(originCounts(e))}.</td></tr>`,
        `<tr class="prov-row"><td colspan="6">${provenanceDetails(prov.get(e.id), e.id)}</td></tr>`,
        '</tbody>',
      );
    }
    out.push('</table></div>');
  }
  const inTiers = new Set(r.sourcing.map((e) => e.id));
  const rest = all.filter((p) => !inTiers.has(p.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (rest.length > 0) {
    out.push(`<h3>Claims without a value (${rest.length})</h3>`, '<p class="blurb">Not placed in a tier, but sourced all the same.</p>', '<ul class="plain">');
    for (const p of rest) out.push(`<li>${badge(p.status)} ${esc(p.statement)}${provenanceDetails(p, p.id)}</li>`);
    out.push('</ul>');
  }
  return out.join('\n');
}

function rumorsHtml(r: Report, prov: Prov): string {
  if (r.rumors.length === 0) return '<p>No rumored or disputed claims.</p>';
  const rows = r.rumors.map((x) => {
    const want = x.superseded_by
      ? `Already superseded by ${claimRef(x.superseded_by, prov)}.`
      : `Would be confirmed by an independently sourced ${esc(x.confirm_with.subject)} ${esc(x.confirm_with.category)} claim that supersedes it.`
        + (x.candidates.length > 0 ? '' : ` No independent ${esc(x.confirm_with.category)} claim on ${esc(x.confirm_with.subject)} yet.`);
    return [
      `${claimRef(x.id, prov)}<div class="facts">${esc(x.subject)} · ${esc(x.category)}</div>`,
      nw(x.as_of ?? '—'), badge(x.status),
      `${esc(x.statement)}${x.value ? ` <span class="value">${esc(x.value)}</span>` : ''}`,
      want,
      x.candidates.length > 0 ? x.candidates.map((c) => claimRef(c, prov)).join(', ') : '—',
    ];
  });
  return [
    `<p>${plural(r.rumors.length, 'claim')} rumored or disputed, with what would confirm each.</p>`,
    table(['claim', 'as of', 'status', 'statement', 'what would confirm it', 'candidates'], rows, { rowHead: true }),
  ].join('\n');
}

function watchlistHtml(r: Report, prov: Prov): string {
  const w = r.watchlist;
  const overdue = w.forecasts.filter((f) => f.overdue).length;
  const out = [`<h3>Forecasts (${w.forecasts.length}${overdue ? `, ${overdue} overdue` : ''})</h3>`];
  if (w.forecasts.length === 0) out.push('<p>None.</p>');
  else {
    out.push(table(['forecast', 'due', 'state', 'status', 'statement'], w.forecasts.map((f) => {
      const state = f.outcome ?? (f.overdue ? 'overdue' : 'open');
      return [
        claimRef(f.id, prov), nw(f.due), `<span class="state state-${token(state)}">${esc(state)}</span>`, badge(f.status),
        `${esc(f.statement)}${f.value ? ` <span class="value">${esc(f.value)}</span>` : ''}`,
      ];
    }), { rowHead: true }));
  }
  out.push(`<h3>Unresolved rumors (${w.rumors.length})</h3>`);
  if (w.rumors.length === 0) out.push('<p>None.</p>');
  else {
    out.push(table(['rumor', 'as of', 'support', 'statement'], w.rumors.map((x) => [
      claimRef(x.id, prov), nw(x.as_of ?? '—'), badge(x.support, 'derived: '), `${esc(x.statement)}${x.value ? ` <span class="value">${esc(x.value)}</span>` : ''}`,
    ]), { rowHead: true }));
  }
  return out.join('\n');
}

function conflictsHtml(r: Report, prov: Prov): string {
  const k = r.conflicts;
  const out = [`<h3>Value conflicts (${k.conflicts.length})</h3>`];
  if (k.conflicts.length === 0) out.push('<p>None.</p>');
  else {
    out.push('<p>Each pair cannot both be true.</p>');
    out.push(table(['subject · category', 'period', 'claim', 'says', 'other claim', 'says'], k.conflicts.map((x) => [
      `${esc(x.subject)} · ${esc(x.category)}`, nw(x.period),
      `${claimRef(x.a.id, prov)} ${badge(x.a.status)}`, `${code(x.a.value)}<div class="facts">${esc(x.a.statement)}</div>`,
      `${claimRef(x.b.id, prov)} ${badge(x.b.status)}`, `${code(x.b.value)}<div class="facts">${esc(x.b.statement)}</div>`,
    ]), { rowHead: true }));
  }
  out.push(`<h3>Superseded claims (${k.superseded.length})</h3>`);
  if (k.superseded.length === 0) out.push('<p>None.</p>');
  else {
    out.push(table(['claim', 'was', 'superseded by', 'now'], k.superseded.map((s) => [
      claimRef(s.id, prov), `${esc(s.statement)}${s.value ? ` <span class="value">${esc(s.value)}</span>` : ''}`,
      claimRef(s.superseded_by, prov),
      `${esc(s.superseded_by_statement ?? '?')}${s.superseded_by_value ? ` <span class="value">${esc(s.superseded_by_value)}</span>` : ''}`,
    ]), { rowHead: true }));
  }
  return out.join('\n');
}

function concentrationHtml(r: Report): string {
  if (r.concentration.length === 0) return '<p>No origins: no claims to trace.</p>';
  const out = [`<p>${plural(r.concentration.length, 'origin')} carry the ${plural(r.overview.total, 'claim')}; the most-used first. An origin behind ${pct(CONCENTRATION_THRESHOLD)} or more of the claims is flagged ▲.</p>`];
  out.push(table(['origin', 'source', 'claims', 'share'], r.concentration.map((e) => [
    code(e.origin), esc(sourceLabel(e)), String(e.claims),
    `<span class="share${e.concentrated ? ' heavy' : ''}"><span class="meter" aria-hidden="true"><span style="width:${(Math.min(1, Math.max(0, e.share)) * 100).toFixed(1)}%"></span></span> ${pct(e.share)}${e.concentrated ? ' ▲ concentrated' : ''}</span>`,
  ]), { num: [2], rowHead: true }));
  const heavy = r.concentration.filter((e) => e.concentrated);
  for (const e of heavy) {
    out.push(`<p class="warn">▲ ${code(e.origin)} carries ${pct(e.share)} of the claims (${e.claims} of ${r.overview.total}): much of this report rests on one origin.</p>`);
  }
  if (heavy.length === 0) out.push(`<p>No origin carries ${pct(CONCENTRATION_THRESHOLD)} or more of the claims.</p>`);
  return out.join('\n');
}

function timelinesHtml(r: Report, prov: Prov): string {
  if (r.timelines.length === 0) return '<p>No figures to chart.</p>';
  const out: string[] = ['<p>Bars are coloured by declared status (listed in each table); forecasts are pale bars with a dashed outline; superseded figures are lighter.</p>'];
  r.timelines.forEach((t, n) => {
    out.push(`<figure class="timeline"><h3>${esc(t.subject)} · ${esc(t.category)} (${esc(timelineUnit(t))})</h3>`);
    out.push(`<div class="scroll">${timelineSvg(t, n + 1)}</div>`);
    out.push(table(['as of', 'claim', 'value', `in ${esc(timelineUnit(t))}`, 'status', 'note'], t.points.map((p) => [
      nw(p.as_of ?? '—'), claimRef(p.id, prov), code(p.value), code(p.form), badge(p.status),
      [p.forecast ? 'forecast' : '', p.superseded_by ? `superseded by ${claimRef(p.superseded_by, prov)}` : ''].filter((x) => x !== '').join('; '),
    ]), { cls: 'compact' }));
    if (t.skipped.length > 0) out.push(`<p class="facts">Not in ${esc(timelineUnit(t))}, left out: ${t.skipped.map((id) => claimRef(id, prov)).join(', ')}.</p>`);
    out.push('</figure>');
  });
  return out.join('\n');
}

// ── the page ────────────────────────────────────────────────────────────────

const CSS = `
:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#ffffff;--panel:#f6f8fa;--line:#d1d9e0;--link:#0550ae;
--independent:#1a7f37;--company-reported:#0969a8;--rumored:#9a6700;--disputed:#a3179b;--retracted:#cf222e;--warn:#9a6700}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#161b22;--line:#3d444d;--link:#4493f8;
--independent:#3fb950;--company-reported:#39c5cf;--rumored:#d29922;--disputed:#db61a2;--retracted:#f85149;--warn:#d29922}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header,main{max-width:76rem;margin:0 auto;padding:0 1.25rem}
header{padding-top:1.5rem}
h1{font-size:1.7rem;margin:0 0 .25rem}
h2{font-size:1.35rem;margin:2.2rem 0 .6rem;padding-bottom:.3rem;border-bottom:1px solid var(--line)}
h3{font-size:1.08rem;margin:1.4rem 0 .4rem}
a{color:var(--link)}
code{font:.88em/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
nav ol{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;padding:0;margin:.6rem 0;list-style:none}
.legend{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;color:var(--muted)}
.scroll{overflow-x:auto;margin:.4rem 0 1rem}
table{border-collapse:collapse;width:100%;font-size:.92rem}
caption{text-align:left;color:var(--muted);padding-bottom:.3rem}
th,td{border:1px solid var(--line);padding:.35rem .55rem;text-align:left;vertical-align:top}
thead th{background:var(--panel)}
tbody th{font-weight:normal}
.num{text-align:right;font-variant-numeric:tabular-nums}
table code,.nw{white-space:nowrap}
table.sourcing{table-layout:fixed;min-width:52rem}
table.sourcing code{white-space:normal}
table.compact{width:auto}
.facts{color:var(--muted);font-size:.88em}
.blurb{color:var(--muted);margin:.1rem 0 .4rem}
.value{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em;white-space:nowrap}
.badge{display:inline-block;padding:0 .45em;border:1px solid currentColor;border-radius:1em;font-size:.82em;line-height:1.5;white-space:nowrap;font-weight:600}
.badge::before{content:"";display:inline-block;width:.6em;height:.6em;border-radius:50%;background:currentColor;margin-right:.35em;vertical-align:.05em}
.st-independent{color:var(--independent)}.st-company-reported{color:var(--company-reported)}.st-rumored{color:var(--rumored)}
.st-disputed{color:var(--disputed)}.st-retracted{color:var(--retracted)}
.badge.st-retracted{text-decoration:line-through}
.tag{display:inline-block;padding:0 .4em;border-radius:.3em;background:var(--panel);border:1px solid var(--line);font-size:.8em;color:var(--muted)}
.state-overdue,.state-missed{color:var(--retracted);font-weight:600}.state-met{color:var(--independent);font-weight:600}
.warn{color:var(--warn)}
tbody.claim{border-top:2px solid var(--line)}
tr.prov-row td{padding:.15rem .55rem .35rem;background:var(--panel)}
details.prov>summary{cursor:pointer;color:var(--link);padding:.15rem 0}
details.prov[open]>summary{font-weight:600}
.prov-body{padding:.2rem 0 .4rem .9rem;border-left:3px solid var(--line);margin:.2rem 0 .3rem .3rem}
.prov-body p{margin:.3rem 0}
.statement{font-weight:600}
.verdict{font-style:italic}
ol.evidence{padding-left:1.4rem;margin:.3rem 0}
ol.evidence>li{margin:.5rem 0}
.evn{font-weight:600;font-size:.88em;color:var(--muted)}
ul.chain,ul.chain ul{list-style:none;margin:.15rem 0;padding-left:1.9rem}
ul.chain{padding-left:0}
ul.chain ul>li{position:relative}
ul.chain ul>li::before{content:"└─";position:absolute;left:-1.5rem;color:var(--muted)}
.role{display:inline-block;min-width:7.5em;font-size:.8em;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
blockquote{margin:.3rem 0 .2rem 1.2rem;padding:.1rem .7rem;border-left:3px solid var(--line);font-style:italic}
ul.plain{list-style:none;padding:0}
ul.plain>li{margin:.5rem 0;padding:.4rem .6rem;background:var(--panel);border:1px solid var(--line);border-radius:.3rem}
.share{white-space:nowrap}.share.heavy{color:var(--warn);font-weight:600}
.meter{display:inline-block;width:6rem;height:.6rem;border:1px solid var(--line);border-radius:.2rem;vertical-align:middle;background:var(--bg)}
.meter>span{display:block;height:100%;background:currentColor;opacity:.7}
figure.timeline{margin:0 0 1.5rem}
svg.chart{display:block;max-width:100%;height:auto;font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
svg.chart text{fill:var(--fg)}svg.chart text.cid,svg.chart text.date{fill:var(--muted)}
svg.chart .axis{stroke:var(--line);stroke-width:1}
svg.chart .bar{fill:currentColor;stroke:currentColor;stroke-width:1}
svg.chart .bar.forecast{fill-opacity:.18;stroke-dasharray:4 3;stroke-width:1.5}
svg.chart .bar.superseded{fill-opacity:.45}
footer{max-width:76rem;margin:2rem auto;padding:0 1.25rem;color:var(--muted);font-size:.85em}
@media print{details.prov>summary{color:inherit}.scroll{overflow:visible}}
`.trim();

/** The report as one self-contained HTML page. `provenance`: the reported claims' evidence chains, by claim. */
export function formatReportHtml(report: Report, provenance: readonly ClaimProvenance[], opts: HtmlReportOptions = {}): string {
  const prov: Prov = new Map(provenance.map((p) => [p.id, p]));
  const title = opts.title ?? `Claims report for ${report.generated_for}`;
  const bodies = [
    overviewHtml(report),
    sourcingHtml(report, prov, [...provenance]),
    rumorsHtml(report, prov),
    watchlistHtml(report, prov),
    conflictsHtml(report, prov),
    concentrationHtml(report),
    timelinesHtml(report, prov),
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
    `<p>Generated for ${esc(report.generated_for)}: ${plural(report.overview.total, 'claim')}.${report.filters_applied ? ' <strong>Filters applied: this report covers the matching claims only.</strong>' : ''}</p>`,
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
