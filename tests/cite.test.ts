// `claims cite`: one more evidence item on a claim, checked, with what it changed in support and grade.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cite, type CiteOptions } from '../src/cli/cite.js';
import { resolveSettings } from '../src/cli/settings.js';
import { UsageError } from '../src/cli/io.js';
import { writeDataset } from './helpers.js';

const CLAIM = [
  '# yaml-language-server: $schema=../../schemas/claim.schema.json',
  'type: claim',
  'id: acme-arr',
  'subject: Acme',
  'category: arr',
  'statement: Acme has $5M ARR. # as the company says',
  'value: "$5M"',
  'as_of: "2026-01"',
  'status: company-reported',
  'evidence:',
  '  - source: acme-blog',
  '    quote: our ARR reached $5 million',
  '',
].join('\n');

function dataset(): string {
  return writeDataset({
    'claims/acme/acme-arr.yaml': CLAIM,
    'claims/sources/acme-blog.yaml': 'type: source\nid: acme-blog\ntitle: Acme blog\npublisher: Acme\nkind: primary\nspeaks_for: [Acme]\nreliability: C\n',
    'claims/sources/daily.yaml': 'type: source\nid: daily\ntitle: The Daily on Acme\npublisher: The Daily\nkind: news\nreliability: B\nsnapshot: snapshots/daily.txt\n',
    'claims/sources/wire.yaml': 'type: source\nid: wire\ntitle: Wire story\npublisher: Wire\nkind: news\n',
    'claims/snapshots/daily.txt': 'Acme, the maker of widgets, had annual recurring revenue of $5 million in January, according to a filing we reviewed.\n',
  });
}

async function run(root: string, id: string, opts: CiteOptions): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (s: string) => (stdout += s), isTTY: false }, stderr: { write: (s: string) => (stderr += s) }, cwd: () => root, env: {}, color: false };
  try {
    const code = cite(id, opts, resolveSettings({ today: '2026-11-24' }, root), io);
    return { code, stdout, stderr };
  } catch (err) {
    if (err instanceof UsageError) return { code: 2, stdout, stderr: stderr + `claims: ${err.message}\n` };
    throw err;
  }
}

const claimText = (root: string): string => readFileSync(join(root, 'claims/acme/acme-arr.yaml'), 'utf8');

describe('claims cite', () => {
  it('appends the item, keeps the rest of the file, and says what changed in support and grade', async () => {
    const root = dataset();
    const r = await run(root, 'acme-arr', { source: 'daily', quote: 'had annual recurring revenue of $5 million in January', locator: '2' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('claims/acme/acme-arr.yaml: evidence[1] added (daily)\nsupport company-reported → independent; grade C3 → B2\n'
      + 'the declared status company-reported is now weaker than the evidence (independent): `claims set acme-arr status=independent` if the desk agrees\n');
    expect(claimText(root)).toBe(CLAIM + '  - source: daily\n    quote: had annual recurring revenue of $5 million in January\n    locator: 2\n');
  });

  it('with --dry-run prints the diff and writes nothing', async () => {
    const root = dataset();
    const r = await run(root, 'acme-arr', { source: 'wire', origin: 'acme-blog', quote: 'Acme said ARR was $5M', dryRun: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--- a/claims/acme/acme-arr.yaml\n+++ b/claims/acme/acme-arr.yaml\n');
    expect(r.stdout).toContain('+  - source: wire\n+    origin: acme-blog\n+    quote: Acme said ARR was $5M\n');
    expect(r.stderr).toBe('claims: dry run, nothing written: claims/acme/acme-arr.yaml: evidence[1] added (wire, origin acme-blog)\nclaims: dry run, nothing written: support and grade unchanged (company-reported, C3)\n');
    expect(claimText(root)).toBe(CLAIM);
  });

  it('refuses an unknown id with the nearest ones (exit 2), writing nothing', async () => {
    const root = dataset();
    expect(await run(root, 'acme-ar', { source: 'daily', quote: 'q' })).toMatchObject({ code: 2, stderr: 'claims: no claim "acme-ar"; did you mean "acme-arr"?\n' });
    expect(await run(root, 'acme-arr', { source: 'dail', quote: 'q' })).toMatchObject({ code: 2, stderr: 'claims: --source: no source "dail"; did you mean "daily"?\n' });
    expect(await run(root, 'acme-arr', { source: 'daily', via: ['wir'], quote: 'q' })).toMatchObject({ code: 2, stderr: expect.stringContaining('--via: no source "wir"') });
    expect(await run(root, 'acme-arr', { source: 'acme-arr', quote: 'q' })).toMatchObject({ code: 2, stderr: expect.stringContaining('("acme-arr" is a claim)') });
    expect(claimText(root)).toBe(CLAIM);
  });

  it('refuses an item that repeats one already there (exit 2)', async () => {
    const root = dataset();
    const r = await run(root, 'acme-arr', { source: 'acme-blog', quote: 'Our ARR  reached $5 million' });
    expect(r).toMatchObject({ code: 2, stderr: 'claims: claims/acme/acme-arr.yaml: evidence[0] already cites acme-blog with this quote: nothing to add\n' });
  });

  it('refuses a quote that is not in the source\'s snapshot (exit 1), showing the closest passage, writing nothing', async () => {
    const root = dataset();
    const r = await run(root, 'acme-arr', { source: 'daily', quote: 'had annual recurring revenue of $6 million' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('quote-not-found');
    expect(r.stderr).toContain('nothing was written: it would add 1 error');
    expect(claimText(root)).toBe(CLAIM);
  });
});

describe('one claim\'s view, as the writing commands derive it', () => {
  it('equals the view the querier derives for every claim of the bundled dataset', async () => {
    const { loadDataset } = await import('../src/load/dataset.js');
    const { queryContext, claimViewById } = await import('../src/query/view.js');
    const { Entities } = await import('../src/provenance/index.js');
    const root = join(__dirname, '..', 'claims');
    const ds = loadDataset(root, root);
    const all = queryContext(ds, new Entities(), '2026-11-24');
    expect(all.views.length).toBeGreaterThanOrEqual(70);
    for (const v of all.views) expect(claimViewById(ds, v.id, new Entities(), '2026-11-24'), v.id).toEqual(v);
    expect(claimViewById(ds, 'no-such-claim', new Entities(), '2026-11-24')).toBeUndefined();
  });
});
