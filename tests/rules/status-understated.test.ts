import { describe, expect, it } from 'vitest';
import { lintFiles, ofRule, source } from '../helpers.js';

const sources = {
  'sources/acme-post.yaml': source('acme-post', 'speaks_for: [Acme]\n'),
  'sources/initech-pr.yaml': source('initech-pr', 'speaks_for: [Initech]\n'),
  'sources/tip.yaml': 'type: source\nid: tip\ntitle: A person familiar with the matter\npublisher: The Information\nkind: anonymous\n',
  'sources/reuters.yaml': source('reuters'),
  'sources/news-1.yaml': source('news-1'),
  'sources/news-2.yaml': source('news-2'),
  'sources/news-3.yaml': source('news-3'),
};

/** A claim (status on line 6) with one evidence item per entry: `source` or `source<origin`. */
const claimOf = (status: string, evidence: string[], extra = '', subject = 'Acme'): string => {
  const items = evidence.map((e) => {
    const [src, origin] = e.split('<');
    return `  - source: ${src}\n${origin ? `    origin: ${origin}\n` : ''}    quote: q\n`;
  });
  return `type: claim\nid: arr-1\nsubject: ${subject}\ncategory: arr\nstatement: A statement.\nstatus: ${status}\n${extra}evidence:\n${items.join('')}`;
};

const lintClaim = (text: string) => ofRule(lintFiles({ ...sources, 'acme/arr-1.yaml': text }), 'status-understated');

describe('status-understated', () => {
  it.each([
    ['independent', ['reuters']],
    ['company-reported', ['acme-post']],
    ['rumored', ['tip']],
    ['company-reported', ['news-1<acme-post', 'news-2<acme-post', 'news-3<acme-post']],
  ] as const)('is silent when the status (%s) matches what %j supports', (status, ev) => {
    expect(lintClaim(claimOf(status, [...ev]))).toEqual([]);
  });

  it('warns at `status` when a company-reported claim is declared rumored', () => {
    const found = lintClaim(claimOf('rumored', ['acme-post']));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'understated', file: 'acme/arr-1.yaml', line: 6, column: 9, path: 'status', severity: 'warning' });
    expect(found[0]!.message).toBe(
      'Status is "rumored" but the evidence supports "company-reported": every origin traces to Acme itself ("acme-post"). Set `status: company-reported`, or `disputed` if you doubt the evidence.',
    );
  });

  it('warns when one independent origin sits beside company relays', () => {
    const found = lintClaim(claimOf('company-reported', ['news-1<acme-post', 'news-2<acme-post', 'news-3<reuters']));
    expect(found).toMatchObject([{ messageId: 'understated', line: 6, column: 9 }]);
    expect(found[0]!.message).toContain('supports "independent": "reuters" is independent of Acme');
  });

  it('treats a party origin (speaks_for one of `parties`) as independent', () => {
    const found = lintClaim(claimOf('rumored', ['initech-pr'], 'parties: [Initech]\n'));
    expect(found).toMatchObject([{ messageId: 'understated', line: 6, column: 9 }]);
    expect(found[0]!.message).toContain('supports "independent": "initech-pr" is independent of Acme');
  });

  it('does not upgrade anonymous evidence: rumored stays rumored', () => {
    expect(lintClaim(claimOf('rumored', ['tip', 'news-1<tip']))).toEqual([]);
  });

  it.each(['disputed', 'retracted'])('never fires on `%s`', (status) => {
    expect(lintClaim(claimOf(status, ['reuters']))).toEqual([]);
  });

  it('matches the subject case-insensitively (and ignores spacing)', () => {
    const text = claimOf('rumored', ['acme-post'], '', 'aCmE');
    expect(lintClaim(text)).toMatchObject([{ messageId: 'understated', line: 6, column: 9 }]);
    const spaced = lintFiles({ ...sources, 'sources/acme-post.yaml': source('acme-post', 'speaks_for: ["  ACME "]\n'), 'acme/arr-1.yaml': claimOf('rumored', ['acme-post']) });
    expect(ofRule(spaced, 'status-understated')).toHaveLength(1);
  });

  it('stays silent while an origin is unresolved', () => {
    const d = lintFiles({ ...sources, 'acme/arr-1.yaml': claimOf('rumored', ['reuters', 'missing-source']) });
    expect(ofRule(d, 'status-understated')).toEqual([]);
    expect(ofRule(d, 'unknown-reference')).toHaveLength(1);
  });
});
