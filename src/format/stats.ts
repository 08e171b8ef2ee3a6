/** Output formats of `claims stats`: text, markdown, json. */
import type { OverTimeStats, TrackRecord } from '../history/stats.js';
import { escapeDeep } from './escape.js';
import { visible, wrap } from './layout.js';
import type { StatsFormat } from './names.js';
import { fitTable, painter, records as recordsOf } from './table.js';
import type { Formatter, TerminalContext } from './types.js';
import { mdTable, plural } from './values.js';

/** A `claims stats` output format. */
export type StatsFormatter = Formatter<OverTimeStats, TerminalContext>;

/** How many open rumors and confirmations the text and markdown list one by one (json lists all). */
const MAX_LISTED = 50;

const daysText = (d: number | null): string => (d === null ? '—' : `${d} day${d === 1 ? '' : 's'}`);
const HOW: Record<string, string> = { superseded: 'superseded by', resolved: 'resolved (met) by', raised: 'raised to independent' };

/** The headline figures, one sentence each. */
export function statsSummary(s: OverTimeStats): string[] {
  const lines = [
    `${plural(s.confirmations.length, 'rumor')} later confirmed; median time to confirmation ${daysText(s.median_days_to_confirmation)}.`,
    `${plural(s.open_rumors.length, 'rumor')} still unconfirmed; median time open ${daysText(s.median_days_open)} (as of ${s.today}).`,
  ];
  if (!s.history.used) lines.push(`Git history not read (${s.history.reason ?? 'unavailable'}): figures come from the dataset's links only.`);
  return lines;
}

/** A source's track record in a few characters: `3 claims: 1 confirmed, 1 retracted`. */
export function trackRecordText(r: TrackRecord): string {
  const parts = ([['confirmed', r.confirmed], ['retracted', r.retracted], ['disputed', r.disputed], ['superseded', r.superseded], ['open rumors', r.open_rumors]] as const)
    .filter(([, n]) => n > 0).map(([w, n]) => `${n} ${w}`);
  return `${plural(r.claims, 'claim')}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}

/** A table laid out to the width with the ids and dates kept whole, or one record per row when even that does not fit. */
function fit(head: string[], rows: string[][], width: number, color: boolean, flex: number, keep: number[], right: number[]): string {
  const table = fitTable(head, rows, { width, color, flex, keep, right });
  return table.split('\n').every((l) => visible(l) <= width) ? table : recordsOf(head, rows, width, color);
}

const confirmationRow = (c: OverTimeStats['confirmations'][number]): string[] => [
  c.rumor, c.category, `${HOW[c.how]}${c.confirmed_by ? ` ${c.confirmed_by}` : c.commit ? ` in ${c.commit.slice(0, 7)}` : ''}`,
  c.from ?? '—', c.to ?? '—', c.days === null ? '—' : String(c.days), c.method,
];

const text: StatsFormatter = (stats, { color, width }) => {
  const c = painter(color);
  const s = escapeDeep(stats);
  const out: string[] = [...statsSummary(s).map((l) => wrap(l, width))];
  out.push('', c.bold('Rumors later confirmed'));
  if (s.confirmations.length === 0) out.push('none');
  else {
    out.push(fit(['rumor', 'category', 'how', 'from', 'to', 'days', 'method'], s.confirmations.slice(0, MAX_LISTED).map(confirmationRow), width, color, 2, [0, 3, 4], [5]));
    if (s.confirmations.length > MAX_LISTED) out.push(`… and ${s.confirmations.length - MAX_LISTED} more (--format json lists all)`);
    out.push('', c.bold('By category'));
    out.push(fit(['category', 'confirmed', 'median days'], s.by_category.map((b) => [b.category, String(b.confirmed), b.median_days === null ? '—' : String(b.median_days)]), width, color, 0, [], [1, 2]));
  }
  out.push('', c.bold('Rumors still unconfirmed'));
  if (s.open_rumors.length === 0) out.push('none');
  else {
    out.push(fit(['rumor', 'category', 'open since', 'days open', 'method'], s.open_rumors.slice(0, MAX_LISTED).map((o) => [o.id, o.category, o.since ?? '—', o.days_open === null ? '—' : String(o.days_open), o.method ?? '—']), width, color, 0, [2], [3]));
    if (s.open_rumors.length > MAX_LISTED) out.push(`… and ${s.open_rumors.length - MAX_LISTED} more (--format json lists all)`);
  }
  out.push('', c.bold('Track record of each source (the claims whose origin it is)'));
  const records = s.track_records.filter((r) => r.claims > 0);
  if (records.length === 0) out.push('none');
  else {
    out.push(fit(['source', 'grade', 'claims', 'confirmed', 'retracted', 'disputed', 'superseded', 'open'], records.map((r) => [
      r.source, r.reliability, String(r.claims), String(r.confirmed), String(r.retracted), String(r.disputed), String(r.superseded), String(r.open_rumors),
    ]), width, color, 0, [1], [2, 3, 4, 5, 6, 7]));
  }
  out.push('', c.dim(wrap(`How: confirmations: ${s.methods.confirmations}. Open rumors: ${s.methods.open_rumors}. Track records: ${s.methods.track_records}.`, width)));
  return out.join('\n') + '\n';
};

const markdown: StatsFormatter = (stats) => {
  const s = escapeDeep(stats);
  const out: string[] = ['## Measures over time', '', ...statsSummary(s).map((l) => `- ${l}`), ''];
  out.push('### Rumors later confirmed', '');
  if (s.confirmations.length === 0) out.push('None.', '');
  else {
    out.push(mdTable(['rumor', 'category', 'how', 'from', 'to', 'days', 'method'], s.confirmations.slice(0, MAX_LISTED).map((c) => {
      const row = confirmationRow(c);
      row[0] = `\`${row[0]}\``;
      return row;
    }), [5]));
    if (s.confirmations.length > MAX_LISTED) out.push(`… and ${s.confirmations.length - MAX_LISTED} more.`, '');
    out.push('| category | confirmed | median days |', '|---|---:|---:|', ...s.by_category.map((b) => `| ${b.category} | ${b.confirmed} | ${b.median_days ?? '—'} |`), '');
  }
  out.push('### Rumors still unconfirmed', '');
  if (s.open_rumors.length === 0) out.push('None.', '');
  else {
    out.push(mdTable(['rumor', 'category', 'open since', 'days open', 'method'], s.open_rumors.slice(0, MAX_LISTED).map((o) => [`\`${o.id}\``, o.category, o.since ?? '—', o.days_open === null ? '—' : String(o.days_open), o.method ?? '—']), [3]));
    if (s.open_rumors.length > MAX_LISTED) out.push(`… and ${s.open_rumors.length - MAX_LISTED} more.`, '');
  }
  out.push('### Track record of each source', '');
  const records = s.track_records.filter((r) => r.claims > 0);
  if (records.length === 0) out.push('None.', '');
  else {
    out.push(mdTable(['source', 'grade', 'claims', 'confirmed', 'retracted', 'disputed', 'superseded', 'open rumors'], records.map((r) => [
      `\`${r.source}\``, r.reliability, String(r.claims), String(r.confirmed), String(r.retracted), String(r.disputed), String(r.superseded), String(r.open_rumors),
    ]), [2, 3, 4, 5, 6, 7]));
  }
  out.push(`*How:* confirmations: ${s.methods.confirmations}. Open rumors: ${s.methods.open_rumors}. Track records: ${s.methods.track_records}.`, '');
  return out.join('\n');
};

const json: StatsFormatter = (s) => JSON.stringify(s, null, 2) + '\n';

/** The `claims stats` output formats by name. */
export const statsFormatters: Record<StatsFormat, StatsFormatter> = { text, markdown, json };
