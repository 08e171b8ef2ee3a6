/** `claims graph <id>` and `claims graph --all`: the provenance graph as Mermaid or DOT. */
import { claimGraph, datasetGraph, graphRenderers } from '../format/graph.js';
import { nearest } from '../util/suggest.js';
import { type Io, UsageError } from './io.js';
import { loadQuery } from './query-options.js';
import type { RunSettings } from './settings.js';

export interface GraphOptions {
  format: string;
  all?: boolean;
}

/** Runs `claims graph`; an unknown id is a usage error (exit 2) with the nearest ids. */
export function graph(id: string | undefined, opts: GraphOptions, settings: RunSettings, io: Io): number {
  const render = graphRenderers[opts.format];
  if (!render) throw new UsageError(`unknown format "${opts.format}": use ${Object.keys(graphRenderers).join(', ')}`);
  if (id !== undefined && opts.all) throw new UsageError('give a claim id or --all, not both');
  if (id === undefined && !opts.all) throw new UsageError('give a claim id, or --all for the whole dataset');
  const ctx = loadQuery(settings, io);
  if (id === undefined) {
    io.stdout.write(render(datasetGraph(ctx)));
    return 0;
  }
  const g = claimGraph(ctx, id);
  if (!g) {
    if (ctx.index.sources.has(id)) throw new UsageError(`"${id}" is a source, not a claim: see \`claims graph --all\` or \`claims list --source ${id}\``);
    const near = nearest(id, ctx.index.claims.keys(), 3);
    throw new UsageError(`no claim "${id}"${near.length > 0 ? `; did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : ''}`);
  }
  io.stdout.write(render(g));
  return 0;
}
