/** The report's rumor confirmation candidates: same subject and category, an agreeing value, not about an earlier period. */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../src/load/dataset.js';
import { parseValues } from '../src/model/value.js';
import { Entities } from '../src/provenance/index.js';
import { queryContext } from '../src/query/view.js';
import { buildReport, notEarlier, valuesAgree } from '../src/report/build.js';
import { reportFormatters } from '../src/format/report.js';
import { formatReportHtml } from '../src/format/report-html.js';
import { seedContext } from './report-seeds.js';
import { writeDataset } from './helpers.js';

const candidatesOf = (id: string, ctx = seedContext()): string[] | undefined =>
  buildReport(ctx, ctx.views).rumors.find((r) => r.id === id)?.candidates;

describe('rumor candidates on the seed texts', () => {
  const ctx = seedContext();
  const report = buildReport(ctx, ctx.views);
  const series = report.rumors.find((r) => r.id === 'valuation-series-a-2023-12')!;

  it('keeps the same figure for the same period, and an agreeing figure for a later one', () => {
    // "$2B" for 2023-12 and "~$2B" for 2024-02 ("implying an unchanged valuation") both agree with "a reported $2 billion".
    expect(series.candidates).toEqual(['valuation-table-2023-12', 'valuation-2024-02']);
  });

  it('drops a later, different figure, an earlier one, an undated one and one without a value', () => {
    for (const gone of ['valuation-2024-06', 'valuation-seed-2023-06', 'valuation-undated', 'valuation-no-figure']) {
      expect(series.candidates).not.toContain(gone);
    }
    // Each would have been offered before: same subject and category, independent support, not retracted.
    const views = new Map(ctx.views.map((v) => [v.id, v]));
    for (const id of ['valuation-2024-06', 'valuation-seed-2023-06', 'valuation-undated', 'valuation-no-figure']) {
      expect(views.get(id)).toMatchObject({ subject: 'Mistral AI', category: 'valuation', assertion: 'fact', support: 'independent' });
    }
  });

  it('drops an earlier figure even when its bound agrees', () => {
    // ">$10B" (September 2025) is compatible with "~$23.15B", but it is about an earlier period than the 2026 rumor.
    expect(valuesAgree(parseValues('~$23.15B'), parseValues('>$10B'))).toBe(true);
    expect(notEarlier('2025-09', '2026')).toBe(false);
    expect(candidatesOf('valuation-rumored-2026', ctx)).toEqual([]);
  });

  it('shows the same candidates in text, markdown and html', () => {
    const text = reportFormatters.text(report, { color: false, width: 200 });
    expect(text).toContain('Candidates: valuation-table-2023-12, valuation-2024-02.');
    expect(text).not.toMatch(/Candidates:[^\n]*valuation-2024-06/);
    const md = reportFormatters.markdown(report, { color: false, width: 80 });
    const rumorsMd = md.slice(md.indexOf('## 3. '), md.indexOf('## 4. '));
    const row = rumorsMd.split('\n').find((l) => l.startsWith('| `valuation-series-a-2023-12` |'))!;
    expect(row.endsWith('| `valuation-table-2023-12`, `valuation-2024-02` |')).toBe(true);
    const html = formatReportHtml(report, []);
    const section = html.slice(html.indexOf('id="section-3"'), html.indexOf('id="section-4"'));
    const tr = section.split('\n').find((l) => l.includes('<code>valuation-series-a-2023-12</code><div'))!;
    expect(tr.endsWith('<td><code>valuation-table-2023-12</code>, <code>valuation-2024-02</code></td></tr>')).toBe(true);
  });
});

describe('the pair from the issue: a June 2023 "$2.2B" rumor and a December 2024 ">$5.5B" valuation', () => {
  const files = {
    'sources/reporter.yaml': 'type: source\nid: reporter\ntitle: The reporting outlet\npublisher: Outlet\nkind: news\n',
    'sources/people-familiar.yaml': 'type: source\nid: people-familiar\ntitle: People familiar with the talks\npublisher: Outlet\nkind: anonymous\nposition: people familiar with the talks\n',
    'co/rumor-2023-06.yaml': 'type: claim\nid: rumor-2023-06\nsubject: Logged Co\ncategory: valuation\nstatement: Logged Co was said to be raising at a $2.2 billion valuation.\nvalue: "$2.2B"\nas_of: "2023-06"\nstatus: rumored\nevidence:\n  - source: reporter\n    origin: people-familiar\n    quote: at a $2.2 billion valuation\n',
    'co/valuation-2024-12.yaml': 'type: claim\nid: valuation-2024-12\nsubject: Logged Co\ncategory: valuation\nstatement: Logged Co was valued at more than $5.5 billion.\nvalue: ">$5.5B"\nas_of: "2024-12"\nstatus: independent\nevidence:\n  - source: reporter\n    quote: valued at more than $5.5 billion\n',
  };

  it('no longer offers the later, higher valuation as confirmation', () => {
    const root = writeDataset(files);
    const ctx = queryContext(loadDataset(root, root), new Entities(), '2026-11-24');
    expect(candidatesOf('rumor-2023-06', ctx)).toEqual([]);
    const html = formatReportHtml(buildReport(ctx, ctx.views), []);
    expect(html).toContain('No independent valuation claim on Logged Co agrees with it yet.');
  });

  it('still offers a later figure that agrees ("above $2 billion" in September 2023)', () => {
    const root = writeDataset({
      ...files,
      'co/valuation-2023-09.yaml': files['co/valuation-2024-12.yaml']
        .replace(/valuation-2024-12/g, 'valuation-2023-09').replace('">$5.5B"', '">$2B"').replace('"2024-12"', '"2023-09"')
        .replace(/more than \$5\.5 billion/g, 'more than $2 billion'),
    });
    const ctx = queryContext(loadDataset(root, root), new Entities(), '2026-11-24');
    expect(candidatesOf('rumor-2023-06', ctx)).toEqual(['valuation-2023-09']);
  });
});

describe('rumors without a value', () => {
  const files = (rumorParties: string, otherParties: string) => ({
    'sources/techcrunch-down-to-business.yaml': 'type: source\nid: techcrunch-down-to-business\ntitle: Mistral gets down to business\npublisher: TechCrunch\nkind: news\n',
    'sources/people-familiar.yaml': 'type: source\nid: people-familiar\ntitle: Unnamed sources\npublisher: TechCrunch\nkind: anonymous\nposition: unnamed\n',
    'm/rumor.yaml': `type: claim\nid: rumor\nsubject: Mistral AI\n${rumorParties}category: partnership\nstatement: Mistral AI is said to work with Cerebras on Le Chat.\nas_of: "2025-02"\nstatus: rumored\nevidence:\n  - source: techcrunch-down-to-business\n    origin: people-familiar\n    quote: "an American AI company specializing in fast inference that already works with Mistral"\n`,
    'm/same.yaml': 'type: claim\nid: same\nsubject: Mistral AI\nparties: [Cerebras]\ncategory: partnership\nstatement: Cerebras works with Mistral AI to speed up Le Chat.\nas_of: "2025-02"\nstatus: independent\nevidence:\n  - source: techcrunch-down-to-business\n    quote: "an American AI company specializing in fast inference that already works with Mistral"\n',
    'm/other.yaml': `type: claim\nid: other\nsubject: Mistral AI\n${otherParties}category: partnership\nstatement: Mistral AI partnered with France Travail.\nas_of: "2025-02"\nstatus: independent\nevidence:\n  - source: techcrunch-down-to-business\n    quote: "We’ve partnered with France Travail"\n`,
  });
  const candidates = (f: Record<string, string>) => {
    const root = writeDataset(f);
    return candidatesOf('rumor', queryContext(loadDataset(root, root), new Entities(), '2026-11-24'));
  };

  it('are matched on their parties: another deal of the same company is not a candidate', () => {
    expect(candidates(files('parties: [Cerebras]\n', 'parties: [France Travail]\n'))).toEqual(['same']);
  });

  it('with neither a value nor parties, get no candidates, and the report says why', () => {
    expect(candidates(files('', ''))).toEqual([]);
    const root = writeDataset(files('', ''));
    const ctx = queryContext(loadDataset(root, root), new Entities(), '2026-11-24');
    expect(formatReportHtml(buildReport(ctx, ctx.views), [])).toContain('It states no figure and names no party, so no candidate can be matched to it.');
  });
});

describe('valuesAgree and notEarlier', () => {
  const v = (s: string | string[]) => parseValues(s);

  it('judges bounds and ~ as value conflicts do', () => {
    expect(valuesAgree(v('$2.2B'), v('>$5.5B'))).toBe(false);
    expect(valuesAgree(v('$2B'), v('~$2B'))).toBe(true);
    expect(valuesAgree(v('~$2B'), v('$2.15B'))).toBe(true);
    expect(valuesAgree(v('~$2B'), v('$2.3B'))).toBe(false);
    expect(valuesAgree(v('>$400M'), v('$400M'))).toBe(false);
    expect(valuesAgree(v('>=$400M'), v('$400M'))).toBe(true);
  });

  it('compares within one currency only; a list agrees when any of its forms does', () => {
    // Series C: "a €11.7 billion valuation (roughly $13.8 billion)".
    expect(valuesAgree(v('~$13.8B'), v('€11.7B'))).toBe(false);
    expect(valuesAgree(v('~$13.8B'), v(['€11.7B', '~$13.8B']))).toBe(true);
    expect(valuesAgree(v(['€11.7B', '~$13.8B']), v('€11.7B'))).toBe(true);
  });

  it('a rumor without a value agrees with any candidate; a candidate without one confirms no figure', () => {
    expect(valuesAgree([], v('$6B'))).toBe(true);
    expect(valuesAgree([], [])).toBe(true);
    expect(valuesAgree(v('$2B'), [])).toBe(false);
  });

  it('partial dates: a period that overlaps the rumor\'s is not earlier; undated candidates of a dated rumor are', () => {
    expect(notEarlier('2023', '2023-06')).toBe(true);
    expect(notEarlier('2023-06-30', '2023-06')).toBe(true);
    expect(notEarlier('2023-05', '2023-06')).toBe(false);
    expect(notEarlier('2022', '2023-06')).toBe(false);
    expect(notEarlier('2024-12', '2023-06')).toBe(true);
    expect(notEarlier(null, '2023-06')).toBe(false);
    expect(notEarlier('2023-05', null)).toBe(true);
    expect(notEarlier(null, null)).toBe(true);
  });
});
