/** Output formats of `claims show`: text, json, markdown. */
import type { ChainLink } from '../query/explain.js';
import { valueList } from '../query/view.js';
import { escapeDeep } from './escape.js';
import { paintStatus, painter } from './table.js';
import { fitWrap, visible } from './layout.js';
import type { ShowFormat } from './names.js';
import type { ShowFormatter } from './types.js';
import type { ShowData } from '../query/relays.js';
import { mdCell, valueWords } from './values.js';
import { knownLine } from '../history/known.js';

/** Text as one paragraph wrapped to `width`, every line indented (the first by `indent`); URLs and ids in it stay whole so they can be copied. */
function paragraph(text: string, width: number, indent: string, hanging = indent): string {
  return fitWrap(text.replace(/\s+/g, ' '), width, indent, hanging);
}

/** Where the values of the labelled rows (Status, Support, Grade…) start. */
const VALUE_COLUMN = 11;

/** A line of columns as it is when it fits `width`; else its words wrapped, continuation lines indented by `hanging`. */
function fitRow(line: string, width: number, indent: string, hanging: string): string {
  return visible(line) <= width ? line : paragraph(line, width, indent, hanging);
}

/** The tree of an evidence chain indents 3 columns a link, at most this many links deep at `width` (a narrow terminal keeps room for the text). */
const treeDepth = (width: number): number => Math.max(1, Math.floor((width - 30) / 3));

function describeLink(l: ChainLink): string {
  const facts = [l.publisher, l.kind, l.published, l.reliability !== 'F' ? `reliability ${l.reliability}` : null].filter((x): x is string => x !== null).join(', ');
  return `${l.id}${l.title ? ` — ${l.title}` : ''}${facts ? ` (${facts})` : ''}`;
}

/** At most this many related claims of each kind (conflicts; the timeline around the claim) are listed. */
const RELATED_SHOWN = 10;

/** Up to `RELATED_SHOWN` items, and how many were left out. */
function firstFew<T>(items: readonly T[]): { shown: readonly T[]; more: number } {
  return { shown: items.slice(0, RELATED_SHOWN), more: Math.max(0, items.length - RELATED_SHOWN) };
}

/** The timeline around index `at`: up to `RELATED_SHOWN` entries each side, with how many were left out before and after. */
function around<T>(items: readonly T[], at: number): { shown: readonly T[]; before: number; after: number } {
  const start = Math.max(0, at - RELATED_SHOWN);
  const end = Math.min(items.length, at + RELATED_SHOWN + 1);
  return { shown: items.slice(start, end), before: start, after: items.length - end };
}

/** The most links of one evidence chain shown in full; a longer chain shows its first and last links around a count. */
const MAX_CHAIN_SHOWN = 9;

/** A chain as it is shown: every link, or, past MAX_CHAIN_SHOWN, its first five and last three links and how many lie between (the tree indents once a link, so an unbounded chain would print its square). */
export function shownChain(chain: readonly ChainLink[]): Array<ChainLink | number> {
  if (chain.length <= MAX_CHAIN_SHOWN) return [...chain];
  return [...chain.slice(0, 5), chain.length - 8, ...chain.slice(-3)];
}

const ROLE: Record<ChainLink['role'], string> = { origin: 'origin', via: 'via', source: 'read in' };

/** At most this many possible relays are named on the relay line of `show`. */
const RELAYS_SHOWN = 3;

/** "2 independent origins, but they may be one: a and b (why)", or undefined when no independent origins may be one. */
function relayLine(e: ShowData): string | undefined {
  const relays = e.possible_relays ?? [];
  if (relays.length === 0) return undefined;
  const n = e.claim.origins.independent;
  const named = relays.slice(0, RELAYS_SHOWN).map((r) => `${r.origins[0]} and ${r.origins[1]}: ${r.why}`).join('; ');
  const more = relays.length > RELAYS_SHOWN ? `; and ${(relays.length - RELAYS_SHOWN).toLocaleString('en-US')} more` : '';
  return `${n.toLocaleString('en-US')} independent origins, but ${n === 2 ? 'they' : 'some'} may be one: ${named}${more}`;
}

const text: ShowFormatter = (raw, { color, width }) => {
  const c = painter(color);
  // Control characters from the dataset become visible escapes before any colour is added.
  const e = escapeDeep(raw);
  const v = e.claim;
  const out: string[] = [];
  out.push(fitRow(`${c.bold(v.id)}  ${c.dim(`${v.subject} · ${v.category} · ${v.assertion}`)}`, width, '', '  '));
  out.push(paragraph(v.statement, width, ''));
  out.push('');
  const values = valueList(v);
  const rows: Array<[string, string]> = [];
  if (values.length > 0) rows.push(['Value', values.map(valueWords).join(' = ')]);
  if (v.parties.length > 0) rows.push(['Parties', v.parties.join(', ')]);
  if (v.as_of) rows.push(['As of', v.as_of]);
  if (v.due) rows.push(['Due', `${v.due}${v.overdue ? c.red(' (overdue: no outcome yet)') : ''}`]);
  if (v.outcome) rows.push(['Outcome', v.outcome]);
  rows.push(['Status', `${paintStatus(c, v.status)} ${c.dim('(declared)')}${v.status_reason ? ` ${v.status_date ? `on ${v.status_date}` : ''}: ${v.status_reason}` : ''}`]);
  rows.push(['Support', `${paintStatus(c, v.support)} ${c.dim(`(derived: ${v.origins.independent} independent, ${v.origins.party} party, ${v.origins.self} self, ${v.origins.anonymous} anonymous${v.origins.unattributed > 0 ? `, ${v.origins.unattributed} unattributed` : ''})`)}`]);
  const relays = relayLine(e);
  if (relays) rows.push(['', c.yellow(relays)]);
  rows.push(['Grade', `${c.bold(e.grade.grade)} ${c.dim(`(reliability ${e.grade.reliability}${e.grade.best_origin ? ` of ${e.grade.best_origin}` : ''}; credibility ${e.grade.credibility}: ${e.grade.reason})`)}`]);
  // Each value wraps under the value column, so the labels stay a column of their own.
  const under = ' '.repeat(VALUE_COLUMN);
  for (const [k, val] of rows) {
    const body = paragraph(val, width, under);
    // A first word too wide for the value column starts on the line below the label.
    out.push(body.startsWith(under) ? `  ${c.bold(k.padEnd(8))} ${body.slice(VALUE_COLUMN)}` : `  ${c.bold(k)}${body === '' ? '' : `\n${body}`}`);
  }
  out.push(paragraph(`Verdict: ${e.verdict}`, width, '  '));
  if (e.known) out.push(c.cyan(paragraph(`Known: ${knownLine(e.known, { status: v.status, support: v.support, grade: e.grade.grade })}.`, width, '  ')));
  out.push('');
  out.push(c.bold('Provenance'));
  for (const ev of e.evidence) {
    const shown = shownChain(ev.chain);
    shown.forEach((l, i) => {
      const lead = i === 0 ? `  ${ev.n}. ` : `  ${'   '.repeat(Math.min(i, treeDepth(width)))}└─ `;
      // A link's text wraps under its own start, so the tree stays readable.
      const hanging = ' '.repeat(visible(lead));
      if (typeof l === 'number') {
        out.push(paragraph(c.dim(`… ${l} more relays …`), width, lead, hanging));
        return;
      }
      const cls = l.class ? ` ${c.dim(`[${l.class}]`)}` : '';
      out.push(paragraph(`${c.dim(ROLE[l.role])} ${describeLink(l)}${cls}`, width, lead, hanging));
    });
    const pad = '     ' + '   '.repeat(Math.min(Math.max(0, shown.length - 1), treeDepth(width)));
    if (ev.quote) out.push(paragraph(`“${ev.quote}”${ev.locator ? ` (${ev.locator})` : ''}`, width, pad));
    else out.push(`${pad}${c.yellow('no quote')}`);
  }
  out.push('');
  out.push(c.bold('Related'));
  const related = ' '.repeat(17);
  if (e.supersedes) out.push(fitRow(`  supersedes     ${e.supersedes.id}: ${e.supersedes.statement}`, width, '  ', related));
  if (e.superseded_by) out.push(fitRow(`  superseded by  ${e.superseded_by.id}: ${e.superseded_by.statement}`, width, '  ', related));
  const conflicts = firstFew(e.conflicts);
  for (const x of conflicts.shown) out.push(fitRow(`  ${c.yellow('conflicts')}      ${x.claim.id}: ${x.other_value} vs ${x.value} here`, width, '  ', related));
  if (conflicts.more > 0) out.push(paragraph(c.dim(`… and ${conflicts.more.toLocaleString('en-US')} more conflicting claims`), width, '  ', '    '));
  if (e.timeline.length > 1) {
    out.push(paragraph(`${v.subject} · ${v.category} over time:`, width, '  ', '    '));
    const timeline = around(e.timeline, e.timeline.findIndex((t) => t.id === v.id));
    if (timeline.before > 0) out.push(paragraph(c.dim(`… ${timeline.before.toLocaleString('en-US')} earlier`), width, '    '));
    const entries = timeline.shown.map((t) => ({
      date: t.as_of ?? '—',
      id: t.id,
      val: valueList(t).map((x) => x.text).join(' = '),
      rest: `${paintStatus(c, t.status)}${t.assertion === 'forecast' ? c.dim(' (forecast)') : ''}${t.id === v.id ? c.bold(' ← this claim') : ''}`,
    }));
    const idW = Math.max(...entries.map((t) => visible(t.id)));
    const valW = Math.max(16, ...entries.map((t) => visible(t.val)));
    const lines = entries.map((t) => `    ${t.date.padEnd(10)} ${t.id.padEnd(idW)} ${t.val.padEnd(valW)} ${t.rest}`);
    // Columns when every entry fits; else each entry takes two lines: its date and id, then its value and status.
    if (lines.every((l) => visible(l) <= width)) out.push(...lines);
    else for (const t of entries) out.push(paragraph(`${t.date} ${t.id}`, width, '    ', '      '), paragraph(`${t.val} ${t.rest}`, width, '      '));
    if (timeline.after > 0) out.push(paragraph(c.dim(`… ${timeline.after.toLocaleString('en-US')} later`), width, '    '));
  }
  if (!e.supersedes && !e.superseded_by && e.conflicts.length === 0 && e.timeline.length <= 1) out.push('  none');
  return out.join('\n') + '\n';
};

const json: ShowFormatter = (e) => JSON.stringify(e, null, 2) + '\n';

const markdown: ShowFormatter = (raw) => {
  const e = escapeDeep(raw);
  const v = e.claim;
  const values = valueList(v);
  const out: string[] = [`## \`${v.id}\``, '', `${v.statement}`, ''];
  out.push('| field | value |', '| --- | --- |');
  const rows: Array<[string, string]> = [['Subject', v.subject], ['Category', v.category], ['Assertion', v.assertion]];
  if (values.length > 0) rows.push(['Value', values.map(valueWords).join(' = ')]);
  if (v.as_of) rows.push(['As of', v.as_of]);
  if (v.due) rows.push(['Due', `${v.due}${v.overdue ? ' (overdue)' : ''}`]);
  rows.push(['Status (declared)', `${v.status}${v.status_reason ? ` (${v.status_date ? `${v.status_date}: ` : ''}${v.status_reason})` : ''}`], ['Support (derived)', v.support]);
  const relays = relayLine(e);
  if (relays) rows.push(['Possible relays', relays]);
  rows.push(['Grade', `${e.grade.grade} (credibility ${e.grade.credibility}: ${e.grade.reason})`]);
  if (e.known) rows.push(['Known', knownLine(e.known, { status: v.status, support: v.support, grade: e.grade.grade })]);
  for (const [k, val] of rows) out.push(`| ${k} | ${mdCell(val)} |`);
  out.push('', `**Verdict:** ${e.verdict}`, '', '### Provenance', '');
  for (const ev of e.evidence) {
    out.push(`${ev.n}. ${shownChain(ev.chain).map((l) => typeof l === 'number' ? `… ${l} more relays …` : `${ROLE[l.role]} \`${l.id}\`${l.publisher ? ` (${l.publisher}${l.kind ? `, ${l.kind}` : ''}${l.published ? `, ${l.published}` : ''})` : ''}${l.class ? ` [${l.class}]` : ''}`).join(' → ')}`);
    if (ev.quote) out.push(`   > ${ev.quote}${ev.locator ? ` (${ev.locator})` : ''}`);
  }
  const related: string[] = [];
  if (e.supersedes) related.push(`- supersedes \`${e.supersedes.id}\``);
  if (e.superseded_by) related.push(`- superseded by \`${e.superseded_by.id}\``);
  const conflicts = firstFew(e.conflicts);
  for (const x of conflicts.shown) related.push(`- conflicts with \`${x.claim.id}\` (${x.other_value} vs ${x.value})`);
  if (conflicts.more > 0) related.push(`- … and ${conflicts.more.toLocaleString('en-US')} more conflicting claims`);
  const timeline = around(e.timeline, e.timeline.findIndex((t) => t.id === v.id));
  if (timeline.before > 0) related.push(`- … ${timeline.before.toLocaleString('en-US')} earlier`);
  for (const t of timeline.shown) if (t.id !== v.id) related.push(`- ${t.as_of ?? '—'}: \`${t.id}\` ${valueList(t).map((x) => x.text).join(' = ')} (${t.status})`);
  if (timeline.after > 0) related.push(`- … ${timeline.after.toLocaleString('en-US')} later`);
  if (related.length > 0) out.push('', '### Related', '', related.join('\n'));
  return out.join('\n') + '\n';
};

/** The `claims show` output formats by name. */
export const showFormatters: Record<ShowFormat, ShowFormatter> = { text, json, markdown };
