import { describe, expect, it } from 'vitest';
import { lintFiles, ofRule, source } from '../helpers.js';
import { claimOf, statusSources } from './status-fixtures.js';

const lintClaim = (text: string) => ofRule(lintFiles({ ...statusSources, 'acme/arr-1.yaml': text }), 'status-understated');

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
    const spaced = lintFiles({ ...statusSources, 'sources/acme-post.yaml': source('acme-post', 'speaks_for: ["  ACME "]\n'), 'acme/arr-1.yaml': claimOf('rumored', ['acme-post']) });
    expect(ofRule(spaced, 'status-understated')).toHaveLength(1);
  });

  it('stays silent while an origin is unresolved', () => {
    const d = lintFiles({ ...statusSources, 'acme/arr-1.yaml': claimOf('rumored', ['reuters', 'missing-source']) });
    expect(ofRule(d, 'status-understated')).toEqual([]);
    expect(ofRule(d, 'unknown-reference')).toHaveLength(1);
  });
});
