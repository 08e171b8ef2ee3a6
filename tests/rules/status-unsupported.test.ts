import { describe, expect, it } from 'vitest';
import { Entities } from '../../src/provenance/index.js';
import { lintFiles, ofRule } from '../helpers.js';
import { claimOf, statusSources } from './status-fixtures.js';

const lintClaim = (text: string) => ofRule(lintFiles({ ...statusSources, 'acme/arr-1.yaml': text }), 'status-unsupported');

describe('status-unsupported', () => {
  it.each([
    ['independent', ['reuters']],
    ['company-reported', ['acme-post']],
    ['rumored', ['tip']],
    ['independent', ['acme-post', 'reuters']],
    ['rumored', ['reuters']],
  ] as const)('is silent when the status (%s) is within what %j supports', (status, ev) => {
    expect(lintClaim(claimOf(status, [...ev]))).toEqual([]);
  });

  it('reports `independent` when every origin speaks for the subject', () => {
    const found = lintClaim(claimOf('independent', ['acme-post']));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'unsupported', file: 'acme/arr-1.yaml', line: 6, column: 9, path: 'status', severity: 'error' });
    expect(found[0]!.message).toBe(
      'Status is "independent" but the evidence supports only "company-reported": every origin traces to Acme itself ("acme-post"). Add evidence from an independent origin or set `status: company-reported`.',
    );
  });

  it('treats a party origin (speaks_for one of `parties`) as independent of the subject', () => {
    expect(lintClaim(claimOf('independent', ['initech-pr'], 'parties: [Initech]\n'))).toEqual([]);
  });

  it('treats a source speaking for someone unrelated to the claim as independent', () => {
    expect(lintClaim(claimOf('independent', ['initech-pr']))).toEqual([]);
  });

  it('reports `company-reported` when the only origin is anonymous', () => {
    const found = lintClaim(claimOf('company-reported', ['tip']));
    expect(found).toMatchObject([{ messageId: 'unsupported', line: 6, column: 9 }]);
    expect(found[0]!.message).toContain('supports only "rumored": every origin is anonymous ("tip")');
  });

  it('collapses relays: three articles relaying one company post are one company origin', () => {
    const found = lintClaim(claimOf('independent', ['news-1<acme-post', 'news-2<acme-post', 'news-3<acme-post']));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('every origin traces to Acme itself ("acme-post")');
  });

  it('counts an independent origin reached through a relay', () => {
    expect(lintClaim(claimOf('independent', ['news-1<acme-post', 'news-2<reuters']))).toEqual([]);
  });

  it.each(['disputed', 'retracted'])('never fires on `%s`', (status) => {
    expect(lintClaim(claimOf(status, ['tip']))).toEqual([]);
    expect(lintClaim(claimOf(status, ['acme-post']))).toEqual([]);
  });

  it('matches the subject case-insensitively', () => {
    const text = claimOf('independent', ['acme-post'], '', 'ACME');
    expect(lintClaim(text)).toMatchObject([{ messageId: 'unsupported', line: 6, column: 9 }]);
    expect(lintClaim(claimOf('company-reported', ['acme-post'], '', 'ACME'))).toEqual([]);
  });

  it('matches the subject through configured aliases', () => {
    const files = { ...statusSources, 'acme/arr-1.yaml': claimOf('independent', ['acme-post'], '', 'Acme Corporation') };
    expect(ofRule(lintFiles(files), 'status-unsupported')).toEqual([]);
    const aliased = lintFiles(files, { entities: new Entities({ 'Acme Corporation': 'Acme' }) });
    expect(ofRule(aliased, 'status-unsupported')).toMatchObject([{ messageId: 'unsupported', line: 6, column: 9 }]);
  });

  it('stays silent when no origin resolves (unknown-reference reports it instead)', () => {
    const d = lintFiles({ ...statusSources, 'acme/arr-1.yaml': claimOf('independent', ['nope-source']) });
    expect(ofRule(d, 'status-unsupported')).toEqual([]);
    expect(ofRule(d, 'unknown-reference')).toHaveLength(1);
  });
});
