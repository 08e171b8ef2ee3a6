import { Entities } from '../../src/provenance/entities.js';
import { ruleTester, type InvalidCase, type ValidCase } from '../rule-tester.js';

const SOURCES = {
  'sources/weidemann-analysis.yaml': 'type: source\nid: weidemann-analysis\ntitle: Analysis\npublisher: Weidemann.tech\nkind: analysis\n',
  'sources/mistral-arr-disclosure-2026-02.yaml': 'type: source\nid: mistral-arr-disclosure-2026-02\ntitle: ARR disclosure\npublisher: Mistral AI\nkind: primary\nspeaks_for: [Mistral AI]\n',
};

/** A claim citing Weidemann's analysis; `value` on line 7, `as_of` on line 8 when both are given. */
function claim(id: string, f: { statement: string; category?: string; value?: string; asOf?: string; parties?: string; subject?: string; extra?: string; status?: string }): string {
  return [
    'type: claim',
    `id: ${id}`,
    `subject: ${f.subject ?? 'Mistral AI'}`,
    `category: ${f.category ?? 'arr'}`,
    `statement: ${JSON.stringify(f.statement)}`,
    f.parties ? `parties: ${f.parties}` : '',
    f.value ? `value: ${f.value}` : '',
    f.asOf ? `as_of: "${f.asOf}"` : '',
    `status: ${f.status ?? 'company-reported'}`,
    f.extra ?? '',
    'evidence:',
    '  - source: weidemann-analysis',
    '    origin: mistral-arr-disclosure-2026-02',
    '    quote: In February, the company disclosed that its annual recurring revenue (ARR) was above $400 million',
    '',
  ].filter((l, i, all) => l !== '' || i === all.length - 1).join('\n');
}

/** The bundled dataset's arr-2026-02, and what the README's `claims new claim` example writes beside it. */
const ARR_STATEMENT = "Mistral AI's annual recurring revenue was above $400 million in February 2026.";
const ORIGINAL = claim('arr-2026-02', { statement: ARR_STATEMENT, value: '">$400M"', asOf: '2026-02', extra: 'tags: [revenue-growth]' });
const README_COPY = claim('mistral-ai-arr-2026-02', { statement: ARR_STATEMENT, value: '">$400M"', asOf: '2026-02' });

const pair = (a: string, b: string, more: Record<string, string> = {}) => ({ ...SOURCES, 'mistral-ai/a.yaml': a, 'mistral-ai/b.yaml': b, ...more });
const silent = (name: string, a: string, b: string): ValidCase => ({ name, files: pair(a, b) });

/** Partnership claims as the bundled dataset writes them (seed 004 names these deals). */
const partnership = (id: string, partner: string, extra = {}) =>
  claim(id, { category: 'partnership', statement: `Mistral AI and ${partner} signed a partnership.`, asOf: '2025-02', status: 'independent', ...extra });

ruleTester.run('duplicate-claim', {
  valid: [
    silent('is silent on different partners in one template statement, with different parties',
      partnership('p-helsing', 'Helsing', { parties: '[Helsing]' }), partnership('p-stellantis', 'Stellantis', { parties: '[Stellantis]' })),
    silent('is silent on different partners in one template statement, without parties (a differing name is not a near-identical statement)',
      partnership('p-helsing', 'Helsing'), partnership('p-france-travail', 'France Travail')),
    silent('is silent on the same statement with a different as_of',
      claim('arr-2026-02', { statement: ARR_STATEMENT, value: '">$400M"', asOf: '2026-02' }), claim('arr-2026-03', { statement: ARR_STATEMENT, value: '">$400M"', asOf: '2026-03' })),
    silent('is silent when one is retracted', ORIGINAL, README_COPY.replace('status: company-reported', 'status: retracted')),
    silent('is silent when one supersedes the other', ORIGINAL, README_COPY.replace('status: company-reported', 'supersedes: arr-2026-02\nstatus: company-reported')),
    silent('is silent on different figures for one period (value-conflict\'s business, or a range)',
      claim('arr-1', { statement: 'ARR was above $400 million.', value: '">$400M"', asOf: '2026-02' }), claim('arr-2', { statement: 'ARR was $450 million.', value: '"$450M"', asOf: '2026-02' })),
    silent('is silent on near-identical statements whose figures differ',
      claim('arr-1', { statement: 'Mistral AI ARR was above $400 million in February 2026.', asOf: '2026-02' }), claim('arr-2', { statement: 'Mistral AI ARR was above $300 million in February 2026.', asOf: '2026-02' })),
    silent('leaves claims without as_of out, as value-conflict does (no period to share)',
      claim('afp-1', { category: 'partnership', statement: 'Mistral AI has a strategic partnership with Agence France-Presse.', status: 'independent' }),
      claim('afp-2', { category: 'partnership', statement: 'Mistral AI has a strategic partnership with Agence France-Presse.', status: 'independent' })),
    silent('lets the values decide when both claims give one: one statement with two compatible figures is not a duplicate',
      claim('arr-1', { statement: ARR_STATEMENT, value: '">$400M"', asOf: '2026-02' }), claim('arr-2', { statement: ARR_STATEMENT, value: '"~$420M"', asOf: '2026-02' })),
    silent('compares within one category', ORIGINAL, README_COPY.replace('category: arr', 'category: revenue')),
    silent('compares within one subject', ORIGINAL, README_COPY.replace('subject: Mistral AI', 'subject: Mistral Compute')),
    silent('compares a forecast with forecasts only', ORIGINAL, README_COPY.replace('status: company-reported', 'assertion: forecast\ndue: "2026-12"\nstatus: company-reported')),
    silent('compares within one set of parties', partnership('p-1', 'Helsing', { parties: '[Helsing]' }), partnership('p-2', 'Helsing', { parties: '[Helsing, Stellantis]' })),
  ],
  invalid: [
    {
      name: 'reports the copy the README\'s `claims new claim` example writes, on the later file, naming the earlier and the merge command',
      files: { ...SOURCES, 'mistral-ai/arr-2026-02.yaml': ORIGINAL, 'mistral-ai/mistral-ai-arr-2026-02.yaml': README_COPY },
      errors: [{
        messageId: 'sameValue', file: 'mistral-ai/mistral-ai-arr-2026-02.yaml', path: 'value', line: 6, column: 8, severity: 'warning',
        message: 'Claim "mistral-ai-arr-2026-02" looks like a duplicate of "arr-2026-02" (mistral-ai/arr-2026-02.yaml): same subject, category, assertion, parties and period (2026-02), and the same value >$400M. Merge them with `claims merge mistral-ai-arr-2026-02 arr-2026-02`, or tell them apart (`as_of`, `parties`, `supersedes:`).',
      }],
    },
    {
      name: 'finds an equal value among equivalent forms (€385M = ~$415M), whatever the statements say',
      files: pair(
        claim('series-a', { category: 'funding-round', statement: 'Mistral AI closed a €385 million Series A around December 2023.', value: '["€385M", "~$415M"]', asOf: '2023-12' }),
        claim('series-a-usd', { category: 'funding-round', statement: 'Mistral raised about $415 million in its Series A.', value: '"~$415M"', asOf: '2023-12' }),
      ),
      errors: [{ messageId: 'sameValue', file: 'mistral-ai/b.yaml', messageIncludes: 'the same value ~$415M' }],
    },
    {
      name: 'finds near-identical statements without a value (case, punctuation and a common word apart)',
      files: pair(
        claim('afp-1', { category: 'partnership', statement: 'Mistral AI has a strategic partnership with Agence France-Presse.', parties: '[Agence France-Presse]', asOf: '2026', status: 'independent' }),
        claim('afp-2', { category: 'partnership', statement: 'Mistral AI signed a strategic partnership with Agence France-Presse', parties: '[Agence France-Presse]', asOf: '2026', status: 'independent' }),
      ),
      errors: [{ messageId: 'sameStatement', file: 'mistral-ai/b.yaml', path: 'statement', messageIncludes: ['"afp-1" (mistral-ai/a.yaml)', 'period (2026)', '`claims merge afp-2 afp-1`'] }],
    },
    {
      name: 'compares statements when only one claim gives a value',
      files: pair(ORIGINAL, claim('arr-copy', { statement: "Mistral AI's annual recurring revenue was above $400 million in February 2026", asOf: '2026-02' })),
      errors: [{ messageId: 'sameStatement', file: 'mistral-ai/b.yaml', messageIncludes: '"arr-2026-02" (mistral-ai/a.yaml)' }],
    },
    {
      name: 'compares subjects and parties through aliases',
      files: pair(
        partnership('p-1', 'France Travail', { parties: '[France Travail]' }),
        partnership('p-2', 'France’s job agency', { parties: '["France\'s job agency"]', subject: 'Mistral' }).replace('Mistral AI and France’s job agency', 'Mistral AI and France Travail'),
      ),
      options: { entities: new Entities({ Mistral: 'Mistral AI', "France's job agency": 'France Travail' }) },
      errors: [{ messageId: 'sameStatement', file: 'mistral-ai/b.yaml' }],
    },
    {
      name: 'reports each later copy once, naming the earliest (three copies give two warnings, not three)',
      files: pair(ORIGINAL, README_COPY, { 'mistral-ai/c.yaml': README_COPY.replace('id: mistral-ai-arr-2026-02', 'id: c') }),
      errors: [
        { messageId: 'sameValue', file: 'mistral-ai/b.yaml', messageIncludes: '"arr-2026-02" (mistral-ai/a.yaml)' },
        { messageId: 'sameValue', file: 'mistral-ai/c.yaml', messageIncludes: '"arr-2026-02" (mistral-ai/a.yaml)' },
      ],
    },
  ] satisfies InvalidCase<'duplicate-claim'>[],
});
