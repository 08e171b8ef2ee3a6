import { statusRank, SUPPORT_RANK } from '../provenance/index.js';
import { defineRule } from './types.js';
import { supportReason } from './status.js';

/** A status weaker than the evidence hides what is known: `rumored` while the company said it on record. */
export const statusUnderstated = defineRule({
  id: 'status-understated',
  meta: {
    description: 'The declared status is weaker than the evidence supports',
    defaultSeverity: 'warning',
    messages: {
      understated: 'Status is "{{status}}" but the evidence supports "{{support}}": {{reason}}. Set `status: {{support}}`, or `disputed` if you doubt the evidence.',
    },
  },
  check(ctx) {
    for (const { file, data } of ctx.dataset.claims) {
      const declared = statusRank(data.status);
      if (declared === undefined) continue;
      const p = ctx.provenance(data);
      if (p.unresolved.length > 0) continue;
      if (declared < SUPPORT_RANK[p.support]) {
        ctx.report({ file, path: ['status'], messageId: 'understated', data: { status: data.status, support: p.support, reason: supportReason(data, p) } });
      }
    }
  },
});
