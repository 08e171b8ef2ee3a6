/** Output formats of `claims history`: text (a table fitted to the width), json, csv. */
import type { ClaimHistory, HistoryRow } from '../history/history.js';
import { escapeDeep } from './escape.js';
import { visible, wrap } from './layout.js';
import type { HistoryFormat } from './names.js';
import { fitTable, paintStatus, painter, records } from './table.js';
import type { Formatter, TerminalContext } from './types.js';
import { csv, plural } from './values.js';

/** A `claims history` output format. */
export type HistoryFormatter = Formatter<ClaimHistory, TerminalContext>;

const CSV_HEAD = ['date', 'commit', 'author', 'change', 'id', 'path', 'status', 'support', 'grade', 'value', 'evidence', 'changed_sources', 'subject', 'problem'];

/** What the commit did to the claim, in a few words. */
export function changeWords(r: HistoryRow): string {
  const sources = r.changed_sources.length > 0 ? `source${r.changed_sources.length === 1 ? '' : 's'} ${r.changed_sources.join(', ')}` : '';
  switch (r.change) {
    case 'added':
      return 'added';
    case 'removed':
      return 'removed';
    case 'renamed':
      return [`renamed from ${r.path}`, sources].filter((s) => s !== '').join('; ');
    case 'changed':
      return ['claim', sources].filter((s) => s !== '').join('; ');
    case 'sources':
      return sources;
  }
}

/** The one-line summary above the table: how many commits, the ids the claim had, whether it is gone. */
export function historyHeadline(h: ClaimHistory): string {
  const parts = [`${h.id}: ${plural(h.rows.length, 'commit')} changed the claim, its evidence or the sources it rests on (oldest first)`];
  const others = h.ids.filter((i) => i !== h.id);
  if (others.length > 0) parts.push(`also known as ${others.join(', ')}`);
  if (h.current_id !== null && h.current_id !== h.id) parts.push(`now ${h.current_id}`);
  if (h.removed) parts.push(`removed from the dataset in ${h.removed.commit.slice(0, 7)} (${h.removed.date.slice(0, 10)})`);
  return parts.join('; ');
}

/** Most commits the text table shows: the latest ones (json and csv list every commit). */
export const HISTORY_SHOWN = 200;

const text: HistoryFormatter = (history, { color, width }) => {
  const c = painter(color);
  const h = escapeDeep(history);
  // One column for the claim's standing, as in `list`: the declared status, the derived support where it differs, the grade.
  const head = ['date', 'commit', 'author', 'status', 'value', 'ev.', 'change'];
  // Renames show the path the claim had before; the row's own path is in json and csv.
  const renamedFrom = new Map<HistoryRow, string>();
  h.rows.forEach((r, i) => {
    if (r.change === 'renamed' && i > 0) renamedFrom.set(r, h.rows[i - 1]!.path);
  });
  const standing = (r: HistoryRow): string => {
    if (r.status === null) return '—';
    const support = r.support !== null && r.support !== r.status ? `\n${c.dim('evidence:')} ${paintStatus(c, r.support)}` : '';
    return `${paintStatus(c, r.status)}${support}${r.grade ? `\n${c.dim('grade')} ${r.grade}` : ''}`;
  };
  const skipped = Math.max(0, h.rows.length - HISTORY_SHOWN);
  const rows = h.rows.slice(skipped).map((r) => {
    const what = r.change === 'renamed' ? changeWords({ ...r, path: renamedFrom.get(r) ?? '?' }) : changeWords(r);
    const id = h.ids.length > 1 && r.id !== null ? ` (${r.id})` : '';
    return [
      r.date.slice(0, 10), r.commit.slice(0, 7), r.author, standing(r), r.value ?? '',
      r.evidence === null ? '' : String(r.evidence), `${what}${id}${r.problem ? ` — ${r.problem}` : ''}`,
    ];
  });
  const earlier = skipped > 0 ? `\n${c.dim(wrap(`… ${skipped.toLocaleString('en-US')} earlier commits left out; --format json or csv lists every one`, width))}` : '';
  const headline = wrap(historyHeadline(h), width) + earlier;
  if (rows.length === 0) return `${headline}\n`;
  // Dates, commits, statuses, grades and counts keep their width; the change, then the author and value, wrap first.
  const table = fitTable(head, rows, { width, color, flex: 6, keep: [0, 1, 3], right: [5] });
  if (table.split('\n').every((l) => visible(l) <= width)) return `${headline}\n${table}\n`;
  return `${headline}\n${records(head, rows, width, color)}\n`;
};

const json: HistoryFormatter = (h) => JSON.stringify(h, null, 2) + '\n';

const csvFormat: HistoryFormatter = (h) =>
  csv(CSV_HEAD, h.rows.map((r) => [
    r.date, r.commit, r.author, r.change, r.id ?? '', r.path, r.status ?? '', r.support ?? '', r.grade ?? '', r.value ?? '',
    r.evidence === null ? '' : String(r.evidence), r.changed_sources.join(' '), r.subject, r.problem ?? '',
  ]));

/** The `claims history` output formats by name. */
export const historyFormatters: Record<HistoryFormat, HistoryFormatter> = { text, json, csv: csvFormat };
