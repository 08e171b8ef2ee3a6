/** What rests on what: the claims a source's loss would lower (src/query/impact.ts). */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../src/load/dataset.js';
import { Entities } from '../src/provenance/index.js';
import { dependsOn, singlePointsOfFailure, sourceImpact } from '../src/query/impact.js';
import { queryContext } from '../src/query/view.js';
import { writeDataset } from './helpers.js';

const src = (id: string, extra = '') => `type: source\nid: ${id}\ntitle: ${id}\npublisher: ${id}\nkind: news\nreliability: B\n${extra}`;
const claim = (id: string, status: string, evidence: string) =>
  `type: claim\nid: ${id}\nsubject: Mistral AI\ncategory: valuation\nstatement: ${id}.\nstatus: ${status}\nevidence:\n${evidence}`;

function ctxOf() {
  const root = writeDataset({
    'sources/techcrunch.yaml': src('techcrunch'),
    'sources/cnbc.yaml': src('cnbc'),
    'sources/crunchbase.yaml': src('crunchbase'),
    'sources/summary.yaml': src('summary'),
    'sources/blog.yaml': src('blog', 'speaks_for: [Mistral AI]\n'),
    // Two independent origins: losing one keeps it independent.
    'claims/two.yaml': claim('two', 'independent', '  - source: techcrunch\n  - source: cnbc\n'),
    // One independent origin and the company: losing TechCrunch leaves the company's word.
    'claims/one.yaml': claim('one', 'independent', '  - source: techcrunch\n  - source: blog\n'),
    // Crunchbase relayed by TechCrunch, read in a summary: the chain runs through TechCrunch.
    'claims/relayed.yaml': claim('relayed', 'independent', '  - source: summary\n    via: [techcrunch]\n    origin: crunchbase\n'),
    // Only TechCrunch: nothing left without it.
    'claims/only.yaml': claim('only', 'independent', '  - source: techcrunch\n'),
    'claims/company.yaml': claim('company', 'company-reported', '  - source: blog\n'),
  });
  return queryContext(loadDataset(root, root), new Entities(), '2026-11-24');
}

describe('impact of losing a source', () => {
  it('lists the claims whose support drops or whose evidence all runs through the source, with before and after', () => {
    const rows = sourceImpact(ctxOf(), 'techcrunch');
    expect(rows.map((r) => r.id)).toEqual(['one', 'only', 'relayed']);
    const one = rows[0]!;
    expect(one.before).toMatchObject({ support: 'independent', grade: 'B2' });
    expect(one.after).toMatchObject({ support: 'company-reported', grade: 'B3' });
    expect(rows[1]).toMatchObject({ lost_all_evidence: true, after: null });
    expect(rows[2]).toMatchObject({ lost_all_evidence: true, after: null });
  });

  it('a relay or a source that only the company backs lowers nothing it does not carry', () => {
    const ctx = ctxOf();
    expect([...dependsOn(ctx, 'cnbc')]).toEqual([]);
    expect([...dependsOn(ctx, 'blog')]).toEqual(['company']);
    expect([...dependsOn(ctx, 'no-such-source')]).toEqual([]);
  });

  it('single points of failure: most lowered first, sources that lower nothing left out', () => {
    const spof = singlePointsOfFailure(ctxOf());
    expect(spof.map((s) => [s.source, s.claims.length])).toEqual([['techcrunch', 3], ['blog', 1], ['crunchbase', 1], ['summary', 1]]);
  });
});
