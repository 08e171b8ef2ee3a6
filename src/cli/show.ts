/** `claims show <id>` and `claims sources`. */
import { explain } from '../query/explain.js';
import { sourceViews } from '../query/sources.js';
import { showFormatters } from '../format/show.js';
import { sourcesFormatters } from '../format/sources.js';
import { nearest } from '../util/suggest.js';
import { type Io, UsageError, wantsColor } from './io.js';
import { loadQuery, terminalWidth } from './query-options.js';
import type { RunSettings } from './settings.js';

/** Runs `claims show`; an unknown id is a usage error (exit 2) with the nearest ids. */
export function show(id: string, opts: { format: string }, settings: RunSettings, io: Io): number {
  const formatter = showFormatters[opts.format];
  if (!formatter) throw new UsageError(`unknown format "${opts.format}": use ${Object.keys(showFormatters).join(', ')}`);
  const ctx = loadQuery(settings, io);
  const e = explain(ctx, id);
  if (!e) {
    if (ctx.index.sources.has(id)) throw new UsageError(`"${id}" is a source, not a claim: see \`claims sources\` or \`claims list --source ${id}\``);
    const near = nearest(id, ctx.index.claims.keys(), 3);
    throw new UsageError(`no claim "${id}"${near.length > 0 ? `; did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : ''}`);
  }
  io.stdout.write(formatter(e, { color: wantsColor(io), width: terminalWidth(io) }));
  return 0;
}

/** Runs `claims sources`. */
export function sources(opts: { format: string }, settings: RunSettings, io: Io): number {
  const formatter = sourcesFormatters[opts.format];
  if (!formatter) throw new UsageError(`unknown format "${opts.format}": use ${Object.keys(sourcesFormatters).join(', ')}`);
  const ctx = loadQuery(settings, io);
  io.stdout.write(formatter(sourceViews(ctx), { color: wantsColor(io), width: terminalWidth(io) }));
  return 0;
}
