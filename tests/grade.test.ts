import { describe, expect, it } from 'vitest';
import { loadDataset } from '../src/load/dataset.js';
import { Entities } from '../src/provenance/index.js';
import { queryContext } from '../src/query/view.js';
import { writeDataset } from './helpers.js';

const src = (id: string, extra: string) => `type: source\nid: ${id}\ntitle: ${id}\npublisher: P\n${extra}`;
const claimYaml = (id: string, body: string, status = 'independent') =>
  `type: claim\nid: ${id}\nsubject: Acme\ncategory: arr\nstatement: S.\nstatus: ${status}\n${body}`;

const root = writeDataset({
  's/a1.yaml': src('a1', 'kind: filing\nreliability: A\n'),
  's/b1.yaml': src('b1', 'kind: news\nreliability: B\n'),
  's/c1.yaml': src('c1', 'kind: news\nreliability: C\n'),
  's/ungraded.yaml': src('ungraded', 'kind: news\n'),
  's/co.yaml': src('co', 'kind: primary\nspeaks_for: [Acme]\nreliability: C\n'),
  's/partner.yaml': src('partner', 'kind: primary\nspeaks_for: [Globex]\nreliability: B\n'),
  's/anon.yaml': src('anon', 'kind: anonymous\nposition: insiders\n'),
  'c/two.yaml': claimYaml('two', 'evidence:\n  - {source: c1}\n  - {source: ungraded}\n'),
  'c/one-b.yaml': claimYaml('one-b', 'evidence:\n  - {source: b1}\n  - {source: co}\n'),
  'c/one-party.yaml': claimYaml('one-party', 'parties: [Globex]\nevidence:\n  - {source: partner}\n'),
  'c/one-c.yaml': claimYaml('one-c', 'evidence:\n  - {source: c1}\n'),
  'c/self.yaml': claimYaml('self', 'evidence:\n  - {source: co}\n', 'company-reported'),
  'c/anon-only.yaml': claimYaml('anon-only', 'evidence:\n  - {source: b1, origin: anon}\n', 'rumored'),
  'c/weak.yaml': claimYaml('weak', 'category: arr\nvalue: "$5M"\nas_of: "2026-01"\nevidence:\n  - {source: co}\n', 'company-reported').replace('category: arr\nstatement', 'statement').replace('category: arr\nvalue', 'category: arr\nvalue'),
  'c/strong.yaml': claimYaml('strong', 'value: "$9M"\nas_of: "2026-01"\nevidence:\n  - {source: a1}\n'),
  'c/opinion.yaml': claimYaml('opinion', 'assertion: opinion\nevidence:\n  - {source: a1}\n  - {source: b1}\n'),
  'c/forecast-open.yaml': claimYaml('forecast-open', 'assertion: forecast\nas_of: "2026-01"\ndue: "2027"\nevidence:\n  - {source: co}\n', 'company-reported'),
  'c/forecast-late.yaml': claimYaml('forecast-late', 'assertion: forecast\nas_of: "2025-01"\ndue: "2025-06"\nevidence:\n  - {source: co}\n', 'company-reported'),
});
const ctx = queryContext(loadDataset(root, root), new Entities(), '2026-11-24');
const g = (id: string) => ctx.grades.get(id)!;

describe('credibility grades', () => {
  it.each([
    ['two', 1, 'C1', 'two independent origins: confirmed; best origin C'],
    ['one-b', 2, 'B2', 'one independent origin graded B (the company origin does not count)'],
    ['one-party', 2, 'B2', 'one party origin graded B'],
    ['one-c', 3, 'C3', 'one independent origin graded C'],
    ['self', 3, 'C3', "the company's own word on a fact about itself"],
    ['anon-only', 4, 'F4', 'anonymous origins only (ungraded: F)'],
    ['weak', 5, 'C5', 'contradicted by a live claim with stronger support'],
    ['strong', 2, 'A2', 'the stronger claim keeps its grade'],
    ['opinion', 6, 'A6', 'opinions cannot be judged'],
    ['forecast-open', 6, 'C6', 'a forecast before its due date cannot be judged'],
    ['forecast-late', 3, 'C3', 'a forecast past its due date is graded like a fact'],
  ])('%s -> %s (%s)', (id, credibility, grade) => {
    expect(g(id)).toMatchObject({ credibility, grade });
  });

  it('names the best origin and why', () => {
    expect(g('two')).toMatchObject({ best_origin: 'c1', reliability: 'C', reason: 'confirmed by 2 independent-or-party origins' });
    expect(g('self').reason).toBe("Acme's own word about itself");
  });

  it('list views carry the grade', () => {
    expect(ctx.views.find((v) => v.id === 'one-b')).toMatchObject({ reliability: 'B', credibility: 2, grade: 'B2' });
  });
});
