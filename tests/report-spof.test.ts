/** Section 8, "Single points of failure": the sources whose loss would lower the most claims, in every format. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../src/load/dataset.js';
import { Entities } from '../src/provenance/index.js';
import { singlePointsOfFailure } from '../src/query/impact.js';
import { filterViews } from '../src/query/filter.js';
import { queryContext, type QueryContext } from '../src/query/view.js';
import { buildReport } from '../src/report/build.js';
import { claimProvenance } from '../src/report/provenance.js';
import { SPOF_CLAIMS_NAMED, SPOF_SOURCES, type Report } from '../src/report/types.js';
import { reportFormatters } from '../src/format/report.js';
import { formatReportHtml } from '../src/format/report-html.js';
import { REPORT_SECTIONS, SPOF_BLURB } from '../src/format/report-wording.js';
import { seedContext } from './report-seeds.js';
import { writeDataset } from './helpers.js';

/** What one format shows of section 8: each source, the claims it names, and the "and K more" count. */
interface Shown {
  source: string;
  named: string[];
  more: number;
}

const between = (s: string, from: string, to?: string): string => {
  const start = s.indexOf(from);
  expect(start, from).toBeGreaterThanOrEqual(0);
  return to === undefined ? s.slice(start) : s.slice(start, s.indexOf(to, start));
};
const moreOf = (s: string): number => Number(/and (\d+) more/.exec(s)?.[1] ?? 0);

function shownInText(text: string): Shown[] {
  const out: Shown[] = [];
  for (const line of between(text, '8. Single points of failure').split('\n')) {
    const src = /^(\S+) — /.exec(line);
    if (src) out.push({ source: src[1]!, named: [], more: 0 });
    const claim = /^ {4}([a-z0-9][a-z0-9-]*): /.exec(line);
    if (claim) out.at(-1)!.named.push(claim[1]!);
    if (/^ {4}and \d+ more$/.test(line)) out.at(-1)!.more = moreOf(line);
  }
  return out;
}

function shownInMarkdown(md: string): Shown[] {
  return between(md, '## 8. Single points of failure').split('\n')
    .filter((l) => /^\| `/.test(l))
    .map((l) => {
      const cells = l.split(' | ');
      const last = cells.at(-1)!;
      return { source: /`([^`]+)`/.exec(cells[0]!)![1]!, named: [...last.matchAll(/`([^`]+)`/g)].map((m) => m[1]!), more: moreOf(last) };
    });
}

function shownInHtml(html: string): Shown[] {
  return between(html, '<section id="section-8"', '</section>').split('\n')
    .filter((l) => l.startsWith('<tr><th scope="row">'))
    .map((l) => {
      const list = between(l, '<ul class="lowered">', '</ul>');
      return {
        source: /<th scope="row"><code>([^<]+)<\/code>/.exec(l)![1]!,
        named: [...list.matchAll(/<code>([^<]+)<\/code>/g)].map((m) => m[1]!),
        more: moreOf(list),
      };
    });
}

/** What the data says each format should show. */
function expected(r: Report): Shown[] {
  return r.single_points_of_failure.sources.map((e) => ({
    source: e.source,
    named: e.lowered.slice(0, SPOF_CLAIMS_NAMED).map((c) => c.id),
    more: Math.max(0, e.lowered.length - SPOF_CLAIMS_NAMED),
  }));
}

function allFormats(ctx: QueryContext, r: Report): Record<'text' | 'markdown' | 'html', Shown[]> {
  return {
    text: shownInText(reportFormatters.text(r, { color: false, width: 100 })),
    markdown: shownInMarkdown(reportFormatters.markdown(r, { color: false, width: 100 })),
    html: shownInHtml(formatReportHtml(r, claimProvenance(ctx, ctx.views))),
  };
}

describe('single points of failure on the seed texts', () => {
  const ctx = seedContext();
  const report = buildReport(ctx, ctx.views);
  const spof = report.single_points_of_failure;

  it('is section 8, after the timelines, and its JSON key is added at the end', () => {
    expect(REPORT_SECTIONS[7]).toBe('Single points of failure');
    expect(REPORT_SECTIONS).toHaveLength(9);
    expect(Object.keys(report).slice(-3)).toEqual(['sourcing_without_value', 'single_points_of_failure', 'over_time']);
  });

  it('lists the sources whose loss lowers the most claims, with before and after', () => {
    expect(spof.sources.map((e) => [e.source, e.claims, e.lost_all_evidence])).toEqual(
      singlePointsOfFailure(ctx).map((p) => [p.source, p.claims.length, p.claims.filter((c) => c.lost_all_evidence).length]),
    );
    expect(spof.total).toBe(spof.sources.length);
    const bySource = new Map(spof.sources.map((e) => [e.source, e]));
    // Crunchbase is the one origin behind the funding total: without it no evidence is left.
    expect(bySource.get('crunchbase')!.lowered).toEqual([{
      id: 'funding-total-2026', subject: 'Mistral AI', statement: 'Mistral AI has raised about $4 billion in total, according to Crunchbase.',
      status: 'independent', before: { support: 'independent', grade: 'B2' }, after: null, lost_all_evidence: true,
    }]);
    // TechCrunch only relays it (the analysis reads Crunchbase directly too): losing TechCrunch lowers the claims it alone carries.
    const tc = bySource.get('techcrunch-profile')!;
    expect(tc.lowered.map((c) => c.id)).not.toContain('funding-total-2026');
    expect(tc.lowered.map((c) => c.id)).toEqual(['acquisition-koyeb', 'arr-2025-02', 'arr-2026-02', 'rumored-raise-2026']);
    // The company's disclosure: the ARR figures lose all evidence; Forge falls from its word to nothing.
    expect(bySource.get('mistral-arr-disclosure')!.lowered.map((c) => c.id)).toEqual(['arr-2025-02', 'arr-2026-02', 'product-forge']);
    // Most first, then by id.
    const counts = spof.sources.map((e) => e.claims);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    expect(spof.sources[0]).toMatchObject({ source: 'weidemann-analysis', claims: 10, lost_all_evidence: 10 });
  });

  it('puts the claims that would lose all their evidence first, then the largest drop', () => {
    const files = {
      'mistral-ai/arr-2026-02.yaml': 'type: claim\nid: arr-2026-02\nsubject: Mistral AI\ncategory: arr\nstatement: "ARR above $400M."\nvalue: ">$400M"\nas_of: "2026-02"\nstatus: independent\nevidence:\n'
        + '  - source: sovereignty-analysis\n    via: [techcrunch-profile]\n    origin: mistral-arr-disclosure\n    quote: "TechCrunch said Mistral AI disclosed in February that annual recurring revenue had risen above $400 million"\n'
        + '  - source: weidemann-analysis\n    quote: "In February, the company disclosed that its annual recurring revenue (ARR) was above $400 million"\n',
    };
    const c = seedContext(files);
    const wm = buildReport(c, c.views).single_points_of_failure.sources.find((e) => e.source === 'weidemann-analysis')!;
    const last = wm.lowered.at(-1)!;
    expect(last).toMatchObject({ id: 'arr-2026-02', lost_all_evidence: false, after: { support: 'company-reported' } });
    expect(wm.lowered.slice(0, -1).every((x) => x.lost_all_evidence)).toBe(true);
  });

  it('text, markdown and html name the same sources and claims', () => {
    const shown = allFormats(ctx, report);
    expect(shown.text).toEqual(expected(report));
    expect(shown.markdown).toEqual(expected(report));
    expect(shown.html).toEqual(expected(report));
  });

  it('follows the report filters', () => {
    const arr = buildReport(ctx, filterViews(ctx, ctx.views, { category: ['arr'] }));
    expect(arr.single_points_of_failure.sources.map((e) => [e.source, e.lowered.map((x) => x.id)])).toEqual([
      ['mistral-arr-disclosure', ['arr-2025-02', 'arr-2026-02']],
      ['sovereignty-analysis', ['arr-2025-02', 'arr-2026-02']],
      ['techcrunch-profile', ['arr-2025-02', 'arr-2026-02']],
    ]);
  });

  it('says so when no one source would lower a claim', () => {
    // Two texts that each state the total as their own finding: losing either leaves the other.
    const root = writeDataset({
      'sources/sovereignty-analysis.yaml': 'type: source\nid: sovereignty-analysis\ntitle: Analysis\npublisher: Unnamed outlet\nkind: analysis\n',
      'sources/techcrunch-profile-summary.yaml': 'type: source\nid: techcrunch-profile-summary\ntitle: Summary\npublisher: TechCrunch\nkind: news\n',
      'm/funding-total.yaml': 'type: claim\nid: funding-total\nsubject: Mistral AI\ncategory: funding-total\nstatement: About $4B raised.\nvalue: "~$4B"\nstatus: independent\nevidence:\n'
        + '  - source: sovereignty-analysis\n    quote: "The reported funding total of roughly $4 billion"\n'
        + '  - source: techcrunch-profile-summary\n    quote: "Mistral AI has secured approximately $4 billion in total funding"\n',
    });
    const two = queryContext(loadDataset(root, root), new Entities(), '2026-11-24');
    const r = buildReport(two, two.views);
    expect(r.single_points_of_failure).toEqual({ total: 0, sources: [] });
    const none = 'No single source: every claim keeps its support without any one of them.';
    expect(reportFormatters.text(r, { color: false, width: 200 })).toContain(`8. Single points of failure\n${SPOF_BLURB}\n${none}\n`);
    expect(reportFormatters.markdown(r, { color: false, width: 80 })).toContain(`## 8. Single points of failure\n\n${SPOF_BLURB}\n\n${none}\n`);
    expect(formatReportHtml(r, [])).toContain(`<p>${none}</p>`);
    const empty = buildReport(ctx, []);
    expect(empty.single_points_of_failure).toEqual({ total: 0, sources: [] });
    expect(reportFormatters.text(empty, { color: false, width: 80 })).toContain('No claims: no source to weigh.');
  });
});

describe('single points of failure are bounded', () => {
  // Twelve sources, each the only one behind its claims; the first carries eight.
  const quote = 'totaling around $4 billion according to Crunchbase';
  const files: Record<string, string> = {};
  const ids = Array.from({ length: 12 }, (_, i) => `outlet-${String(i + 1).padStart(2, '0')}`);
  for (const id of ids) files[`sources/${id}.yaml`] = `type: source\nid: ${id}\ntitle: ${id}\npublisher: ${id}\nkind: news\n`;
  const claim = (id: string, src: string) =>
    `type: claim\nid: ${id}\nsubject: Mistral AI\ncategory: funding-total\nstatement: S.\nvalue: "~$4B"\nstatus: independent\nevidence:\n  - source: ${src}\n    quote: "${quote}"\n`;
  for (let i = 0; i < 8; i++) files[`c/a-${i}.yaml`] = claim(`a-${i}`, 'outlet-01');
  for (const id of ids.slice(1)) files[`c/${id}-claim.yaml`] = claim(`${id}-claim`, id);
  const root = writeDataset(files);
  const ctx = queryContext(loadDataset(root, root), new Entities(), '2026-11-24');
  const report = buildReport(ctx, ctx.views);

  it('keeps the top sources in the data, with every claim each would lower', () => {
    const s = report.single_points_of_failure;
    expect(s.total).toBe(12);
    expect(s.sources).toHaveLength(SPOF_SOURCES);
    expect(s.sources.map((e) => e.source)).toEqual(ids.slice(0, SPOF_SOURCES));
    expect(s.sources[0]!.lowered).toHaveLength(8);
  });

  it('names at most a few claims per source in each format, and counts the rest', () => {
    const shown = allFormats(ctx, report);
    for (const format of ['text', 'markdown', 'html'] as const) {
      expect(shown[format], format).toEqual(expected(report));
      expect(shown[format][0], format).toMatchObject({ source: 'outlet-01', more: 3 });
      expect(shown[format][0]!.named, format).toHaveLength(SPOF_CLAIMS_NAMED);
    }
    const text = reportFormatters.text(report, { color: false, width: 200 });
    expect(text).toContain('12 sources would each lower at least one claim if discarded; the 10 that would lower the most, most first.');
    for (const width of [41, 60, 80]) {
      for (const line of reportFormatters.text(report, { color: false, width }).split('\n')) expect([...line].length).toBeLessThanOrEqual(width);
    }
  });
});

describe('single points of failure: hostile text', () => {
  it('shows a source title with control characters and markup only escaped', () => {
    const ctx = seedContext({
      'sources/crunchbase.yaml': 'type: source\nid: crunchbase\ntitle: "Crunchbase \\e[2J <b>funding</b> | data"\npublisher: Crunchbase\nkind: database\n',
    });
    const r = buildReport(ctx, ctx.views);
    const text = reportFormatters.text(r, { color: false, width: 120 });
    expect(text).not.toContain('\u001b[2J');
    expect(text).toContain('crunchbase — Crunchbase \\x1b[2J <b>funding</b> | data (Crunchbase, database)');
    const md = reportFormatters.markdown(r, { color: false, width: 120 });
    expect(md).not.toContain('\u001b');
    expect(shownInMarkdown(md).find((s) => s.source === 'crunchbase')).toEqual({ source: 'crunchbase', named: ['funding-total-2026'], more: 0 });
    const html = formatReportHtml(r, []);
    // HTML escapes by its own syntax, as every other section does.
    expect(html).toContain('&lt;b&gt;funding&lt;/b&gt; | data (Crunchbase, database)</td>');
    expect(html).not.toContain('<b>funding');
  });
});

describe('single points of failure on the bundled dataset', () => {
  const bundled = fileURLToPath(new URL('../claims', import.meta.url));
  const ctx = queryContext(loadDataset(bundled, bundled), new Entities(), '2026-11-24');
  const report = buildReport(ctx, ctx.views);

  it('is the same list in text, markdown and html', () => {
    expect(report.single_points_of_failure.sources.length).toBeGreaterThan(0);
    const shown = allFormats(ctx, report);
    expect(shown.text).toEqual(expected(report));
    expect(shown.markdown).toEqual(expected(report));
    expect(shown.html).toEqual(expected(report));
  });
});
