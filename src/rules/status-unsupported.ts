import { statusRank, SUPPORT_RANK } from '../provenance/index.js';
import { defineRule } from './types.js';
import { supportReason } from './status.js';

/** The declared status must not claim more than the evidence's origins support. */
export const statusUnsupported = defineRule({
  id: 'status-unsupported',
  meta: {
    description: 'The declared status is stronger than the evidence supports',
    defaultSeverity: 'error',
    messages: {
      unsupported: 'Status is "{{status}}" but the evidence supports only "{{support}}": {{reason}}. Add evidence from {{wanted}} or set `status: {{support}}`.',
    },
  },
  check(ctx) {
    for (const { file, data } of ctx.dataset.claims) {
      const declared = statusRank(data.status);
      if (declared === undefined) continue;
      const p = ctx.provenance(data);
      if (p.unresolved.length > 0 && p.originIds.length === 0) continue;
      if (declared > SUPPORT_RANK[p.support]) {
        ctx.report({ file, path: ['status'], messageId: 'unsupported', data: {
          status: data.status, support: p.support, reason: supportReason(data, p),
          // The company's own word is enough for company-reported; independent needs someone else on record.
          wanted: data.status === 'company-reported' ? `${data.subject} itself or an independent origin` : 'an independent origin',
        } });
      }
    }
  },
});
