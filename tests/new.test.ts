import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers.js';
import { claim, source, writeDataset } from './helpers.js';
import { run } from '../src/cli/index.js';
import { CLAIM_FLAGS, SOURCE_FLAGS } from '../src/cli/new-options.js';
import { CHOICES, deriveId, fieldsOf, flagOf, slugify, splitList, toYaml, buildRecord } from '../src/authoring/new.js';
import { formatYaml } from '../src/authoring/fmt.js';

const TODAY = ['--today', '2026-11-24'];

/** Acme's own blog post, relayed by a news article, read in an analysis; and an older claim to supersede. */
function acme(): string {
  return writeDataset({
    'claims/sources/acme-blog.yaml': source('acme-blog', 'speaks_for: [Acme]\n'),
    'claims/sources/news-a.yaml': source('news-a', 'cites: [acme-blog]\n'),
    'claims/sources/analysis-b.yaml': source('analysis-b', 'cites: [news-a]\n'),
    'claims/acme/acme-arr-2025.yaml': claim('acme-arr-2025', 'news-a'),
  });
}

/** Every file under a folder, relative, sorted. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

/** MINIMAL with some flags given other values (a flag given twice is a usage error, so they replace rather than add). */
function minimalWith(...pairs: string[]): string[] {
  const out = [...MINIMAL];
  for (let i = 0; i < pairs.length; i += 2) {
    const at = out.indexOf(pairs[i]!);
    if (at >= 0) out[at + 1] = pairs[i + 1]!;
    else out.push(pairs[i]!, pairs[i + 1]!);
  }
  return out;
}

const MINIMAL = ['--subject', 'Acme', '--category', 'arr', '--statement', 'Acme has revenue.', '--status', 'independent', '--source', 'news-a', '--quote', 'a quote'];

describe('claims new claim', () => {
  it('takes several evidence items: each --source starts one, and the flags after it belong to it', async () => {
    const root = acme();
    const r = await runCli(['new', 'claim', ...TODAY, '--subject', 'Acme', '--category', 'arr', '--statement', 'Acme has revenue.', '--status', 'independent', '--as-of', '2026-03',
      '--source', 'news-a', '--quote', 'first quote', '--locator', '3',
      '--source', 'analysis-b', '--via', 'news-a', '--origin', 'acme-blog', '--quote', 'second quote'], root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(root, 'claims/acme/acme-arr-2026-03.yaml'), 'utf8')).toContain(
      'evidence:\n  - source: news-a\n    quote: first quote\n    locator: 3\n  - source: analysis-b\n    via: [news-a]\n    origin: acme-blog\n    quote: second quote\n');
  });

  it('refuses an evidence flag before any --source, or given twice for one item (exit 2), naming it', async () => {
    const root = acme();
    const base = ['new', 'claim', ...TODAY, '--subject', 'Acme', '--category', 'arr', '--statement', 'S.', '--status', 'independent'];
    const before = await runCli([...base, '--quote', 'q', '--source', 'news-a', '--source', 'analysis-b'], root);
    expect(before.code).toBe(2);
    expect(before.stderr).toMatch(/--quote/);
    const twice = await runCli([...base, '--source', 'news-a', '--quote', 'a', '--quote', 'b'], root);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/--quote/);
    expect(listFiles(join(root, 'claims/acme'))).toEqual(['acme-arr-2025.yaml']);
  });

  it('writes every field given as flags, in canonical order, and prints the path', async () => {
    const root = acme();
    const r = await runCli([
      'new', 'claim', ...TODAY,
      '--subject', 'Acme', '--parties', 'Big Bank, Other Co', '--category', 'arr', '--assertion', 'fact',
      '--statement', "Acme's ARR was above $10 million in February 2026.",
      '--value', '>$10M', '--value', '~€9M', '--as-of', '2026-02', '--status', 'company-reported',
      '--supersedes', 'acme-arr-2025', '--tags', 'growth,arr', '--metric-note', 'Annual recurring revenue as the company defines it.',
      '--source', 'analysis-b', '--via', 'news-a', '--origin', 'acme-blog', '--quote', 'Acme said its ARR passed $10 million: a record', '--locator', 'paragraph 3',
      '--id', 'acme-arr-2026-02',
    ], root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('claims/acme/acme-arr-2026-02.yaml\n');
    expect(readFileSync(join(root, 'claims/acme/acme-arr-2026-02.yaml'), 'utf8')).toBe(
      [
        '# yaml-language-server: $schema=../.schemas/claim.schema.json',
        'type: claim',
        'id: acme-arr-2026-02',
        'subject: Acme',
        'parties: [Big Bank, Other Co]',
        'category: arr',
        'assertion: fact',
        "statement: Acme's ARR was above $10 million in February 2026.",
        'value: [">$10M", "~€9M"]',
        'as_of: "2026-02"',
        'status: company-reported',
        'supersedes: acme-arr-2025',
        'tags: [growth, arr]',
        'metric_note: Annual recurring revenue as the company defines it.',
        'evidence:',
        '  - source: analysis-b',
        '    via: [news-a]',
        '    origin: acme-blog',
        '    quote: "Acme said its ARR passed $10 million: a record"',
        '    locator: paragraph 3',
        '',
      ].join('\n'),
    );
    // The written file passes the validator, and is already in the form `claims fmt` writes.
    const v = await runCli(['validate', ...TODAY], root);
    expect(v.stdout).toContain('no problems');
    expect(v.code).toBe(0);
    const f = await runCli(['fmt', '--check'], root);
    expect(f.code).toBe(0);
    expect(f.stdout).toBe('');
  });

  it('derives the id from subject, category and date, adding -2 when it is taken', async () => {
    const root = acme();
    const args = ['new', 'claim', ...TODAY, ...minimalWith('--subject', 'Société Générale', '--as-of', '2026-02')];
    const first = await runCli(args, root);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('claims/societe-generale/societe-generale-arr-2026-02.yaml\n');
    const second = await runCli(args, root);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('claims/societe-generale/societe-generale-arr-2026-02-2.yaml\n');
    expect(readFileSync(join(root, 'claims/societe-generale/societe-generale-arr-2026-02-2.yaml'), 'utf8')).toContain('\nid: societe-generale-arr-2026-02-2\n');
    const third = await runCli(args, root);
    expect(third.stdout).toBe('claims/societe-generale/societe-generale-arr-2026-02-3.yaml\n');
    // An id used by any file (here a source in another folder) is refused before anything is written: exit 2 naming that file.
    const r = await runCli(['new', 'claim', ...TODAY, ...minimalWith('--subject', 'News', '--category', 'other', '--id', 'news-a')], root);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'claims: the id "news-a" is already used by claims/sources/news-a.yaml: ids are unique across the dataset; choose another --id\n' });
    expect(existsSync(join(root, 'claims/news'))).toBe(false);
  });

  it('without --as-of uses --due for the date, and --dir picks the dataset folder', async () => {
    const root = writeDataset({ 'data/sources/news-a.yaml': source('news-a') });
    const r = await runCli(['new', 'claim', ...TODAY, '--dir', 'data', ...minimalWith('--category', 'revenue', '--assertion', 'forecast', '--due', '2027')], root);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('data/acme/acme-revenue-2027.yaml\n');
    expect(readFileSync(join(root, 'data/acme/acme-revenue-2027.yaml'), 'utf8')).toContain('assertion: forecast\n');
  });

  it('lists the missing required flags and exits 2 when stdin is not a terminal', async () => {
    const root = acme();
    const r = await runCli(['new', 'claim', '--subject', 'Acme', '--value', '$1M'], root);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('claims: missing required --category, --statement, --status, --source for a new claim (stdin is not a terminal, so they cannot be asked for)\n');
    const forecast = await runCli(['new', 'claim', ...MINIMAL, '--assertion', 'forecast'], root);
    expect(forecast.code).toBe(2);
    expect(forecast.stderr).toContain('missing required --due for a new claim');
    const src = await runCli(['new', 'source', '--publisher', 'Acme'], root);
    expect(src.code).toBe(2);
    expect(src.stderr).toContain('missing required --title, --kind for a new source');
    expect(listFiles(join(root, 'claims'))).toEqual(['acme/acme-arr-2025.yaml', 'sources/acme-blog.yaml', 'sources/analysis-b.yaml', 'sources/news-a.yaml']);
  });

  it('asks for the missing required fields when stdin is a terminal', async () => {
    const root = acme();
    const stdin = Object.assign(Readable.from(['Acme\n', 'arrr\n', 'arr\n', 'Acme has revenue.\n', 'independent\n', 'news-a\n']), { isTTY: true });
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: { write: (s: string) => (stdout += s), isTTY: false },
      stderr: { write: (s: string) => (stderr += s) },
      cwd: () => root,
      env: {},
      color: false,
      stdin,
    };
    const code = await run(['node', 'claims', 'new', 'claim', ...TODAY, '--as-of', '2026', '--quote', 'a quote'], io);
    expect(stderr).toContain('subject: category (arr, revenue, valuation');
    expect(stderr).toContain('"arrr" is not one of: arr, revenue');
    expect(stderr).toContain('status (rumored, company-reported, independent, disputed, retracted): source: ');
    expect(code).toBe(0);
    expect(stdout).toBe('claims/acme/acme-arr-2026.yaml\n');
    expect(readFileSync(join(root, 'claims/acme/acme-arr-2026.yaml'), 'utf8')).toContain('status: independent\nevidence:\n  - source: news-a\n');

    // Input that ends before every answer is given is the same usage error as a missing flag.
    const short = Object.assign(Readable.from(['Acme\n']), { isTTY: true });
    stderr = '';
    const code2 = await run(['node', 'claims', 'new', 'claim'], { ...io, stdin: short });
    expect(code2).toBe(2);
    expect(stderr).toContain('claims: missing required --category, --statement, --status, --source for a new claim');
  });

  it('refuses to overwrite an existing file (exit 2)', async () => {
    const root = acme();
    const before = readFileSync(join(root, 'claims/acme/acme-arr-2025.yaml'), 'utf8');
    const r = await runCli(['new', 'claim', ...TODAY, ...MINIMAL, '--id', 'acme-arr-2025'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('claims: claims/acme/acme-arr-2025.yaml already exists: refusing to overwrite it\n');
    expect(readFileSync(join(root, 'claims/acme/acme-arr-2025.yaml'), 'utf8')).toBe(before);
    const s = await runCli(['new', 'source', '--id', 'news-a', '--title', 'T', '--publisher', 'P', '--kind', 'news'], root);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('claims/sources/news-a.yaml already exists');
  });

  it('validates against the whole dataset first: errors are printed and nothing is written (exit 1)', async () => {
    const root = acme();
    // Each --source starts an evidence item (and no flag may be given twice): the misspelt source replaces MINIMAL's.
    const r = await runCli(['new', 'claim', ...TODAY, ...minimalWith('--source', 'news-aa', '--subject', 'Widget Co', '--as-of', '2026-02')], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'claims/widget-co/widget-co-arr-2026-02.yaml',
        '  10:13  error    `evidence[0].source` names "news-aa", which is no source in the dataset. Did you mean "news-a"?  unknown-reference',
        '',
        '✖ 1 problem (1 error, 0 warnings)',
        '  in 1 file of 1 checked (2 claims, 3 sources)',
        'claims: claims/widget-co/widget-co-arr-2026-02.yaml was not written: fix the errors above and run the command again',
        '',
      ].join('\n'),
    );
    // Nothing is left behind: no file, no temporary file, not even the new subject folder.
    expect(listFiles(join(root, 'claims'))).toEqual(['acme/acme-arr-2025.yaml', 'sources/acme-blog.yaml', 'sources/analysis-b.yaml', 'sources/news-a.yaml']);

    // A declared status stronger than the evidence: the provenance rules run too.
    const s = await runCli(['new', 'claim', ...TODAY, ...MINIMAL.map((a) => (a === 'news-a' ? 'acme-blog' : a)), '--as-of', '2026'], root);
    expect(s.code).toBe(1);
    expect(s.stderr).toContain('status-unsupported');
    expect(listFiles(join(root, 'claims/acme'))).toEqual(['acme-arr-2025.yaml']);

    // An unknown choice is caught by the option parser (exit 2).
    const c = await runCli(['new', 'claim', ...minimalWith('--category', 'arrr')], root);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain("argument 'arrr' is invalid");
  });
});

describe('claims new source', () => {
  it('writes claims/sources/<id>.yaml with the id derived from the title', async () => {
    const root = acme();
    const r = await runCli([
      'new', 'source', ...TODAY,
      '--title', 'Acme’s results for 2025', '--publisher', 'Acme', '--kind', 'primary', '--speaks-for', 'Acme',
      '--url', 'https://acme.example/results', '--published', '2026-01-15', '--retrieved', '2026-02-01', '--cites', 'news-a',
      '--notes', 'Annual results.', '--reliability', 'C', '--reliability-note', 'The company on itself.',
    ], root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('claims/sources/acme-s-results-for-2025.yaml\n');
    expect(readFileSync(join(root, 'claims/sources/acme-s-results-for-2025.yaml'), 'utf8')).toBe(
      [
        '# yaml-language-server: $schema=../.schemas/source.schema.json',
        'type: source',
        'id: acme-s-results-for-2025',
        'title: Acme’s results for 2025',
        'publisher: Acme',
        'kind: primary',
        'speaks_for: [Acme]',
        'url: https://acme.example/results',
        'published: "2026-01-15"',
        'retrieved: "2026-02-01"',
        'cites: [news-a]',
        'notes: Annual results.',
        'reliability: C',
        'reliability_note: The company on itself.',
        '',
      ].join('\n'),
    );
  });

  it('writes anonymous sources with position and count, and the dataset still validates', async () => {
    const root = acme();
    const r = await runCli(['new', 'source', ...TODAY, '--id', 'people-familiar', '--title', 'People familiar', '--publisher', 'News', '--kind', 'anonymous', '--position', 'people familiar with the round', '--count', '2'], root);
    expect(r.code).toBe(0);
    const text = readFileSync(join(root, 'claims/sources/people-familiar.yaml'), 'utf8');
    expect(text).toContain('position: people familiar with the round\ncount: 2\n');
    const m = await runCli(['new', 'source', '--id', 'people-many', '--title', 'People', '--publisher', 'News', '--kind', 'anonymous', '--position', 'insiders', '--count', 'multiple'], root);
    expect(m.code).toBe(0);
    expect(readFileSync(join(root, 'claims/sources/people-many.yaml'), 'utf8')).toContain('count: multiple\n');
    const v = await runCli(['validate', ...TODAY, 'claims/sources/people-familiar.yaml'], root);
    expect(v.stdout).toContain('orphan-source'); // a new source is orphaned until a claim cites it: a warning, not a blocker
    expect(v.code).toBe(0);
  });
});

describe('authoring helpers', () => {
  it('has a flag for every schema field, with the schema choices', () => {
    const names = (flags: typeof CLAIM_FLAGS) => flags.map(([spec]) => spec.split(' ')[0]);
    expect(names(CLAIM_FLAGS)).toEqual(fieldsOf('claim').map(flagOf));
    expect(names(SOURCE_FLAGS)).toEqual(fieldsOf('source').map(flagOf));
    for (const [spec, , choices] of [...CLAIM_FLAGS, ...SOURCE_FLAGS]) {
      const field = spec.split(' ')[0]!.slice(2);
      expect(choices, spec).toEqual(CHOICES[field]);
    }
  });

  it('slugifies, splits lists and derives ids', () => {
    expect(slugify('Mistral AI')).toBe('mistral-ai');
    expect(slugify('  AT&T — Über  ')).toBe('at-and-t-uber');
    expect(splitList(['€385M, ~$415M', '$1,500M'], 'value')).toEqual(['€385M', '~$415M', '$1,500M']);
    expect(splitList('a,,b ', 'tags')).toEqual(['a', 'b']);
    const taken = new Set(['mistral-ai-arr-2026-02', 'mistral-ai-arr-2026-02-2']);
    expect(deriveId('claim', { subject: 'Mistral AI', category: 'arr', as_of: '2026-02' }, (id) => taken.has(id))).toBe('mistral-ai-arr-2026-02-3');
    expect(deriveId('claim', { subject: 'Mistral AI', category: 'valuation' }, () => false)).toBe('mistral-ai-valuation');
  });

  it('writes text that `claims fmt` leaves as it is', () => {
    const text = toYaml('claim', buildRecord('claim', { subject: 'A', category: 'other', statement: 'It is #1: yes', status: 'rumored', value: '66', source: 's', via: ['x', 'y'], locator: '12', id: 'a' }));
    expect(text).toContain('value: "66"\n');
    expect(text).toContain('    locator: 12\n');
    const again = formatYaml(text);
    expect(again).toMatchObject({ ok: true, changed: false });
  });
});

describe('claims new: ids', () => {
  it('refuses an --id that is not a slug with exit 2 naming the slug rule, before writing anything', async () => {
    for (const id of ['a/b', '../x', 'Upper', '-lead', 'a b', 'é']) {
      const root = acme();
      const r = await runCli(['new', 'claim', ...TODAY, ...MINIMAL, '--id', id], root);
      expect(r.code, id).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`claims: --id: ${JSON.stringify(id)} is not a valid id: ids are slugs of lowercase letters, digits and hyphens, starting with a letter or digit (e.g. "arr-2026-02")\n`);
      expect(listFiles(join(root, 'claims'))).toEqual(['acme/acme-arr-2025.yaml', 'sources/analysis-b.yaml', 'sources/acme-blog.yaml', 'sources/news-a.yaml'].sort());
    }
  });

  it('refuses a second claim with an existing id under another subject (exit 2 naming the file), leaving no folder behind', async () => {
    const root = acme();
    const first = await runCli(['new', 'claim', ...TODAY, ...MINIMAL, '--id', 'shared-id'], root);
    expect(first.code).toBe(0);
    const second = await runCli(['new', 'claim', ...TODAY, ...minimalWith('--subject', 'Other Co', '--id', 'shared-id')], root);
    expect(second).toEqual({
      code: 2,
      stdout: '',
      stderr: 'claims: the id "shared-id" is already used by claims/acme/shared-id.yaml: ids are unique across the dataset; choose another --id\n',
    });
    expect(existsSync(join(root, 'claims/other-co'))).toBe(false);
    // A file named after the id counts even when it cannot be read as a claim.
    const broken = acme();
    writeFileSync(join(broken, 'claims/acme/broken-id.yaml'), 'type: claim\nid: [\n');
    const r = await runCli(['new', 'claim', ...TODAY, ...minimalWith('--subject', 'Other Co', '--id', 'broken-id')], broken);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is already used by claims/acme/broken-id.yaml');
  });
});

describe('claims new source --snapshot', () => {
  it('refuses a snapshot file that does not exist (exit 2), writing nothing', async () => {
    const root = acme();
    const r = await runCli(['new', 'source', '--title', 'A wire story', '--publisher', 'Wire', '--kind', 'news', '--snapshot', 'snapshots/missing.txt'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^claims: .*snapshots\/missing\.txt.*\n$/);
    expect(listFiles(join(root, 'claims/sources'))).toEqual(['acme-blog.yaml', 'analysis-b.yaml', 'news-a.yaml']);
  });

  it('records the digest of a snapshot that exists', async () => {
    const root = acme();
    const { mkdirSync } = await import('node:fs');
    const { createHash } = await import('node:crypto');
    mkdirSync(join(root, 'claims/snapshots'));
    writeFileSync(join(root, 'claims/snapshots/wire.txt'), 'The wire said so.\n');
    const r = await runCli(['new', 'source', ...TODAY, '--id', 'wire', '--title', 'A wire story', '--publisher', 'Wire', '--kind', 'news', '--snapshot', 'snapshots/wire.txt'], root);
    expect(r.stderr).toBe('');
    const digest = createHash('sha256').update('The wire said so.\n').digest('hex');
    expect(readFileSync(join(root, 'claims/sources/wire.yaml'), 'utf8')).toContain(`snapshot: snapshots/wire.txt\nsnapshot_sha256: ${digest}\n`);
  });
});
