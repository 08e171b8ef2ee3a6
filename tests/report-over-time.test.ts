/** Section 9 of the report, "Measures over time": `claims stats`' figures for the claims reported on. */
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers.js';
import { writeDataset } from './helpers.js';

// Seed 002 reports the rumored raise; a later, independently sourced claim supersedes it.
const FILES = {
  'claims/sources/weidemann.yaml': 'type: source\nid: weidemann\ntitle: Mistral AI analysis\npublisher: Weidemann.tech\nkind: analysis\npublished: 2026-07-01\nreliability: C\n',
  'claims/sources/people.yaml': 'type: source\nid: people\ntitle: People familiar\npublisher: Weidemann.tech\nkind: anonymous\nposition: people familiar with the fundraising\npublished: 2026-07-01\n',
  'claims/sources/crunchbase.yaml': 'type: source\nid: crunchbase\ntitle: Crunchbase profile\npublisher: Crunchbase\nkind: database\npublished: 2026-09-30\nreliability: B\n',
  'claims/mistral-ai/raise-rumor.yaml': 'type: claim\nid: raise-rumor\nsubject: Mistral AI\ncategory: funding-round\nstatement: Mistral AI is rumored to be raising about $3.5 billion.\nvalue: "~$3.5B"\nas_of: "2026-07"\nstatus: rumored\nevidence:\n  - source: weidemann\n    origin: people\n    quote: By mid-2026, Mistral was also rumored to be raising about $3.5 billion\n',
  'claims/mistral-ai/raise.yaml': 'type: claim\nid: raise\nsubject: Mistral AI\ncategory: funding-round\nstatement: Mistral AI raised $3.5 billion.\nvalue: "$3.5B"\nas_of: "2026-09"\nstatus: independent\nsupersedes: raise-rumor\nevidence:\n  - source: crunchbase\n',
  'claims/acme/acme-rumor.yaml': 'type: claim\nid: acme-rumor\nsubject: Acme\ncategory: other\nstatement: Acme may open an office.\nas_of: "2026-07"\nstatus: rumored\nevidence:\n  - source: people\n',
};

describe('report section 9: measures over time', () => {
  it('counts a rumor superseded by a better-supported claim, dated by the sources, and the rumors still open', async () => {
    const root = writeDataset(FILES);
    const r = await runCli(['report', '--format', 'json', '--today', '2026-11-24'], root);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout).over_time;
    expect(s.history).toEqual({ used: false, reason: 'the dataset is not in a git repository' });
    expect(s.confirmations).toMatchObject([{ rumor: 'raise-rumor', confirmed_by: 'raise', how: 'superseded', from: '2026-07-01', to: '2026-09-30', days: 91 }]);
    expect(s.open_rumors.map((o: { id: string; days_open: number }) => [o.id, o.days_open])).toEqual([['acme-rumor', 146]]);
    // The report's filters apply: Acme's report has no confirmation and one open rumor.
    const acme = JSON.parse((await runCli(['report', '--format', 'json', '--today', '2026-11-24', '--subject', 'Acme'], root)).stdout).over_time;
    expect([acme.confirmations.length, acme.open_rumors.length]).toEqual([0, 1]);
  });

  it('text, markdown and HTML show the section with the same figures', async () => {
    const root = writeDataset(FILES);
    const text = (await runCli(['report', '--today', '2026-11-24'], root)).stdout;
    expect(text).toContain('9. Measures over time');
    expect(text).toMatch(/1 rumor later confirmed; median time to confirmation 91 days\./);
    expect(text).toMatch(/  raise-rumor: confirmed after 91 days \(superseded by raise; dataset\)/);
    const md = (await runCli(['report', '--format', 'markdown', '--today', '2026-11-24'], root)).stdout;
    expect(md).toContain('## 9. Measures over time');
    expect(md).toMatch(/\| `raise-rumor` \| superseded by `raise` \| 91 \| dataset \|/);
    const html = (await runCli(['report', '--format', 'html', '--today', '2026-11-24'], root)).stdout;
    expect(html).toContain('9. Measures over time');
    expect(html).toContain('1 rumor later confirmed; median time to confirmation 91 days.');
  });
});
