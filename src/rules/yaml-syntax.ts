import type { Rule } from './types.js';

/** The YAML cannot be read as one mapping: parse errors, duplicate keys, several documents, alias bombs. */
export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  meta: {
    description: 'The YAML cannot be parsed, has duplicate keys, more than one document, a non-mapping root, or alias expansion beyond a safe bound',
    defaultSeverity: 'error',
    messages: { default: '{{message}}' },
  },
  check(ctx) {
    for (const f of ctx.dataset.files) {
      for (const p of f.problems) {
        if (p.kind === 'syntax') ctx.report({ file: f.file, path: p.path, range: p.range, messageId: p.messageId, data: { message: p.message } });
      }
    }
  },
};
