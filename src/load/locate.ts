/** Turns a path into a document (['evidence', 1, 'origin']) into a line/column range. */
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';

/** A 1-based range in a file. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type PathSegment = string | number;
/** Where on a path's node to point: its value (default) or the key that names it. */
export type Anchor = 'value' | 'key';

/** Formats a document path the way diagnostics show it: `evidence[1].origin`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out;
}

/** A function from document path to range. */
export type Locate = (path: readonly PathSegment[], anchor?: Anchor) => Range;

const START: Range = { line: 1, column: 1, endLine: 1, endColumn: 1 };

function keyOf(pair: Pair): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

/** Builds a locator over one parsed document. */
export function makeLocate(doc: Document, lineCounter: LineCounter): Locate {
  // Each map's pairs by key, built on first use: a file with thousands of findings in one map is located in linear time.
  const keyIndex = new WeakMap<object, Map<string, Pair>>();
  const pairFor = (map: { items: unknown[] }, seg: PathSegment): Pair | undefined => {
    let byKey = keyIndex.get(map);
    if (!byKey) {
      byKey = new Map();
      for (const p of map.items as Pair[]) {
        const k = String(keyOf(p));
        if (!byKey.has(k)) byKey.set(k, p);
      }
      keyIndex.set(map, byKey);
    }
    return byKey.get(String(seg));
  };
  const toRange = (start: number, end: number): Range => {
    const a = lineCounter.linePos(start);
    const b = lineCounter.linePos(Math.max(start, end));
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  };
  const nodeRange = (node: Node | null | undefined): Range | undefined => {
    const r = node?.range;
    return r ? toRange(r[0], r[1]) : undefined;
  };
  const firstLine = (node: Node): Range | undefined => {
    // For a missing key, point at the first key of the map that should hold it, not at the whole map.
    if (isMap(node) && node.items.length > 0 && isPair(node.items[0])) {
      return nodeRange(node.items[0].key as Node);
    }
    return nodeRange(node);
  };

  return (path, anchor = 'value') => {
    let node: Node | null | undefined = doc.contents as Node | null;
    let pair: Pair | undefined;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      let next: Node | null | undefined;
      let nextPair: Pair | undefined;
      if (isMap(node)) {
        nextPair = pairFor(node, seg);
        next = nextPair?.value as Node | null | undefined;
      } else if (isSeq(node) && typeof seg === 'number') {
        next = node.items[seg] as Node | undefined;
      }
      if (nextPair === undefined && next === undefined) {
        // The path leaves the document: point at the deepest part that exists.
        return (node && firstLine(node)) ?? (pair && nodeRange(pair.key as Node)) ?? START;
      }
      if (nextPair && (next === null || next === undefined)) {
        // `key:` with no value: point at the key.
        return nodeRange(nextPair.key as Node) ?? START;
      }
      node = next;
      pair = nextPair;
    }
    if (anchor === 'key' && pair) return nodeRange(pair.key as Node) ?? START;
    return nodeRange(node) ?? START;
  };
}

/** The range of a byte offset span. */
export function offsetRange(lineCounter: LineCounter, start: number, end: number): Range {
  const a = lineCounter.linePos(start);
  const b = lineCounter.linePos(Math.max(start, end));
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}
