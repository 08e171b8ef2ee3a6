/**
 * The provenance graph of `claims graph`: origins → relays → sources → claims, as Mermaid or Graphviz DOT.
 * Pure: the builders read a query context, the renderers turn a graph into text.
 */
import type { Claim, Source } from '../model/schema.js';
import { originClass, originId } from '../provenance/index.js';
import type { QueryContext } from '../query/view.js';

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

/** Fill, border and text colours by style. */
export const GRAPH_STYLES: Record<string, { fill: string; stroke: string; text: string }> = {
  // Class of a source toward the claim (one claim's graph).
  self: { fill: '#ffd8a8', stroke: '#e8590c', text: '#000000' },
  party: { fill: '#d0bfff', stroke: '#6741d9', text: '#000000' },
  anonymous: { fill: '#dee2e6', stroke: '#495057', text: '#000000' },
  independent: { fill: '#b2f2bb', stroke: '#2f9e44', text: '#000000' },
  // Kind of a source (the whole dataset's graph); anonymous sources stand out.
  'kind-news': { fill: '#a5d8ff', stroke: '#1971c2', text: '#000000' },
  'kind-analysis': { fill: '#99e9f2', stroke: '#0c8599', text: '#000000' },
  'kind-primary': { fill: '#ffd8a8', stroke: '#e8590c', text: '#000000' },
  'kind-database': { fill: '#b2f2bb', stroke: '#2f9e44', text: '#000000' },
  'kind-filing': { fill: '#d8f5a2', stroke: '#66a80f', text: '#000000' },
  'kind-social': { fill: '#fcc2d7', stroke: '#c2255c', text: '#000000' },
  'kind-interview': { fill: '#eebefa', stroke: '#9c36b5', text: '#000000' },
  'kind-anonymous': { fill: '#343a40', stroke: '#000000', text: '#ffffff' },
  // Declared status of a claim.
  'status-independent': { fill: '#8ce99a', stroke: '#2b8a3e', text: '#000000' },
  'status-company-reported': { fill: '#66d9e8', stroke: '#0b7285', text: '#000000' },
  'status-rumored': { fill: '#ffe066', stroke: '#e67700', text: '#000000' },
  'status-disputed': { fill: '#e599f7', stroke: '#862e9c', text: '#000000' },
  'status-retracted': { fill: '#ff8787', stroke: '#c92a2a', text: '#000000' },
  // An evidence id naming no source (reported by `claims validate`).
  missing: { fill: '#ffffff', stroke: '#868e96', text: '#495057' },
};

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
  b.chains(c, (s) => originClass(c, s, ctx.entities));
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
  const claims = [...ctx.index.claims.values()].map((r) => r.data).sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  for (const c of claims) b.claim(c);
  for (const c of claims) b.chains(c, byKind);
  const g = b.graph();
  const order = (n: GraphNode) => (n.type === 'source' ? 0 : 1);
  const sorted = [...g.nodes].sort((x, y) => order(x) - order(y) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { nodes: sorted, edges: g.edges };
}

/** Text for inside a quoted Mermaid label: quotes, `#`, `<`, `>`, `&` and backticks as entity codes, one line. */
export function mermaidText(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/[#"<>&`]/g, (ch) => `#${ch.charCodeAt(0)};`);
}

/** A Mermaid node id: only letters, digits and underscores, prefixed by type so no id is a keyword. */
function mermaidId(key: string): string {
  const [type, ...rest] = key.split(':');
  return `${type === 'claim' ? 'claim' : 'src'}_${rest.join(':').replace(/[^A-Za-z0-9]/g, '_')}`;
}

const mermaidClass = (style: string): string => style.replace(/[^A-Za-z0-9]/g, '_');

/** The styles a graph uses, in palette order. */
function usedStyles(g: ProvenanceGraph): string[] {
  const used = new Set(g.nodes.map((n) => n.style));
  return Object.keys(GRAPH_STYLES).filter((s) => used.has(s));
}

/** A Mermaid flowchart, left to right, with one classDef per colour used. */
export function toMermaid(g: ProvenanceGraph): string {
  const lines = ['flowchart LR'];
  for (const s of usedStyles(g)) {
    const c = GRAPH_STYLES[s]!;
    lines.push(`  classDef ${mermaidClass(s)} fill:${c.fill},stroke:${c.stroke},color:${c.text}`);
  }
  for (const n of g.nodes) {
    lines.push(`  ${mermaidId(n.key)}["${mermaidText(n.id)}<br/>${mermaidText(n.text)}"]:::${mermaidClass(n.style)}`);
  }
  for (const [from, to] of g.edges) lines.push(`  ${mermaidId(from)} --> ${mermaidId(to)}`);
  return `${lines.join('\n')}\n`;
}

/** A double-quoted DOT string: backslashes and quotes escaped, line breaks as `\n`. */
export function dotString(s: string): string {
  return `"${dotText(s)}"`;
}

/** Text for inside a double-quoted DOT string, one line. */
function dotText(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** A Graphviz digraph, left to right, filled boxes. */
export function toDot(g: ProvenanceGraph): string {
  const lines = [
    'digraph provenance {',
    '  rankdir=LR;',
    '  node [shape=box, style="rounded,filled", fontname="Helvetica"];',
  ];
  for (const n of g.nodes) {
    const c = GRAPH_STYLES[n.style] ?? GRAPH_STYLES.missing!;
    lines.push(`  ${dotString(n.key)} [label="${dotText(n.id)}\\n${dotText(n.text)}", fillcolor="${c.fill}", color="${c.stroke}", fontcolor="${c.text}"];`);
  }
  for (const [from, to] of g.edges) lines.push(`  ${dotString(from)} -> ${dotString(to)};`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

export const graphRenderers: Record<string, (g: ProvenanceGraph) => string> = { mermaid: toMermaid, dot: toDot };
