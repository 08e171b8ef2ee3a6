/**
 * The JSON Schemas editors use must reject what `claims validate` rejects with rule `schema`.
 *
 * Every bundled claim and source file is mutated one field at a time (removed, blank, of a wrong type, an impossible
 * date, a bad value shorthand, slug, URL or snapshot path, a broken conditional field). For each mutation the CLI's own
 * loader rejects with a `schema` problem, ajv (draft 2020-12, as the schemas declare) must reject it too, and so must
 * yaml-language-server (the YAML extension of VS Code and other editors), reading the schema through the file's own
 * `# yaml-language-server: $schema=` line. ajv checks every mutation; yaml-language-server a sample of each kind.
 * A built-CLI run confirms that the loader's verdicts are what `claims validate` reports.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml, stringify } from 'yaml';
import { editorDiagnostics } from './editor.js';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFile } from '../src/load/parse.js';

const ROOT = resolve(__dirname, '..');
const DATASET = join(ROOT, 'claims');
const SCHEMAS = join(ROOT, 'schemas');

type Data = Record<string, unknown>;
interface Bundled { file: string; type: 'claim' | 'source'; modeline: string; data: Data }
interface Mutation { file: string; type: 'claim' | 'source'; kind: string; text: string; data: Data }

const bundled: Bundled[] = readdirSync(DATASET, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => {
    const file = join(DATASET, f);
    const text = readFileSync(file, 'utf8');
    const data = parseYaml(text) as Data;
    return { file, type: data.type as 'claim' | 'source', modeline: text.split('\n')[0]!, data };
  });

const clone = (d: Data): Data => structuredClone(d);
const long = '9'.repeat(400);

const CLAIM_STRINGS = ['id', 'subject', 'statement', 'category', 'status', 'assertion', 'outcome', 'resolved_by', 'supersedes', 'metric_note'];
const SOURCE_STRINGS = ['id', 'title', 'publisher', 'kind', 'url', 'archive_url', 'notes', 'reliability', 'reliability_note', 'position', 'snapshot', 'snapshot_sha256'];
const CLAIM_LISTS = ['parties', 'tags', 'evidence'];
const SOURCE_LISTS = ['speaks_for', 'cites'];
const DATES = { claim: ['as_of', 'due'], source: ['published', 'retrieved'] } as const;
const SLUGS = { claim: ['id', 'resolved_by', 'supersedes'], source: ['id'] } as const;
const BAD_DATES = ['2026-13', '2026-02-30', '2025-13-11', '2025-02-29', '1900-02-29', '2026-1', '0999', ' 2026', '2026-00', '2026-04-31', 'soon', 999, 20260];
const GOOD_DATES = ['2024-02-29', '2000-02-29', '2026-12-31', 2026];
const BAD_VALUES: unknown[] = [
  'lots of money', '>00M', '00M', '~$0400M', '€05', '', ' ', '$', '5%M', '$11%', `$${long}`, `${long}T`, '1,000,000,000,000,000', '1.1234567890123456',
  Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, true, {}, [], ['€385M', 'lots'], ['>00M'], [['$1M']],
];
const GOOD_VALUES: unknown[] = ['>$400M', ' ~€1.7B ', '$0.5M', '0', '0.25%', '1,250.5 K', 'USD 3.5B', '<= £2T', 66, -3.5, ['€385M', '~$415M']];
const BAD_SLUGS = ['Bad Slug', '-x', 'UPPER', 'a_b', '', 'x/y', 5];
const BAD_URLS = ['not a url', 'ftp://example.org/x', 'http://', 'https://exa mple.com', 'javascript:alert(1)', '//example.org', 5];
const BAD_SNAPSHOTS = ['../../etc/passwd', '/etc/hostname', 'snapshots/../../x.txt', '..', 'snapshots\\..\\..\\x.txt', 'C:\\x.txt', 'C:x.txt', 'a//b.txt', 'snapshots/', '', 'a\nb', 5];
const GOOD_SNAPSHOTS = ['snapshots/x.txt', 'x.txt', 'a/.../b.txt', 'snapshots/..x.txt', './snapshots/x.txt'];
const WRONG_TYPES: unknown[] = [5, true, null, ['x'], { x: 1 }, 1.5];

/** Single-field mutations of one bundled file, each with a kind that names what was done. */
function mutations(b: Bundled): Mutation[] {
  const out: Mutation[] = [];
  const add = (kind: string, edit: (d: Data) => void): void => {
    const data = clone(b.data);
    edit(data);
    out.push({ file: b.file, type: b.type, kind, data, text: `${b.modeline}\n${stringify(data)}` });
  };
  const fields = b.type === 'claim' ? [...CLAIM_STRINGS, ...CLAIM_LISTS, 'value', 'as_of', 'due'] : [...SOURCE_STRINGS, ...SOURCE_LISTS, 'published', 'retrieved', 'count'];
  for (const f of new Set([...Object.keys(b.data), ...fields])) {
    add(`remove ${f}`, (d) => void delete d[f]);
    add(`blank ${f}`, (d) => void (d[f] = '  '));
    add(`empty ${f}`, (d) => void (d[f] = ''));
    for (const w of WRONG_TYPES) add(`type ${f}=${JSON.stringify(w)}`, (d) => void (d[f] = w));
  }
  add('unknown field', (d) => void (d.extra_field = 'x'));
  add('type swapped', (d) => void (d.type = b.type === 'claim' ? 'source' : 'claim'));
  for (const f of DATES[b.type]) {
    for (const v of [...BAD_DATES, ...GOOD_DATES]) add(`date ${f}=${JSON.stringify(v)}`, (d) => void (d[f] = v));
  }
  for (const f of SLUGS[b.type]) for (const v of BAD_SLUGS) add(`slug ${f}=${JSON.stringify(v)}`, (d) => void (d[f] = v));
  if (b.type === 'claim') {
    for (const v of [...BAD_VALUES, ...GOOD_VALUES]) add(`value ${JSON.stringify(v)}`, (d) => void (d.value = v));
    add('forecast without due', (d) => { d.assertion = 'forecast'; delete d.due; });
    add('forecast with due', (d) => { d.assertion = 'forecast'; d.due = '2027'; });
    add('outcome without resolved_by', (d) => { d.outcome = 'met'; delete d.resolved_by; });
    add('resolved_by without outcome', (d) => { d.resolved_by = 'some-claim'; delete d.outcome; });
    add('outcome with resolved_by', (d) => { d.outcome = 'missed'; d.resolved_by = 'some-claim'; });
    add('metric_note on a valuation', (d) => { d.category = 'valuation'; d.metric_note = 'run-rate'; });
    add('metric_note on revenue', (d) => { d.category = 'revenue'; d.metric_note = 'run-rate'; });
    add('metric_note blank', (d) => { d.category = 'arr'; d.metric_note = ' '; });
    add('status unknown', (d) => void (d.status = 'confirmed'));
    add('category unknown', (d) => void (d.category = 'ARR'));
    add('parties blank item', (d) => void (d.parties = ['Acme', ' ']));
    add('tags number item', (d) => void (d.tags = [5]));
    const ev = (d: Data) => d.evidence as Data[];
    for (const f of ['source', 'via', 'origin', 'quote', 'locator']) {
      add(`evidence remove ${f}`, (d) => void delete ev(d)[0]![f]);
      for (const w of WRONG_TYPES) add(`evidence type ${f}=${JSON.stringify(w)}`, (d) => void (ev(d)[0]![f] = w));
    }
    for (const v of BAD_SLUGS) {
      add(`evidence slug source=${JSON.stringify(v)}`, (d) => void (ev(d)[0]!.source = v));
      add(`evidence slug via=${JSON.stringify(v)}`, (d) => void (ev(d)[0]!.via = [v]));
    }
    add('evidence unknown field', (d) => void (ev(d)[0]!.page = 3));
    add('evidence item not a mapping', (d) => void (d.evidence = ['x']));
  } else {
    for (const f of ['url', 'archive_url']) for (const v of [...BAD_URLS, 'https://example.org/a?b=c']) add(`url ${f}=${JSON.stringify(v)}`, (d) => void (d[f] = v));
    for (const v of [...BAD_SNAPSHOTS, ...GOOD_SNAPSHOTS]) add(`snapshot ${JSON.stringify(v)}`, (d) => void (d.snapshot = v));
    for (const v of [0, -1, 1.5, 'many', 'multiple', 3]) add(`count ${JSON.stringify(v)}`, (d) => void (d.count = v));
    for (const v of ['abc', 'A'.repeat(64), '0'.repeat(63), '0'.repeat(65), 'g'.repeat(64), ` ${'0'.repeat(64)}`, '0'.repeat(64), 'a1'.repeat(32)]) {
      add(`snapshot_sha256 ${JSON.stringify(v)}`, (d) => void (d.snapshot_sha256 = v));
    }
    add('kind unknown', (d) => void (d.kind = 'blog'));
    add('reliability unknown', (d) => void (d.reliability = 'G'));
    add('cites bad item', (d) => void (d.cites = ['Not A Slug']));
    add('speaks_for blank item', (d) => void (d.speaks_for = ['']));
  }
  return out;
}

/** What the CLI's loader says of a file text: rejected by `schema`, accepted, or another problem (YAML syntax). */
function cliVerdict(text: string, type: 'claim' | 'source'): 'schema' | 'ok' | 'other' {
  const r = parseFile(text, { underSources: type === 'source' });
  if (r.problems.length === 0) return 'ok';
  return r.problems.some((p) => p.kind === 'schema') ? 'schema' : 'other';
}

const ajv = new Ajv2020({ allErrors: true, strictTypes: false });
// An annotation VS Code's language servers show instead of the raw pattern; ajv need not know it.
ajv.addKeyword('patternErrorMessage');
const validators = {
  claim: ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, 'claim.schema.json'), 'utf8'))),
  source: ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, 'source.schema.json'), 'utf8'))),
};
/** The data as an editor sees it: the YAML text parsed again (as yaml-language-server does from the text). */
const ajvAccepts = (m: { text: string; type: 'claim' | 'source' }): boolean => validators[m.type](parseYaml(m.text)) === true;


const all = bundled.flatMap(mutations);
const rejected = all.filter((m) => cliVerdict(m.text, m.type) === 'schema');
const accepted = all.filter((m) => cliVerdict(m.text, m.type) === 'ok');

/** A few of each kind for the slower editor check: the first three files where the CLI rejects that kind. */
function sample(list: Mutation[], per = 3): Mutation[] {
  const seen = new Map<string, number>();
  return list.filter((m) => {
    const key = `${m.type} ${m.kind}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n < per;
  });
}

describe('JSON Schema parity with `claims validate`', () => {
  it('covers every bundled file, each with the $schema line editors read', () => {
    expect(bundled.length).toBeGreaterThan(90);
    for (const b of bundled) expect(b.modeline).toBe(`# yaml-language-server: $schema=../../schemas/${b.type}.schema.json`);
    // The mutations exercise both verdicts, on both file types, and all the conditional fields.
    expect(rejected.length).toBeGreaterThan(5000);
    expect(accepted.length).toBeGreaterThan(500);
    for (const kind of ['forecast without due', 'outcome without resolved_by', 'resolved_by without outcome', 'metric_note on a valuation', 'blank subject', 'value ">00M"', 'date as_of="2026-13"', 'snapshot "../../etc/passwd"']) {
      expect(rejected.some((m) => m.kind === kind), kind).toBe(true);
    }
  });

  it('the bundled files pass the CLI, ajv and yaml-language-server', async () => {
    for (const b of bundled) {
      const text = readFileSync(b.file, 'utf8');
      expect(cliVerdict(text, b.type), b.file).toBe('ok');
      expect(ajvAccepts({ text, type: b.type }), `${b.file}: ${JSON.stringify(validators[b.type].errors)}`).toBe(true);
      expect(await editorDiagnostics(b.file, text), b.file).toEqual([]);
    }
  }, 60_000);

  it('ajv rejects every mutation the CLI rejects with `schema`', () => {
    const missed = rejected.filter((m) => ajvAccepts(m)).map((m) => `${relative(ROOT, m.file)}: ${m.kind}`);
    expect(missed).toEqual([]);
  });

  it('ajv accepts every mutation the CLI accepts (the schemas are no stricter)', () => {
    const extra = accepted.filter((m) => !ajvAccepts(m)).map((m) => `${relative(ROOT, m.file)}: ${m.kind}: ${ajv.errorsText(validators[m.type].errors)}`);
    expect(extra).toEqual([]);
  });

  it('yaml-language-server reports a diagnostic for a sample of each kind of rejected mutation', async () => {
    // `.nan` is left out: NaN passes every numeric keyword in yaml-language-server (all comparisons with NaN are false),
    // and JSON, which JSON Schema describes, has no NaN. ajv rejects it above; the README lists it as a CLI-only check.
    const picked = sample(rejected.filter((m) => !Number.isNaN(m.data.value)));
    expect(picked.length).toBeGreaterThan(200);
    const missed: string[] = [];
    for (const m of picked) if ((await editorDiagnostics(m.file, m.text)).length === 0) missed.push(`${relative(ROOT, m.file)}: ${m.kind}`);
    expect(missed).toEqual([]);
  }, 120_000);

  it('yaml-language-server stays silent on a sample of each kind of accepted mutation', async () => {
    const noisy: string[] = [];
    for (const m of sample(accepted, 1)) {
      const found = await editorDiagnostics(m.file, m.text);
      if (found.length > 0) noisy.push(`${relative(ROOT, m.file)}: ${m.kind}: ${found.join('; ')}`);
    }
    expect(noisy).toEqual([]);
  }, 120_000);

  it('yaml-language-server shows words, not the raw pattern, for a bad value, date, path and blank text', async () => {
    const claimFile = bundled.find((b) => b.type === 'claim' && b.data.value !== undefined)!;
    const sourceFile = bundled.find((b) => b.type === 'source')!;
    const text = (b: Bundled, edit: (d: Data) => void): string => {
      const d = clone(b.data);
      edit(d);
      return `${b.modeline}\n${stringify(d)}`;
    };
    const value = await editorDiagnostics(claimFile.file, text(claimFile, (d) => void (d.value = '>00M')));
    expect(value.join('\n')).toContain('No leading zeros');
    const date = await editorDiagnostics(claimFile.file, text(claimFile, (d) => void (d.as_of = '2026-02-30')));
    expect(date.join('\n')).toContain('a real calendar date');
    const path = await editorDiagnostics(sourceFile.file, text(sourceFile, (d) => void (d.snapshot = '../../etc/passwd')));
    expect(path.join('\n')).toContain('relative path inside the dataset folder');
    const blank = await editorDiagnostics(claimFile.file, text(claimFile, (d) => void (d.subject = ' ')));
    expect(blank.join('\n')).toContain('Must not be empty or blank');
    for (const d of [...value, ...date, ...path, ...blank]) expect(d).not.toMatch(/pattern|\\d|\^/);
  });
});

describe('the built CLI agrees with the loader on a sample of mutations', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'claims-parity-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('reports rule `schema` for exactly the sampled files the loader rejects', () => {
    const picked = [...sample(rejected, 1), ...sample(accepted, 1)];
    const expected = new Map<string, boolean>();
    picked.forEach((m, i) => {
      const rel = m.type === 'source' ? `sources/m${i}.yaml` : `mutated/m${i}.yaml`;
      mkdirSync(join(tmp, rel, '..'), { recursive: true });
      writeFileSync(join(tmp, rel), m.text);
      expected.set(rel, rejected.includes(m));
    });
    let out: string;
    try {
      out = execFileSync(process.execPath, [join(ROOT, 'bin', 'claims.js'), 'validate', '--format', 'json', tmp], { cwd: tmp, encoding: 'utf8', maxBuffer: 64 << 20 });
    } catch (err) {
      out = (err as { stdout: string }).stdout;
    }
    const report = JSON.parse(out) as { diagnostics: { file: string; rule: string }[] };
    const withSchema = new Set(report.diagnostics.filter((d) => d.rule === 'schema').map((d) => d.file));
    const wrong = [...expected].filter(([rel, isRejected]) => withSchema.has(rel) !== isRejected).map(([rel]) => rel);
    expect(wrong).toEqual([]);
    expect(withSchema.size).toBe([...expected.values()].filter(Boolean).length);
  }, 60_000);
});
