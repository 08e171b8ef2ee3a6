import { defineRule } from './types.js';

/** The file stem must equal `id`, so a reader can find a claim by its id. */
export const idMismatch = defineRule({
  id: 'id-mismatch',
  meta: {
    description: '`id` differs from the file name',
    defaultSeverity: 'error',
    messages: { mismatch: '`id` is "{{id}}" but the file is named "{{name}}": rename the file to {{id}}.yaml or set `id: {{stem}}`.' },
  },
  check(ctx) {
    for (const f of ctx.dataset.files) {
      if (f.id !== undefined && f.id !== f.stem) {
        ctx.report({ file: f.file, path: ['id'], messageId: 'mismatch', data: { id: f.id, stem: f.stem, name: f.file.split('/').pop()! } });
      }
    }
  },
});
