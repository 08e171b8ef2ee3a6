/**
 * possible-relay and duplicate-claim end to end, through the built bin/claims.js (`npm run build` first): `claims show`
 * says when independent origins may be one, and the configuration sets both rules' severities.
 * The dataset is written from the seed texts: the sovereignty analysis relaying TechCrunch's profile (seed 000) and
 * Weidemann.tech's rewrite of that profile (seed 002).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostic.js';
import { writeDataset } from './helpers.js';

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'bin', 'claims.js');
const seed = (name: string): string => readFileSync(join(__dirname, 'fixtures', 'relay-seeds', `${name}.txt`), 'utf8');

const DATASET = {
  'claims/sources/techcrunch-profile.yaml': 'type: source\nid: techcrunch-profile\ntitle: TechCrunch profile of Mistral AI\npublisher: TechCrunch\nkind: news\n',
  'claims/sources/sovereignty-analysis.yaml': 'type: source\nid: sovereignty-analysis\ntitle: Sovereignty analysis\npublisher: Unnamed outlet\nkind: analysis\nsnapshot: snapshots/sovereignty-analysis.txt\n',
  'claims/sources/weidemann-analysis.yaml': 'type: source\nid: weidemann-analysis\ntitle: Weidemann analysis\npublisher: Weidemann.tech\nkind: analysis\nsnapshot: snapshots/weidemann-analysis.txt\n',
  'claims/snapshots/sovereignty-analysis.txt': seed('000-sovereignty-analysis'),
  'claims/snapshots/weidemann-analysis.txt': seed('002-weidemann-analysis'),
  'claims/mistral-ai/infrastructure-data-centers-france-sweden.yaml': [
    'type: claim',
    'id: infrastructure-data-centers-france-sweden',
    'subject: Mistral AI',
    'category: infrastructure',
    'statement: Mistral AI announced a €4 billion investment strategy to build data centres in France and Sweden.',
    'value: "€4B"',
    'as_of: "2026"',
    'status: independent',
    'evidence:',
    '  - source: sovereignty-analysis',
    '    origin: techcrunch-profile',
    '    quote: It also announced a €4 billion investment strategy to build data centers in France and Sweden.',
    '  - source: weidemann-analysis',
    '    quote: announced a €4 billion investment strategy to build data centers in France and Sweden',
    '',
  ].join('\n'),
};
const ID = 'infrastructure-data-centers-france-sweden';
/** The same claim logged again under another id (as `claims new claim` would write it). */
const COPY = { 'claims/mistral-ai/mistral-ai-infrastructure-2026.yaml': DATASET[`claims/mistral-ai/${ID}.yaml`].replace(`id: ${ID}`, 'id: mistral-ai-infrastructure-2026') };

const bin = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', COLUMNS: '200' } });

describe('claims show (built CLI)', () => {
  it('says that two independent origins may be one, and why', () => {
    const dir = writeDataset(DATASET);
    const r = bin(['show', ID, '--today', '2026-11-24'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('(derived: 2 independent,');
    expect(r.stdout).toContain('\n           2 independent origins, but they may be one: techcrunch-profile and weidemann-analysis: near-identical quotes, 88% the same words\n');
  });

  it('carries the relays in JSON and Markdown', () => {
    const dir = writeDataset(DATASET);
    const json = JSON.parse(bin(['show', ID, '--format', 'json', '--today', '2026-11-24'], dir).stdout) as { possible_relays: unknown };
    expect(json.possible_relays).toEqual([{
      origins: ['techcrunch-profile', 'weidemann-analysis'], evidence: [1, 2], reason: { kind: 'quote', similarity: 14 / 16 }, why: 'near-identical quotes, 88% the same words',
    }]);
    expect(bin(['show', ID, '--format', 'markdown', '--today', '2026-11-24'], dir).stdout)
      .toContain('| Possible relays | 2 independent origins, but they may be one: techcrunch-profile and weidemann-analysis: near-identical quotes, 88% the same words |');
  });

  it('prints no relay line when the origins are one', () => {
    const dir = writeDataset({
      ...DATASET,
      [`claims/mistral-ai/${ID}.yaml`]: DATASET[`claims/mistral-ai/${ID}.yaml`].replace('  - source: weidemann-analysis\n', '  - source: weidemann-analysis\n    origin: techcrunch-profile\n'),
    });
    const r = bin(['show', ID, '--today', '2026-11-24'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('may be one');
    expect((JSON.parse(bin(['show', ID, '--format', 'json', '--today', '2026-11-24'], dir).stdout) as { possible_relays: unknown[] }).possible_relays).toEqual([]);
  });
});

describe('severities from claims.config.yaml', () => {
  const rulesOf = (out: string) => (JSON.parse(out) as { diagnostics: Diagnostic[] }).diagnostics.map((d) => `${d.file}:${d.rule}:${d.severity}`);

  it('reports both as warnings by default', () => {
    const dir = writeDataset({ ...DATASET, ...COPY });
    const r = bin(['validate', '--format', 'json', '--today', '2026-11-24'], dir);
    expect(r.status).toBe(0);
    expect(rulesOf(r.stdout)).toEqual([
      `claims/mistral-ai/${ID}.yaml:possible-relay:warning`,
      'claims/mistral-ai/mistral-ai-infrastructure-2026.yaml:duplicate-claim:warning',
      'claims/mistral-ai/mistral-ai-infrastructure-2026.yaml:possible-relay:warning',
    ]);
  });

  it('turns one off and makes the other an error (exit 1)', () => {
    const dir = writeDataset({ ...DATASET, ...COPY, 'claims.config.yaml': 'rules:\n  duplicate-claim: error\n  possible-relay: off\n' });
    const r = bin(['validate', '--format', 'json', '--today', '2026-11-24'], dir);
    expect(rulesOf(r.stdout)).toEqual(['claims/mistral-ai/mistral-ai-infrastructure-2026.yaml:duplicate-claim:error']);
    expect(r.status).toBe(1);
  });
});
