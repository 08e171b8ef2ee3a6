import type { Rule } from './types.js';

/** A field is missing, unknown, of the wrong type or shape: the schema chosen by `type` says which. */
export const schema: Rule = {
  id: 'schema',
  meta: {
    description: 'A field is missing, unknown, of the wrong type or shape (value shorthand, date, slug, URL)',
    defaultSeverity: 'error',
    messages: { default: '{{message}}' },
  },
  check(ctx) {
    for (const f of ctx.dataset.files) {
      for (const p of f.problems) {
        if (p.kind === 'schema') ctx.report({ file: f.file, path: p.path, range: p.range, messageId: p.messageId, data: { message: p.message } });
      }
    }
  },
};
