import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../src/load/dataset.js';
import { lint } from '../src/lint.js';
import { buildIndex, claimProvenance, Entities } from '../src/provenance/index.js';

const ROOT = resolve(__dirname, '..');
const SEEDS = resolve(ROOT, '..', 'shared', 'seeds');
/** The seed text each quotable source is. */
const SEED_FILES: Record<string, string> = {
  'sovereignty-analysis': '000_2168df9d86d58850.txt',
  'techcrunch-profile-summary': '001_053741f1b8a21a75.txt',
  'weidemann-analysis': '002_5b008f336f4f8da9.txt',
  'sovereign-integrator-essay': '003_1391b9bcc3bad0c9.txt',
  'techcrunch-down-to-business': '004_1bea8dcc8abd8ca5.txt',
};

const ds = loadDataset(resolve(ROOT, 'claims'), ROOT);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('the bundled Mistral AI dataset', () => {
  it('validates with zero errors; the only warnings are overdue forecasts', () => {
    const result = lint(ds, { today: '2026-11-24' });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect([...new Set(result.diagnostics.map((d) => d.rule))]).toEqual(['forecast-overdue']);
    // The README ("The bundled dataset") names each warning and why it stays.
    expect(result.diagnostics.map((d) => d.file.replace(/^.*\//, '')).sort()).toEqual([
      'forecast-open-weight-model-summer-2026.yaml', 'forecast-stellantis-owners-manual-assistant.yaml', 'revenue-target-2025-bpifrance.yaml',
    ]);
  });

  it('has at least 50 claims and 15 sources, every file starting with its schema modeline', () => {
    expect(ds.claims.length).toBeGreaterThanOrEqual(50);
    expect(ds.sources.length).toBeGreaterThanOrEqual(15);
    for (const f of ds.files) {
      const first = readFileSync(f.abs, 'utf8').split('\n')[0];
      expect(first, f.file).toBe(`# yaml-language-server: $schema=../../schemas/${f.type}.schema.json`);
    }
  });

  it('shows derived provenance: ARR above $400M is ONE company origin however many articles relay it', () => {
    const index = buildIndex(ds);
    const arr = index.claims.get('arr-2026-02')!.data;
    const p = claimProvenance(arr, index, new Entities());
    expect(p.sources.length).toBeGreaterThanOrEqual(2);
    expect(p.originIds).toEqual(['mistral-arr-disclosure-2026-02']);
    expect(p.support).toBe('company-reported');
  });

  describe('the desk review of who each text says a statement comes from (README, "The sourcing review")', () => {
    const index = buildIndex(ds);
    const prov = (id: string) => {
      const claim = index.claims.get(id);
      expect(claim, id).toBeDefined();
      return claimProvenance(claim!.data, index, new Entities());
    };

    it('every declared status is what the evidence supports, no more and no less', () => {
      for (const { data } of ds.claims) {
        if (data.status === 'disputed' || data.status === 'retracted') continue;
        expect(`${data.id}: ${data.status}`).toBe(`${data.id}: ${prov(data.id).support}`);
      }
    });

    it('Weidemann.tech (seed 002) and the essay (seed 003) are never an origin in their own right: each item names its origin or is unattributed', () => {
      let marked = 0;
      for (const { file, data } of ds.claims) {
        data.evidence.forEach((ev, i) => {
          if (ev.source !== 'weidemann-analysis' && ev.source !== 'sovereign-integrator-essay') return;
          const named = ev.origin !== undefined && ev.origin !== ev.source;
          expect(named || ev.unattributed === true, `${file} evidence[${i}]`).toBe(true);
          if (ev.unattributed === true) marked++;
        });
      }
      expect(marked).toBe(50);
    });

    it('no item marked unattributed quotes words that attribute it (said, according to, disclosed, a named outlet or database)', () => {
      const attributing = /according to|\bsaid\b|\bsays\b|disclosed|announced|TechCrunch|Crunchbase|reported that|\bcited\b|\bclaims\b/i;
      for (const { file, data } of ds.claims) {
        data.evidence.forEach((ev, i) => {
          if (ev.unattributed === true) expect(ev.quote ?? '', `${file} evidence[${i}]`).not.toMatch(attributing);
        });
      }
    });

    it('every funding round and valuation before 2026 is rumored: seed 002 credits Crunchbase for the ~$4B total only', () => {
      const early = ds.claims.filter(
        ({ data }) => data.subject === 'Mistral AI' && ['valuation', 'funding-round'].includes(data.category) && (data.as_of ?? '9999') < '2026',
      );
      expect(early.map(({ data }) => data.id).sort()).toEqual([
        'round-2024-06', 'seed-2023-06', 'series-a-2023-12', 'series-c-2025-09',
        'valuation-2024-06', 'valuation-seed-2023-06', 'valuation-series-a-2023-12', 'valuation-series-c-2025-09',
      ]);
      for (const { data } of early) expect(`${data.id}: ${prov(data.id).support}`).toBe(`${data.id}: rumored`);
      expect(prov('funding-total-2026').originIds).toEqual(['crunchbase']);
      expect(prov('funding-total-2026').support).toBe('independent');
    });

    it("TechCrunch is on record for what it observed (app-store ranks), not for figures it could not have seen (others' funding totals)", () => {
      for (const id of ['market-le-chat-top-ios-app-france', 'market-le-chat-rank-germany', 'market-le-chat-not-top-100-spain-italy-uk']) {
        expect(prov(id).byClass.independent, id).toEqual(['techcrunch-down-to-business']);
      }
      for (const id of ['openai-funding-total-2025-02', 'anthropic-funding-total-2025-02', 'funding-total-2025-02']) {
        expect(prov(id).byClass.unattributed, id).toEqual(['techcrunch-down-to-business']);
        expect(prov(id).support, id).toBe('rumored');
      }
    });

    it('an origin the text names is declared: the company announced the €4B data-centre plan; the Forge point is the CEO\'s LinkedIn post', () => {
      expect(prov('infrastructure-data-centers-france-sweden').originIds).toEqual(['mistral-data-centers-announcement']);
      expect(prov('infrastructure-data-centers-france-sweden').support).toBe('company-reported');
      expect(prov('product-forge').byClass).toMatchObject({ self: ['mensch-linkedin-post'], independent: [], unattributed: ['weidemann-analysis'] });
      expect(prov('product-forge').support).toBe('company-reported');
    });
  });

  const seedsPresent = existsSync(SEEDS);
  if (!seedsPresent) console.warn(`SKIPPED: quote checks need the seed texts at ${SEEDS}`);

  describe.skipIf(!seedsPresent)('against the seed texts', () => {
    const seedText = (id: string) => squash(readFileSync(resolve(SEEDS, SEED_FILES[id]!), 'utf8'));
    const allSeeds = () => readdirSync(SEEDS).map((f) => readFileSync(resolve(SEEDS, f), 'utf8')).join('\n');

    it('every quote is a verbatim excerpt of the seed text it cites', () => {
      let checked = 0;
      for (const { file, data } of ds.claims) {
        data.evidence.forEach((ev, i) => {
          expect(SEED_FILES[ev.source], `${file} evidence[${i}] reads a source that is not a seed text`).toBeDefined();
          expect(seedText(ev.source).includes(squash(ev.quote ?? '')), `${file} evidence[${i}] quote`).toBe(true);
          checked++;
        });
      }
      expect(checked).toBeGreaterThan(100);
    });

    it('every URL is printed in a seed text', () => {
      const text = allSeeds();
      for (const { file, data } of ds.sources) {
        for (const url of [data.url, data.archive_url]) if (url) expect(text.includes(url), `${file} ${url}`).toBe(true);
      }
    });
  });
});

describe('the bundled dataset is in canonical form', () => {
  it('claims fmt --check finds nothing to rewrite', async () => {
    const { runCli } = await import('./cli-helpers.js');
    const r = await runCli(['fmt', '--check'], ROOT);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
