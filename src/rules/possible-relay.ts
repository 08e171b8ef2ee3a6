import { cut, RelayDetector, relayReasonText } from '../provenance/relay.js';
import { defineRule } from './types.js';

/**
 * Two origins counted as independent must be: a rewrite without credit or a reprinted wire story is one origin told
 * twice, and counting it twice is the very mistake independent-origin counting exists to catch.
 */
export const possibleRelay = defineRule({
  id: 'possible-relay',
  meta: {
    description: 'Two evidence items of one claim counted as different independent origins may be one: near-identical quotes, snapshots sharing a long verbatim passage with the figure, or a snapshot carrying a wire credit the evidence does not list',
    defaultSeverity: 'warning',
    messages: {
      mayBeOne: 'Origins "{{first}}" (evidence {{firstItem}}) and "{{second}}" are counted as two independent origins, but they may be one: {{why}}. If one relays the other, record it with `origin:`/`via:`; if both relay a third, name it as the origin.',
    },
  },
  check(ctx) {
    const detector = new RelayDetector(ctx.index, (path) => ctx.snapshot(path).text);
    for (const { file, data } of ctx.dataset.claims) {
      for (const r of detector.find(data, ctx.provenance(data))) {
        const path = r.reason.kind === 'quote' ? ['evidence', r.evidence[1], 'quote'] : ['evidence', r.evidence[1]];
        ctx.report({
          file,
          path,
          messageId: 'mayBeOne',
          data: { first: cut(r.origins[0]), firstItem: r.evidence[0] + 1, second: cut(r.origins[1]), why: relayReasonText(r.reason) },
        });
      }
    }
  },
});
