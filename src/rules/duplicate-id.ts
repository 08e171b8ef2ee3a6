import { defineRule } from './types.js';

/** Ids are unique across claims and sources; each file that shares one is reported, naming the others. */
export const duplicateId = defineRule({
  id: 'duplicate-id',
  meta: {
    description: 'Two files declare one id (each reported, naming the other)',
    defaultSeverity: 'error',
    messages: { duplicate: 'Id "{{id}}" is also declared in {{others}}: ids must be unique across claims and sources; rename one.' },
  },
  check(ctx) {
    for (const [id, files] of ctx.dataset.ids) {
      if (files.length < 2) continue;
      for (const f of files) {
        const others = files.filter((o) => o !== f).map((o) => o.file).join(', ');
        ctx.report({ file: f.file, path: ['id'], messageId: 'duplicate', data: { id, others } });
      }
    }
  },
});
