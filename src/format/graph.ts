/** The provenance graph of `claims graph` as text: Mermaid or Graphviz DOT. Pure: a graph in, a string out. */
import { escapeControls } from './escape.js';
import type { ProvenanceGraph } from '../query/graph.js';
import type { GraphFormat } from './names.js';
import type { GraphFormatter } from './types.js';

/** Fill, border and text colours by style. */
export const GRAPH_STYLES: Record<string, { fill: string; stroke: string; text: string }> = {
  // Class of a source toward the claim (one claim's graph).
  self: { fill: '#ffd8a8', stroke: '#e8590c', text: '#000000' },
  party: { fill: '#d0bfff', stroke: '#6741d9', text: '#000000' },
  anonymous: { fill: '#dee2e6', stroke: '#495057', text: '#000000' },
  unattributed: { fill: '#fff3bf', stroke: '#f08c00', text: '#000000' },
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

/** Text for inside a quoted Mermaid label: quotes, `#`, `<`, `>`, `&` and backticks as entity codes, one line. */
export function mermaidText(s: string): string {
  return escapeControls(s.replace(/\s+/g, ' ')).replace(/[#"<>&`]/g, (ch) => `#${ch.charCodeAt(0)};`);
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
  return escapeControls(s.replace(/\s+/g, ' ')).replace(/\\/g, '\\\\').replace(/"/g, '\\"');
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

/** The `claims graph` output formats by name: adding one is a renderer here (or in its own file) and one line below. */
export const graphFormatters: Record<GraphFormat, GraphFormatter> = { mermaid: toMermaid, dot: toDot };
