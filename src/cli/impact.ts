/** `claims impact <source-id>`: the claims that would be lowered if one source, and every chain through it, were discarded. */
import { impactFormatters } from '../format/impact.js';
import type { ImpactFormat } from '../format/names.js';
import type { SourceImpactReport } from '../format/types.js';
import { claimsBySource, sourceImpact } from '../query/impact.js';
import { publisherKey as fold } from '../query/filter.js';
import type { QueryContext } from '../query/view.js';
import { compareText } from '../util/compare.js';
import { nearest } from '../util/suggest.js';
import { type Io, UsageError, wantsColor } from './io.js';
import { loadQuery, terminalWidth } from './query-options.js';
import type { RunSettings } from './settings.js';

export interface ImpactOptions {
  format: ImpactFormat;
}

/** What a usage message repeats of the id the user typed: enough to recognise it, never a screenful. */
const MAX_ECHO = 80;
/** The source ids a publisher message names before counting the rest. */
const MAX_LISTED = 5;

const echo = (s: string): string => ([...s].length > MAX_ECHO ? `${[...s].slice(0, MAX_ECHO - 1).join('')}…` : s);
const quoted = (ids: readonly string[]): string => ids.map((n) => `"${n}"`).join(', ');

/** "a, b, c and 4 more". */
function someIds(ids: readonly string[]): string {
  const shown = ids.slice(0, MAX_LISTED).join(', ');
  return ids.length > MAX_LISTED ? `${shown} and ${ids.length - MAX_LISTED} more` : shown;
}

/** The source ids of each publisher, by folded publisher name. */
function sourcesByPublisher(ctx: QueryContext): Map<string, { name: string; ids: string[] }> {
  const out = new Map<string, { name: string; ids: string[] }>();
  for (const { data } of ctx.index.sources.values()) {
    const key = fold(data.publisher);
    const entry = out.get(key) ?? { name: data.publisher, ids: [] };
    entry.ids.push(data.id);
    out.set(key, entry);
  }
  for (const e of out.values()) e.ids.sort(compareText);
  return out;
}

/**
 * The usage error for a value that names no source: a claim id or a publisher name is said to be one (with what to
 * give instead), a source whose file does not load is sent to `claims validate`, and anything else gets the nearest
 * source ids.
 */
function noSuchSource(ctx: QueryContext, id: string): UsageError {
  const shown = echo(id);
  if (ctx.index.claims.has(id)) return new UsageError(`"${shown}" is a claim, not a source: see \`claims show ${shown}\`, or give a source id (\`claims sources\` lists them)`);
  const broken = ctx.dataset.ids.get(id)?.find((f) => f.type === 'source' && !f.valid);
  if (broken) return new UsageError(`${broken.file} does not pass the schema: run \`claims validate\` and fix it first`);
  const publishers = sourcesByPublisher(ctx);
  const publisher = publishers.get(fold(id));
  if (publisher) {
    return new UsageError(`"${shown}" is a publisher, not a source id: give one of its sources (${someIds(publisher.ids)}), one at a time`);
  }
  const near = nearest(id, ctx.index.sources.keys(), 3);
  if (near.length > 0) return new UsageError(`no source "${shown}"; did you mean ${quoted(near)}?`);
  const [pub] = nearest(fold(id), publishers.keys(), 1);
  if (pub !== undefined) {
    const p = publishers.get(pub)!;
    return new UsageError(`no source "${shown}"; did you mean the publisher "${p.name}"? Its sources: ${someIds(p.ids)}`);
  }
  return new UsageError(`no source "${shown}": \`claims sources\` lists the source ids`);
}

/** What `claims impact` reports for `id`, or a usage error when the dataset has no such source. */
export function impactReport(ctx: QueryContext, id: string): SourceImpactReport {
  const bySource = claimsBySource(ctx);
  const record = ctx.index.sources.get(id);
  // An id that evidence names without a source file of its own (a dangling reference `validate` reports) can still be asked about.
  if (!record && !bySource.has(id)) throw noSuchSource(ctx, id);
  return {
    source: { id, title: record?.data.title ?? null, publisher: record?.data.publisher ?? null },
    claims_total: ctx.views.length,
    claims_using: bySource.get(id)?.length ?? 0,
    claims: sourceImpact(ctx, id, bySource),
  };
}

/** Runs `claims impact`; exit 0 whatever the answer, 2 for an id that names no source. */
export function impact(id: string, opts: ImpactOptions, settings: RunSettings, io: Io): number {
  const ctx = loadQuery(settings, io);
  io.stdout.write(impactFormatters[opts.format](impactReport(ctx, id), { color: wantsColor(io), width: terminalWidth(io) }));
  return 0;
}
