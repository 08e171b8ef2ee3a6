/**
 * The provenance graph of `claims graph` as plain data: origins → relays → sources → claims, for one claim or the
 * whole dataset. Rendered as Mermaid or DOT by src/format/graph.ts.
 */
import { compareById } from '../util/compare.js';
import type { Claim, Source } from '../model/schema.js';
import { ORIGIN_CLASSES, originClass, originId } from '../provenance/index.js';
import type { QueryContext } from './view.js';

/** A node of the graph: a source (origin, relay or the source read) or a claim. */
export interface GraphNode {
  /** Unique within the graph: `source:<id>` or `claim:<id>`. */
  key: string;
  type: 'source' | 'claim';
  id: string;
  /** A short title (sources) or statement (claims). */
  text: string;
  /** The colour class: an origin class, `kind-<kind>`, `status-<status>`, or `missing` for an id naming no source. */
  style: string;
}

/** Nodes in a stable order and deduplicated edges `[from key, to key]`. */
export interface ProvenanceGraph {
  nodes: GraphNode[];
  edges: Array<[string, string]>;
}

/** At most `max` characters of `s` on one line, cut at a word where possible, with an ellipsis. */
export function shortText(s: string, max = 48): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if ([...t].length <= max) return t;
  const cut = [...t].slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

class Builder {
  readonly nodes = new Map<string, GraphNode>();
  private readonly edgeKeys = new Set<string>();
  readonly edges: Array<[string, string]> = [];

  constructor(private readonly ctx: QueryContext) {}

  source(id: string, style: (s: Source) => string): string {
    const key = `source:${id}`;
    if (!this.nodes.has(key)) {
      const s = this.ctx.index.sources.get(id)?.data;
      this.nodes.set(key, { key, type: 'source', id, text: s ? shortText(s.title) : '(no such source)', style: s ? style(s) : 'missing' });
    }
    return key;
  }

  claim(c: Claim): string {
    const key = `claim:${c.id}`;
    if (!this.nodes.has(key)) this.nodes.set(key, { key, type: 'claim', id: c.id, text: shortText(c.statement), style: `status-${c.status}` });
    return key;
  }

  edge(from: string, to: string): void {
    const k = `${from}\u0000${to}`;
    if (from === to || this.edgeKeys.has(k)) return;
    this.edgeKeys.add(k);
    this.edges.push([from, to]);
  }

  /** Every evidence chain of a claim: origin → via[0] → … → source → claim. */
  chains(c: Claim, style: (s: Source) => string): void {
    const claimKey = this.claim(c);
    for (const ev of c.evidence) {
      const oid = originId(ev);
      const ids = [oid, ...(ev.via ?? []), ...(ev.source !== oid ? [ev.source] : [])];
      const keys = ids.map((id) => this.source(id, style));
      keys.push(claimKey);
      for (let i = 1; i < keys.length; i++) this.edge(keys[i - 1]!, keys[i]!);
    }
  }

  graph(): ProvenanceGraph {
    return { nodes: [...this.nodes.values()], edges: this.edges };
  }
}

/** One claim's graph, its sources coloured by their class toward it; undefined when no claim has that id. */
export function claimGraph(ctx: QueryContext, id: string): ProvenanceGraph | undefined {
  const c = ctx.index.claims.get(id)?.data;
  if (!c) return undefined;
  const b = new Builder(ctx);
  // An origin takes the class derivation gave it (an unattributed statement is known by its evidence, not its source).
  const byClass = ctx.provenance.get(id)?.byClass;
  const derived = (sid: string) => (byClass ? ORIGIN_CLASSES.find((k) => byClass[k].includes(sid)) : undefined);
  b.chains(c, (s) => derived(s.id) ?? originClass(c, s, ctx.entities));
  // Sources in the order the chains reach them, then the claim.
  const g = b.graph();
  return { nodes: [...g.nodes.filter((n) => n.type === 'source'), ...g.nodes.filter((n) => n.type === 'claim')], edges: g.edges };
}

/** The whole dataset's graph: every source (by id, coloured by kind) and every claim (by id, coloured by status). */
export function datasetGraph(ctx: QueryContext): ProvenanceGraph {
  const b = new Builder(ctx);
  const byKind = (s: Source) => `kind-${s.kind}`;
  const sourceIds = [...ctx.index.sources.keys()].sort();
  for (const id of sourceIds) b.source(id, byKind);
  const claims = [...ctx.index.claims.values()].map((r) => r.data).sort(compareById);
  for (const c of claims) b.claim(c);
  for (const c of claims) b.chains(c, byKind);
  const g = b.graph();
  const order = (n: GraphNode) => (n.type === 'source' ? 0 : 1);
  const sorted = [...g.nodes].sort((x, y) => order(x) - order(y) || compareById(x, y));
  return { nodes: sorted, edges: g.edges };
}
