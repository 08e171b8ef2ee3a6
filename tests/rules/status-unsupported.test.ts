import { Entities } from '../../src/provenance/index.js';
import { ruleTester, type ValidCase } from '../rule-tester.js';
import { claimOf, withClaim } from './status-fixtures.js';

const silent = (status: string, evidence: string[], name = `is silent when the status (${status}) is within what ${JSON.stringify(evidence)} supports`): ValidCase => ({
  name, files: withClaim(claimOf(status, evidence)),
});
const aliasedSubject = withClaim(claimOf('independent', ['acme-post'], '', 'Acme Corporation'));
const unresolvedOrigin = withClaim(claimOf('independent', ['nope-source']));

ruleTester.run('status-unsupported', {
  valid: [
    silent('independent', ['reuters']),
    silent('company-reported', ['acme-post']),
    silent('rumored', ['tip']),
    silent('independent', ['acme-post', 'reuters']),
    silent('rumored', ['reuters']),
    { name: 'treats a party origin (speaks_for one of `parties`) as independent of the subject', files: withClaim(claimOf('independent', ['initech-pr'], 'parties: [Initech]\n')) },
    silent('independent', ['initech-pr'], 'treats a source speaking for someone unrelated to the claim as independent'),
    silent('independent', ['news-1<acme-post', 'news-2<reuters'], 'counts an independent origin reached through a relay'),
    ...['disputed', 'retracted'].flatMap((status) => [
      silent(status, ['tip'], `never fires on \`${status}\` (anonymous origin)`),
      silent(status, ['acme-post'], `never fires on \`${status}\` (company origin)`),
    ]),
    { name: 'matches the subject case-insensitively (company-reported ACME)', files: withClaim(claimOf('company-reported', ['acme-post'], '', 'ACME')) },
    { name: 'matches the subject through configured aliases (none configured)', files: aliasedSubject },
    { name: 'stays silent when no origin resolves (unknown-reference reports it instead)', files: unresolvedOrigin },
  ],
  invalid: [
    {
      name: 'reports `independent` when every origin speaks for the subject',
      files: withClaim(claimOf('independent', ['acme-post'])),
      errors: [
        {
          messageId: 'unsupported', file: 'acme/arr-1.yaml', line: 6, column: 9, path: 'status', severity: 'error',
          message: 'Status is "independent" but the evidence supports only "company-reported": every origin traces to Acme itself ("acme-post"). Add evidence from an independent origin or set `status: company-reported`.',
        },
      ],
    },
    {
      name: 'reports `company-reported` when the only origin is anonymous',
      files: withClaim(claimOf('company-reported', ['tip'])),
      errors: [{ messageId: 'unsupported', line: 6, column: 9, messageIncludes: 'supports only "rumored": every origin is anonymous ("tip")' }],
    },
    {
      name: 'collapses relays: three articles relaying one company post are one company origin',
      files: withClaim(claimOf('independent', ['news-1<acme-post', 'news-2<acme-post', 'news-3<acme-post'])),
      errors: [{ messageId: 'unsupported', messageIncludes: 'every origin traces to Acme itself ("acme-post")' }],
    },
    {
      name: 'matches the subject case-insensitively (independent ACME)',
      files: withClaim(claimOf('independent', ['acme-post'], '', 'ACME')),
      errors: [{ messageId: 'unsupported', line: 6, column: 9 }],
    },
    {
      name: 'matches the subject through configured aliases',
      files: aliasedSubject,
      options: { entities: new Entities({ 'Acme Corporation': 'Acme' }) },
      errors: [{ messageId: 'unsupported', line: 6, column: 9 }],
    },
  ],
});

ruleTester.run('unknown-reference', {
  valid: [],
  invalid: [{ name: 'reports the origin that resolves to nothing', files: unresolvedOrigin, errors: [{ messageId: 'unknown', path: 'evidence[0].source', line: 8, column: 13 }] }],
});
