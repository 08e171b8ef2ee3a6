/** The HTML report's building blocks: escaping, badges, tables, provenance trees and timeline charts. */
import type { Status } from '../model/schema.js';
import type { OriginClass } from '../provenance/index.js';
import type { ChainLink, EvidenceExplained } from '../query/explain.js';
import type { ClaimProvenance } from '../report/provenance.js';
import type { Timeline, TimelinePoint } from '../report/types.js';
import { pointMarks, timelineUnit } from './report-wording.js';
import { plural } from './values.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML content and attribute values: & < > " '. */
export function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

/** A token safe in a class name or an id. */
export const token = (s: string): string => s.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
export const code = (s: string): string => `<code>${esc(s)}</code>`;
/** Text that must not wrap (dates). */
export const nw = (s: string): string => `<span class="nw">${esc(s)}</span>`;

/** The statuses in the page's legend, strongest first. */
export const STATUS_LIST: Status[] = ['independent', 'company-reported', 'rumored', 'disputed', 'retracted'];

/** A status or support level as a coloured badge that also spells it out (colour is never the only signal). */
export function badge(status: string, prefix = ''): string {
  return `<span class="badge st-${token(status)}">${esc(prefix)}${esc(status)}</span>`;
}

export function table(head: string[], rows: string[][], opts: { caption?: string; num?: number[]; cls?: string; rowHead?: boolean } = {}): string {
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

// ── provenance trees ────────────────────────────────────────────────────────

const ROLE: Record<ChainLink['role'], string> = { origin: 'origin', via: 'relayed by', source: 'read in' };
const CLASS_WORD: Record<OriginClass, string> = {
  independent: 'independent of the subject', party: 'a party to it', self: "the subject's own voice", anonymous: 'anonymous',
  unattributed: 'unattributed: the text does not say where the figure comes from',
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
export function provenanceDetails(p: ClaimProvenance | undefined, id: string): string {
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
export function timelineSvg(t: Timeline, n: number): string {
  const points = t.points;
  // reduce, not Math.max(...list): a spread over thousands of points overflows the stack.
  const max = points.reduce((m, p) => Math.max(m, p.amount), 0);
  const dateW = points.reduce((m, p) => Math.max(m, (p.as_of ?? '—').length), 10) * CH.char + CH.date;
  const label = (p: TimelinePoint) => {
    const marks = pointMarks(p).map((m) => m.letter).join(' ');
    return `${p.form}${p.forecast ? ' (forecast)' : ''}${marks ? ` [${marks}]` : ''}`;
  };
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
    const marks = pointMarks(p).filter((m) => m.key !== 'rumored').map((m) => `, ${m.words}`).join('');
    const tip = `${p.id}: ${p.value}${p.as_of ? `, as of ${p.as_of}` : ''}, ${p.status}${marks}${p.forecast ? ', forecast' : ''}${p.superseded_by ? `, superseded by ${p.superseded_by}` : ''}`;
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
