/** Output formats of `claims list`: table, json, csv, markdown, yaml, ids. */
import { stringify } from 'yaml';
import { escapeDeep } from './escape.js';
import { fitWhole, paintStatus, painter } from './table.js';
import type { ListFormat } from './names.js';
import type { ListFormatter } from './types.js';
import { csv, mdTable, valueText } from './values.js';

const CSV_HEAD = [
  'id', 'file', 'subject', 'parties', 'category', 'assertion', 'statement', 'value', 'as_of', 'due', 'outcome', 'status', 'support',
  'origins_independent', 'origins_party', 'origins_self', 'origins_anonymous', 'origin_ids', 'sources', 'overdue', 'superseded_by',
  'reliability', 'credibility', 'grade', 'origins_unattributed', 'tags',
];

const table: ListFormatter = (views, { color, width }) => {
  const c = painter(color);
  if (views.length === 0) return 'No claims match.\n';
  // Control characters from the dataset become visible escapes before any colour is added.
  const rows = escapeDeep(views).map((v) => [
    v.id,
    // One column for both: the declared status, and the derived support only where it differs.
    (v.support === v.status ? paintStatus(c, v.status) : `${paintStatus(c, v.status)}\n${c.dim('evidence:')} ${paintStatus(c, v.support)}`)
      + `\n${c.dim('grade')} ${v.grade}`,
    // A forecast's due date goes under its as_of, labelled: one column, so the table still fits 80 columns (it wraps to `due` / date).
    [v.as_of ?? '', v.due ? `${c.dim('due')} ${v.due}` : ''].filter((x) => x !== '').join('\n'),
    valueText(v),
    v.statement + (v.overdue ? c.red(' (overdue)') : '') + (v.superseded_by ? c.dim(` (superseded by ${v.superseded_by})`) : ''),
  ]);
  // Ids are never cut: when they do not fit beside a readable statement, each claim becomes a record of its own.
  const out = fitWhole(['id', 'status', 'as of', 'value', 'statement'], rows, { width, color, keep: [0, 1] });
  return `${out}\n${views.length} claim${views.length === 1 ? '' : 's'}\n`;
};

const json: ListFormatter = (views) => JSON.stringify(views, null, 2) + '\n';

const yaml: ListFormatter = (views) => stringify(views, { lineWidth: 0 });

const ids: ListFormatter = (views) => views.map((v) => `${v.id}\n`).join('');

const csvFormat: ListFormatter = (views) =>
  csv(CSV_HEAD, views.map((v) => [
    v.id, v.file, v.subject, v.parties.join('; '), v.category, v.assertion, v.statement, valueText(v), v.as_of ?? '', v.due ?? '',
    v.outcome ?? '', v.status, v.support, String(v.origins.independent), String(v.origins.party), String(v.origins.self),
    String(v.origins.anonymous), v.origin_ids.join(' '), v.sources.join(' '), String(v.overdue), v.superseded_by ?? '',
    v.reliability, String(v.credibility), v.grade, String(v.origins.unattributed), v.tags.join('; '),
  ]));

const markdown: ListFormatter = (views) =>
  mdTable(['id', 'status', 'support', 'grade', 'as of', 'value', 'statement'], escapeDeep(views).map((v) => [
    `\`${v.id}\``, v.status, v.support, v.grade, v.as_of ?? '', valueText(v), v.statement,
  ]));

/** The `claims list` output formats by name: adding one is a formatter here (or in its own file) and one line below. */
export const listFormatters: Record<ListFormat, ListFormatter> = { table, json, csv: csvFormat, markdown, yaml, ids };
