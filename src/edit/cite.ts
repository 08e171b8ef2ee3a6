/** `claims cite`: one more evidence item on a claim already logged — "this new article repeats figure X, from origin Y". */
import { isMap, isSeq, type Document } from 'yaml';
import { UsageError } from '../cli/io.js';
import { EVIDENCE_KEYS } from '../authoring/fmt.js';
import { normaliseText } from '../load/snapshot.js';
import type { Evidence } from '../model/schema.js';
import { statusRank, SUPPORT_RANK } from '../provenance/index.js';
import { datasetAfter } from './check.js';
import { requireClaim, requireSource, supportChange, viewOf } from './lookup.js';
import type { EditContext, EditOutcome } from './run.js';
import { editText } from './yaml.js';

/** One evidence item as flags give it. */
export interface EvidenceInput {
  source: string;
  quote?: string;
  via?: string[];
  origin?: string;
  locator?: string | number;
  /** The text states the figure without saying where it comes from. */
  unattributed?: boolean;
}

/** The item as it is written: fields in canonical order, a numeric locator as a number. */
export function evidenceRecord(item: EvidenceInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of EVIDENCE_KEYS) {
    const v = (item as unknown as Record<string, unknown>)[key];
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[key] = key === 'locator' && typeof v === 'string' && /^[1-9]\d{0,8}$/.test(v) ? Number(v) : v;
  }
  return out;
}

const sameQuote = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && normaliseText(a).toLowerCase() === normaliseText(b).toLowerCase();

/** An unattributed statement names no origin: `--unattributed` with `--origin` or `--via` is a usage error. */
export function checkUnattributed(item: EvidenceInput, where = ''): void {
  if (item.unattributed !== true) return;
  const both = [item.origin !== undefined ? '--origin' : undefined, item.via?.length ? '--via' : undefined].filter((x) => x !== undefined);
  if (both.length > 0) {
    throw new UsageError(`--unattributed cannot go with ${both.join(' or ')}${where}: an unattributed statement names no origin; drop ${both.join(' and ')}, or drop --unattributed if the text says who it comes from`);
  }
}

/** Checks that every id an item names is a source; a usage error names the nearest ids. */
export function checkEvidenceIds(ctx: EditContext, item: EvidenceInput): void {
  checkUnattributed(item);
  requireSource(ctx.ds, item.source, 'source');
  if (item.origin !== undefined) requireSource(ctx.ds, item.origin, 'origin');
  for (const v of item.via ?? []) requireSource(ctx.ds, v, 'via');
}

/** Appends `item` to the evidence list of a claim document. */
export function appendEvidence(doc: Document, item: EvidenceInput): void {
  const evidence = doc.get('evidence', true);
  const node = doc.createNode(evidenceRecord(item));
  // Relays are written on one line, `via: [a, b]`, as everywhere in the dataset.
  const via = node.get('via', true);
  if (isSeq(via)) via.flow = true;
  if (isSeq(evidence)) evidence.items.push(node);
  else doc.set('evidence', doc.createNode([evidenceRecord(item)]));
}

/** Builds the change: the claim file with one more evidence item. */
export function buildCite(ctx: EditContext, claimId: string, item: EvidenceInput): EditOutcome {
  const claim = requireClaim(ctx.ds, claimId);
  checkEvidenceIds(ctx, item);
  const repeat = claim.data.evidence.findIndex((e: Evidence) =>
    e.source === item.source && (sameQuote(e.quote, item.quote) || (item.quote === undefined && e.quote === undefined && (e.origin ?? e.source) === (item.origin ?? item.source))));
  if (repeat >= 0) throw new UsageError(`${claim.file}: evidence[${repeat}] already cites ${item.source}${item.quote ? ' with this quote' : ''}: nothing to add`);
  const shown = ctx.shown(claim.abs);
  const text = ctx.changes.current(claim.abs)!;
  ctx.changes.write(claim.abs, editText(text, shown, (doc) => {
    if (!isMap(doc.contents)) throw new UsageError(`${shown} is not a claim file`);
    appendEvidence(doc, item);
  }));
  const { aliases } = ctx.settings.config;
  const before = viewOf(ctx.ds, claimId, aliases, ctx.settings.today);
  const after = viewOf(datasetAfter(ctx.ds, ctx.changes.list(), ctx.cwd), claimId, aliases, ctx.settings.today);
  const index = claim.data.evidence.length;
  const summary = [`${shown}: evidence[${index}] added (${item.source}${item.origin ? `, origin ${item.origin}` : ''}${item.unattributed ? ', unattributed' : ''})`, supportChange(before, after)];
  // The evidence may now support more than the claim declares: say so now, not at the next validate.
  const declared = statusRank(claim.data.status);
  if (after && declared !== undefined && SUPPORT_RANK[after.support] > declared) {
    summary.push(`the declared status ${claim.data.status} is now weaker than the evidence (${after.support}): \`claims set ${claimId} status=${after.support}\` if the desk agrees`);
  }
  return { summary: summary.filter((l) => l !== '') };
}
