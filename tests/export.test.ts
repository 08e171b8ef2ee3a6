import { describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers.js';
import { fixtureCopy, PUBLISHING } from './helpers.js';

/** A copy of the 'query' fixture with extra files (relative path -> text) written over it. */
const queryCopy = (extra: Record<string, string>): string => fixtureCopy('query', extra);

type Json = Record<string, any>;

/** The one stderr line of a ClaimReview export whose configuration has neither `claimreview.url` nor `claimreview.publisher`. */
const NOT_READY =
  "claims: note: this ClaimReview output is not ready for publishing: set claimreview.url (each review's URL, required by Google)"
  + ' and claimreview.publisher (the author of the reviews) in claims.config.yaml\n';

async function claimReviews(cwd: string, args: string[] = []): Promise<Json[]> {
  const r = await runCli(['export', '--format', 'claimreview', ...args], cwd);
  expect(r.stderr).toBe(NOT_READY);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Json[];
}

const byId = (reviews: Json[], id: string): Json => {
  const r = reviews.find((x) => x.identifier === id);
  expect(r, id).toBeDefined();
  return r!;
};

describe('claims export --format claimreview', () => {
  it('is the default format and gives one ClaimReview per claim', async () => {
    const r = await runCli(['export'], 'query');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(NOT_READY);
    const reviews = JSON.parse(r.stdout) as Json[];
    expect(Array.isArray(reviews)).toBe(true);
    expect(reviews).toHaveLength(8);
    for (const x of reviews) {
      expect(x['@context']).toBe('https://schema.org');
      expect(x['@type']).toBe('ClaimReview');
      expect(x.itemReviewed['@type']).toBe('Claim');
      expect(x.reviewRating['@type']).toBe('Rating');
      // Not configured for publishing: no invented URL, author or review date.
      expect(x).not.toHaveProperty('url');
      expect(x).not.toHaveProperty('author');
      expect(x).not.toHaveProperty('datePublished');
    }
  });

  it('a company-reported claim: the company is the author, each source read an appearance, the earliest origin first', async () => {
    const x = byId(await claimReviews('query'), 'arr-2026-02');
    expect(x).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      identifier: 'arr-2026-02',
      claimReviewed: "Acme's ARR passed $10 million in February 2026.",
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Organization', name: 'Acme' },
        appearance: [
          { '@type': 'CreativeWork', datePublished: '2026-02-03', name: 'Daily roundup', publisher: { '@type': 'Organization', name: 'The Daily' } },
          { '@type': 'CreativeWork', datePublished: '2026-02-02', name: 'Wire story on Acme results', publisher: { '@type': 'Organization', name: 'Newswire' } },
        ],
        firstAppearance: {
          '@type': 'CreativeWork', datePublished: '2026-02-01', name: 'Acme results post', publisher: { '@type': 'Organization', name: 'Acme' },
        },
      },
      reviewRating: { '@type': 'Rating', ratingValue: 4, bestRating: 5, worstRating: 1, alternateName: 'company-reported' },
    });
  });

  it('an independent claim: the author is the best origin\'s publisher; firstAppearance is the earliest-dated origin', async () => {
    const x = byId(await claimReviews('query'), 'globex-investment');
    // registry (graded A) is the best origin; globex-pr (2025-09) is dated before registry (2025-10).
    expect(x.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'Registry' });
    expect(x.itemReviewed.appearance.map((a: Json) => a.name)).toEqual(['Globex invests in Acme', 'Company registry filing']);
    expect(x.itemReviewed.firstAppearance).toEqual({
      '@type': 'CreativeWork', datePublished: '2025-09', name: 'Globex invests in Acme', publisher: { '@type': 'Organization', name: 'Globex' },
    });
    expect(x.reviewRating.ratingValue).toBe(5);
    expect(x.reviewRating.alternateName).toBe('independent');
  });

  it('a rumored claim: anonymous author, an undated origin has no datePublished', async () => {
    const x = byId(await claimReviews('query'), 'rumored-round');
    expect(x.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'Unnamed' });
    expect(x.itemReviewed.firstAppearance).toEqual({
      '@type': 'CreativeWork', name: 'People familiar with the matter', publisher: { '@type': 'Organization', name: 'Unnamed' },
    });
    expect(x.reviewRating).toEqual({ '@type': 'Rating', ratingValue: 3, bestRating: 5, worstRating: 1, alternateName: 'rumored' });
  });

  it('rates every status on the documented scale: retracted 1, disputed 2, rumored 3, company-reported 4, independent 5', async () => {
    const claim = (id: string, status: string) =>
      `type: claim\nid: ${id}\nsubject: Acme\ncategory: other\nstatement: A ${status} claim.\nstatus: ${status}\nevidence:\n  - source: registry\n    quote: q\n`;
    const root = queryCopy({
      'claims/acme/was-retracted.yaml': claim('was-retracted', 'retracted'),
      'claims/acme/was-disputed.yaml': claim('was-disputed', 'disputed'),
    });
    const reviews = await claimReviews(root);
    const rating = (id: string) => byId(reviews, id).reviewRating;
    expect(rating('was-retracted')).toMatchObject({ ratingValue: 1, alternateName: 'retracted' });
    expect(rating('was-disputed')).toMatchObject({ ratingValue: 2, alternateName: 'disputed' });
    expect(rating('rumored-round')).toMatchObject({ ratingValue: 3, alternateName: 'rumored' });
    expect(rating('arr-2026-02')).toMatchObject({ ratingValue: 4, alternateName: 'company-reported' });
    expect(rating('valuation-2025')).toMatchObject({ ratingValue: 5, alternateName: 'independent' });
    for (const x of reviews) expect(x.reviewRating).toMatchObject({ bestRating: 5, worstRating: 1 });
  });

  it('gives an appearance a url only where its source has one', async () => {
    const root = queryCopy({
      'claims/sources/wire.yaml':
        'type: source\nid: wire\ntitle: Wire story on Acme results\npublisher: Newswire\nkind: news\npublished: "2026-02-02"\nurl: https://wire.example/acme-results\ncites: [acme-blog]\n',
    });
    const x = byId(await claimReviews(root), 'arr-2026-02');
    const [daily, wire] = x.itemReviewed.appearance as Json[];
    expect(daily).not.toHaveProperty('url');
    expect(wire).toEqual({
      '@type': 'CreativeWork', url: 'https://wire.example/acme-results', datePublished: '2026-02-02', name: 'Wire story on Acme results',
      publisher: { '@type': 'Organization', name: 'Newswire' },
    });
    expect(x.itemReviewed.firstAppearance).not.toHaveProperty('url');
    expect(x).not.toHaveProperty('url');
  });

  it('applies the list filters', async () => {
    const reviews = await claimReviews('query', ['--status', 'rumored']);
    expect(reviews.map((x) => x.identifier)).toEqual(['rumored-round']);
    const bad = await runCli(['export', '--status', 'rumord'], 'query');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Did you mean "rumored"?');
  });
});

describe('claims export --format jsonl and csv', () => {
  it('jsonl: one claim a line, each equal to the objects of list --format json', async () => {
    const r = await runCli(['export', '--format', 'jsonl'], 'query');
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('\n')).toBe(true);
    const lines = r.stdout.trimEnd().split('\n');
    const list = JSON.parse((await runCli(['list', '--format', 'json'], 'query')).stdout) as Json[];
    expect(lines).toHaveLength(list.length);
    expect(lines.map((l) => JSON.parse(l))).toEqual(list);
  });

  it('jsonl honours filters the way list does', async () => {
    const args = ['--category', 'arr', '--sort', 'id'];
    const r = await runCli(['export', '--format', 'jsonl', ...args], 'query');
    const list = JSON.parse((await runCli(['list', '--format', 'json', ...args], 'query')).stdout) as Json[];
    expect(r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual(list);
    expect(list.map((v) => v.id)).toEqual(['arr-2025-02', 'arr-2026-02', 'arr-forecast']);
  });

  it('csv: the same as list --format csv', async () => {
    const r = await runCli(['export', '--format', 'csv', '--subject', 'Acme'], 'query');
    const list = await runCli(['list', '--format', 'csv', '--subject', 'Acme'], 'query');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(list.stdout);
    expect(r.stdout.startsWith('id,file,subject,')).toBe(true);
  });

  it('rejects an unknown format with exit 2', async () => {
    const r = await runCli(['export', '--format', 'xml'], 'query');
    expect(r.code).toBe(2);
  });
});


describe('claims export: publishing settings (claimreview: in the configuration)', () => {
  it('fills url from the template, author from the publisher and datePublished from the run date; no note', async () => {
    const root = queryCopy({ 'claims.config.yaml': PUBLISHING });
    const r = await runCli(['export'], root);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const reviews = JSON.parse(r.stdout) as Json[];
    expect(reviews).toHaveLength(8);
    for (const x of reviews) {
      expect(x.url).toBe(`https://example.org/claims/${x.identifier}`);
      expect(x.author).toEqual({ '@type': 'Organization', name: 'Example News', url: 'https://example.org' });
      expect(x.datePublished).toBe('2026-11-24');
    }
    // --today sets the run date, and so the date of publication.
    const later = JSON.parse((await runCli(['export', '--today', '2026-12-01'], root)).stdout) as Json[];
    expect(later.every((x) => x.datePublished === '2026-12-01')).toBe(true);
  });

  it('names only what is missing: a publisher without a URL template', async () => {
    const root = queryCopy({ 'claims.config.yaml': 'claimreview:\n  publisher:\n    name: Example News\n' });
    const r = await runCli(['export', '--format', 'jsonld', '--today', '2026-03-01'], root);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "claims: note: this ClaimReview output is not ready for publishing: set claimreview.url (each review's URL, required by Google) in claims.config.yaml\n",
    );
    const graph = (JSON.parse(r.stdout) as Json)['@graph'] as Json[];
    for (const x of graph) {
      expect(x).not.toHaveProperty('url');
      expect(x.author).toEqual({ '@type': 'Organization', name: 'Example News' });
      expect(x.datePublished).toBe('2026-03-01');
    }
  });

  it('jsonl and csv are not ClaimReview: no note', async () => {
    for (const format of ['jsonl', 'csv', 'csv-evidence']) {
      const r = await runCli(['export', '--format', format], 'query');
      expect(r.code, format).toBe(0);
      expect(r.stderr, format).toBe('');
    }
  });

  it.each([
    ['claimreview:\n  publisher:\n    name: Example News\n    urll: https://example.org\n', 'claims.config.yaml:4:5: unknown setting "urll". Did you mean "url"?'],
    ['claimreview:\n  url: https://example.org/claims/\n', 'claims.config.yaml:2:8: `claimreview.url`: must be an http(s) URL template with {id}'],
    ['claimreview:\n  url: "ftp://example.org/{id}"\n', 'claims.config.yaml:2:8: `claimreview.url`: must be an http(s) URL template with {id}'],
    ['claimreview:\n  publisher: { name: "  " }\n', 'claims.config.yaml:2:22: `claimreview.publisher.name`: must name the publishing organisation'],
    ['claimreview:\n  publisher: { name: X, url: "javascript:alert(1)" }\n', 'claims.config.yaml:2:30: `claimreview.publisher.url`: must be an absolute http(s) URL'],
    ['claimreviews:\n  url: x\n', 'claims.config.yaml:1:1: unknown setting "claimreviews". Did you mean "claimreview"?'],
  ])('rejects a bad claimreview setting with its position (%#)', async (config, message) => {
    const r = await runCli(['export'], queryCopy({ 'claims.config.yaml': config }));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`claims: invalid config ${message}${message.endsWith('{id}') ? ', e.g. https://example.org/claims/{id}' : ''}\n`);
  });
});

describe('claims export --format jsonld', () => {
  it('is one document: a single @context and the ClaimReview objects, without their own @context, in @graph', async () => {
    const root = queryCopy({ 'claims.config.yaml': PUBLISHING });
    const doc = JSON.parse((await runCli(['export', '--format', 'jsonld', '--status', 'rumored,independent'], root)).stdout) as Json;
    expect(Object.keys(doc)).toEqual(['@context', '@graph']);
    expect(doc['@context']).toBe('https://schema.org');
    const array = JSON.parse((await runCli(['export', '--status', 'rumored,independent'], root)).stdout) as Json[];
    expect(doc['@graph']).toEqual(array.map(({ '@context': _context, ...rest }) => rest));
    expect((doc['@graph'] as Json[]).map((x) => x.identifier)).toEqual(['widget-launch', 'globex-investment', 'valuation-2025', 'valuation-2025-early', 'rumored-round']);
  });
});
