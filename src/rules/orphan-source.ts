import { defineRule } from './types.js';

/** A source no claim reaches is dead weight, or a claim someone forgot to write. */
export const orphanSource = defineRule({
  id: 'orphan-source',
  meta: {
    description: 'No claim reaches a source through `source`, `via`, `origin` or `cites`',
    defaultSeverity: 'warning',
    messages: { orphan: 'No claim reaches source "{{id}}" through `source`, `via`, `origin` or `cites`: cite it in a claim\'s evidence, or delete it.' },
  },
  check(ctx) {
    const reached = new Set<string>();
    const queue: string[] = [];
    const reach = (id: string): void => {
      if (!reached.has(id)) {
        reached.add(id);
        queue.push(id);
      }
    };
    for (const { data } of ctx.dataset.claims) {
      for (const ev of data.evidence) {
        reach(ev.source);
        if (ev.origin !== undefined) reach(ev.origin);
        ev.via?.forEach(reach);
      }
    }
    while (queue.length > 0) {
      ctx.index.sources.get(queue.pop()!)?.data.cites?.forEach(reach);
    }
    for (const { file, data } of ctx.dataset.sources) {
      if (!reached.has(data.id)) ctx.report({ file, path: ['id'], messageId: 'orphan', data: { id: data.id } });
    }
  },
});
