import { source } from '../helpers.js';
import { ruleTester } from '../rule-tester.js';
import { claimOf, statusCase, withClaim } from './status-fixtures.js';

const matches = (status: string, evidence: string[]) => statusCase(`is silent when the status (${status}) matches what ${JSON.stringify(evidence)} supports`, status, evidence);
const unresolvedOrigin = statusCase('stays silent while an origin is unresolved', 'rumored', ['reuters', 'missing-source']);

ruleTester.run('status-understated', {
  valid: [
    matches('independent', ['reuters']),
    matches('company-reported', ['acme-post']),
    matches('rumored', ['tip']),
    matches('company-reported', ['news-1<acme-post', 'news-2<acme-post', 'news-3<acme-post']),
    statusCase('does not upgrade anonymous evidence: rumored stays rumored', 'rumored', ['tip', 'news-1<tip']),
    ...['disputed', 'retracted'].map((status) => statusCase(`never fires on \`${status}\``, status, ['reuters'])),
    unresolvedOrigin,
  ],
  invalid: [
    {
      ...statusCase('warns at `status` when a company-reported claim is declared rumored', 'rumored', ['acme-post']),
      errors: [
        {
          messageId: 'understated', file: 'acme/arr-1.yaml', line: 6, column: 9, path: 'status', severity: 'warning',
          message: 'Status is "rumored" but the evidence supports "company-reported": every origin traces to Acme itself ("acme-post"). Set `status: company-reported`, or `disputed` if you doubt the evidence.',
        },
      ],
    },
    {
      ...statusCase('warns when one independent origin sits beside company relays', 'company-reported', ['news-1<acme-post', 'news-2<acme-post', 'news-3<reuters']),
      errors: [{ messageId: 'understated', line: 6, column: 9, messageIncludes: 'supports "independent": "reuters" is independent of Acme' }],
    },
    {
      ...statusCase('treats a party origin (speaks_for one of `parties`) as independent', 'rumored', ['initech-pr'], 'parties: [Initech]\n'),
      errors: [{ messageId: 'understated', line: 6, column: 9, messageIncludes: 'supports "independent": "initech-pr" is independent of Acme' }],
    },
    { ...statusCase('matches the subject case-insensitively', 'rumored', ['acme-post'], '', 'aCmE'), errors: [{ messageId: 'understated', line: 6, column: 9 }] },
    {
      name: 'matches the subject ignoring spacing',
      files: { ...withClaim(claimOf('rumored', ['acme-post'])), 'sources/acme-post.yaml': source('acme-post', 'speaks_for: ["  ACME "]\n') },
      errors: [{ messageId: 'understated', line: 6, column: 9 }],
    },
  ],
});

// The unresolved origin of the silent case above is reported by unknown-reference instead.
ruleTester.run('unknown-reference', {
  valid: [],
  invalid: [{ ...unresolvedOrigin, name: 'reports the unresolved origin that keeps status-understated silent', errors: [{ messageId: 'unknown', path: 'evidence[1].source', line: 10, column: 13 }] }],
});
