import { defineRule } from './types.js';

/** As the AP and Reuters require: an anonymous source must say what it is in a position to know. */
export const anonymousUndescribed = defineRule({
  id: 'anonymous-undescribed',
  meta: {
    description: 'A `kind: anonymous` source has no `position`',
    defaultSeverity: 'warning',
    messages: {
      noPosition: 'Anonymous source "{{id}}" does not say why it is trusted: add `position:` (what it is in a position to know, e.g. "people familiar with the fundraising") and `count:` (how many).',
    },
  },
  check(ctx) {
    for (const { file, data } of ctx.dataset.sources) {
      if (data.kind === 'anonymous' && data.position === undefined) {
        ctx.report({ file, path: ['kind'], messageId: 'noPosition', data: { id: data.id } });
      }
    }
  },
});
