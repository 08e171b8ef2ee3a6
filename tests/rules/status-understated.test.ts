import { source } from '../helpers.js';
import { ruleTester, type ValidCase } from '../rule-tester.js';
import { claimOf, withClaim } from './status-fixtures.js';

const silent = (status: string, evidence: string[], name = `is silent when the status (${status}) matches what ${JSON.stringify(evidence)} supports`): ValidCase => ({
  name, files: withClaim(claimOf(status, evidence)),
});
const unresolvedOrigin = withClaim(claimOf('rumored', ['reuters', 'missing-source']));

ruleTester.run('status-understated', {
  valid: [
    silent('independent', ['reuters']),
    silent('company-reported', ['acme-post']),
    silent('rumored', ['tip']),
    silent('company-reported', ['news-1<acme-post', 'news-2<acme-post', 'news-3<acme-post']),
    silent('rumored', ['tip', 'news-1<tip'], 'does not upgrade anonymous evidence: rumored stays rumored'),
    ...['disputed', 'retracted'].map((status) => silent(status, ['reuters'], `never fires on \`${status}\``)),
    { name: 'stays silent while an origin is unresolved', files: unresolvedOrigin },
  ],
  invalid: [
    {
      name: 'warns at `status` when a company-reported claim is declared rumored',
      files: withClaim(claimOf('rumored', ['acme-post'])),
      errors: [
        {
          messageId: 'understated', file: 'acme/arr-1.yaml', line: 6, column: 9, path: 'status', severity: 'warning',
          message: 'Status is "rumored" but the evidence supports "company-reported": every origin traces to Acme itself ("acme-post"). Set `status: company-reported`, or `disputed` if you doubt the evidence.',
        },
      ],
    },
    {
      name: 'warns when one independent origin sits beside company relays',
      files: withClaim(claimOf('company-reported', ['news-1<acme-post', 'news-2<acme-post', 'news-3<reuters'])),
      errors: [{ messageId: 'understated', line: 6, column: 9, messageIncludes: 'supports "independent": "reuters" is independent of Acme' }],
    },
    {
      name: 'treats a party origin (speaks_for one of `parties`) as independent',
      files: withClaim(claimOf('rumored', ['initech-pr'], 'parties: [Initech]\n')),
      errors: [{ messageId: 'understated', line: 6, column: 9, messageIncludes: 'supports "independent": "initech-pr" is independent of Acme' }],
    },
    {
      name: 'matches the subject case-insensitively',
      files: withClaim(claimOf('rumored', ['acme-post'], '', 'aCmE')),
      errors: [{ messageId: 'understated', line: 6, column: 9 }],
    },
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
  invalid: [{ name: 'reports the unresolved origin that keeps status-understated silent', files: unresolvedOrigin, errors: [{ messageId: 'unknown', path: 'evidence[1].source', line: 10, column: 13 }] }],
});
