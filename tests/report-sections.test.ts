/** Section 2 lists the same claims in every format, and timelines mark rumored and weakly sourced points. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../src/load/dataset.js';
import { Entities } from '../src/provenance/index.js';
import { queryContext, type QueryContext } from '../src/query/view.js';
import { buildReport } from '../src/report/build.js';
import { claimProvenance } from '../src/report/provenance.js';
import type { Report } from '../src/report/types.js';
import { reportFormatters } from '../src/format/report.js';
import { formatReportHtml } from '../src/format/report-html.js';
import { seedContext } from './report-seeds.js';

const ANSI = /\u001b\[[0-9;]*m/g;
const between = (s: string, from: string, to: string): string => {
  const start = s.indexOf(from);
  expect(start, from).toBeGreaterThanOrEqual(0);
  return s.slice(start, s.indexOf(to, start));
};

/** Section 2's claim ids as each format lists them, in order. */
function sectionTwo(ctx: QueryContext, r: Report): Record<'text' | 'markdown' | 'html', string[]> {
  const known = new Set(ctx.views.map((v) => v.id));
  const text = between(reportFormatters.text(r, { color: false, width: 160 }), '2. How well sourced', '3. Rumored vs confirmed');
  const md = between(reportFormatters.markdown(r, { color: false, width: 80 }), '## 2. How well sourced', '## 3. ');
  const html = between(formatReportHtml(r, claimProvenance(ctx, ctx.views)), '<section id="section-2"', '</section>');
  return {
    // The first line of each row's first cell is the id; its second line is the value (or "no value") and date.
    text: [...text.matchAll(/^│ ([a-z0-9][a-z0-9-]*) +│/gm)].map((m) => m[1]!).filter((id) => known.has(id)),
    markdown: [...md.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!),
    html: [...html.matchAll(/<tbody class="claim">\n<tr><th scope="row"><code>([^<]+)<\/code>/g)].map((m) => m[1]!),
  };
}

describe('section 2, How well sourced', () => {
  const ctx = seedContext();
  const report = buildReport(ctx, ctx.views);

  it('places every claim in a tier: those with a value in `sourcing`, the others in `sourcing_without_value`', () => {
    expect(report.sourcing.every((e) => e.value !== '')).toBe(true);
    expect(report.sourcing_without_value.map((e) => [e.id, e.tier, e.value])).toEqual([
      ['other-raise-rumor', 'anonymous-only', null],
      ['product-forge', 'company-only', null],
      // Category order: valuation before acquisition.
      ['valuation-no-figure', 'one-independent', null],
      ['acquisition-koyeb', 'one-independent', null],
    ]);
    const ids = [...report.sourcing, ...report.sourcing_without_value].map((e) => e.id).sort();
    expect(ids).toEqual(ctx.views.map((v) => v.id).sort());
    expect(report.sourcing.find((e) => e.id === 'arr-2026-02')!.statement).toBe("Mistral AI's annual recurring revenue was above $400 million in February 2026.");
  });

  it('text, markdown and html list the same claims, tier by tier, and say which claims they cover', () => {
    const shown = sectionTwo(ctx, report);
    expect(shown.text).toHaveLength(ctx.views.length);
    expect(shown.markdown).toEqual(shown.text);
    expect(shown.html).toEqual(shown.text);
    // Within a tier, claims with a value come first.
    expect(shown.text.slice(0, 4)).toEqual(['valuation-series-a-2023-12', 'valuation-rumored-2026', 'rumored-raise-2026', 'other-raise-rumor']);
    const intro = 'Every claim reported on (16), weakest support first: 12 with a value and 4 without (“no value”).';
    expect(reportFormatters.text(report, { color: false, width: 200 })).toContain(`2. How well sourced\n${intro}\n`);
    expect(reportFormatters.markdown(report, { color: false, width: 80 })).toContain(`## 2. How well sourced\n\n${intro}\n`);
    expect(formatReportHtml(report, [])).toContain(`<p>${intro} Open a claim`);
    // The tier counts include the claims without a value.
    expect(reportFormatters.markdown(report, { color: false, width: 80 })).toContain('### Company only (3)');
    expect(reportFormatters.text(report, { color: false, width: 200 })).toMatch(/│ product-forge +│ company-reported +│/);
    expect(reportFormatters.text(report, { color: false, width: 200 })).toMatch(/│ no value +│ grade B3 +│/);
  });

  it('agrees across formats on the bundled dataset too', () => {
    const bundled = fileURLToPath(new URL('../claims', import.meta.url));
    const b = queryContext(loadDataset(bundled, bundled), new Entities(), '2026-11-24');
    const shown = sectionTwo(b, buildReport(b, b.views));
    expect(shown.text).toHaveLength(b.views.length);
    expect(shown.markdown).toEqual(shown.text);
    expect(shown.html).toEqual(shown.text);
  });
});

describe('timeline marks', () => {
  const ctx = seedContext();
  const report = buildReport(ctx, ctx.views);
  const valuation = report.timelines.find((t) => t.category === 'valuation')!;
  const legend = 'Marks: R rumored · A anonymous or unattributed only · C company only. Unmarked points are not rumored and have at least one origin independent of the company.';

  it('carry each point\'s sourcing tier in the data', () => {
    expect(valuation.points.map((p) => [p.id, p.status, p.tier]).filter(([, s, t]) => s === 'rumored' || t !== 'one-independent')).toEqual([
      ['valuation-series-a-2023-12', 'rumored', 'anonymous-only'],
      ['valuation-rumored-2026', 'rumored', 'anonymous-only'],
    ]);
    expect(report.timelines.find((t) => t.category === 'arr')!.points.map((p) => p.tier)).toEqual(['company-only', 'company-only']);
  });

  it('text: a letter for each mark in fixed places, a legend, within the width', () => {
    const text = reportFormatters.text(report, { color: false, width: 200 });
    const section = text.slice(text.indexOf('7. Timelines'));
    expect(section).toContain(`7. Timelines\n${legend}\n`);
    const row = (id: string) => section.split('\n').find((l) => l.endsWith(`  ${id}`))!;
    expect(row('valuation-series-a-2023-12')).toMatch(/^ {2}2023-12 +\$2B RA █+ +valuation-series-a-2023-12$/);
    expect(row('valuation-rumored-2026')).toMatch(/~\$23\.15B RA █/);
    expect(row('valuation-2024-06')).toMatch(/ \$6B {4}█/);
    expect(row('arr-2026-02')).toMatch(/>\$400M  C █/);
    for (const width of [41, 60, 80, 120]) {
      for (const line of reportFormatters.text(report, { color: false, width }).split('\n')) expect([...line].length, `${width}: ${line}`).toBeLessThanOrEqual(width);
    }
  });

  it('text: the marks are coloured when colour is on, and the visible text is the same', () => {
    const plain = reportFormatters.text(report, { color: false, width: 100 });
    const coloured = reportFormatters.text(report, { color: true, width: 100 });
    expect(coloured.replace(ANSI, '')).toBe(plain);
    const row = coloured.split('\n').find((l) => l.includes('valuation-series-a-2023-12') && l.includes('█'))!;
    expect(row).toContain('\u001b[33mR\u001b[39m\u001b[31mA\u001b[39m');
    expect(coloured.split('\n').find((l) => l.includes('arr-2026-02') && l.includes('█'))).toContain(' \u001b[36mC\u001b[39m');
  });

  it('markdown: a marks column and the legend', () => {
    const md = reportFormatters.markdown(report, { color: false, width: 80 });
    expect(md).toContain(`## 7. Timelines\n\n${legend}\n`);
    expect(md).toContain('| as of | claim | value | amount (USD) | chart | forecast | marks |');
    const timelines = md.slice(md.indexOf('## 7. Timelines'));
    const row = (id: string) => timelines.split('\n').find((l) => l.includes(`| \`${id}\` |`))!;
    expect(row('valuation-series-a-2023-12').endsWith('|  | R A |')).toBe(true);
    expect(row('valuation-2024-06').endsWith('|  |  |')).toBe(true);
  });

  it('html: a marks column with letters and words, a legend, and the letters in the chart', () => {
    const html = formatReportHtml(report, []);
    const section = between(html, '<section id="section-7"', '</section>');
    expect(section).toContain('<p class="marks-legend">Marks: <abbr class="mark mark-rumored" title="rumored">R</abbr> rumored · ');
    expect(section).toContain('<abbr class="mark mark-anonymous-only" title="anonymous or unattributed only">A</abbr> anonymous or unattributed only<');
    expect(section).toContain('>$2B [R A]</text>');
    expect(section).toContain('>&gt;$400M [C]</text>');
    expect(section).toContain('<th scope="col">marks</th>');
    expect(section).toContain('<td><abbr class="mark mark-company-only" title="company only">C</abbr> company only</td>');
  });
});
