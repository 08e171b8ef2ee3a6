/** `claims merge <from-id> <into-id>`: two sources, or two claims, become one; references to `from` name `into`. */
import { isDeepStrictEqual } from 'node:util';
import { UsageError } from '../cli/io.js';
import type { Evidence } from '../model/schema.js';
import { normaliseText } from '../load/snapshot.js';
import { appendEvidence } from './cite.js';
import { requireRecord } from './lookup.js';
import { rewriteReferences } from './refs.js';
import type { EditContext, EditOutcome } from './run.js';
import { editText } from './yaml.js';

/** Which side wins where the two disagree. */
export type Prefer = 'from' | 'into';

/** Lists merged as a union rather than compared: labels, not facts. */
const UNION_FIELDS = new Set(['tags', 'cites']);

const sameItem = (a: Evidence, b: Evidence): boolean =>
  a.source === b.source && (a.origin ?? a.source) === (b.origin ?? b.source) && isDeepStrictEqual(a.via ?? [], b.via ?? []) &&
  normaliseText(a.quote ?? '').toLowerCase() === normaliseText(b.quote ?? '').toLowerCase();

/** Builds the merge: `into` gains what `from` has and it lacks; `from` is deleted; every reference to it is rewritten. */
export function buildMerge(ctx: EditContext, from: string, into: string, prefer?: Prefer): EditOutcome {
  if (from === into) throw new UsageError('a claim or source cannot be merged into itself');
  const a = requireRecord(ctx.ds, from);
  const b = requireRecord(ctx.ds, into);
  if (a.kind !== b.kind) throw new UsageError(`"${from}" is a ${a.kind} and "${into}" a ${b.kind}: merge two claims or two sources`);
  const fromData = a.record.data as unknown as Record<string, unknown>;
  const intoData = b.record.data as unknown as Record<string, unknown>;
  const set: Record<string, unknown> = {};
  const disagree: string[] = [];
  for (const [key, value] of Object.entries(fromData)) {
    if (key === 'id' || key === 'type' || key === 'evidence' || value === undefined) continue;
    const mine = intoData[key];
    if (mine === undefined) set[key] = value;
    else if (UNION_FIELDS.has(key) && Array.isArray(mine) && Array.isArray(value)) {
      const union = [...mine, ...value.filter((v) => !mine.includes(v))];
      if (union.length > mine.length) set[key] = union;
    } else if (!isDeepStrictEqual(mine, value)) {
      if (prefer === 'from') set[key] = value;
      else if (prefer !== 'into') disagree.push(key);
    }
  }
  if (disagree.length > 0) {
    const clip = (v: unknown): string => { const t = JSON.stringify(v); return t.length > 60 ? `${t.slice(0, 58)}…${t.endsWith('"') ? '"' : ''}` : t; };
    const shown = disagree.map((k) => `${k} (${clip(fromData[k])} against ${clip(intoData[k])})`);
    throw new UsageError(`"${from}" and "${into}" disagree on ${shown.join(', ')}: pass --prefer from or --prefer into to say which side wins`);
  }
  const extra = a.kind === 'claim'
    ? (fromData.evidence as Evidence[]).filter((e) => !(intoData.evidence as Evidence[]).some((x) => sameItem(e, x)))
    : [];
  const intoShown = ctx.shown(b.abs);
  ctx.changes.write(b.abs, editText(ctx.changes.current(b.abs)!, intoShown, (doc) => {
    for (const [key, value] of Object.entries(set)) doc.set(key, doc.createNode(value));
    for (const e of extra) appendEvidence(doc, e);
  }));
  ctx.changes.remove(a.abs);
  const changed = rewriteReferences(ctx, from, into, a.abs);
  const summary = [`${ctx.shown(a.abs)} merged into ${intoShown} and deleted`];
  if (Object.keys(set).length > 0) summary.push(`${intoShown}: ${Object.keys(set).join(', ')} taken from ${from}`);
  if (extra.length > 0) summary.push(`${intoShown}: ${extra.length} evidence item${extra.length === 1 ? '' : 's'} added`);
  if (changed.length > 0) summary.push(`${changed.length} file${changed.length === 1 ? '' : 's'} now refer${changed.length === 1 ? 's' : ''} to ${into} instead of ${from}`);
  return { summary };
}
