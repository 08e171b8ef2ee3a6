/** Output formats of `claims impact`: table, json, csv. */
import type { ChalkInstance } from 'chalk';
import { ORIGIN_CLASSES } from '../provenance/index.js';
import type { ImpactRow } from '../query/impact.js';
import { escapeDeep } from './escape.js';
import { visible, wrap } from './layout.js';
import type { ImpactFormat } from './names.js';
import { boundCell, fitTable, maxOf, paintStatus, painter, records } from './table.js';
import type { ImpactFormatter, SourceImpactReport } from './types.js';
import { csv, plural } from './values.js';

/** The claims that would lose all their evidence, and those that would only drop in support. */
function split(report: SourceImpactReport): { lost: number; dropped: number } {
  const lost = report.claims.filter((r) => r.lost_all_evidence).length;
  return { lost, dropped: report.claims.length - lost };
}

/**
 * The answer in one sentence: "If techcrunch-profile were discarded, 12 of 76 claims would be lowered: 5 would lose
 * all their evidence, 7 would drop in support." When nothing would be lowered, it says why (no claim uses the source,
 * or those that do keep their support through other evidence).
 */
export function impactHeadline(report: SourceImpactReport, id = report.source.id): string {
  const { lost, dropped } = split(report);
  const lowered = report.claims.length;
  const lead = `If ${id} were discarded,`;
  if (lowered === 0) {
    const why = report.claims_using === 0
      ? 'no claim\'s evidence reads, relays or traces to it'
      : report.claims_using === 1
        ? 'the 1 claim that uses it keeps its support through other evidence'
        : `the ${report.claims_using} claims that use it keep their support through other evidence`;
    return `${lead} no claim would be lowered: ${why}.`;
  }
  const of = `${lowered} of ${plural(report.claims_total, 'claim')}`;
  const loseAll = (n: number) => `would lose all ${n === 1 ? 'its' : 'their'} evidence`;
  if (dropped === 0) return `${lead} ${of} ${loseAll(lost)}.`;
  if (lost === 0) return `${lead} ${of} would drop in support.`;
  return `${lead} ${of} would be lowered: ${lost} ${loseAll(lost)}, ${dropped} would drop in support.`;
}

/** The narrowest the statement column gets before the table gives way to one record per claim. */
const MIN_STATEMENT = 16;

const HEAD = ['id', 'now → without it', 'statement'];

/** The most of the source's id the sentence repeats: a slug may be any length. */
const MAX_ID_IN_SENTENCE = 80;
const cut = (id: string): string => ([...id].length > MAX_ID_IN_SENTENCE ? `${[...id].slice(0, MAX_ID_IN_SENTENCE - 1).join('')}…` : id);

/** Support and grade now, then without the source: the drop in yellow, nothing left in red. */
function change(c: ChalkInstance, r: ImpactRow): string {
  const now = `${paintStatus(c, r.before.support)} ${r.before.grade}`;
  return `${now}\n${r.after === null ? c.red('✗ no evidence') : `${c.yellow('↓')} ${paintStatus(c, r.after.support)} ${r.after.grade}`}`;
}

const table: ImpactFormatter = (report, { color, width }) => {
  const c = painter(color);
  // Control characters from the dataset become visible escapes before any colour is added.
  const safe = escapeDeep(report);
  const headline = wrap(impactHeadline(safe, c.bold(cut(safe.source.id))), width);
  if (safe.claims.length === 0) return `${headline}\n`;
  const rows = safe.claims.map((r) => [r.id, change(c, r), r.statement]);
  // Ids are never cut: when the ids, the support column and a readable statement do not fit side by side, each
  // claim becomes a record of its own.
  const fixed = [0, 1].map((i) => maxOf(rows.map((r) => maxOf(r[i]!.split('\n').map(visible), 0)), visible(HEAD[i]!)) + 2);
  const body = fixed[0]! + fixed[1]! + MIN_STATEMENT + 2 + HEAD.length + 1 <= width
    ? fitTable(HEAD, rows, { width, color, keep: [0, 1] })
    : records(HEAD, rows.map((r) => r.map(boundCell)), width, color);
  return `${headline}\n${body}\n`;
};

const json: ImpactFormatter = (report) => {
  const { lost, dropped } = split(report);
  return JSON.stringify({
    source: report.source.id,
    title: report.source.title,
    publisher: report.source.publisher,
    claims_total: report.claims_total,
    claims_using: report.claims_using,
    claims_lowered: report.claims.length,
    claims_losing_all_evidence: lost,
    claims_dropping_support: dropped,
    claims: report.claims,
  }, null, 2) + '\n';
};

const CSV_HEAD = [
  'source', 'id', 'file', 'subject', 'statement', 'status', 'support_before', 'grade_before', 'support_after', 'grade_after',
  'lost_all_evidence',
  ...ORIGIN_CLASSES.map((k) => `origins_${k}_before`),
  ...ORIGIN_CLASSES.map((k) => `origins_${k}_after`),
];

const csvFormat: ImpactFormatter = (report) =>
  csv(CSV_HEAD, report.claims.map((r) => [
    report.source.id, r.id, r.file, r.subject, r.statement, r.status, r.before.support, r.before.grade,
    r.after?.support ?? '', r.after?.grade ?? '', String(r.lost_all_evidence),
    ...ORIGIN_CLASSES.map((k) => String(r.before.origins[k])),
    ...ORIGIN_CLASSES.map((k) => (r.after ? String(r.after.origins[k]) : '0')),
  ]));

/** The `claims impact` output formats by name. */
export const impactFormatters: Record<ImpactFormat, ImpactFormatter> = { table, json, csv: csvFormat };
