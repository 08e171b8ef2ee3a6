import { describe, expect, it } from 'vitest';
import { loadDataset } from '../src/load/dataset.js';
import { buildIndex, claimProvenance, Entities, isOverdue, supersededBy } from '../src/provenance/index.js';
import { filterViews } from '../src/query/filter.js';
import { queryContext } from '../src/query/view.js';
import { parsePartialDate } from '../src/model/date.js';
import type { Claim } from '../src/model/schema.js';
import { writeDataset } from './helpers.js';

const src = (id: string, extra = '') => `type: source\nid: ${id}\ntitle: ${id}\npublisher: P\nkind: news\n${extra}`;
const claimYaml = (id: string, body: string) => `type: claim\nid: ${id}\nsubject: Acme\ncategory: arr\nstatement: S.\nstatus: rumored\n${body}`;

function setup(files: Record<string, string>) {
  const root = writeDataset(files);
  const ds = loadDataset(root, root);
  const index = buildIndex(ds);
  return { ds, index, prov: (id: string, aliases: Record<string, string> = {}) => claimProvenance(index.claims.get(id)!.data, index, new Entities(aliases)) };
}

describe('derived provenance', () => {
  it('collapses a relay chain to its origin, however many articles relay it', () => {
    const { prov } = setup({
      's/post.yaml': src('post', 'kind: social\n').replace('kind: news\n', ''),
      's/a.yaml': src('a', 'cites: [post]\n'), 's/b.yaml': src('b', 'cites: [a]\n'), 's/c.yaml': src('c', 'cites: [b]\n'),
      'c/x.yaml': claimYaml('x', 'evidence:\n  - {source: a, origin: post}\n  - {source: b, via: [a], origin: post}\n  - {source: c, via: [a, b], origin: post}\n'),
    });
    const p = prov('x');
    expect(p.originIds).toEqual(['post']);
    expect(p.sources).toEqual(['a', 'b', 'c']);
    expect(p.origins).toEqual({ self: 0, party: 0, anonymous: 0, unattributed: 0, independent: 1 });
  });

  it('classes origins: self beats party; party counts toward independent support; names match through aliases', () => {
    const { prov } = setup({
      's/co.yaml': src('co', 'speaks_for: [Acme Inc]\n'),
      's/partner.yaml': src('partner', 'speaks_for: [Globex]\n'),
      's/joint.yaml': src('joint', 'speaks_for: [Acme, Globex]\n'),
      'c/self.yaml': claimYaml('self', 'parties: [Globex]\nevidence:\n  - {source: joint}\n'),
      'c/party.yaml': claimYaml('party', 'parties: [globex]\nevidence:\n  - {source: partner}\n  - {source: co}\n'),
    });
    expect(prov('self').byClass.self).toEqual(['joint']);
    expect(prov('self').support).toBe('company-reported');
    const p = prov('party', { 'Acme Inc': 'Acme' });
    expect(p.byClass).toEqual({ self: ['co'], party: ['partner'], anonymous: [], unattributed: [], independent: [] });
    expect(p.support).toBe('independent');
    // Without the alias, "Acme Inc" is someone else: an independent origin.
    expect(prov('party').byClass.independent).toEqual(['co']);
  });

  it('anonymous-only evidence supports only a rumor; an unresolved origin is not counted', () => {
    const { prov } = setup({
      's/anon.yaml': src('anon').replace('kind: news', 'kind: anonymous'),
      's/paper.yaml': src('paper'),
      'c/r.yaml': claimYaml('r', 'evidence:\n  - {source: paper, origin: anon}\n  - {source: paper, origin: ghost}\n'),
    });
    const p = prov('r');
    expect(p.support).toBe('rumored');
    expect(p.origins.anonymous).toBe(1);
    expect(p.unresolved).toEqual(['ghost']);
  });

  it('a claim superseded twice points at the latest superseding claim', () => {
    const { index } = setup({
      's/p.yaml': src('p'),
      'c/old.yaml': claimYaml('old', 'as_of: "2025"\nevidence:\n  - {source: p}\n'),
      'c/mid.yaml': claimYaml('mid', 'as_of: "2026-01"\nsupersedes: old\nevidence:\n  - {source: p}\n'),
      'c/new.yaml': claimYaml('new', 'as_of: "2026-03"\nsupersedes: old\nevidence:\n  - {source: p}\n'),
      'c/newer.yaml': claimYaml('newer', 'as_of: "2026-04"\nsupersedes: new\nevidence:\n  - {source: p}\n'),
    });
    const map = supersededBy(index);
    expect(map.get('old')).toBe('new');
    expect(map.get('new')).toBe('newer');
    expect(map.has('newer')).toBe(false);
  });

  it('a forecast is overdue only once its whole due period has passed', () => {
    const f = (due: string, outcome?: string) => ({ assertion: 'forecast', due, outcome } as unknown as Claim);
    expect(isOverdue(f('2026'), '2026-12-31')).toBe(false);
    expect(isOverdue(f('2026'), '2027-01-01')).toBe(true);
    expect(isOverdue(f('2026-02'), '2026-02-28')).toBe(false);
    expect(isOverdue(f('2026-02'), '2026-03-01')).toBe(true);
    expect(isOverdue(f('2026-02-15'), '2026-02-16')).toBe(true);
    expect(isOverdue(f('2025', 'met'), '2027-01-01')).toBe(false);
  });

  it('--since/--until keep a period that overlaps the window, at the boundaries', () => {
    const root = writeDataset({
      's/p.yaml': src('p'),
      ...Object.fromEntries(['2025-12-31', '2026', '2026-01', '2026-06-30', '2026-07'].map((d, i) => [`c/d${i}.yaml`, claimYaml(`d${i}`, `as_of: "${d}"\nevidence:\n  - {source: p}\n`)])),
    });
    const ctx = queryContext(loadDataset(root, root), new Entities(), '2026-11-24');
    const pick = (since?: string, until?: string) =>
      filterViews(ctx, ctx.views, { since: since ? parsePartialDate(since) : undefined, until: until ? parsePartialDate(until) : undefined }).map((v) => v.as_of);
    expect(pick('2026-01', '2026-06')).toEqual(['2026', '2026-01', '2026-06-30']);
    expect(pick('2026-07')).toEqual(['2026', '2026-07']);
    expect(pick(undefined, '2025-12')).toEqual(['2025-12-31']);
  });
});

describe('entity names after Unicode normalisation', () => {
  const nfc = 'Société Générale';
  const nfd = nfc.normalize('NFD');

  it('treats an NFD subject (macOS copy and paste) and an NFC speaks_for as one entity, so the word is the company\'s own', () => {
    expect(nfd).not.toBe(nfc);
    const { prov } = setup({
      's/own.yaml': src('own', `speaks_for: [${nfc}]\n`),
      'c/x.yaml': `type: claim\nid: x\nsubject: ${nfd}\ncategory: arr\nstatement: S.\nstatus: rumored\nevidence:\n  - {source: own}\n`,
    });
    expect(prov('x').origins).toEqual({ self: 1, party: 0, anonymous: 0, unattributed: 0, independent: 0 });
    expect(prov('x').support).toBe('company-reported');
  });

  it('matches parties, aliases and case through NFC too', () => {
    const e = new Entities({ [nfd]: 'SocGen' });
    expect(e.same(nfc, nfd)).toBe(true);
    expect(e.same(nfc.toUpperCase(), nfd)).toBe(true);
    expect(e.same(nfc, 'socgen')).toBe(true);
    expect(e.includes([nfd], nfc)).toBe(true);
    // Lookalike letters are not merged: they are reported (lookalike-name), not silently matched.
    expect(e.same('Acme', 'Аcme')).toBe(false);
  });
});

