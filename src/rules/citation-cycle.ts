import { defineRule } from './types.js';

/** Finds the strongly connected parts of the `cites` graph (Tarjan), iteratively so deep chains cannot overflow the stack. */
function citationCycles(edges: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  for (const start of edges.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const succ = edges.get(top.node) ?? [];
      if (top.next < succ.length) {
        const w = succ[top.next++]!;
        if (!edges.has(w)) continue;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, next: 0 });
        } else if (onStack.has(w)) {
          low.set(top.node, Math.min(low.get(top.node)!, index.get(w)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(top.node)!));
      if (low.get(top.node) === index.get(top.node)) {
        const scc: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          scc.push(w);
        } while (w !== top.node);
        const selfLoop = scc.length === 1 && (edges.get(w) ?? []).includes(w);
        if (scc.length > 1 || selfLoop) out.push(scc.reverse());
      }
    }
  }
  return out;
}

/** At most this many ids of a chain or cycle are shown in a message. */
const SHOWN_LINKS = 8;

/** A chain of ids for a message, `a → b → c`; past `SHOWN_LINKS` ids, the middle is left out and counted, and the last id kept. */
export function chainText(ids: readonly string[]): string {
  if (ids.length <= SHOWN_LINKS) return ids.join(' → ');
  const head = ids.slice(0, SHOWN_LINKS - 2);
  const left = ids.length - head.length - 1;
  return `${head.join(' → ')} → … (${left.toLocaleString('en-US')} more) → ${ids[ids.length - 1]}`;
}

/** Relays must lead somewhere: `cites` between sources, and each evidence chain origin → via → source, must not loop. */
export const citationCycle = defineRule({
  id: 'citation-cycle',
  meta: {
    description: '`cites` between sources form a cycle, or one evidence chain passes through a source twice',
    defaultSeverity: 'error',
    messages: {
      cites: 'Source "{{id}}" is part of a citation cycle ({{cycle}}): a source cannot relay, directly or through others, a source that relays it. Remove one `cites` entry.',
      chain: 'The evidence chain {{chain}} passes through "{{id}}" twice: list each relay once, from the origin outward.',
      viaWithoutOrigin: '`via` lists relays but `origin` is missing, so the origin defaults to the source itself ("{{source}}") and the chain loops: add `origin:` with the source the relays trace back to.',
    },
  },
  check(ctx) {
    const edges = new Map<string, string[]>();
    for (const [id, s] of ctx.index.sources) edges.set(id, s.data.cites ?? []);
    for (const scc of citationCycles(edges)) {
      const members = new Set(scc);
      // One text per cycle, shared by its members' reports, and bounded however long the cycle.
      const cycle = chainText([...scc, scc[0]!]);
      for (const id of scc) {
        const s = ctx.index.sources.get(id)!;
        const j = (s.data.cites ?? []).findIndex((c) => members.has(c));
        ctx.report({ file: s.file, path: ['cites', j], messageId: 'cites', data: { id, cycle } });
      }
    }
    for (const { file, data } of ctx.dataset.claims) {
      data.evidence.forEach((ev, i) => {
        const via = ev.via ?? [];
        if (ev.origin === undefined) {
          // origin defaults to source: with relays in between, that reads as a loop the author did not write.
          if (via.length > 0) ctx.report({ file, path: ['evidence', i, 'via'], messageId: 'viaWithoutOrigin', data: { source: ev.source } });
          return;
        }
        // Read directly in its origin: the one chain where an id may appear twice.
        if (via.length === 0 && ev.origin === ev.source) return;
        const chain = [ev.origin, ...via, ev.source];
        // One report per chain, at the first id that comes back, however often it repeats.
        const seen = new Set<string>();
        const k = chain.findIndex((id) => seen.size === seen.add(id).size);
        if (k === -1) return;
        const path = k === chain.length - 1 ? ['evidence', i, 'source'] : ['evidence', i, 'via', k - 1];
        ctx.report({ file, path, messageId: 'chain', data: { id: chain[k]!, chain: chainText(chain) } });
      });
    }
  },
});
