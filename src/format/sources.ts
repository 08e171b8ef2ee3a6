/** Output formats of `claims sources`: the same names as `list`. */
import { stringify } from 'yaml';
import type { SourceView } from '../query/sources.js';
import { escapeDeep } from './escape.js';
import { fitWhole, painter } from './table.js';
import type { SourcesFormatter } from './types.js';
import type { SourcesFormat } from './names.js';
import { csv, mdTable } from './values.js';

const classes = (s: SourceView): string =>
  Object.entries(s.class_by_subject).map(([subject, cls]) => `${cls} → ${subject}`).join('; ');

/** The track record in short: what became of the claims it originates (`2 confirmed, 1 retracted`), `—` when none. */
const record = (s: SourceView, sep = ', '): string => {
  const t = s.track_record;
  const parts = ([['confirmed', t.confirmed], ['retracted', t.retracted], ['disputed', t.disputed], ['superseded', t.superseded], ['open', t.open_rumors]] as const)
    .filter(([, n]) => n > 0).map(([w, n]) => `${n} ${w}`);
  return t.claims === 0 ? '—' : parts.length === 0 ? 'none yet' : parts.join(sep);
};

const HEAD = ['id', 'kind', 'reliability', 'publisher', 'published', 'read', 'relayed', 'origin', 'class toward subjects', 'track record'];
const row = (s: SourceView): string[] => [
  s.id, s.kind, s.reliability, s.publisher, s.published ?? '', String(s.read_by), String(s.relayed_for), String(s.origin_of), classes(s), record(s),
];

const table: SourcesFormatter = (views, { color, width }) => {
  if (views.length === 0) return 'No sources.\n';
  const c = painter(color);
  // Control characters from the dataset become visible escapes before any colour is added.
  const rows = escapeDeep(views).map((s) => [
    s.id,
    `${s.kind === 'anonymous' ? c.yellow(s.kind) : s.kind} ${c.dim('·')} ${c.bold(s.reliability)}`,
    `${s.publisher}${s.published ? `\n${c.dim(s.published)}` : ''}`,
    `read ${s.read_by}\nrelays ${s.relayed_for}\norigin ${s.origin_of}`,
    Object.entries(s.class_by_subject).map(([subject, cls]) => `${cls} → ${subject}`).join('\n'),
    record(s, '\n'),
  ]);
  // Ids are never cut: when they do not fit, each source becomes a record of its own.
  return `${fitWhole(['id', 'kind · grade', 'publisher', 'uses', 'class toward subjects', 'track record'], rows, { width, color, flex: 4, keep: [0] })}\n${views.length} source${views.length === 1 ? '' : 's'}\n`;
};

/** The `claims sources` output formats by name. */
export const sourcesFormatters: Record<SourcesFormat, SourcesFormatter> = {
  table,
  json: (views) => JSON.stringify(views, null, 2) + '\n',
  yaml: (views) => stringify(views, { lineWidth: 0 }),
  ids: (views) => views.map((s) => `${s.id}\n`).join(''),
  csv: (views) => csv(
    ['id', 'file', 'title', 'publisher', 'kind', 'published', 'url', 'speaks_for', 'cites', 'read_by', 'relayed_for', 'origin_of', 'class_by_subject', 'reliability',
      'origin_claims', 'confirmed', 'retracted', 'disputed', 'superseded', 'open_rumors'],
    views.map((s) => [s.id, s.file, s.title, s.publisher, s.kind, s.published ?? '', s.url ?? '', s.speaks_for.join('; '), s.cites.join(' '),
      String(s.read_by), String(s.relayed_for), String(s.origin_of), classes(s), s.reliability,
      ...[s.track_record.claims, s.track_record.confirmed, s.track_record.retracted, s.track_record.disputed, s.track_record.superseded, s.track_record.open_rumors].map(String)]),
  ),
  markdown: (views) => mdTable(HEAD, escapeDeep(views).map((s) => { const r = row(s); r[0] = `\`${s.id}\``; return r; }), [5, 6, 7]),
};
