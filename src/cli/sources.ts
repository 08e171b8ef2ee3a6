/** `claims sources`: every source with how the dataset uses it, filtered by publisher, kind and reliability. */
import type { SourcesFormat } from '../format/names.js';
import { sourcesFormatters } from '../format/sources.js';
import { RELIABILITY, SOURCE_KINDS } from '../model/schema.js';
import { filterSources, sourceViews, type SourceFilters } from '../query/sources.js';
import { checkPublishers } from './filter-names.js';
import { type Io, wantsColor } from './io.js';
import { choices, loadQuery, names, terminalWidth } from './query-options.js';
import type { RunSettings } from './settings.js';
import { trackRecordsOf } from '../history/stats.js';
import { timelinesFor } from './stats.js';

/** The options of `claims sources` as commander gives them. */
export interface SourcesOptions {
  format: SourcesFormat;
  publisher?: string;
  kind?: string;
  reliability?: string;
}

/** Turns raw options into filters, or throws a UsageError naming what is accepted. Reliability grades may be given in lower case. */
export function parseSourceFilters(o: SourcesOptions): SourceFilters {
  return {
    publisher: names('--publisher', o.publisher),
    kind: choices('--kind', o.kind, SOURCE_KINDS),
    reliability: choices('--reliability', o.reliability?.toUpperCase(), RELIABILITY),
  };
}

/** Runs `claims sources`; exit 0, or 2 for a filter value that names nothing. */
export function sources(opts: SourcesOptions, settings: RunSettings, io: Io): number {
  const filters = parseSourceFilters(opts);
  const ctx = loadQuery(settings, io);
  checkPublishers(ctx, filters.publisher ?? []);
  // Track records read the git history of status lines when there is one (else the dataset's links alone, and say so).
  const views = filterSources(sourceViews(ctx, trackRecordsOf(ctx, timelinesFor(settings, io, 'claims sources').timelines)), filters);
  io.stdout.write(sourcesFormatters[opts.format](views, { color: wantsColor(io), width: terminalWidth(io) }));
  return 0;
}
