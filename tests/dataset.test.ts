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
