/**
 * The `unattributed` origin class: an evidence item whose text states the figure without saying where it comes from.
 * Quotes are from the seed texts (Weidemann.tech's analysis and TechCrunch's profile of Mistral AI).
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../src/load/dataset.js';
import { buildIndex, claimProvenance, Entities } from '../src/provenance/index.js';
import { gradeClaim } from '../src/provenance/grade.js';
import { verdict } from '../src/query/explain.js';
import { queryContext } from '../src/query/view.js';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { lintFiles, ofRule, writeDataset } from './helpers.js';

const WEIDEMANN = 'type: source\nid: weidemann\ntitle: Mistral AI analysis\npublisher: Weidemann.tech\nkind: analysis\nreliability: C\n';
const CRUNCHBASE = 'type: source\nid: crunchbase\ntitle: Crunchbase profile\npublisher: Crunchbase\nkind: database\nreliability: B\n';
const COMPANY = 'type: source\nid: mistral-blog\ntitle: Mistral news\npublisher: Mistral AI\nkind: primary\nspeaks_for: [Mistral AI]\n';
const SEED_QUOTE = 'in June 2023—about a month after it was founded—the company raised a $113 million seed round';
const TOTAL_QUOTE = 'totaling around $4 billion according to Crunchbase';

const round = (id: string, evidence: string, status = 'rumored') =>
  `type: claim\nid: ${id}\nsubject: Mistral AI\ncategory: funding-round\nstatement: Mistral AI raised a $113M seed round.\nvalue: "$113M"\nas_of: 2023-06\nstatus: ${status}\nevidence:\n${evidence}`;

const FILES = {
  'sources/weidemann.yaml': WEIDEMANN,
  'sources/crunchbase.yaml': CRUNCHBASE,
  'sources/mistral-blog.yaml': COMPANY,
  'claims/seed.yaml': round('seed', `  - source: weidemann\n    unattributed: true\n    quote: "${SEED_QUOTE}"\n`),
  'claims/total.yaml': round('total', `  - source: weidemann\n    origin: crunchbase\n    quote: "${TOTAL_QUOTE}"\n`, 'independent'),
  'claims/mixed.yaml': round('mixed', `  - source: weidemann\n    unattributed: true\n    quote: "${SEED_QUOTE}"\n  - source: weidemann\n    quote: "${SEED_QUOTE}"\n`, 'independent'),
  'claims/own.yaml': round('own', `  - source: mistral-blog\n    unattributed: true\n`, 'company-reported'),
};

function prov(files: Record<string, string>, id: string) {
  const root = writeDataset(files);
  const index = buildIndex(loadDataset(root, root));
  const claim = index.claims.get(id)!.data;
  const p = claimProvenance(claim, index, new Entities());
  return { p, claim, index };
}

describe('unattributed origins', () => {
  it('an article stating a figure without attribution is an unattributed origin: it supports only rumored', () => {
    const { p, claim, index } = prov(FILES, 'seed');
    expect(p.byClass.unattributed).toEqual(['weidemann']);
    expect(p.origins).toEqual({ independent: 0, party: 0, self: 0, anonymous: 0, unattributed: 1 });
    expect(p.support).toBe('rumored');
    const g = gradeClaim(claim, p, index, '2026-11-24', false);
    expect(g.credibility).toBe(4);
    expect(g.grade).toBe('C4');
    expect(g.reason).toMatch(/unattributed origins only/);
    expect(verdict(claim, p)).toMatch(/^Rumored: unattributed; weidemann states the figure without saying where it comes from/);
  });

  it('the same text naming an origin is that origin; an attributed item from the same text outranks its unattributed one', () => {
    expect(prov(FILES, 'total').p.byClass.independent).toEqual(['crunchbase']);
    const mixed = prov(FILES, 'mixed').p;
    expect(mixed.byClass).toMatchObject({ independent: ['weidemann'], unattributed: [] });
    expect(mixed.originIds).toEqual(['weidemann']);
  });

  it("the company's own text is its own word, attributed or not", () => {
    const { p } = prov(FILES, 'own');
    expect(p.byClass.self).toEqual(['mistral-blog']);
    expect(p.support).toBe('company-reported');
  });

  it('anonymous and unattributed together grade 4 and are named in the verdict', () => {
    const files = {
      ...FILES,
      'sources/people.yaml': 'type: source\nid: people\ntitle: People familiar\npublisher: Bloomberg\nkind: anonymous\nposition: investors in the round\n',
      'claims/both.yaml': round('both', `  - source: weidemann\n    unattributed: true\n  - source: people\n`),
    };
    const { p, claim, index } = prov(files, 'both');
    expect(gradeClaim(claim, p, index, '2026-11-24', false).reason).toBe('anonymous or unattributed origins only');
    expect(verdict(claim, p)).toMatch(/anonymous sources \(people\) and on texts that do not say where the figure comes from \(weidemann\)/);
  });

  it('status-unsupported holds an independent claim resting on an unattributed figure to rumored, and says why', () => {
    const files = { ...FILES, 'claims/seed.yaml': round('seed', `  - source: weidemann\n    unattributed: true\n    quote: "${SEED_QUOTE}"\n`, 'independent') };
    const found = ofRule(lintFiles(files), 'status-unsupported');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/every origin is unattributed: "weidemann" states the figure without saying where it comes from/);
  });

  it('the schema refuses `origin` or `via` beside `unattributed: true`, naming the field', () => {
    const files = { ...FILES, 'claims/seed.yaml': round('seed', `  - source: weidemann\n    unattributed: true\n    origin: crunchbase\n`) };
    const schema = lintFiles(files).filter((d) => d.rule === 'schema');
    expect(schema).toHaveLength(1);
    expect(schema[0]!.message).toMatch(/`evidence\[0\].origin` is not allowed with `unattributed: true`: an unattributed statement names no origin/);
    expect(schema[0]!.line).toBe(12); // the `origin:` line
    // `unattributed: false` is the default, spelt out: no finding.
    const plain = { ...FILES, 'claims/seed.yaml': round('seed', `  - source: weidemann\n    unattributed: false\n    origin: crunchbase\n`) };
    expect(lintFiles(plain).filter((d) => d.rule === 'schema')).toEqual([]);
  });

  it("editors agree: ajv with the generated JSON Schema refuses what the CLI refuses", () => {
    const ajv = new Ajv2020({ allErrors: true, strictTypes: false });
    ajv.addKeyword('patternErrorMessage');
    const check = ajv.compile(JSON.parse(readFileSync('schemas/claim.schema.json', 'utf8')));
    const ok = parse(round('seed', `  - source: weidemann\n    unattributed: true\n`));
    const origin = parse(round('seed', `  - source: weidemann\n    unattributed: true\n    origin: crunchbase\n`));
    const via = parse(round('seed', `  - source: weidemann\n    unattributed: true\n    via: [crunchbase]\n`));
    const notFlagged = parse(round('seed', `  - source: weidemann\n    unattributed: false\n    via: [crunchbase]\n`));
    expect([check(ok), check(origin), check(via), check(notFlagged)]).toEqual([true, false, false, true]);
  });

  it('list views, tiers and tallies count the class', () => {
    const root = writeDataset(FILES);
    const ctx = queryContext(loadDataset(root, root), new Entities(), '2026-11-24');
    expect(ctx.viewById.get('seed')!.origins.unattributed).toBe(1);
    expect(ctx.viewById.get('seed')!.grade).toBe('C4');
  });
});
