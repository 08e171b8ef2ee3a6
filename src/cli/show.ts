/** `claims show <id>` and `claims sources`. */
import { explain } from '../query/explain.js';
import { claimRelays } from '../query/relays.js';
import { sourceViews } from '../query/sources.js';
import type { ShowFormat, SourcesFormat } from '../format/names.js';
import { showFormatters } from '../format/show.js';
import { sourcesFormatters } from '../format/sources.js';
import { type Io, wantsColor } from './io.js';
import { loadQuery, noSuchClaim, terminalWidth } from './query-options.js';
import type { RunSettings } from './settings.js';

/** Runs `claims show`; an unknown id is a usage error (exit 2) with the nearest ids. */
export function show(id: string, opts: { format: ShowFormat }, settings: RunSettings, io: Io): number {
  const ctx = loadQuery(settings, io);
  const e = explain(ctx, id);
  if (!e) throw noSuchClaim(ctx, id, `see \`claims sources\` or \`claims list --source ${id}\``);
  io.stdout.write(showFormatters[opts.format]({ ...e, possible_relays: claimRelays(ctx, id) }, { color: wantsColor(io), width: terminalWidth(io) }));
  return 0;
}

/** Runs `claims sources`. */
export function sources(opts: { format: SourcesFormat }, settings: RunSettings, io: Io): number {
  const ctx = loadQuery(settings, io);
  io.stdout.write(sourcesFormatters[opts.format](sourceViews(ctx), { color: wantsColor(io), width: terminalWidth(io) }));
  return 0;
}
