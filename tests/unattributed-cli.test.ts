/** `--unattributed` on `claims cite` and `claims new claim`, through the real CLI (bin/claims.js). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers.js';
import { writeDataset } from './helpers.js';

// Seed 002 (Weidemann.tech) gives the seed round in its own voice and credits Crunchbase only for the funding total.
const SEED = 'in June 2023—about a month after it was founded—the company raised a $113 million seed round';
const CLAIM = [
  'type: claim', 'id: seed-2023-06', 'subject: Mistral AI', 'category: funding-round',
  'statement: Mistral AI raised a $113 million seed round in June 2023.', 'value: "$113M"', 'as_of: "2023-06"', 'status: rumored',
  'evidence:', '  - source: weidemann', `    quote: ${SEED}`, '    unattributed: true', '',
].join('\n');

function dataset(): string {
  return writeDataset({
    'claims.config.yaml': 'today: 2026-11-24\n',
    'claims/sources/weidemann.yaml': 'type: source\nid: weidemann\ntitle: Mistral AI analysis\npublisher: Weidemann.tech\nkind: analysis\nreliability: C\n',
    'claims/sources/crunchbase.yaml': 'type: source\nid: crunchbase\ntitle: Crunchbase profile\npublisher: Crunchbase\nkind: database\nreliability: B\n',
    'claims/mistral-ai/seed-2023-06.yaml': CLAIM,
  });
}

describe('--unattributed', () => {
  it('cite writes `unattributed: true` and says support stays rumored', async () => {
    const root = dataset();
    const r = await runCli(['cite', 'seed-2023-06', '--source', 'crunchbase', '--unattributed'], root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Support stays rumored; the grade's reliability is now the better-graded text's, credibility stays 4.
    expect(r.stdout).toBe('claims/mistral-ai/seed-2023-06.yaml: evidence[1] added (crunchbase, unattributed)\nsupport rumored; grade C4 → B4\n');
    expect(readFileSync(join(root, 'claims/mistral-ai/seed-2023-06.yaml'), 'utf8')).toBe(`${CLAIM}  - source: crunchbase\n    unattributed: true\n`);
    const list = JSON.parse((await runCli(['list', '--format', 'json'], root)).stdout);
    expect(list[0]).toMatchObject({ support: 'rumored', origins: { unattributed: 2, independent: 0 }, credibility: 4 });
  });

  it('cite refuses --unattributed with --origin, naming both and the fix (exit 2, nothing written)', async () => {
    const root = dataset();
    const r = await runCli(['cite', 'seed-2023-06', '--source', 'weidemann', '--origin', 'crunchbase', '--unattributed'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('claims: --unattributed cannot go with --origin: an unattributed statement names no origin; drop --origin, or drop --unattributed if the text says who it comes from\n');
    expect(readFileSync(join(root, 'claims/mistral-ai/seed-2023-06.yaml'), 'utf8')).toBe(CLAIM);
  });

  it('new claim: --unattributed belongs to the evidence item it follows', async () => {
    const root = dataset();
    const r = await runCli([
      'new', 'claim', '--id', 'total', '--subject', 'Mistral AI', '--category', 'funding-total', '--statement', 'Mistral AI raised about $4 billion.',
      '--value', '~$4B', '--status', 'independent',
      '--source', 'weidemann', '--origin', 'crunchbase', '--quote', 'totaling around $4 billion according to Crunchbase',
      '--source', 'weidemann', '--unattributed', '--quote', 'Mistral’s rise has been fueled by a mix of venture rounds and significant debt financing',
    ], root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = readFileSync(join(root, 'claims/mistral-ai/total.yaml'), 'utf8');
    expect(text).toContain('evidence:\n  - source: weidemann\n    origin: crunchbase\n    quote: totaling around $4 billion according to Crunchbase\n  - source: weidemann\n    quote: Mistral’s rise has been fueled by a mix of venture rounds and significant debt financing\n    unattributed: true\n');
    const bad = await runCli(['new', 'claim', '--id', 'x', '--subject', 'Mistral AI', '--category', 'other', '--statement', 'S.', '--status', 'rumored',
      '--source', 'weidemann', '--via', 'crunchbase', '--unattributed'], root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^claims: --unattributed cannot go with --via \(evidence item 1, --source weidemann\)/);
  });
});
