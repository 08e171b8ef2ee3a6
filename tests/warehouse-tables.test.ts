/** The relational shape: every row has exactly its table's columns, with the documented types and nullability. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../src/load/dataset.js';
import { lint } from '../src/lint.js';
import { Entities } from '../src/provenance/index.js';
import { queryContext } from '../src/query/view.js';
import { buildTables, TABLE_NAMES, TABLE_SPECS, type Cell, type ColumnType, type Tables } from '../src/warehouse/tables.js';
import { source, writeDataset } from './helpers.js';

const TODAY = '2026-11-24';

function tablesOf(root: string): Tables {
  const ds = loadDataset(root, root);
  const ctx = queryContext(ds, new Entities(), TODAY);
  return buildTables(ctx, ctx.views, lint(ds, { today: TODAY }).diagnostics);
}

const isType: Record<ColumnType, (c: Cell) => boolean> = {
  text: (c) => typeof c === 'string',
  integer: (c) => typeof c === 'number' && Number.isInteger(c),
  real: (c) => typeof c === 'number' && Number.isFinite(c),
  boolean: (c) => typeof c === 'boolean',
  date: (c) => typeof c === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c),
  text_list: (c) => Array.isArray(c) && c.every((x) => typeof x === 'string'),
};

function checkShape(tables: Tables): void {
  for (const spec of TABLE_SPECS) {
    const names = spec.columns.map((c) => c.name);
    for (const row of tables[spec.name]) {
      expect(Object.keys(row).sort(), spec.name).toEqual([...names].sort());
      for (const c of spec.columns) {
        const cell = row[c.name]!;
        if (cell === null) expect(c.nullable, `${spec.name}.${c.name} is null in ${JSON.stringify(row)}`).toBe(true);
        else expect(isType[c.type](cell), `${spec.name}.${c.name} = ${JSON.stringify(cell)} is not ${c.type}`).toBe(true);
      }
    }
  }
}

const claim = (id: string, body: string) => `type: claim\nid: ${id}\nsubject: Acme\ncategory: arr\nstatement: Acme has ARR.\n${body}`;

describe('warehouse tables', () => {
  it('the bundled dataset: every row fits its spec, and keys are unique', () => {
    const tables = tablesOf(resolve(__dirname, '..', 'claims'));
    checkShape(tables);
    expect(tables.claims.length).toBeGreaterThan(10);
    for (const spec of TABLE_SPECS) {
      const keys = tables[spec.name].map((r) => JSON.stringify(spec.primaryKey.map((k) => r[k])));
      expect(new Set(keys).size, spec.name).toBe(keys.length);
    }
    // origins_* agree with claim_origins, row for row.
    for (const c of tables.claims) {
      const mine = tables.claim_origins.filter((o) => o.claim_id === c.id);
      expect(mine.length).toBe(c.origin_count);
      expect(mine.filter((o) => o.class === 'self').length).toBe(c.origins_self);
      expect(mine.filter((o) => o.class === 'unattributed').length).toBe(c.origins_unattributed);
    }
    expect(TABLE_SPECS.map((t) => t.name)).toEqual([...TABLE_NAMES]);
  });

  it('partial dates, equivalent forms, ordered via, a missing source, usage counts and diagnostics', () => {
    const root = writeDataset({
      'sources/a.yaml': source('a', 'published: 2026-02\nspeaks_for: [Acme]\n'),
      'sources/b.yaml': source('b', 'published: 2026-03-04\ncount: multiple\n'),
      'sources/r1.yaml': source('r1'),
      'sources/r2.yaml': source('r2'),
      'claims/c1.yaml': claim('c1', 'value: [$1.2B, "~€1.1B"]\nas_of: 2026-02\nstatus: company-reported\nevidence:\n  - source: b\n    via: [r2, r1]\n    origin: a\n    locator: 3\n  - source: ghost\n'),
      'claims/c2.yaml': claim('c2', 'status: rumored\nevidence:\n  - source: b\n    unattributed: true\n'),
    });
    const t = tablesOf(root);
    checkShape(t);
    const c1 = t.claims.find((c) => c.id === 'c1')!;
    expect(c1).toMatchObject({ as_of: '2026-02', as_of_start: '2026-02-01', as_of_end: '2026-02-28', value: '$1.2B', amount: 1.2e9, currency: 'USD', value_forms: 2, origins_self: 1, origin_count: 1 });
    expect(t.claim_values.filter((v) => v.claim_id === 'c1').map((v) => [v.position, v.amount, v.currency, v.bound])).toEqual([[1, 1.2e9, 'USD', 'exact'], [2, 1.1e9, 'EUR', 'about']]);
    const ev = t.evidence.filter((e) => e.claim_id === 'c1');
    expect(ev[0]).toMatchObject({ position: 1, source_id: 'b', origin_id: 'a', via: ['r2', 'r1'], locator: '3', unattributed: false, origin_class: 'self' });
    expect(ev[1]).toMatchObject({ position: 2, source_id: 'ghost', origin_id: 'ghost', origin_class: null });
    // An id evidence names without a file has a row, so the foreign keys hold.
    expect(t.sources.find((s) => s.id === 'ghost')).toMatchObject({ missing: true, file: null, title: null, read_by: 1 });
    const b = t.sources.find((s) => s.id === 'b')!;
    expect(b).toMatchObject({ missing: false, published_start: '2026-03-04', published_end: '2026-03-04', count: null, count_multiple: true, read_by: 2, origin_of: 1 });
    expect(t.sources.find((s) => s.id === 'r1')).toMatchObject({ relayed_for: 1, read_by: 0 });
    expect(t.claim_origins.find((o) => o.claim_id === 'c2')).toMatchObject({ origin_id: 'b', class: 'unattributed' });
    expect(t.diagnostics.some((d) => d.rule !== '' && d.message_id !== '' && (d.message as string).includes('ghost'))).toBe(true);
  });
});
