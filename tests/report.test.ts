import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../src/load/dataset.js';
import { queryContext } from '../src/query/view.js';
import { filterViews } from '../src/query/filter.js';
import { Entities } from '../src/provenance/index.js';
import { buildReport, sourcingTier } from '../src/report/build.js';
import type { Report } from '../src/report/types.js';
import { reportFormatters } from '../src/format/report.js';
import { REPORT_SECTIONS, sourcingSentence } from '../src/format/report-wording.js';
import { writeDataset } from './helpers.js';

const root = fileURLToPath(new URL('./fixtures/report/claims', import.meta.url));
const bundled = fileURLToPath(new URL('../claims', import.meta.url));
const ctx = queryContext(loadDataset(root, root), new Entities(), '2026-11-24');
const report = buildReport(ctx, ctx.views);

const ANSI = /\u001b\[/;
const chars = (s: string): number => [...s].length;
const ids = (xs: Array<{ id: string }>): string[] => xs.map((x) => x.id);

describe('buildReport on the fixture', () => {
  it('loads the whole fixture', () => {
    expect(ctx.views).toHaveLength(17);
    expect(report.generated_for).toBe('2026-11-24');
    expect(report.filters_applied).toBe(false);
    expect(Object.keys(report)).toEqual([
      'generated_for', 'filters_applied', 'overview', 'sourcing', 'rumors', 'watchlist', 'conflicts', 'concentration', 'timelines',
      'sourcing_without_value', 'single_points_of_failure', 'over_time',
    ]);
  });

  it('overview: a status × category cross table with row, column and grand totals', () => {
    const o = report.overview;
    expect(o.statuses).toEqual(['rumored', 'company-reported', 'independent', 'disputed', 'retracted']);
    expect(o.rows.map((r) => r.category)).toEqual(['arr', 'revenue', 'valuation', 'funding-round', 'partnership', 'acquisition']);
    const row = (c: string) => o.rows.find((r) => r.category === c)!;
    expect(row('arr').counts).toEqual({ rumored: 0, 'company-reported': 4, independent: 0, disputed: 1, retracted: 0 });
    expect(row('arr').total).toBe(5);
    expect(row('funding-round').counts).toEqual({ rumored: 1, 'company-reported': 0, independent: 2, disputed: 0, retracted: 0 });
    expect(row('acquisition').total).toBe(2);
    expect(o.totals).toEqual({ rumored: 2, 'company-reported': 7, independent: 7, disputed: 1, retracted: 0 });
    expect(o.total).toBe(17);
    expect(o.rows.reduce((n, r) => n + r.total, 0)).toBe(17);
  });

  it('sourcing: every claim with a value, weakest tier first, then subject, category, as_of, id', () => {
    const s = report.sourcing;
    expect(s.map((e) => [e.tier, e.id])).toEqual([
      ['anonymous-only', 'rumored-raise-2026'],
      ['company-only', 'arr-2025-06'],
      ['company-only', 'arr-2026-02'],
      ['company-only', 'arr-forecast-2026'],
      ['company-only', 'revenue-2025-b'],
      ['company-only', 'arr-2026-03'],
      ['company-only', 'forecast-arr-2027'],
      ['company-only', 'forecast-valuation-2026'],
      ['company-only', 'valuation-2026-01'],
      ['one-independent', 'revenue-2024'],
      ['one-independent', 'revenue-2025-a'],
      ['one-independent', 'seed-2024-03'],
      ['one-independent', 'partnership-initech'],
      ['one-independent', 'valuation-2026-01-revised'],
      ['two-plus-independent', 'round-2025-01'],
    ]);
    // Claims without a value are placed in tiers under a key of their own.
    expect(ids(s)).not.toContain('rumored-acquisition');
    expect(ids(s)).not.toContain('acquisition-hooli');
    expect(report.sourcing_without_value.map((e) => [e.tier, e.id])).toEqual([
      ['anonymous-only', 'rumored-acquisition'],
      ['two-plus-independent', 'acquisition-hooli'],
    ]);
    const byId = (id: string) => s.find((e) => e.id === id)!;
    // The relay chain (acme-blog → daily-news → weekly-digest) collapses to one self origin.
    expect(byId('arr-2026-02').origins).toEqual({ independent: 0, party: 0, self: 1, anonymous: 0, unattributed: 0 });
    expect(byId('arr-2026-02').origin_ids).toEqual(['acme-blog']);
    expect(byId('rumored-raise-2026').origins).toEqual({ independent: 0, party: 0, self: 0, anonymous: 1, unattributed: 0 });
    expect(byId('partnership-initech').origins).toEqual({ independent: 0, party: 1, self: 0, anonymous: 0, unattributed: 0 });
    expect(byId('round-2025-01').origins).toEqual({ independent: 2, party: 0, self: 0, anonymous: 0, unattributed: 0 });
    expect(byId('round-2025-01').value).toBe('€20M = ~$22M');
    expect(byId('arr-2026-03').status).toBe('disputed');
    expect(sourcingSentence(byId('arr-2026-02'))).toBe("Rests on Acme's own word only (1 origin)");
    expect(sourcingSentence(byId('partnership-initech'))).toMatch(/a party to it/);
    expect(sourcingSentence(byId('round-2025-01'))).toMatch(/meets the two-source rule/);
  });

  it('sourcingTier follows the origin counts', () => {
    const o = { independent: 0, party: 0, self: 0, anonymous: 0, unattributed: 0 };
    expect(sourcingTier({ support: 'rumored', origins: { ...o, anonymous: 2 } })).toBe('anonymous-only');
    expect(sourcingTier({ support: 'rumored', origins: { ...o, unattributed: 1 } })).toBe('anonymous-only');
    expect(sourcingTier({ support: 'company-reported', origins: { ...o, self: 3 } })).toBe('company-only');
    expect(sourcingTier({ support: 'independent', origins: { ...o, party: 1, self: 1 } })).toBe('one-independent');
    expect(sourcingTier({ support: 'independent', origins: { ...o, party: 1, independent: 1 } })).toBe('two-plus-independent');
  });

  it('rumors: rumored and disputed claims with what would confirm them', () => {
    const r = report.rumors;
    expect(r.map((x) => [x.id, x.status])).toEqual([
      ['rumored-raise-2026', 'rumored'],
      ['arr-2026-03', 'disputed'],
      ['rumored-acquisition', 'rumored'],
    ]);
    expect(r[0]!.confirm_with).toEqual({ subject: 'Acme', category: 'funding-round' });
    // Earlier rounds (2024, 2025) cannot confirm a 2026 rumor.
    expect(r[0]!.candidates).toEqual([]);
    expect(r[0]!.superseded_by).toBeNull();
    expect(r[1]!.candidates).toEqual([]);
    expect(r[2]!.superseded_by).toBe('acquisition-hooli');
    expect(r[2]!.candidates).toEqual(['acquisition-hooli']);
  });

  it('watchlist: overdue forecasts first, then by due date; unresolved rumors only', () => {
    const f = report.watchlist.forecasts;
    expect(f.map((x) => [x.id, x.due, x.overdue, x.outcome])).toEqual([
      ['arr-forecast-2026', '2026-06', true, null],
      ['forecast-valuation-2026', '2026-01', false, 'met'],
      ['forecast-arr-2027', '2027', false, null],
    ]);
    // rumored-acquisition is superseded, so it is resolved.
    expect(ids(report.watchlist.rumors)).toEqual(['rumored-raise-2026']);
  });

  it('conflicts: value conflicts among live facts, and superseded claims with both statements', () => {
    const k = report.conflicts;
    expect(k.conflicts).toHaveLength(1);
    const c = k.conflicts[0]!;
    expect([c.subject, c.category, c.period]).toEqual(['Acme', 'revenue', '2025']);
    expect([c.a.id, c.a.value, c.b.id, c.b.value]).toEqual(['revenue-2025-a', '$8M', 'revenue-2025-b', '$12M']);
    expect(c.a.status).toBe('independent');
    expect(c.b.statement).toBe('Acme said it earned $12 million in revenue in 2025.');
    // valuation-2026-01 ($1B) and its revision ($1.2B) would clash, but one supersedes the other.
    expect(k.superseded.map((s) => [s.id, s.superseded_by])).toEqual([
      ['rumored-acquisition', 'acquisition-hooli'],
      ['valuation-2026-01', 'valuation-2026-01-revised'],
    ]);
    expect(k.superseded[1]!.statement).toBe('Globex said it was valued at $1 billion in January 2026.');
    expect(k.superseded[1]!.superseded_by_statement).toBe('Globex was valued at $1.2 billion in January 2026, according to MarketDB.');
    expect(k.superseded[1]!.value).toBe('$1B');
    expect(k.superseded[1]!.superseded_by_value).toBe('$1.2B');
  });

  it('concentration: origins by claim count, with shares and a ≥ 25% flag', () => {
    const c = report.concentration;
    expect(c.map((e) => [e.origin, e.claims])).toEqual([
      ['market-db', 5],
      ['acme-blog', 4],
      ['globex-ir', 4],
      ['trade-journal', 3],
      ['anon-insiders', 2],
      ['initech-newsroom', 1],
    ]);
    // Relays are not origins.
    expect(c.map((e) => e.origin)).not.toContain('daily-news');
    expect(c.map((e) => e.origin)).not.toContain('weekly-digest');
    expect(c[0]!.share).toBeCloseTo(5 / 17, 10);
    expect(c[1]!.share).toBeCloseTo(4 / 17, 10);
    expect(c.filter((e) => e.concentrated).map((e) => e.origin)).toEqual(['market-db']);
    expect(c[0]).toMatchObject({ title: 'Market Database company records', publisher: 'MarketDB', kind: 'database' });
    expect(c[0]!.claim_ids).toEqual(['acquisition-hooli', 'revenue-2024', 'round-2025-01', 'seed-2024-03', 'valuation-2026-01-revised']);
  });

  it('timelines: per subject and numeric category, in as_of order, in the main currency', () => {
    const t = report.timelines;
    expect(t.map((x) => [x.subject, x.category, x.currency])).toEqual([
      ['Acme', 'arr', 'USD'],
      ['Acme', 'revenue', 'USD'],
      ['Acme', 'funding-round', 'USD'],
      ['Globex', 'arr', 'USD'],
      ['Globex', 'valuation', 'USD'],
    ]);
    expect(t[0]!.points.map((p) => [p.id, p.as_of, p.amount, p.forecast])).toEqual([
      ['arr-2025-06', '2025-06', 6e6, false],
      ['arr-2026-02', '2026-02', 10e6, false],
      ['arr-forecast-2026', '2026-02', 20e6, true],
    ]);
    // revenue-2024 is in euros only: left out of a dollar timeline.
    expect(ids(t[1]!.points)).toEqual(['revenue-2025-a', 'revenue-2025-b']);
    expect(t[1]!.skipped).toEqual(['revenue-2024']);
    // The list of equivalent forms gives the dollar form.
    const round = t[2]!.points.find((p) => p.id === 'round-2025-01')!;
    expect([round.value, round.form, round.amount, round.bound]).toEqual(['€20M = ~$22M', '~$22M', 22e6, 'about']);
    expect(t[2]!.points.map((p) => p.amount)).toEqual([5e6, 22e6, 50e6]);
    expect(t[4]!.points.map((p) => [p.id, p.amount, p.superseded_by])).toEqual([
      ['forecast-valuation-2026', 1e9, null],
      ['valuation-2026-01', 1e9, 'valuation-2026-01-revised'],
      ['valuation-2026-01-revised', 1.2e9, null],
    ]);
  });

  it('reports on filtered views only, and says so', async () => {
    const globex = buildReport(ctx, filterViews(ctx, ctx.views, { subject: ['Globex'] }));
    expect(globex.filters_applied).toBe(true);
    expect(globex.overview.total).toBe(7);
    expect(globex.conflicts.conflicts).toEqual([]);
    expect(globex.concentration[0]).toMatchObject({ origin: 'globex-ir', claims: 4, concentrated: true });
    expect(globex.concentration[0]!.share).toBeCloseTo(4 / 7, 10);
    const empty = buildReport(ctx, []);
    expect(empty.overview).toMatchObject({ rows: [], total: 0 });
    expect(empty.concentration).toEqual([]);
    await expect(reportFormatters.text(empty, { color: false, width: 80 })).toMatchFileSnapshot('__snapshots__/report-empty.txt');
    await expect(reportFormatters.markdown(empty, { color: false, width: 80 })).toMatchFileSnapshot('__snapshots__/report-empty.md');
  });

  it('is deterministic whatever the order of the views', () => {
    const reversed = buildReport(ctx, [...ctx.views].reverse());
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(report));
  });
});

describe('report formatters', () => {
  const widths = [41, 60, 80, 120];

  it('text has numbered headings, no ANSI codes without colour, and fits the width', () => {
    for (const width of widths) {
      const out = reportFormatters.text(report, { color: false, width });
      expect(out).not.toMatch(ANSI);
      for (const line of out.split('\n')) expect(chars(line), `width ${width}: ${line}`).toBeLessThanOrEqual(width);
      REPORT_SECTIONS.forEach((title, i) => expect(out).toContain(`${i + 1}. ${title}`));
    }
    const out = reportFormatters.text(report, { color: false, width: 100 });
    expect(out).toContain("Rests on Acme's own word only");
    expect(out).toContain('arr-forecast-2026 (forecast)');
    expect(out).toMatch(/█{30}/);
    expect(out).not.toMatch(/█{31}/);
    expect(out.indexOf('1. Overview')).toBeLessThan(out.indexOf('7. Timelines'));
  });

  it('text colours statuses and headings when asked, and the colour does not change the visible text', () => {
    const plain = reportFormatters.text(report, { color: false, width: 100 });
    const coloured = reportFormatters.text(report, { color: true, width: 100 });
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
  });

  it('markdown has the section headings and valid GitHub tables', () => {
    const md = reportFormatters.markdown(report, { color: false, width: 80 });
    expect(md).not.toMatch(ANSI);
    REPORT_SECTIONS.forEach((title, i) => expect(md).toContain(`\n## ${i + 1}. ${title}\n`));
    expect(md).toContain('| category | rumored | company-reported | independent | disputed | retracted | total |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n');
    // Every table: a header row, then a separator row with as many cells.
    const lines = md.split('\n');
    lines.forEach((line, i) => {
      if (line.startsWith('|') && !(lines[i - 1] ?? '').startsWith('|')) {
        const sep = lines[i + 1] ?? '';
        expect(sep).toMatch(/^\| (?:-{3}:?|:?-{3}:?)(?: \| (?:-{3}:?|:?-{3}:?))* \|$/);
        expect(sep.split(' | ').length).toBe(line.split(' | ').length);
        expect(lines[i - 1]).toBe('');
      }
    });
    // Dollar signs and tildes cannot turn into maths or strikethrough.
    expect(md).not.toMatch(/\| [^`|]*\$[^`|]*\|/);
  });

  it('json round-trips', () => {
    const text = reportFormatters.json(report, { color: false, width: 80 });
    expect(text.startsWith('{\n  "generated_for": "2026-11-24",')).toBe(true);
    expect(JSON.parse(text) as Report).toEqual(report);
  });
});

describe('report on the bundled dataset', () => {
  const bctx = queryContext(loadDataset(bundled, bundled), new Entities(), '2026-11-24');
  const b = buildReport(bctx, bctx.views);

  it('builds and formats without throwing', () => {
    expect(b.overview.total).toBe(bctx.views.length);
    for (const width of [41, 80, 120]) {
      const out = reportFormatters.text(b, { color: false, width });
      for (const line of out.split('\n')) expect(chars(line), `width ${width}: ${line}`).toBeLessThanOrEqual(width);
    }
    expect(reportFormatters.markdown(b, { color: false, width: 80 })).toContain('## 7. Timelines');
    expect(JSON.parse(reportFormatters.json(b, { color: false, width: 80 }))).toEqual(b);
  });

  it('puts the rumored raise in anonymous-only and the February 2026 ARR in company-only', () => {
    const tier = (id: string) => b.sourcing.find((e) => e.id === id)?.tier;
    expect(tier('rumored-raise-2026')).toBe('anonymous-only');
    expect(tier('arr-2026-02')).toBe('company-only');
  });
});

describe('rumor candidates', () => {
  it('are looked for in the whole dataset, same subject and category, not about an earlier period', () => {
    const src = 'type: source\nid: paper\ntitle: Paper\npublisher: P\nkind: news\n';
    const anon = 'type: source\nid: tips\ntitle: Tips\npublisher: P\nkind: anonymous\nposition: insiders\n';
    // The round's lead investor is what a claim without a value is matched on.
    const c = (id: string, asOf: string, extra: string, status = 'independent') =>
      `type: claim\nid: ${id}\nsubject: Acme\nparties: [Lightspeed]\ncategory: funding-round\nstatement: S.\nas_of: "${asOf}"\nstatus: ${status}\nevidence:\n  - source: paper\n${extra}    quote: q\n`;
    const root = writeDataset({
      'sources/paper.yaml': src, 'sources/tips.yaml': anon,
      'acme/rumor.yaml': c('rumor', '2026', '    origin: tips\n', 'rumored'),
      'acme/earlier.yaml': c('earlier', '2025-06', ''),
      'acme/later.yaml': c('later', '2026-03', ''),
    });
    const rctx = queryContext(loadDataset(root, root), new Entities(), '2026-11-24');
    const onlyRumors = buildReport(rctx, filterViews(rctx, rctx.views, { status: ['rumored'] }));
    expect(onlyRumors.rumors.map((r) => [r.id, r.candidates])).toEqual([['rumor', ['later']]]);
  });
});
