import { defineRule } from './types.js';

/** Evidence without a quote cannot be checked against its source. */
export const quoteMissing = defineRule({
  id: 'quote-missing',
  meta: {
    description: 'An evidence item has no quote',
    defaultSeverity: 'warning',
    messages: { missing: 'Evidence {{n}} (source "{{source}}") has no quote: add `quote:` with a verbatim excerpt of the source so a reader can check it.' },
  },
  check(ctx) {
    for (const { file, data } of ctx.dataset.claims) {
      data.evidence.forEach((ev, i) => {
        if (ev.quote === undefined || ev.quote.trim() === '') {
          ctx.report({ file, path: ['evidence', i], messageId: 'missing', data: { n: i + 1, source: ev.source } });
        }
      });
    }
  },
});
