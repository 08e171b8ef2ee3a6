/** The seven sections of the HTML report, each from the report data and the reported claims' provenance trees. */
import type { ClaimProvenance } from '../report/provenance.js';
import { CONCENTRATION_THRESHOLD, SOURCING_TIERS, type Report } from '../report/types.js';
import { badge, code, esc, nw, provenanceDetails, table, timelineSvg, token } from './report-html-parts.js';
import {
  andMore, concentrationIntro, confirmSentence, FILTERS_COUNTED, forecastsTitle, forecastState, heavyOrigin, leftOut, loweredFall,
  namedClaims, NO_FIGURES, NO_HEAVY_ORIGIN, NO_RUMORS, noSinglePoint, NO_VALUE, originCounts, pct, pointMarks, rumorsIntro, sourceLabel,
  sourcingIntro, sourcingSentence, SPOF_BLURB, spofIntro, TIER_BLURB, TIER_TITLE, tierEntries, timelineLegend,
  timelineUnit, type TimelineMark,
} from './report-wording.js';
import { plural } from './values.js';

/** The page's provenance trees, by claim id. */
export type Prov = Map<string, ClaimProvenance>;

/** An id, linked to its provenance tree when the page has one. */
function claimRef(id: string, prov: Prov): string {
  return prov.has(id) ? `<a href="#claim-${token(id)}">${code(id)}</a>` : code(id);
}

export function overviewHtml(r: Report): string {
  const o = r.overview;
  const parts = o.statuses.filter((s) => o.totals[s] > 0).map((s) => `${o.totals[s]} ${badge(s)}`);
  const out = [`<p>${plural(o.total, 'claim')}${parts.length ? `: ${parts.join(', ')}` : ''}.${r.filters_applied ? FILTERS_COUNTED : ''}</p>`];
  if (o.total === 0) return out.join('\n');
  const rows = o.rows.map((row) => [esc(row.category), ...o.statuses.map((s) => String(row.counts[s])), String(row.total)]);
  rows.push(['<strong>total</strong>', ...o.statuses.map((s) => `<strong>${o.totals[s]}</strong>`), `<strong>${o.total}</strong>`]);
  const num = o.statuses.map((_, i) => i + 1).concat(o.statuses.length + 1);
  out.push(table(['category', ...o.statuses.map((s) => badge(s)), 'total'], rows, { caption: 'Claims by category and declared status', num, rowHead: true }));
  return out.join('\n');
}

export function sourcingHtml(r: Report, prov: Prov): string {
  const out = [`<p>${sourcingIntro(r)} Open a claim's provenance to see where each piece of evidence comes from.</p>`];
  for (const tier of SOURCING_TIERS) {
    const entries = tierEntries(r, tier);
    out.push(`<h3 class="tier tier-${tier}">${esc(TIER_TITLE[tier])} (${entries.length})</h3>`, `<p class="blurb">${esc(TIER_BLURB[tier])}</p>`);
    if (entries.length === 0) continue;
    out.push('<div class="scroll"><table class="sourcing">',
      '<colgroup><col style="width:23%"><col style="width:10%"><col style="width:8%"><col style="width:15%"><col style="width:6%"><col></colgroup>',
      '<thead><tr><th scope="col">claim</th><th scope="col">value</th><th scope="col">as of</th><th scope="col">status</th><th scope="col">grade</th><th scope="col">why</th></tr></thead>');
    for (const e of entries) {
      out.push(
        '<tbody class="claim">',
        `<tr><th scope="row">${code(e.id)}<div class="facts">${esc(e.subject)} · ${esc(e.category)}${e.assertion !== 'fact' ? ` · ${esc(e.assertion)}` : ''}</div></th>`
        + `<td>${e.value === null ? `<span class="facts">${NO_VALUE}</span>` : code(e.value)}</td><td>${nw(e.as_of ?? '—')}</td><td>${badge(e.status)}</td><td>${esc(e.grade)}</td>`
        + `<td>${esc(sourcingSentence(e))}. Origins: ${esc(originCounts(e))}.</td></tr>`,
        `<tr class="prov-row"><td colspan="6">${provenanceDetails(prov.get(e.id), e.id)}</td></tr>`,
        '</tbody>',
      );
    }
    out.push('</table></div>');
  }
  return out.join('\n');
}

export function rumorsHtml(r: Report, prov: Prov): string {
  if (r.rumors.length === 0) return `<p>${NO_RUMORS}</p>`;
  const rows = r.rumors.map((x) => {
    const want = confirmSentence(x, { text: esc, id: (id) => claimRef(id, prov) }, false);
    return [
      `${claimRef(x.id, prov)}<div class="facts">${esc(x.subject)} · ${esc(x.category)}</div>`,
      nw(x.as_of ?? '—'), badge(x.status),
      `${esc(x.statement)}${x.value ? ` <span class="value">${esc(x.value)}</span>` : ''}`,
      want,
      x.candidates.length > 0 ? x.candidates.map((c) => claimRef(c, prov)).join(', ') : '—',
    ];
  });
  return [
    `<p>${rumorsIntro(r)}</p>`,
    table(['claim', 'as of', 'status', 'statement', 'what would confirm it', 'candidates'], rows, { rowHead: true }),
  ].join('\n');
}

export function watchlistHtml(r: Report, prov: Prov): string {
  const w = r.watchlist;
  const out = [`<h3>${forecastsTitle(r)}</h3>`];
  if (w.forecasts.length === 0) out.push('<p>None.</p>');
  else {
    out.push(table(['forecast', 'due', 'state', 'status', 'statement'], w.forecasts.map((f) => {
      const state = forecastState(f);
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

export function conflictsHtml(r: Report, prov: Prov): string {
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
  if (k.corrections.length > 0) {
    out.push(`<h3>Retracted and disputed (${k.corrections.length})</h3>`);
    out.push(table(['claim', 'status', 'date', 'reason'], k.corrections.map((x) => [
      claimRef(x.id, prov), badge(x.status), esc(x.date ?? ''), esc(x.reason ?? 'no reason recorded'),
    ]), { rowHead: true }));
  }
  return out.join('\n');
}

export function concentrationHtml(r: Report): string {
  if (r.concentration.length === 0) return '<p>No origins: no claims to trace.</p>';
  const out = [`<p>${concentrationIntro(r)} An origin behind ${pct(CONCENTRATION_THRESHOLD)} or more of the claims is flagged ▲.</p>`];
  out.push(table(['origin', 'source', 'claims', 'share'], r.concentration.map((e) => [
    code(e.origin), esc(sourceLabel(e)), String(e.claims),
    `<span class="share${e.concentrated ? ' heavy' : ''}"><span class="meter" aria-hidden="true"><span style="width:${(Math.min(1, Math.max(0, e.share)) * 100).toFixed(1)}%"></span></span> ${pct(e.share)}${e.concentrated ? ' ▲ concentrated' : ''}</span>`,
  ]), { num: [2], rowHead: true }));
  const heavy = r.concentration.filter((e) => e.concentrated);
  for (const e of heavy) {
    out.push(`<p class="warn">${heavyOrigin(e, r, code(e.origin))}</p>`);
  }
  if (heavy.length === 0) out.push(`<p>${NO_HEAVY_ORIGIN}</p>`);
  return out.join('\n');
}

export function timelinesHtml(r: Report, prov: Prov): string {
  if (r.timelines.length === 0) return `<p>${NO_FIGURES}</p>`;
  const out: string[] = [
    '<p>Bars are coloured by declared status (listed in each table); forecasts are pale bars with a dashed outline; superseded figures are lighter.</p>',
    `<p class="marks-legend">${timelineLegend(markHtml, esc)}</p>`,
  ];
  r.timelines.forEach((t, n) => {
    out.push(`<figure class="timeline"><h3>${esc(t.subject)} · ${esc(t.category)} (${esc(timelineUnit(t))})</h3>`);
    out.push(`<div class="scroll">${timelineSvg(t, n + 1)}</div>`);
    out.push(table(['as of', 'claim', 'value', `in ${esc(timelineUnit(t))}`, 'status', 'marks', 'note'], t.points.map((p) => [
      nw(p.as_of ?? '—'), claimRef(p.id, prov), code(p.value), code(p.form), badge(p.status),
      pointMarks(p).map((m) => `${markHtml(m)} ${esc(m.words)}`).join('<br>'),
      [p.forecast ? 'forecast' : '', p.superseded_by ? `superseded by ${claimRef(p.superseded_by, prov)}` : ''].filter((x) => x !== '').join('; '),
    ]), { cls: 'compact' }));
    if (t.skipped.length > 0) out.push(`<p class="facts">${leftOut(t, t.skipped.map((id) => claimRef(id, prov)).join(', '), { text: esc, id: (id) => id })}.</p>`);
    out.push('</figure>');
  });
  return out.join('\n');
}

/** A timeline mark: its letter, coloured, with its words as a tooltip; the letter alone is legible without colour. */
export function markHtml(m: TimelineMark): string {
  return `<abbr class="mark mark-${token(m.key)}" title="${esc(m.words)}">${esc(m.letter)}</abbr>`;
}

export function singlePointsHtml(r: Report, prov: Prov): string {
  const s = r.single_points_of_failure;
  const out = [`<p class="blurb">${esc(SPOF_BLURB)}</p>`];
  if (s.sources.length === 0) return [...out, `<p>${esc(noSinglePoint(r))}</p>`].join('\n');
  out.push(`<p>${esc(spofIntro(r))}</p>`);
  out.push(table(['source', 'what it is', 'claims lowered', 'would lose all evidence', 'claims it would lower'], s.sources.map((e) => {
    const { named, more } = namedClaims(e);
    const items = named.map((x) => `<li>${claimRef(x.id, prov)}: <span class="${x.after === null ? 'warn' : 'drop'}">${esc(loweredFall(x))}</span></li>`);
    if (more > 0) items.push(`<li class="facts">${esc(andMore(more))}</li>`);
    return [code(e.source), esc(sourceLabel(e)), String(e.claims), String(e.lost_all_evidence), `<ul class="lowered">${items.join('')}</ul>`];
  }), { num: [2, 3], rowHead: true, cls: 'spof' }));
  return out.join('\n');
}
