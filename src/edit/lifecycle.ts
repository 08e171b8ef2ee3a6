/**
 * A claim's life after it is logged: a forecast resolved, a claim retracted or disputed (with the reason and date),
 * superseded by a newer one, or any other field set — each one checked command instead of hand-edited YAML.
 */
import { isScalar, isSeq, parse as parseYaml } from 'yaml';
import { UsageError } from '../cli/io.js';
import { ClaimSchema, OUTCOMES, SourceSchema } from '../model/schema.js';
import { didYouMean } from '../util/suggest.js';
import { requireClaim, requireRecord } from './lookup.js';
import type { EditContext, EditOutcome } from './run.js';
import { editText } from './yaml.js';

/** Sets fields of one claim or source file (undefined removes a field), keeping everything else. */
function setFields(ctx: EditContext, abs: string, fields: Record<string, unknown>): void {
  const shown = ctx.shown(abs);
  ctx.changes.write(abs, editText(ctx.changes.current(abs)!, shown, (doc) => {
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) doc.delete(key);
      else {
        const node = doc.createNode(value);
        // Lists of names or tags on one line, `parties: [Orange]`, as `claims new` writes them.
        if (isSeq(node) && node.items.every((i) => isScalar(i))) node.flow = true;
        doc.set(key, node);
      }
    }
  }));
}

/** `claims resolve <forecast-id> --outcome met|missed|withdrawn --by <claim-id>`. */
export function buildResolve(ctx: EditContext, id: string, outcome: string | undefined, by: string | undefined): EditOutcome {
  const claim = requireClaim(ctx.ds, id);
  if (claim.data.assertion !== 'forecast') throw new UsageError(`"${id}" is not a forecast (assertion: ${claim.data.assertion ?? 'fact'}): only forecasts are resolved`);
  if (outcome === undefined || !(OUTCOMES as readonly string[]).includes(outcome)) {
    throw new UsageError(`--outcome must be one of ${OUTCOMES.join(', ')}${outcome ? `, not "${outcome}".${didYouMean(outcome, OUTCOMES)}` : ''}`);
  }
  if (by === undefined) throw new UsageError('--by <claim-id> is required: the claim that shows the outcome');
  if (by === id) throw new UsageError('a forecast cannot be resolved by itself: --by names the claim that reports the outcome');
  requireClaim(ctx.ds, by);
  setFields(ctx, claim.abs, { outcome, resolved_by: by });
  return { summary: [`${ctx.shown(claim.abs)}: outcome ${outcome}, resolved by ${by}`] };
}

/** `claims retract <id> --reason "…"` and `claims dispute <id> --reason "…"`: the status, with why and when. */
export function buildStatusChange(ctx: EditContext, id: string, status: 'retracted' | 'disputed', reason: string | undefined): EditOutcome {
  const claim = requireClaim(ctx.ds, id);
  if (reason === undefined || reason.trim() === '') throw new UsageError(`--reason "…" is required: say why the claim is ${status}, as a correction would`);
  if (claim.data.status === status && claim.data.status_reason === reason) return { summary: [`${ctx.shown(claim.abs)} is already ${status} for this reason`] };
  setFields(ctx, claim.abs, { status, status_reason: reason.trim(), status_date: ctx.settings.today });
  const summary = [`${ctx.shown(claim.abs)}: status ${claim.data.status} → ${status} on ${ctx.settings.today} (${reason.trim()})`];
  // One reason is kept: say which one this replaces, so an earlier note is never lost without a word.
  if (claim.data.status_reason !== undefined) summary.push(`it replaces the earlier reason (${claim.data.status_date ?? 'undated'}): ${claim.data.status_reason}`);
  return { summary };
}

/** `claims supersede <old-id> --by <new-id>`: the newer claim records which one it replaces. */
export function buildSupersede(ctx: EditContext, oldId: string, by: string | undefined): EditOutcome {
  if (by === undefined) throw new UsageError('--by <new-id> is required: the claim that replaces this one');
  if (by === oldId) throw new UsageError('a claim cannot supersede itself');
  requireClaim(ctx.ds, oldId);
  const newer = requireClaim(ctx.ds, by);
  const current = newer.data.supersedes;
  if (current === oldId) return { summary: [`${by} already supersedes ${oldId}`] };
  if (current !== undefined) throw new UsageError(`"${by}" already supersedes "${current}": a claim replaces one other claim; supersede "${current}" from "${oldId}" instead, or change it with \`claims set ${by} supersedes=${oldId}\``);
  setFields(ctx, newer.abs, { supersedes: oldId });
  return { summary: [`${ctx.shown(newer.abs)}: supersedes ${oldId}`] };
}

/** Fields holding partial ISO dates. */
const DATE_FIELDS = new Set(['as_of', 'due', 'published', 'retrieved', 'status_date']);

/** Fields `claims set` leaves to other commands, with the command to use. */
const NOT_SET: Record<string, string> = {
  id: 'claims rename',
  type: 'a new file (`claims new`)',
  evidence: 'claims cite',
};

/** Parses one `key=value` argument: the value is read as YAML (`count=2`, `tags=[a, b]`, `due=2026-07`), empty removes the field. */
export function parseAssignment(arg: string, kind: 'claim' | 'source'): [string, unknown] {
  const eq = arg.indexOf('=');
  if (eq <= 0) throw new UsageError(`"${arg}" is not key=value (for example position="people familiar with the round")`);
  const key = arg.slice(0, eq).trim();
  const raw = arg.slice(eq + 1);
  const keys = Object.keys((kind === 'claim' ? ClaimSchema : SourceSchema).shape);
  if (NOT_SET[key]) throw new UsageError(`\`${key}\` is not set with claims set: use ${NOT_SET[key]}`);
  if (!keys.includes(key)) throw new UsageError(`a ${kind} has no field "${key}".${didYouMean(key, keys)}`);
  if (key === 'status' && (raw.trim() === 'retracted' || raw.trim() === 'disputed')) {
    throw new UsageError(`a claim is ${raw.trim()} with \`claims ${raw.trim() === 'retracted' ? 'retract' : 'dispute'} <id> --reason "…"\`, which records why and when`);
  }
  if (raw.trim() === '') return [key, undefined];
  // Dates stay text (`as_of: "2024"`), as every writing command writes them, even when YAML would read a number.
  if (DATE_FIELDS.has(key)) return [key, raw.trim()];
  let value: unknown;
  try {
    value = parseYaml(raw, { maxAliasCount: 0 });
  } catch {
    value = raw;
  }
  // A value YAML reads as a date-like number or as something other than text keeps the text the user typed for text fields.
  if (value === null || typeof value === 'object' && !Array.isArray(value)) value = raw;
  return [key, value];
}

/** `claims set <id> key=value …`: any other field, checked through the schema before anything is written. */
export function buildSet(ctx: EditContext, id: string, assignments: string[]): EditOutcome {
  if (assignments.length === 0) throw new UsageError('nothing to set: give one or more key=value');
  const { kind, abs } = requireRecord(ctx.ds, id);
  const fields: Record<string, unknown> = {};
  for (const a of assignments) {
    const [key, value] = parseAssignment(a, kind);
    if (key in fields) throw new UsageError(`\`${key}\` is given twice`);
    fields[key] = value;
  }
  setFields(ctx, abs, fields);
  const said = Object.entries(fields).map(([k, v]) => (v === undefined ? `${k} removed` : `${k} = ${JSON.stringify(v)}`));
  return { summary: [`${ctx.shown(abs)}: ${said.join('; ')}`] };
}
