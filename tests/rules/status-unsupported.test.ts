import { Entities } from '../../src/provenance/index.js';
import { ruleTester } from '../rule-tester.js';
import { statusCase } from './status-fixtures.js';

const within = (status: string, evidence: string[]) => statusCase(`is silent when the status (${status}) is within what ${JSON.stringify(evidence)} supports`, status, evidence);
const aliasedSubject = (name: string) => statusCase(name, 'independent', ['acme-post'], '', 'Acme Corporation');
const unresolvedOrigin = statusCase('stays silent when no origin resolves (unknown-reference reports it instead)', 'independent', ['nope-source']);

ruleTester.run('status-unsupported', {
  valid: [
    within('independent', ['reuters']),
    within('company-reported', ['acme-post']),
    within('rumored', ['tip']),
    within('independent', ['acme-post', 'reuters']),
    within('rumored', ['reuters']),
    statusCase('treats a party origin (speaks_for one of `parties`) as independent of the subject', 'independent', ['initech-pr'], 'parties: [Initech]\n'),
    statusCase('treats a source speaking for someone unrelated to the claim as independent', 'independent', ['initech-pr']),
    statusCase('counts an independent origin reached through a relay', 'independent', ['news-1<acme-post', 'news-2<reuters']),
    ...['disputed', 'retracted'].flatMap((status) => [
      statusCase(`never fires on \`${status}\` (anonymous origin)`, status, ['tip']),
      statusCase(`never fires on \`${status}\` (company origin)`, status, ['acme-post']),
    ]),
    statusCase('matches the subject case-insensitively (company-reported ACME)', 'company-reported', ['acme-post'], '', 'ACME'),
    aliasedSubject('matches the subject through configured aliases (none configured)'),
    unresolvedOrigin,
  ],
  invalid: [
    {
      ...statusCase('reports `independent` when every origin speaks for the subject', 'independent', ['acme-post']),
      errors: [
        {
          messageId: 'unsupported', file: 'acme/arr-1.yaml', line: 6, column: 9, path: 'status', severity: 'error',
          message: 'Status is "independent" but the evidence supports only "company-reported": every origin traces to Acme itself ("acme-post"). Add evidence from an independent origin or set `status: company-reported`.',
        },
      ],
    },
    {
      ...statusCase('reports `company-reported` when the only origin is anonymous', 'company-reported', ['tip']),
      errors: [{ messageId: 'unsupported', line: 6, column: 9, messageIncludes: 'supports only "rumored": every origin is anonymous ("tip")' }],
    },
    {
      ...statusCase('collapses relays: three articles relaying one company post are one company origin', 'independent', ['news-1<acme-post', 'news-2<acme-post', 'news-3<acme-post']),
      errors: [{ messageId: 'unsupported', messageIncludes: 'every origin traces to Acme itself ("acme-post")' }],
    },
    { ...statusCase('matches the subject case-insensitively (independent ACME)', 'independent', ['acme-post'], '', 'ACME'), errors: [{ messageId: 'unsupported', line: 6, column: 9 }] },
    {
      ...aliasedSubject('matches the subject through configured aliases'),
      options: { entities: new Entities({ 'Acme Corporation': 'Acme' }) },
      errors: [{ messageId: 'unsupported', line: 6, column: 9 }],
    },
  ],
});

ruleTester.run('unknown-reference', {
  valid: [],
  invalid: [{ ...unresolvedOrigin, name: 'reports the origin that resolves to nothing', errors: [{ messageId: 'unknown', path: 'evidence[0].source', line: 8, column: 13 }] }],
});
