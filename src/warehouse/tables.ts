/**
 * The one relational shape of a dataset: six tables of plain rows (claims, claim_values, evidence, claim_origins,
 * sources, diagnostics), derived from a query context and the validator's diagnostics, with a column spec per table.
 * The SQLite export, `claims sql` and the Parquet export all write these rows; the README's column reference is
 * generated from the spec. Pure: data in, rows out.
 *
 * Representation choices (documented in the README):
 * - A partial date (`2026`, `2026-02`) stays text in its own column (`as_of`), with `<name>_start` and `<name>_end`
 *   DATE columns for the first and last day it covers; a complete date has start = end.
 * - Lists of names or ids (`parties`, `tags`, `via`, `speaks_for`, `cites`) are one `text_list` column: a JSON array
 *   of strings in SQLite (query it with `json_each`), a LIST of strings in Parquet. `via` keeps its order.
 * - Booleans are 0/1 in SQLite and BOOLEAN in Parquet; dates are `YYYY-MM-DD` text in SQLite and DATE in Parquet.
 * - Every source id that evidence names has a `sources` row, so foreign keys hold: an id no valid file declares gets a
 *   row with `missing` = 1 and no fields (`claims validate` reports it).
 */
import type { Diagnostic } from '../diagnostic.js';
import { parsePartialDate } from '../model/date.js';
import type { Claim, Source } from '../model/schema.js';
import { ORIGIN_CLASSES, originId, type OriginClass } from '../provenance/index.js';
import { valueList, type ClaimView, type QueryContext } from '../query/view.js';
import { compareText } from '../util/compare.js';

/** A column's logical type; each writer maps it to its engine's type. */
export type ColumnType = 'text' | 'integer' | 'real' | 'boolean' | 'date' | 'text_list';

/** One column: its name, logical type, whether it may be null, and what it holds (the README's words). */
export interface ColumnSpec {
  name: string;
  type: ColumnType;
  nullable: boolean;
  description: string;
}

/** A foreign key: these columns reference those of another table. */
export interface ForeignKeySpec {
  columns: string[];
  table: TableName;
  references: string[];
}

/** One table: its columns in order, its primary key, foreign keys and the extra indexes worth having. */
export interface TableSpec {
  name: TableName;
  description: string;
  columns: ColumnSpec[];
  primaryKey: string[];
  foreignKeys: ForeignKeySpec[];
  /** Column lists to index besides the primary key (ids that joins and filters use). */
  indexes: string[][];
}

export const TABLE_NAMES = ['claims', 'claim_values', 'evidence', 'claim_origins', 'sources', 'diagnostics'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** A cell: text, a number, a boolean, a `YYYY-MM-DD` date (as text), a list of texts, or null. */
export type Cell = string | number | boolean | string[] | null;
/** A row: a cell per column name. */
export type Row = Record<string, Cell>;
/** Every table's rows. */
export type Tables = Record<TableName, Row[]>;

const col = (name: string, type: ColumnType, nullable: boolean, description: string): ColumnSpec => ({ name, type, nullable, description });

/** The three columns of a partial date field. */
function dateColumns(name: string, what: string, nullable = true): ColumnSpec[] {
  return [
    col(name, 'text', nullable, `${what}, as written: \`2026\`, \`2026-02\` or \`2026-02-15\``),
    col(`${name}_start`, 'date', nullable, `First day of \`${name}\``),
    col(`${name}_end`, 'date', nullable, `Last day of \`${name}\``),
  ];
}

const CLASS_WORDS: Record<OriginClass, string> = {
  independent: 'independent origins (neither the subject nor a party speaks in them)',
  party: 'origins that speak for a party (partner, investor, acquirer)',
  self: 'origins that speak for the subject (company-only)',
  anonymous: 'anonymous origins',
  unattributed: 'origins that state the figure without attribution',
};

/** The tables, their columns and keys: the one definition every writer and the README's reference follow. */
export const TABLE_SPECS: readonly TableSpec[] = [
  {
    name: 'claims',
    description: 'One row per claim: every field of the claim file, and what the tool derives from its evidence.',
    primaryKey: ['id'],
    foreignKeys: [],
    indexes: [['subject'], ['category'], ['status'], ['superseded_by']],
    columns: [
      col('id', 'text', false, 'Claim id (primary key)'),
      col('file', 'text', false, 'Path of the claim file, relative to the working directory'),
      col('subject', 'text', false, 'The entity the claim is about'),
      col('parties', 'text_list', false, 'Counterparties: partner, investor, acquired company'),
      col('category', 'text', false, 'arr, revenue, valuation, funding-round, …'),
      col('assertion', 'text', false, 'fact, forecast or opinion'),
      col('statement', 'text', false, "The claim in the dataset's own words"),
      col('value', 'text', true, 'The (first) value as written, e.g. `>$400M`; every equivalent form is in `claim_values`'),
      col('amount', 'real', true, 'The first value as a number, in units (`$1.2B` is 1200000000)'),
      col('currency', 'text', true, 'ISO 4217 code of the first value, for money'),
      col('unit', 'text', true, 'money, percent or number'),
      col('bound', 'text', true, 'exact, about, above, at-least, below or at-most'),
      col('value_forms', 'integer', false, 'How many equivalent forms the value has (0 without a value)'),
      ...dateColumns('as_of', 'When the figure held'),
      ...dateColumns('due', 'When a forecast should come true'),
      col('outcome', 'text', true, 'met, missed or withdrawn (forecasts)'),
      col('resolved_by', 'text', true, 'Id of the claim that resolves this forecast'),
      col('status', 'text', false, 'Declared status: rumored, company-reported, independent, disputed, retracted'),
      col('status_reason', 'text', true, 'Why the claim was retracted or disputed'),
      ...dateColumns('status_date', 'When the status was set to retracted or disputed'),
      col('supersedes', 'text', true, 'Id of the claim this one replaces (as written; it may name a claim not in the export)'),
      col('tags', 'text_list', false, 'Tags'),
      col('metric_note', 'text', true, 'How the source defines the metric (arr and revenue)'),
      col('support', 'text', false, 'Derived support: rumored, company-reported or independent'),
      col('grade', 'text', false, 'Admiralty grade, reliability and credibility, e.g. `B2`'),
      col('reliability', 'text', false, 'Reliability of the best origin, A–F'),
      col('credibility', 'integer', false, 'Derived credibility, 1 (confirmed) – 6 (cannot be judged)'),
      col('best_origin', 'text', true, 'Id of the origin whose reliability is shown'),
      col('evidence_count', 'integer', false, 'Evidence items'),
      col('source_count', 'integer', false, 'Distinct sources the evidence was read in'),
      col('origin_count', 'integer', false, 'Distinct origins that resolve to a source (relays collapsed)'),
      ...ORIGIN_CLASSES.map((c) => col(`origins_${c}`, 'integer', false, `Distinct ${CLASS_WORDS[c]}`)),
      col('superseded_by', 'text', true, 'Id of the latest claim that supersedes this one'),
      col('overdue', 'boolean', false, 'A forecast whose due date has passed without an outcome'),
    ],
  },
  {
    name: 'claim_values',
    description: 'One row per equivalent form of a claim\'s value (`value: [$1.2B, €1.1B]` gives two).',
    primaryKey: ['claim_id', 'position'],
    foreignKeys: [{ columns: ['claim_id'], table: 'claims', references: ['id'] }],
    indexes: [],
    columns: [
      col('claim_id', 'text', false, 'The claim'),
      col('position', 'integer', false, 'Order of the form in the claim file, from 1'),
      col('amount', 'real', false, 'The figure in units (`>$400M` is 400000000; `12%` is 12)'),
      col('currency', 'text', true, 'ISO 4217 code, for money'),
      col('unit', 'text', false, 'money, percent or number'),
      col('bound', 'text', false, 'exact, about, above, at-least, below or at-most'),
      col('text', 'text', false, 'The form as written'),
    ],
  },
  {
    name: 'evidence',
    description: 'One row per evidence item: where the quote was read, through which relays, and whose word it is.',
    primaryKey: ['claim_id', 'position'],
    foreignKeys: [
      { columns: ['claim_id'], table: 'claims', references: ['id'] },
      { columns: ['source_id'], table: 'sources', references: ['id'] },
      { columns: ['origin_id'], table: 'sources', references: ['id'] },
    ],
    indexes: [['source_id'], ['origin_id']],
    columns: [
      col('claim_id', 'text', false, 'The claim'),
      col('position', 'integer', false, 'Order of the item in the claim file, from 1'),
      col('source_id', 'text', false, 'The source the quote was read in'),
      col('origin_id', 'text', false, 'The source the statement traces to (`origin`, else the source itself)'),
      col('via', 'text_list', false, 'The relays between origin and source, in order from the origin outward'),
      col('quote', 'text', true, 'The verbatim excerpt'),
      col('locator', 'text', true, 'Where in the source: paragraph, table row, page'),
      col('unattributed', 'boolean', false, 'The source states the figure without saying where it comes from'),
      col('origin_class', 'text', true, 'Class of the origin toward this claim (null when the origin has no source file)'),
    ],
  },
  {
    name: 'claim_origins',
    description: 'One row per claim and distinct origin, with its class: the figures `origins_*` count.',
    primaryKey: ['claim_id', 'origin_id'],
    foreignKeys: [
      { columns: ['claim_id'], table: 'claims', references: ['id'] },
      { columns: ['origin_id'], table: 'sources', references: ['id'] },
    ],
    indexes: [['origin_id']],
    columns: [
      col('claim_id', 'text', false, 'The claim'),
      col('origin_id', 'text', false, 'The origin (a source with a file)'),
      col('class', 'text', false, `${ORIGIN_CLASSES.join(', ')}`),
    ],
  },
  {
    name: 'sources',
    description: 'One row per source: every field of the source file, and how the exported claims use it.',
    primaryKey: ['id'],
    foreignKeys: [],
    indexes: [['publisher']],
    columns: [
      col('id', 'text', false, 'Source id (primary key)'),
      col('file', 'text', true, 'Path of the source file (null when `missing`)'),
      col('missing', 'boolean', false, 'Evidence names this id but no valid source file declares it'),
      col('title', 'text', true, 'Title'),
      col('publisher', 'text', true, 'Publisher'),
      col('kind', 'text', true, 'news, analysis, primary, database, filing, social, interview or anonymous'),
      col('speaks_for', 'text_list', false, 'Entities whose own voice this source is'),
      col('url', 'text', true, 'URL'),
      ...dateColumns('published', 'Publication date'),
      ...dateColumns('retrieved', 'When it was read'),
      col('archive_url', 'text', true, 'Archived copy'),
      col('cites', 'text_list', false, 'Ids of the sources it relays'),
      col('notes', 'text', true, 'Notes'),
      col('reliability', 'text', false, 'Admiralty reliability, A–F (F when ungraded)'),
      col('reliability_note', 'text', true, 'Why this reliability'),
      col('position', 'text', true, 'For anonymous sources: what they are in a position to know'),
      col('count', 'integer', true, 'For anonymous sources: how many (null for "multiple")'),
      col('count_multiple', 'boolean', false, 'For anonymous sources: `count: multiple`'),
      col('snapshot', 'text', true, 'Local copy of the text, relative to the dataset'),
      col('snapshot_sha256', 'text', true, 'SHA-256 of the snapshot'),
      col('read_by', 'integer', false, 'Exported claims with evidence read in it'),
      col('relayed_for', 'integer', false, 'Exported claims whose evidence it relays (in `via`)'),
      col('origin_of', 'integer', false, 'Exported claims with evidence that originates from it'),
    ],
  },
  {
    name: 'diagnostics',
    description: 'What `claims validate` reports on the whole dataset (not narrowed by filters).',
    primaryKey: ['id'],
    foreignKeys: [],
    indexes: [['file'], ['rule']],
    columns: [
      col('id', 'integer', false, 'Row number, in validate\'s order (primary key)'),
      col('file', 'text', false, 'Path of the file, relative to the working directory'),
      col('line', 'integer', false, 'Line, from 1'),
      col('column', 'integer', false, 'Column, from 1'),
      col('end_line', 'integer', false, 'Line where the range ends'),
      col('end_column', 'integer', false, 'Column where the range ends'),
      col('severity', 'text', false, 'error or warning'),
      col('rule', 'text', false, 'Rule id'),
      col('message_id', 'text', false, 'Message id (stable)'),
      col('message', 'text', false, 'The message'),
      col('path', 'text', false, 'Path into the document, e.g. `evidence[1].origin`'),
    ],
  },
];

/** A table's spec by name. */
export function tableSpec(name: TableName): TableSpec {
  return TABLE_SPECS.find((t) => t.name === name)!;
}

/** The three cells of a partial date field. */
function dateCells(name: string, raw: unknown): Row {
  const d = parsePartialDate(raw);
  return { [name]: d?.text ?? null, [`${name}_start`]: d?.start ?? null, [`${name}_end`]: d?.end ?? null };
}

function claimRow(v: ClaimView, c: Claim, ctx: QueryContext): Row {
  const values = valueList(v);
  const first = values[0];
  const grade = ctx.grades.get(v.id);
  const origins: Row = {};
  for (const cls of ORIGIN_CLASSES) origins[`origins_${cls}`] = v.origins[cls];
  return {
    id: v.id, file: v.file, subject: v.subject, parties: v.parties, category: v.category, assertion: v.assertion,
    statement: v.statement, value: first?.text ?? null, amount: first?.amount ?? null, currency: first?.currency ?? null,
    unit: first?.unit ?? null, bound: first?.bound ?? null, value_forms: values.length,
    ...dateCells('as_of', c.as_of), ...dateCells('due', c.due),
    outcome: v.outcome, resolved_by: c.resolved_by ?? null, status: v.status, status_reason: v.status_reason,
    ...dateCells('status_date', c.status_date),
    supersedes: c.supersedes ?? null, tags: v.tags, metric_note: c.metric_note ?? null,
    support: v.support, grade: v.grade, reliability: v.reliability, credibility: v.credibility,
    best_origin: grade?.best_origin ?? null, evidence_count: c.evidence.length, source_count: v.sources.length,
    origin_count: v.origin_ids.length, ...origins, superseded_by: v.superseded_by, overdue: v.overdue,
  };
}

function sourceRow(id: string, file: string | null, s: Source | undefined, usage: Usage): Row {
  return {
    id, file, missing: s === undefined, title: s?.title ?? null, publisher: s?.publisher ?? null, kind: s?.kind ?? null,
    speaks_for: s?.speaks_for ?? [], url: s?.url ?? null, ...dateCells('published', s?.published), ...dateCells('retrieved', s?.retrieved),
    archive_url: s?.archive_url ?? null, cites: s?.cites ?? [], notes: s?.notes ?? null, reliability: s?.reliability ?? 'F',
    reliability_note: s?.reliability_note ?? null, position: s?.position ?? null,
    count: typeof s?.count === 'number' ? s.count : null, count_multiple: s?.count === 'multiple',
    snapshot: s?.snapshot ?? null, snapshot_sha256: s?.snapshot_sha256 ?? null,
    read_by: usage.read.get(id)?.size ?? 0, relayed_for: usage.relayed.get(id)?.size ?? 0, origin_of: usage.origin.get(id)?.size ?? 0,
  };
}

/** Which exported claims read, relay and originate from each source id. */
interface Usage {
  read: Map<string, Set<string>>;
  relayed: Map<string, Set<string>>;
  origin: Map<string, Set<string>>;
}

const add = (m: Map<string, Set<string>>, sid: string, cid: string): void => {
  let s = m.get(sid);
  if (s === undefined) m.set(sid, (s = new Set()));
  s.add(cid);
};

/** One diagnostic as a row. */
export function diagnosticRow(d: Diagnostic, i: number): Row {
  return {
    id: i + 1, file: d.file, line: d.line, column: d.column, end_line: d.endLine, end_column: d.endColumn,
    severity: d.severity, rule: d.rule, message_id: d.messageId, message: d.message, path: d.path,
  };
}

/**
 * The tables for `views` (the claims the filters keep, in order): their values, evidence and origins; every source of
 * the dataset, plus a `missing` row for each id their evidence names without a file, with usage counted over `views`;
 * and the diagnostics as given (null: an empty table).
 */
export function buildTables(ctx: QueryContext, views: readonly ClaimView[], diagnostics: readonly Diagnostic[] | null): Tables {
  const claims: Row[] = [];
  const claimValues: Row[] = [];
  const evidence: Row[] = [];
  const claimOrigins: Row[] = [];
  const usage: Usage = { read: new Map(), relayed: new Map(), origin: new Map() };
  const named = new Set<string>();
  for (const v of views) {
    const c = ctx.index.claims.get(v.id)?.data;
    if (c === undefined) continue;
    claims.push(claimRow(v, c, ctx));
    valueList(v).forEach((pv, i) => {
      claimValues.push({ claim_id: v.id, position: i + 1, amount: pv.amount, currency: pv.currency, unit: pv.unit, bound: pv.bound, text: pv.text });
    });
    const p = ctx.provenance.get(v.id);
    const classOf = new Map<string, OriginClass>();
    if (p !== undefined) for (const cls of ORIGIN_CLASSES) for (const id of p.byClass[cls]) classOf.set(id, cls);
    c.evidence.forEach((ev, i) => {
      const origin = originId(ev);
      const via = ev.via ?? [];
      evidence.push({
        claim_id: v.id, position: i + 1, source_id: ev.source, origin_id: origin, via, quote: ev.quote ?? null,
        locator: ev.locator === undefined ? null : String(ev.locator), unattributed: ev.unattributed === true,
        origin_class: classOf.get(origin) ?? null,
      });
      add(usage.read, ev.source, v.id);
      for (const r of via) add(usage.relayed, r, v.id);
      add(usage.origin, origin, v.id);
      named.add(ev.source);
      named.add(origin);
    });
    for (const [id, cls] of [...classOf].sort(([a], [b]) => compareText(a, b))) claimOrigins.push({ claim_id: v.id, origin_id: id, class: cls });
  }
  const sources: Row[] = [];
  for (const { file, data } of ctx.index.sources.values()) sources.push(sourceRow(data.id, file, data, usage));
  for (const id of named) if (!ctx.index.sources.has(id)) sources.push(sourceRow(id, null, undefined, usage));
  sources.sort((a, b) => compareText(a.id as string, b.id as string));
  return {
    claims, claim_values: claimValues, evidence, claim_origins: claimOrigins, sources,
    diagnostics: (diagnostics ?? []).map(diagnosticRow),
  };
}

const TYPE_WORDS: Record<ColumnType, string> = {
  text: 'text', integer: 'integer', real: 'real', boolean: 'boolean', date: 'date', text_list: 'list of text',
};

/** The README's column reference: a heading and a table per table, generated from the spec. */
export function columnReference(): string {
  const out: string[] = [];
  for (const t of TABLE_SPECS) {
    out.push(`#### \`${t.name}\``, '', t.description, '', '| Column | Type | Null | Description |', '| --- | --- | --- | --- |');
    for (const c of t.columns) out.push(`| \`${c.name}\` | ${TYPE_WORDS[c.type]} | ${c.nullable ? 'yes' : 'no'} | ${c.description.replaceAll('|', '\\|')} |`);
    const keys = [`Primary key: ${t.primaryKey.map((k) => `\`${k}\``).join(', ')}.`];
    for (const fk of t.foreignKeys) keys.push(`\`${fk.columns.join(', ')}\` references \`${fk.table}(${fk.references.join(', ')})\`.`);
    out.push('', keys.join(' '), '');
  }
  return out.join('\n').trimEnd() + '\n';
}
