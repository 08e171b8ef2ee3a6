/** Output formats of `claims diff`: text (a terminal), markdown (a pull-request comment or job summary), json. */
import type { ChalkInstance } from 'chalk';
import type {
  Attribution, DatasetDiff, DiagnosticEntry, Direction, DiffRevision, EvidenceEntry, OriginEntry, Reattribution, RecordChanges, StatusChange,
} from '../history/diff.js';
import { escapeDeep } from './escape.js';
import { wrap } from './layout.js';
import type { DiffFormat } from './names.js';
import { painter } from './table.js';
import type { Formatter, TerminalContext } from './types.js';
import { mdCell, plural } from './values.js';

/** A `claims diff` output format. */
export type DiffFormatter = Formatter<DatasetDiff, TerminalContext>;

/** At most this many entries of one section in text; the rest are counted. */
export const TEXT_ROWS = 200;
/** At most this many rows of one markdown table; the rest are counted ("and N more"). */
export const MD_ROWS = 20;
/** Sections longer than this fold into a `<details>` block. */
export const MD_FOLD = 8;
/** Markdown longer than this is cut at a section boundary: a GitHub comment holds 65,536 characters. */
export const MD_MAX_CHARS = 60_000;
/** A quote cut to this many characters. */
const CUT = 160;
/** A diagnostic message cut to this many characters: far beyond any message a rule writes (they stay under 500). */
export const MESSAGE_CUT = 1000;

type Mark = 'up' | 'down' | 'add' | 'remove' | 'other' | 'warn';

/** One line of a section: what changed for whom. */
interface Row {
  mark: Mark;
  subject: string;
  change: string;
  detail: string;
  /** The detail is a message of the tool's own: in markdown, its `backticked` spans render as code. */
  code?: boolean;
}

/** A titled list of rows: one row per entry of the diff, so the summary's counts are the rows listed. */
interface Section {
  title: string;
  rows: Row[];
}

const SYMBOL: Record<Mark, string> = { up: '▲', down: '▼', add: '+', remove: '−', other: '~', warn: '!' };
const fromDir = (d: Direction): Mark => (d === 'up' ? 'up' : d === 'down' ? 'down' : 'other');

const cut = (s: string, n = CUT): string => ([...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s);
const short = (sha: string | null): string => (sha === null ? '' : sha.slice(0, 10));

/** "HEAD (1a2b3c4d5e, 2026-03-01)" or "the working tree". */
export function revisionLabel(r: DiffRevision): string {
  if (r.commit === null) return 'the working tree';
  const date = r.date ? `, ${r.date.slice(0, 10)}` : '';
  return r.rev !== null && r.rev !== r.commit ? `${r.rev} (${short(r.commit)}${date})` : `${short(r.commit)}${date ? ` (${date.slice(2)})` : ''}`;
}

const origins = (list: readonly OriginEntry[]): string => list.map((o) => `${o.id} (${o.class})`).join(', ');

function quoteOf(e: EvidenceEntry): string {
  const chain = [e.origin !== e.source ? `${e.origin} → ` : '', e.via.length > 0 ? `${e.via.join(' → ')} → ` : '', e.source].join('');
  const q = e.quote === null ? '' : ` “${cut(e.quote.replace(/\s+/g, ' '))}”`;
  return `${chain}${e.unattributed ? ' (unattributed)' : ''}${q}`;
}

/** "anonymous-sources (anonymous)", with the relays and the `unattributed` flag when they are what changed. */
function attribution(a: Attribution, other: Attribution): string {
  const via = JSON.stringify(a.via) === JSON.stringify(other.via) ? '' : a.via.length > 0 ? ` via ${a.via.join(' → ')}` : ' direct';
  // The flag is named when it changed and the classes do not already say so.
  const flag = a.unattributed === other.unattributed || a.class === 'unattributed' || other.class === 'unattributed' ? '' : a.unattributed ? ', marked unattributed' : ', attributed';
  return `${a.origin}${via} (${a.class ?? 'unknown source'}${flag})`;
}

/** "anonymous-sources (anonymous) → techcrunch-profile (independent)". */
export function reattribution(r: Reattribution): string {
  return `${attribution(r.before, r.after)} → ${attribution(r.after, r.before)}`;
}

/** What the loud warning says of an evidence item re-attributed upward. */
export const REATTRIBUTED_UPWARD = 'origin re-attributed upward with the same quote: check the text says so';

/** Where the re-attributed item is read, and its quote. */
const readIn = (r: Reattribution): string => `in ${r.source}${r.quote === null ? '' : ` “${cut(r.quote.replace(/\s+/g, ' '))}”`}`;

/** The warning that leads the text and markdown when a status rose with no new origin behind it. */
export function upgradeWarning(s: StatusChange): string {
  return `${s.before} → ${s.after} with ${noNewOrigin(s)}`;
}

/** "no new independent or party origin; the evidence supports only rumored". */
function noNewOrigin(s: StatusChange): string {
  const needed = s.after === 'independent' ? 'independent or party origin' : 'origin of the company, a party or anyone independent';
  const backing = s.support_after === s.after || (s.after === 'company-reported' && s.support_after === 'independent')
    ? `the evidence already there supports ${s.support_after}`
    : `the evidence supports only ${s.support_after}`;
  return `no new ${needed}; ${backing}`;
}

function recordRows(r: RecordChanges, kind: 'claim' | 'source'): Row[] {
  const rows: Row[] = [];
  for (const e of r.added) {
    const about = kind === 'claim' ? `${e.status}, support ${e.support}, grade ${e.grade}: ${cut(e.statement ?? '', 120)}` : e.title ?? '';
    rows.push({ mark: 'add', subject: e.id, change: 'added', detail: `${about} — ${e.file}` });
  }
  for (const e of r.removed) {
    const about = kind === 'claim' ? `was ${e.status}, support ${e.support}, grade ${e.grade}` : e.title ?? '';
    rows.push({ mark: 'remove', subject: e.id, change: 'removed', detail: `${about} — ${e.file}` });
  }
  for (const e of r.renamed) rows.push({ mark: 'other', subject: e.to, change: `renamed from ${e.from}`, detail: `${e.file_before} → ${e.file_after}` });
  for (const e of r.merged) rows.push({ mark: 'other', subject: e.into, change: `${e.from} merged into it`, detail: `references to ${e.from} now name ${e.into}` });
  for (const e of r.moved) rows.push({ mark: 'other', subject: e.id, change: 'moved', detail: `${e.file_before} → ${e.file_after}` });
  for (const e of r.unreadable) rows.push({ mark: 'down', subject: e.id, change: 'no longer passes the schema', detail: `${e.file}: see the diagnostics` });
  return rows;
}

const diagnosticRow = (d: DiagnosticEntry, mark: Mark): Row => ({
  mark, subject: `${d.file}:${d.line}`, change: `${d.severity} ${d.rule}`, detail: cut(d.message.replace(/\s+/g, ' '), MESSAGE_CUT), code: true,
});

const pct = (share: number): string => `${Math.round(share * 100)}%`;

/** The diff as titled sections of rows, in the order both text and markdown print them; empty sections left out. */
function sections(d: DatasetDiff): Section[] {
  const out: Section[] = [
    { title: 'Claims', rows: recordRows(d.claims, 'claim') },
    { title: 'Sources', rows: recordRows(d.sources, 'source') },
    {
      title: 'Declared status',
      rows: d.status.map((s) => ({
        mark: s.without_new_origin ? 'warn' : fromDir(s.direction),
        subject: s.id,
        change: `${s.before} → ${s.after}`,
        detail: s.without_new_origin ? noNewOrigin(s) : s.new_origins.length > 0 ? `new origin${s.new_origins.length === 1 ? '' : 's'}: ${s.new_origins.join(', ')}` : '',
      })),
    },
    {
      title: 'Support and grade',
      rows: d.support.map((s) => {
        const parts = [
          s.origins_added.length > 0 ? `origins added: ${origins(s.origins_added)}` : '',
          s.origins_removed.length > 0 ? `origins removed: ${origins(s.origins_removed)}` : '',
          s.origins_reclassified.length > 0 ? `reclassified: ${s.origins_reclassified.map((o) => `${o.id} ${o.before} → ${o.after}`).join(', ')}` : '',
        ].filter((p) => p !== '');
        return {
          mark: fromDir(s.direction),
          subject: s.id,
          change: `${s.before.support} ${s.before.grade} → ${s.after.support} ${s.after.grade}`,
          detail: parts.length > 0 ? parts.join('; ') : 'same origins: a source\'s grade or a conflicting claim changed',
        };
      }),
    },
    {
      title: 'Values and dates',
      rows: d.values.map((v) => ({ mark: 'other', subject: v.id, change: v.field, detail: `${v.before ?? 'none'} → ${v.after ?? 'none'}` })),
    },
    {
      title: 'Evidence',
      rows: d.evidence.flatMap((e) => [
        ...e.reattributed.map((x): Row => ({
          mark: x.upward ? 'warn' : 'other', subject: e.id, change: 'evidence re-attributed',
          detail: `${reattribution(x)}${x.upward ? ` — ${REATTRIBUTED_UPWARD}` : ''}; ${readIn(x)}`,
        })),
        ...e.added.map((x): Row => ({ mark: 'add', subject: e.id, change: 'evidence added', detail: quoteOf(x) })),
        ...e.removed.map((x): Row => ({ mark: 'remove', subject: e.id, change: 'evidence removed', detail: quoteOf(x) })),
      ]),
    },
    {
      title: 'Forecasts resolved',
      rows: d.forecasts_resolved.map((f) => ({
        mark: 'other', subject: f.id, change: f.before === null ? `resolved: ${f.outcome}` : `outcome ${f.before} → ${f.outcome}`,
        detail: f.resolved_by === null ? '' : `resolved by ${f.resolved_by}`,
      })),
    },
    {
      title: 'Retracted and disputed',
      rows: d.corrections.map((c) => ({
        mark: 'down', subject: c.id, change: `${c.before} → ${c.after}`,
        detail: [c.reason ?? '', c.date === null ? '' : `(${c.date})`].filter((x) => x !== '').join(' '),
      })),
    },
    {
      title: 'Superseded',
      rows: d.superseded.map((s) => ({ mark: 'other', subject: s.id, change: `superseded by ${s.by}`, detail: s.before === null ? '' : `was superseded by ${s.before}` })),
    },
    {
      title: `Diagnostics (${d.diagnostics.appeared.length} appeared, ${d.diagnostics.disappeared.length} disappeared)`,
      rows: [...d.diagnostics.appeared.map((x) => diagnosticRow(x, 'add')), ...d.diagnostics.disappeared.map((x) => diagnosticRow(x, 'remove'))],
    },
    {
      title: `Source concentration (flagged at ${pct(d.concentration.threshold)} of claims)`,
      rows: d.concentration.crossed.map((c) => ({
        mark: c.direction === 'now-concentrated' ? 'down' : 'up',
        subject: c.origin,
        change: c.direction === 'now-concentrated' ? 'now concentrated' : 'no longer concentrated',
        detail: `${c.before.claims} claims (${pct(c.before.share)}) → ${c.after.claims} claims (${pct(c.after.share)})`,
      })),
    },
  ];
  return out.filter((s) => s.rows.length > 0);
}

/** "3 changes: 1 claim added, 2 status changes …" counts by section. */
function summary(d: DatasetDiff): string {
  if (d.changes === 0) return 'No changes in claims, sources, sourcing or diagnostics.';
  const parts = sections(d).map((s) => `${s.title.replace(/ \(.*$/, '').toLowerCase()} ${s.rows.length}`);
  const downs = d.downgrades.length > 0 ? `; ${plural(new Set(d.downgrades.map((x) => x.id)).size, 'claim')} downgraded` : '';
  return `${plural(d.changes, 'change')}: ${parts.join(' · ')}${downs}.`;
}

const title = (d: DatasetDiff): string => `claims diff: ${revisionLabel(d.base)} → ${revisionLabel(d.head)}`;

/** Text for a terminal: red for what got worse, green for what got better, yellow for the loud warning. */
export const text: DiffFormatter = (raw, { color, width }) => {
  const d = escapeDeep(raw);
  const c = painter(color);
  const w = Math.max(40, width);
  const paint = (m: Mark, s: string): string => (m === 'down' || m === 'remove' ? c.red(s) : m === 'up' || m === 'add' ? c.green(s) : m === 'warn' ? c.yellow(s) : s);
  const out: string[] = [c.bold(wrap(title(d), w)), wrap(summary(d), w)];
  if (d.upgrade_without_new_origin) {
    out.push('', c.yellow.bold(wrap(`!! ${plural(d.upgrades_without_new_origin.length, 'declared status was', 'declared statuses were')} raised with no new origin behind ${d.upgrades_without_new_origin.length === 1 ? 'it' : 'them'}:`, w)));
    for (const s of d.upgrades_without_new_origin.slice(0, TEXT_ROWS)) out.push(c.yellow(wrap(`${s.id}: ${upgradeWarning(s)}`, w, '   ', '     ')));
    if (d.upgrades_without_new_origin.length > TEXT_ROWS) out.push(c.yellow(`   and ${d.upgrades_without_new_origin.length - TEXT_ROWS} more`));
  }
  if (d.reattributed_upward) {
    const list = d.reattributions_upward;
    out.push('', c.yellow.bold(wrap(`!! ${plural(list.length, 'evidence item was', 'evidence items were')} re-attributed upward with the same quote: check the text says so:`, w)));
    for (const r of list.slice(0, TEXT_ROWS)) out.push(c.yellow(wrap(`${r.id}: ${reattribution(r)}; ${readIn(r)}`, w, '   ', '     ')));
    if (list.length > TEXT_ROWS) out.push(c.yellow(`   and ${list.length - TEXT_ROWS} more`));
  }
  for (const s of sections(d)) {
    out.push('', c.bold(wrap(`${s.title}`, w)));
    for (const r of s.rows.slice(0, TEXT_ROWS)) {
      const line = `${SYMBOL[r.mark]} ${r.subject}  ${r.change}${r.detail === '' ? '' : ` — ${r.detail}`}`;
      out.push(wrap(line, w, '  ', '      ').split('\n').map((l) => paint(r.mark, l)).join('\n'));
    }
    if (s.rows.length > TEXT_ROWS) out.push(`  and ${s.rows.length - TEXT_ROWS} more (--format json lists all)`);
  }
  return `${out.join('\n')}\n`;
};

/** Free text for GitHub markdown: HTML, `$` (math), `~`, `*`, `_` and backticks as entities, so data renders as written. */
const md = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\$/g, '&#36;').replace(/~/g, '&#126;')
    .replace(/\*/g, '&#42;').replace(/_/g, '&#95;').replace(/`/g, '&#96;').replace(/\[/g, '&#91;');
const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;

/**
 * A message of the tool's own for a table cell: each `backticked` span a code span, the rest escaped as `md` does. A span
 * stays code only when that is safe in a GFM table: not empty, no backslash (a code span shows it as typed, and before
 * a pipe it would end the cell), no line break; its pipes escaped as `\|`, which GFM reads inside code spans too.
 * Anything else, an unpaired backtick included, is escaped text.
 */
export function mdMessageCell(s: string): string {
  const tick = mdCell(md('`'));
  const parts = s.split('`');
  return parts.map((part, i) => {
    const text = mdCell(md(part));
    if (i % 2 === 0) return text;
    if (i === parts.length - 1) return `${tick}${text}`;
    return part.trim() !== '' && !/[\\\r\n]/.test(part) ? `\`${part.replace(/\|/g, '\\|')}\`` : `${tick}${text}${tick}`;
  }).join('');
}

const MD_MARK: Record<Mark, string> = { up: '▲', down: '▼', add: '+', remove: '−', other: '', warn: '⚠️' };

function mdSection(s: Section): string {
  const head = `| | ${s.title.startsWith('Diagnostics') ? 'where' : s.title === 'Sources' || s.title.startsWith('Source concentration') ? 'source' : 'claim'} | change | details |`;
  const rows = s.rows.slice(0, MD_ROWS).map((r) => `| ${MD_MARK[r.mark]} | ${mdCell(code(r.subject))} | ${mdCell(md(r.change))} | ${r.code === true ? mdMessageCell(r.detail) : mdCell(md(r.detail))} |`);
  const more = s.rows.length > MD_ROWS ? [`and ${s.rows.length - MD_ROWS} more (\`claims diff --format json\` lists all)`, ''] : [];
  const table = [head, '|---|---|---|---|', ...rows, '', ...more];
  if (s.rows.length > MD_FOLD) return [`<details><summary>${md(s.title)}: ${s.rows.length}</summary>`, '', ...table, '</details>', ''].join('\n');
  return [`### ${md(s.title)}`, '', ...table].join('\n');
}

/** Markdown for a pull-request comment or `$GITHUB_STEP_SUMMARY`: the warning first, a table per section, long ones folded. */
export const markdown: DiffFormatter = (raw) => {
  const d = escapeDeep(raw);
  const out: string[] = [`## ${md(title(d))}`, ''];
  if (d.upgrade_without_new_origin) {
    const n = d.upgrades_without_new_origin.length;
    out.push('> [!WARNING]', `> **${plural(n, 'declared status was', 'declared statuses were')} raised with no new origin behind ${n === 1 ? 'it' : 'them'}:**`);
    for (const s of d.upgrades_without_new_origin.slice(0, MD_ROWS)) out.push(`> - ${code(s.id)}: ${md(upgradeWarning(s))}`);
    if (n > MD_ROWS) out.push(`> - and ${n - MD_ROWS} more`);
    out.push('');
  }
  if (d.reattributed_upward) {
    const list = d.reattributions_upward;
    out.push('> [!WARNING]', `> **${plural(list.length, 'evidence item was', 'evidence items were')} re-attributed upward with the same quote: check the text says so:**`);
    for (const r of list.slice(0, MD_ROWS)) out.push(`> - ${code(r.id)}: ${md(`${reattribution(r)}; ${readIn(r)}`)}`);
    if (list.length > MD_ROWS) out.push(`> - and ${list.length - MD_ROWS} more`);
    out.push('');
  }
  out.push(md(summary(d)), '');
  let body = out.join('\n');
  const rest = sections(d).map(mdSection);
  for (let i = 0; i < rest.length; i++) {
    if (body.length + rest[i]!.length > MD_MAX_CHARS) {
      body += `\n_${rest.length - i} more section${rest.length - i === 1 ? '' : 's'} left out to keep this comment under GitHub's size limit: \`claims diff --format json\` lists all._\n`;
      break;
    }
    body += `\n${rest[i]}`;
  }
  return body.replace(/\n+$/, '\n');
};

/** The diff as JSON: the `DatasetDiff` shape, documented in the README. */
export const json: DiffFormatter = (d) => `${JSON.stringify(d, null, 2)}\n`;

/** Every `claims diff` format, by name. */
export const diffFormatters: Record<DiffFormat, DiffFormatter> = { text, markdown, json };

/** For a terminal: the colour helper used by tests. */
export type { ChalkInstance };
