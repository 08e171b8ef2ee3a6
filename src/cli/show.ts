/** `claims show <id>`. */
import { Entities } from '../provenance/index.js';
import { explain } from '../query/explain.js';
import { claimRelays } from '../query/relays.js';
import { queryContext } from '../query/view.js';
import { loadDataset } from '../load/dataset.js';
import type { KnownThen } from '../history/known.js';
import type { DatasetThen } from '../history/at.js';
import type { ShowFormat } from '../format/names.js';
import { showFormatters } from '../format/show.js';
import { type Io, wantsColor } from './io.js';
import { loadQuery, noSuchClaim, terminalWidth } from './query-options.js';
import type { RunSettings } from './settings.js';
import { resolve } from 'node:path';

/** Runs `claims show`; an unknown id is a usage error (exit 2) with the nearest ids. */
export function show(id: string, opts: { format: ShowFormat }, settings: RunSettings, io: Io): number {
  let then: DatasetThen | undefined;
  const ctx = loadQuery(settings, io, (t) => (then = t));
  const e = explain(ctx, id);
  if (!e) throw noSuchClaim(ctx, id, `see \`claims sources\` or \`claims list --source ${id}\``);
  const known = settings.revision === undefined ? undefined : knownNow(id, settings, io, then);
  io.stdout.write(showFormatters[opts.format]({ ...e, possible_relays: claimRelays(ctx, id), ...(known ? { known } : {}) }, { color: wantsColor(io), width: terminalWidth(io) }));
  return 0;
}

/** The claim as it stands in the working tree, beside what --at/--as-known-on read. */
function knownNow(id: string, settings: RunSettings, io: Io, then: DatasetThen | undefined): KnownThen | undefined {
  if (then === undefined) return undefined;
  const ds = loadDataset(resolve(io.cwd(), settings.dir), io.cwd());
  const today = settings.today;
  const now = queryContext(ds, new Entities(settings.config.aliases), today).viewById.get(id);
  return {
    asked: then.asked, commit: then.commit.sha, date: then.commit.date,
    now: now ? { status: now.status, support: now.support, grade: now.grade, origins: { ...now.origins } } : null,
  };
}
