import { chainText } from './citation-cycle.js';
import { defineRule } from './types.js';

/**
 * `supersedes` points from a newer claim to the older one it replaces, so following it must end. A claim that
 * supersedes itself, or a loop (a supersedes b supersedes a), leaves no claim standing as the current one.
 */
export const supersedesCycle = defineRule({
  id: 'supersedes-cycle',
  meta: {
    description: '`supersedes` names the claim itself (`self`), or claims supersede each other in a loop',
    defaultSeverity: 'error',
    messages: {
      self: '`supersedes` names this claim itself ("{{id}}"): name the older claim this one replaces, or remove the field.',
      cycle: 'Claim "{{id}}" is part of a `supersedes` loop ({{cycle}}): each claim would replace the other and none stays current. Remove `supersedes` from the oldest one.',
    },
  },
  check(ctx) {
    // Each claim names at most one other, so the graph is a set of chains; walk each once (linear), colouring as we go.
    const next = new Map<string, string>();
    for (const [id, c] of ctx.index.claims) if (c.data.supersedes !== undefined && ctx.index.claims.has(c.data.supersedes)) next.set(id, c.data.supersedes);
    const state = new Map<string, 'active' | 'done'>();
    for (const start of next.keys()) {
      if (state.has(start)) continue;
      const path: string[] = [];
      let id: string | undefined = start;
      while (id !== undefined && !state.has(id)) {
        state.set(id, 'active');
        path.push(id);
        id = next.get(id);
      }
      if (id !== undefined && state.get(id) === 'active') {
        const loop = path.slice(path.indexOf(id));
        if (loop.length === 1) {
          const c = ctx.index.claims.get(id)!;
          ctx.report({ file: c.file, path: ['supersedes'], messageId: 'self', data: { id } });
        } else {
          // One text per loop, shared by its members' reports, and bounded however long the loop.
          const cycle = chainText([...loop, loop[0]!]);
          for (const member of loop) ctx.report({ file: ctx.index.claims.get(member)!.file, path: ['supersedes'], messageId: 'cycle', data: { id: member, cycle } });
        }
      }
      for (const p of path) state.set(p, 'done');
    }
  },
});
