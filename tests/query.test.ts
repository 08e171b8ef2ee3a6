import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runCli } from './cli-helpers.js';

const Q = 'query';
const ids = async (...args: string[]) => (await runCli(['list', '--format', 'ids', ...args], Q)).stdout.trim().split('\n').filter(Boolean);
const json = async (...args: string[]) => JSON.parse((await runCli(['list', '--format', 'json', ...args], Q)).stdout) as Array<Record<string, unknown>>;

describe('claims list: filters', () => {
  it('lists every valid claim sorted by as_of then id by default', async () => {
    expect(await ids()).toEqual([
      'widget-launch', 'arr-2025-02', 'globex-investment', 'valuation-2025', 'valuation-2025-early', 'rumored-round', 'arr-2026-02', 'arr-forecast',
    ]);
  });

  it('ORs within a list and ANDs across options', async () => {
    expect(await ids('--status', 'rumored,company-reported', '--sort', 'id')).toEqual(['arr-2025-02', 'arr-2026-02', 'arr-forecast', 'rumored-round']);
    expect(await ids('--status', 'rumored,company-reported', '--category', 'arr', '--assertion', 'fact', '--sort', 'id')).toEqual(['arr-2025-02', 'arr-2026-02']);
  });

  it('matches subject and party case-insensitively and through aliases', async () => {
    // "Acme Corp" is an alias of Acme in claims.config.yaml, and globex-investment's subject is written "Acme Corp".
    expect(await ids('--subject', 'acme', '--category', 'investment')).toEqual(['globex-investment']);
    expect(await ids('--subject', 'ACME CORP', '--category', 'investment')).toEqual(['globex-investment']);
    // The claim names its party "Le Widget", an alias of Widget.
    expect(await ids('--party', 'widget')).toEqual(['widget-launch']);
    expect(await ids('--party', 'LE WIDGET')).toEqual(['widget-launch']);
    expect(await ids('--party', 'gadget')).toEqual([]);
    expect(await ids('--party', 'globex')).toEqual(['globex-investment']);
  });

  it('--source matches claims that read, relay or originate from a source', async () => {
    expect(await ids('--source', 'wire', '--sort', 'id')).toEqual(['arr-2026-02']);
    expect(await ids('--source', 'acme-blog', '--sort', 'id')).toEqual(['arr-2025-02', 'arr-2026-02', 'arr-forecast']);
    expect(await ids('--source', 'tipsters')).toEqual(['rumored-round']);
  });

  it('--since/--until compare partial dates by the period they cover', async () => {
    expect(await ids('--since', '2026', '--sort', 'id')).toEqual(['arr-2026-02', 'arr-forecast', 'rumored-round']);
    // 2026 (the whole year) overlaps a window ending in 2026-02; 2024 does not reach 2025.
    expect(await ids('--since', '2025', '--until', '2026-02', '--sort', 'id')).toEqual([
      'arr-2025-02', 'arr-2026-02', 'arr-forecast', 'globex-investment', 'rumored-round', 'valuation-2025', 'valuation-2025-early',
    ]);
    expect(await ids('--until', '2025-01')).toEqual(['widget-launch']);
  });

  it('--min-independent and --support use the derived provenance, not the declared status', async () => {
    expect(await ids('--min-independent', '2')).toEqual(['globex-investment']);
    expect(await ids('--support', 'company-reported', '--sort', 'id')).toEqual(['arr-2025-02', 'arr-2026-02', 'arr-forecast']);
    expect(await ids('--support', 'rumored')).toEqual(['rumored-round']);
  });

  it('--search looks in statement, subject, parties and tags', async () => {
    expect(await ids('--search', 'GROWTH')).toEqual(['arr-2026-02']);
    expect(await ids('--search', 'globex', '--sort', 'id')).toEqual(['globex-investment', 'widget-launch']);
  });

  it('--credibility filters on the derived grade', async () => {
    expect(await ids('--credibility', '1')).toEqual(['globex-investment']);
    expect(await ids('--credibility', '4')).toEqual(['rumored-round']);
    // One independent origin: graded A (the registry) gives 2, graded C (the daily) gives 3.
    expect(await ids('--credibility', '2')).toEqual(['valuation-2025']);
    expect(await ids('--credibility', '3', '--category', 'valuation')).toEqual(['valuation-2025-early']);
    expect(await ids('--credibility', '6')).toEqual([]);
  });

  it('--sort value and -as_of, --limit', async () => {
    expect(await ids('--category', 'valuation,arr', '--assertion', 'fact', '--sort', '-value')).toEqual(['valuation-2025', 'valuation-2025-early', 'arr-2026-02', 'arr-2025-02']);
    expect(await ids('--sort', '-as_of', '--limit', '2')).toEqual(['arr-2026-02', 'arr-forecast']);
  });
});

describe('claims list: derived fields in json', () => {
  it('collapses relays: two articles relaying one company post are one self origin', async () => {
    const [c] = await json('--search', 'growth');
    expect(c).toEqual({
      id: 'arr-2026-02', file: 'claims/acme/arr-2026-02.yaml', subject: 'Acme', parties: [], category: 'arr', assertion: 'fact',
      statement: "Acme's ARR passed $10 million in February 2026.",
      value: { amount: 10_000_000, currency: 'USD', unit: 'money', bound: 'above', text: '>$10M' },
      as_of: '2026-02', due: null, outcome: null, status: 'company-reported', support: 'company-reported',
      origins: { self: 1, party: 0, anonymous: 0, unattributed: 0, independent: 0 }, origin_ids: ['acme-blog'], sources: ['daily', 'wire'],
      overdue: false, superseded_by: null, tags: ['growth'], reliability: 'F', credibility: 3, grade: 'F3', status_reason: null, status_date: null,
    });
  });

  it('counts a party origin and an independent one; a value list stays a list', async () => {
    const [c] = await json('--category', 'investment');
    expect(c).toMatchObject({
      support: 'independent', origins: { self: 0, party: 1, anonymous: 0, independent: 1 }, origin_ids: ['globex-pr', 'registry'],
      value: [{ amount: 5_000_000, currency: 'EUR', bound: 'exact' }, { amount: 5_400_000, currency: 'USD', bound: 'about' }],
    });
  });

  it('marks overdue forecasts and superseded claims', async () => {
    const all = await json('--sort', 'id');
    const byId = new Map(all.map((c) => [c.id, c]));
    expect(byId.get('arr-forecast')).toMatchObject({ overdue: true, due: '2026-06', assertion: 'forecast' });
    expect(byId.get('valuation-2025-early')).toMatchObject({ superseded_by: 'valuation-2025' });
    expect(byId.get('valuation-2025')).toMatchObject({ superseded_by: null });
    expect(byId.get('rumored-round')).toMatchObject({ support: 'rumored', origins: { anonymous: 1, self: 0, party: 0, independent: 0 } });
  });

  it('--today changes overdue', async () => {
    const r = await runCli(['list', '--format', 'json', '--assertion', 'forecast', '--today', '2026-06-30'], Q);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ id: 'arr-forecast', overdue: false });
  });
});

describe('claims list: formats', () => {
  it('csv is RFC 4180 with a header row', async () => {
    const out = (await runCli(['list', '--format', 'csv', '--category', 'investment'], Q)).stdout;
    const lines = out.split('\r\n');
    expect(lines[0]).toBe('id,file,subject,parties,category,assertion,statement,value,as_of,due,outcome,status,support,origins_independent,origins_party,origins_self,origins_anonymous,origin_ids,sources,overdue,superseded_by,reliability,credibility,grade,origins_unattributed,tags');
    expect(lines[1]).toBe('globex-investment,claims/acme/globex-investment.yaml,Acme Corp,Globex,investment,fact,Globex invested €5 million in Acme in September 2025.,€5M = ~$5.4M,2025-09,,,independent,independent,1,1,0,0,globex-pr registry,globex-pr registry,false,,A,1,A1,0,');
    expect(lines[2]).toBe('');
  });

  it('csv quotes fields with commas and quotes', async () => {
    const out = (await runCli(['list', '--format', 'csv', '--search', 'growth'], Q)).stdout;
    expect(out).toContain(`"Acme's ARR passed $10 million in February 2026."`.replace(/"/g, '') );
    const { csvField } = await import('../src/format/values.js');
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
  });

  it('markdown is a GitHub table', async () => {
    const out = (await runCli(['list', '--format', 'markdown', '--category', 'arr', '--assertion', 'fact'], Q)).stdout.split('\n');
    expect(out[0]).toBe('| id | status | support | grade | as of | value | statement |');
    expect(out[1]).toBe('| --- | --- | --- | --- | --- | --- | --- |');
    expect(out[2]).toBe("| `arr-2025-02` | company-reported | company-reported | F3 | 2025-02 | ~$2M | Acme's ARR was about $2 million in February 2025. |");
  });

  it('yaml parses back to the json', async () => {
    const y = parseYaml((await runCli(['list', '--format', 'yaml'], Q)).stdout);
    expect(y).toEqual(await json());
  });

  it('table fits the width, colours only when asked, and counts', async () => {
    for (const width of [60, 80, 100, 160]) {
      const narrow = await runCli(['list'], Q, { COLUMNS: String(width) });
      for (const line of narrow.stdout.trimEnd().split('\n')) expect([...line].length).toBeLessThanOrEqual(width);
    }
    const r = await runCli(['list'], Q, { COLUMNS: '120' });
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stdout.trimEnd().endsWith('8 claims')).toBe(true);
    expect(r.stdout).toContain('(superseded by');
    expect(r.stdout).toContain('(overdue)');
  });

  it('says so when nothing matches', async () => {
    expect((await runCli(['list', '--search', 'nothing-like-this'], Q)).stdout).toBe('No claims match.\n');
  });
});

describe('claims list: bad input exits 2 with one line', () => {
  it.each([
    [['--status', 'confirmed'], 'Use one or more of: rumored, company-reported, independent, disputed, retracted'],
    [['--category', 'arrr'], 'Did you mean "arr"?'],
    [['--since', 'last year'], 'use 2026, 2026-02 or 2026-02-15'],
    [['--until', '2026-13'], 'is not a date'],
    [['--min-independent', 'two'], 'is not a whole number'],
    [['--sort', 'size'], 'use one of: as_of, -as_of, id, -id, status, -status, value, -value'],
    [['--support', 'confirmed'], 'Use one or more of: rumored, company-reported, independent'],
    [['--dir', 'nowhere'], 'no dataset folder at nowhere'],
  ])('%j', async (args, reason) => {
    const r = await runCli(['list', ...args], Q);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(reason);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('claims show', () => {
  it('explains support with a plain-language verdict and the provenance tree', async () => {
    const r = await runCli(['show', 'arr-2026-02'], Q);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Verdict: Company-reported: every piece of evidence traces to Acme itself (acme-blog); no independent origin.');
    expect(r.stdout).toContain('1. origin acme-blog — Acme results post (Acme, primary, 2026-02-01) [self]');
    expect(r.stdout).toContain('└─ via wire — Wire story on Acme results (Newswire, news, 2026-02-02)');
    expect(r.stdout).toContain('└─ read in daily — Daily roundup (The Daily, news, 2026-02-03, reliability C)');
    expect(r.stdout).toContain("Grade    F3 (reliability F of acme-blog; credibility 3: Acme's own word about itself)");
    expect(r.stdout).toContain('“Acme says ARR passed $10 million”');
    expect(r.stdout).toMatch(/2025-02 +arr-2025-02 +~\$2M/);
    expect(r.stdout).toContain('← this claim');
  });

  it('json carries the claim, verdict, chains and related claims', async () => {
    const e = JSON.parse((await runCli(['show', 'valuation-2025-early', '--format', 'json'], Q)).stdout);
    expect(e.claim.id).toBe('valuation-2025-early');
    expect(e.superseded_by.id).toBe('valuation-2025');
    expect(e.supersedes).toBeNull();
    expect(e.verdict).toBe('Independent: one origin, daily, is independent of Acme; a second independent origin would meet the two-source rule.');
    expect(e.evidence[0].chain).toEqual([
      { role: 'origin', id: 'daily', title: 'Daily roundup', publisher: 'The Daily', kind: 'news', published: '2026-02-03', url: null, reliability: 'C', class: 'independent' },
    ]);
    expect(e.timeline.map((t: { id: string }) => t.id)).toEqual(['valuation-2025', 'valuation-2025-early']);
    expect(e.grade).toEqual({ reliability: 'C', credibility: 3, grade: 'C3', best_origin: 'daily', reason: 'one independent-or-party origin (daily) graded C' });
  });

  it('verdicts for the two-source rule, parties and anonymous-only', async () => {
    const v = async (id: string) => JSON.parse((await runCli(['show', id, '--format', 'json'], Q)).stdout).verdict as string;
    expect(await v('globex-investment')).toBe('Independently confirmed: 2 origins independent of Acme Corp (registry, globex-pr); meets the two-source rule.');
    expect(await v('rumored-round')).toBe('Rumored: rests on anonymous sources only (tipsters); nobody on record stands behind it.');
  });

  it('markdown renders the verdict and provenance', async () => {
    const out = (await runCli(['show', 'arr-2026-02', '--format', 'markdown'], Q)).stdout;
    expect(out.startsWith('## `arr-2026-02`\n')).toBe(true);
    expect(out).toContain('1. origin `acme-blog` (Acme, primary, 2026-02-01) [self] → via `wire` (Newswire, news, 2026-02-02) → read in `daily` (The Daily, news, 2026-02-03)');
    expect(out).toContain('**Verdict:** Company-reported');
  });

  it('an unknown id exits 2 with the nearest ids', async () => {
    const r = await runCli(['show', 'arr-2026'], Q);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('claims: no claim "arr-2026"; did you mean "arr-2026-02"?\n');
    const s = await runCli(['show', 'wire'], Q);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('"wire" is a source, not a claim');
  });
});

describe('claims sources', () => {
  it('counts how claims read, relay and originate from each source, with its class toward each subject', async () => {
    const list = JSON.parse((await runCli(['sources', '--format', 'json'], Q)).stdout) as Array<Record<string, unknown>>;
    const byId = new Map(list.map((s) => [s.id, s]));
    expect(list.map((s) => s.id)).toEqual(['acme-blog', 'daily', 'globex-pr', 'registry', 'tipsters', 'wire']);
    expect(byId.get('acme-blog')).toMatchObject({ read_by: 2, relayed_for: 0, origin_of: 3, class_by_subject: { Acme: 'self' }, speaks_for: ['Acme'] });
    expect(byId.get('wire')).toMatchObject({ read_by: 1, relayed_for: 1, origin_of: 0, class_by_subject: {} });
    expect(byId.get('daily')).toMatchObject({ read_by: 4, origin_of: 2, class_by_subject: { Acme: 'independent', Globex: 'independent' } });
    expect(byId.get('globex-pr')).toMatchObject({ class_by_subject: { 'Acme Corp': 'party' } });
    expect(byId.get('tipsters')).toMatchObject({ kind: 'anonymous', class_by_subject: { Acme: 'anonymous' } });
  });

  it('table, csv and ids formats', async () => {
    expect((await runCli(['sources', '--format', 'ids'], Q)).stdout).toBe('acme-blog\ndaily\nglobex-pr\nregistry\ntipsters\nwire\n');
    const csvOut = (await runCli(['sources', '--format', 'csv'], Q)).stdout.split('\r\n');
    expect(csvOut[0]).toBe('id,file,title,publisher,kind,published,url,speaks_for,cites,read_by,relayed_for,origin_of,class_by_subject,reliability,origin_claims,confirmed,retracted,disputed,superseded,open_rumors');
    const table = (await runCli(['sources'], Q, { COLUMNS: '90' })).stdout;
    expect(table.trimEnd().endsWith('6 sources')).toBe(true);
  });
});

describe('claims report (command)', () => {
  it('prints the seven sections in order, fitted to the width', async () => {
    const r = await runCli(['report'], Q, { COLUMNS: '90' });
    expect(r.code).toBe(0);
    const heads = ['1. Overview', '2. How well sourced', '3. Rumored vs confirmed', '4. Watchlist', '5. Conflicts', '6. Source concentration', '7. Timelines'];
    const at = heads.map((h) => r.stdout.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(90);
  });

  it('applies the list filters and says so in json', async () => {
    const all = JSON.parse((await runCli(['report', '--format', 'json'], Q)).stdout);
    expect(all.filters_applied).toBe(false);
    expect(all.overview.total).toBe(8);
    const acme = JSON.parse((await runCli(['report', '--format', 'json', '--subject', 'acme'], Q)).stdout);
    expect(acme.filters_applied).toBe(true);
    expect(acme.overview.total).toBe(7);
    expect(all.sourcing.find((e: { id: string }) => e.id === 'globex-investment')).toMatchObject({ tier: 'two-plus-independent', grade: 'A1' });
    expect(all.sourcing.find((e: { id: string }) => e.id === 'rumored-round')).toMatchObject({ tier: 'anonymous-only', grade: 'F4' });
    expect(Object.keys(acme)).toEqual(['generated_for', 'filters_applied', 'overview', 'sourcing', 'rumors', 'watchlist', 'conflicts', 'concentration', 'timelines', 'sourcing_without_value', 'single_points_of_failure', 'over_time']);
  });

  it('markdown has a heading per section', async () => {
    const out = (await runCli(['report', '--format', 'markdown'], Q)).stdout;
    for (const h of ['Overview', 'How well sourced', 'Rumored vs confirmed', 'Watchlist', 'Conflicts', 'Source concentration', 'Timelines']) {
      expect(out).toMatch(new RegExp(`^## .*${h}`, 'm'));
    }
  });

  it('rejects a bad filter with exit 2', async () => {
    const r = await runCli(['report', '--status', 'confirmed'], Q);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Use one or more of: rumored, company-reported');
  });
});
