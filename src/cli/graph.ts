/** `claims graph <id>` and `claims graph --all`: the provenance graph as Mermaid or DOT. */
import { graphFormatters } from '../format/graph.js';
import type { GraphFormat } from '../format/names.js';
import { claimGraph, datasetGraph } from '../query/graph.js';
import { type Io, UsageError } from './io.js';
import { loadQuery, noSuchClaim } from './query-options.js';
import type { RunSettings } from './settings.js';

export interface GraphOptions {
  format: GraphFormat;
  all?: boolean;
}

/** Runs `claims graph`; an unknown id is a usage error (exit 2) with the nearest ids. */
export function graph(id: string | undefined, opts: GraphOptions, settings: RunSettings, io: Io): number {
  if (id !== undefined && opts.all) throw new UsageError('give a claim id or --all, not both');
  if (id === undefined && !opts.all) throw new UsageError('give a claim id, or --all for the whole dataset');
  const ctx = loadQuery(settings, io);
  const g = id === undefined ? datasetGraph(ctx) : claimGraph(ctx, id);
  if (!g) throw noSuchClaim(ctx, id!, `see \`claims graph --all\` or \`claims list --source ${id}\``);
  io.stdout.write(graphFormatters[opts.format](g, {}));
  return 0;
}
