// The loader's fast path against today's path (yaml with positions, then the schema): on every fixture, the
// hostile-input suite, the bundled dataset and a fast-check corpus of generated claim files, the fast reader reads a
// file exactly as yaml does or leaves it to yaml, and validate's diagnostics (rule, message, file, line, column,
// severity) and exit code are identical with the fast path on and off.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastLocator, fastReadYaml, FAST_MAX_CHARS } from '../src/load/fast-yaml.js';
import { parseFileFast } from '../src/load/fast-parse.js';
import { parseFile } from '../src/load/parse.js';
import { readYaml } from '../src/load/yaml-read.js';
import { loadDataset } from '../src/load/dataset.js';
import { lint } from '../src/lint.js';
import { lineBreaksToLf } from '../src/util/safe-read.js';
import { claim, source, writeDataset } from './helpers.js';
import { BIG_FILE, DEEP_FILES, HOSTILE } from './hostile-inputs.js';

// FAST_PATH_SEED explores other corpora (CI keeps the fixed one).
const SEED = Number(process.env.FAST_PATH_SEED ?? 15);
const TODAY = '2026-11-24';
const project = resolve(__dirname, '..');

/** What the loader would parse: UTF-8 text with LF line breaks, or undefined for bytes that are not UTF-8 (refused before parsing). */
function loaderText(content: string | Buffer): string | undefined {
  if (typeof content === 'string') return lineBreaksToLf(content);
  try {
    return lineBreaksToLf(new TextDecoder('utf-8', { fatal: true }).decode(content));
  } catch {
    return undefined;
  }
}

/** Tally of what the reader did, so a test fails when the fast path silently stops applying. */
interface Tally {
  texts: number;
  fast: number;
  valid: number;
  located: number;
}
const tally = (): Tally => ({ texts: 0, fast: 0, valid: 0, located: 0 });

/**
 * The reader's contract on one text: when the fast reader answers, yaml reads the text without a single problem and
 * gives the same value; and parseFileFast gives what parseFile gives (problems, positions, data), minus the locator.
 */
function checkText(text: string, t: Tally): void {
  t.texts++;
  const fast = fastReadYaml(text);
  if (fast !== undefined) {
    t.fast++;
    const slow = readYaml(text);
    expect(slow.problems, text).toBeUndefined();
    // node's deep equality (prototypes, own keys, types): vitest's reads `constructor`, which a file may set as a key.
    expect(isDeepStrictEqual(fast, slow.raw), `${text}\n${JSON.stringify(fast)}\n${JSON.stringify(slow.raw)}`).toBe(true);
  }
  const located = fastLocator(text);
  // The locator declines more files than the reader (comment lines after the first key), never fewer.
  if (fast === undefined) expect(located, text).toBeUndefined();
  if (located !== undefined) {
    t.located++;
    // Every path in the file, and paths that leave it, located as yaml's parse locates them, by value and by key.
    const { locate } = readYaml(text);
    for (const path of pathsOf(fast)) {
      for (const anchor of ['value', 'key'] as const) {
        const want = locate(path, anchor);
        const got = located(path, anchor);
        if (!isDeepStrictEqual(got, want)) expect({ path, anchor, got }, text).toEqual({ path, anchor, got: want });
      }
    }
  }
  const { locate: _slow, ...expected } = parseFile(text);
  const { locate: _fast, ...actual } = parseFileFast(text);
  expect(isDeepStrictEqual(actual, expected), `${text}\n${JSON.stringify(actual)}\n${JSON.stringify(expected)}`).toBe(true);
  if (fast !== undefined && actual.parsed !== undefined) t.valid++;
}

/** Every path into a value, and from each a path one step past it (a missing key, an index past the end). */
function pathsOf(value: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(prefix, [...prefix, 'missing'], [...prefix, 99], [...prefix, 0]);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

/** Every YAML file under a folder. */
function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}

/** What validate reports on a dataset: the diagnostics in full and the exit code it decides. */
function validateResult(root: string, cwd: string, fast: boolean) {
  const r = lint(loadDataset(root, cwd, { fast }), { today: TODAY });
  return {
    exit: r.errorCount > 0 ? 1 : 0,
    counts: [r.files, r.claims, r.sources, r.errorCount, r.warningCount],
    diagnostics: r.diagnostics.map((d) => ({ rule: d.rule, messageId: d.messageId, message: d.message, file: d.file, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, severity: d.severity, path: d.path })),
  };
}

function expectSameValidate(root: string, cwd: string): ReturnType<typeof validateResult> {
  const slow = validateResult(root, cwd, false);
  expect(validateResult(root, cwd, true)).toStrictEqual(slow);
  return slow;
}

const FIXTURES = readdirSync(join(__dirname, 'fixtures')).filter((d) => existsSync(join(__dirname, 'fixtures', d, 'claims')));

describe('fast path: fixtures, the bundled dataset and the hostile-input suite', () => {
  it('reads every fixture and bundled file as yaml does, and most of them itself', () => {
    const t = tally();
    const files = [...FIXTURES.flatMap((d) => yamlFiles(join(__dirname, 'fixtures', d))), ...yamlFiles(join(project, 'claims'))];
    for (const f of files) {
      const text = loaderText(readFileSync(f));
      if (text !== undefined) checkText(text, t);
    }
    expect(t.texts).toBeGreaterThan(100);
    // The bundled dataset is in the common shape: a fast path that stopped applying would fail here.
    expect(t.fast / t.texts).toBeGreaterThan(0.9);
    expect(t.located / t.texts).toBeGreaterThan(0.9);
  });

  it.each(FIXTURES)('fixture %s: identical diagnostics and exit code', (fixture) => {
    const root = join(__dirname, 'fixtures', fixture);
    expectSameValidate(join(root, 'claims'), root);
  });

  it('the bundled dataset: identical diagnostics and exit code', () => {
    const r = expectSameValidate(join(project, 'claims'), project);
    expect(r.counts[1]).toBeGreaterThan(50);
  });

  it('reads each hostile file as yaml does or leaves it to yaml', () => {
    const t = tally();
    const readFast: string[] = [];
    for (const [name, content] of Object.entries({ ...HOSTILE, ...DEEP_FILES })) {
      const text = loaderText(content);
      if (text === undefined) continue;
      const before = t.fast;
      checkText(text, t);
      if (t.fast > before) readFast.push(name);
    }
    // Only the claim with 3,000 dangling references is in the common shape (its findings come from a cross-file rule);
    // the 20 MB file is over the fast reader's size limit.
    expect(readFast).toEqual(['many-evidence.yaml']);
    expect(BIG_FILE().length).toBeGreaterThan(FAST_MAX_CHARS);
    expect(fastReadYaml(BIG_FILE())).toBeUndefined();
  });

  it('the hostile-input suite beside valid files: identical diagnostics and exit code', () => {
    const root = writeDataset({ 'claims/sources/src-a.yaml': source('src-a'), 'claims/acme/good.yaml': claim('good') });
    mkdirSync(join(root, 'claims', 'bad'), { recursive: true });
    for (const [name, content] of Object.entries({ ...HOSTILE, ...DEEP_FILES })) writeFileSync(join(root, 'claims', 'bad', name), content);
    const r = expectSameValidate(join(root, 'claims'), root);
    expect(r.exit).toBe(1);
    expect(r.diagnostics.length).toBeGreaterThan(3000);
  });
});

// ---- A generated corpus: claim and source files in and around the common shape. ----

/** Scalars that the core schema, the fast reader or yaml read in a special way. */
const TRICKY = [
  '2025-02', '2025-02-30', '2026-11-24T10:00:00Z', '2001-12-14 21:59:43.10 -5', 'yes', 'No', 'on', 'OFF', 'y', 'n',
  'null', 'Null', 'NULL', 'nULL', '~', 'true', 'False', 'TRUE', 'tRUE', '0', '7', '42', '007', '-1', '+1', '-0', '1.5', '1.',
  '.5', '1e3', '1E-2', '0x1F', '0o17', '0b11', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', 'nan', '123456789012345',
  '1234567890123456', '99999999999999999999', '1_000', '1,000', '$5M', '~$5.4M', '€5M', '5%', 'a # b', 'a#b', 'a: b',
  'a:b', 'a:', 'https://x.example/a?b=c#d', '[x]', 'x]', 'x [y](https://z.example)', '{a}', 'x {a: b}', 'a, b', "it's",
  'say "hi"', 'back\\slash', '\\n', '\\u00e9', 'é', '日本', '𝄞', 'a  b', '-x', '- x', '?x', '? x', ':x', '*a', '&a b',
  '!t x', '!!str x', '%x', '@x', '`x', '|', '>', '|-', "'", '"', '#', '', ' ', 'x ', ' x', '---', '...', '<<', '=',
  'A'.repeat(300), 'constructor', '__proto__',
];
const CHARS = [...'aZ09 -:#,[]{}\'"\\!&*?|>%@`~.$€é𝄞'].concat(['\t', '\r', '\u0085', '\u00a0', '\u2028', '\ufeff', '\n', '\u0000', '\u007f']);
const scalarText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 10 }) },
  { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,.()$€'-]{0,30}$/) },
);
type Style = 'plain' | 'double' | 'json' | 'single' | 'raw-double';
const style = fc.constantFrom<Style>('plain', 'plain', 'double', 'json', 'single', 'raw-double');

function renderScalar(s: string, how: Style): string {
  switch (how) {
    case 'plain': return s;
    case 'double': return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    case 'json': return JSON.stringify(s);
    case 'single': return `'${s.replace(/'/g, "''")}'`;
    case 'raw-double': return `"${s}"`;
  }
}

type Node =
  | { kind: 'scalar'; s: string; how: Style }
  | { kind: 'flow'; items: Array<[string, Style]>; spaced: boolean }
  | { kind: 'list'; items: Node[] }
  | { kind: 'map'; entries: Array<[string, Node]> };

const CLAIM_KEYS = ['type', 'id', 'subject', 'parties', 'category', 'statement', 'value', 'as_of', 'due', 'status', 'tags', 'evidence', 'assertion', 'notes'];
const EVIDENCE_KEYS = ['source', 'via', 'origin', 'quote', 'locator', 'unattributed'];
const key = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...CLAIM_KEYS, ...EVIDENCE_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom('null', 'true', 'False', 'yes', '__proto__', 'constructor', 'a-b', '_x', 'A1', '1a', '"q"', 'k k', '<<', '? k', 'x'.repeat(130)) },
);
const scalarNode = fc.record({ kind: fc.constant('scalar' as const), s: scalarText, how: style });
const flowNode = fc.record({ kind: fc.constant('flow' as const), items: fc.array(fc.tuple(scalarText, style), { maxLength: 3 }), spaced: fc.boolean() });
const { node } = fc.letrec<{ node: Node; list: Node; map: Node }>((tie) => ({
  node: fc.oneof({ maxDepth: 3, depthIdentifier: 'n' }, scalarNode, scalarNode, flowNode, tie('list'), tie('map')),
  list: fc.record({ kind: fc.constant('list' as const), items: fc.array(fc.oneof({ depthIdentifier: 'n' }, scalarNode, tie('map')), { maxLength: 3 }) }),
  map: fc.record({ kind: fc.constant('map' as const), entries: fc.array(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4 }) }),
}));

/** How a file is laid out: indentation, lists at their key's column or indented, the space after a dash, comments. */
interface Layout {
  indent: number;
  compact: boolean;
  gap: string;
  trailing: string;
}
const layout = fc.record({ indent: fc.constantFrom(1, 2, 2, 4), compact: fc.boolean(), gap: fc.constantFrom(' ', ' ', '   '), trailing: fc.constantFrom('', '', '  ', ' # note', '# no space') });

function renderFlow(n: Extract<Node, { kind: 'flow' }>): string {
  const items = n.items.map(([s, how]) => renderScalar(s, how));
  return n.spaced ? `[ ${items.join(' , ')} ]` : `[${items.join(', ')}]`;
}

function renderMap(entries: Array<[string, Node]>, col: number, l: Layout, out: string[], lead = ' '.repeat(col)): void {
  entries.forEach(([k, v], i) => {
    const at = i === 0 ? lead : ' '.repeat(col);
    if (v.kind === 'scalar') out.push(`${at}${k}: ${renderScalar(v.s, v.how)}${l.trailing}`);
    else if (v.kind === 'flow') out.push(`${at}${k}: ${renderFlow(v)}${l.trailing}`);
    else if (v.kind === 'list') {
      out.push(`${at}${k}:`);
      renderList(v.items, l.compact ? col : col + l.indent, l, out);
    } else {
      out.push(`${at}${k}:`);
      renderMap(v.entries, col + l.indent, l, out);
    }
  });
}

function renderList(items: Node[], col: number, l: Layout, out: string[]): void {
  for (const item of items) {
    const dash = `${' '.repeat(col)}-${l.gap}`;
    if (item.kind === 'map') renderMap(item.entries, col + 1 + l.gap.length, l, out, dash);
    else if (item.kind === 'scalar') out.push(`${dash}${renderScalar(item.s, item.how)}`);
  }
}

const slug = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
const words = fc.oneof(fc.stringMatching(/^[A-Z][a-z]{1,8}( [a-z0-9$€.,]{1,8}){0,5}\.?$/), fc.constantFrom(...TRICKY));
/** A claim that may well pass the schema: real fields, values from plausible and tricky scalars, each in a random style. */
const claimEntries: fc.Arbitrary<Array<[string, Node]>> = fc
  .record({
    id: slug,
    subject: fc.constantFrom('Acme', 'Globex', 'yes', 'Null Corp'),
    category: fc.constantFrom('arr', 'revenue', 'funding-round', 'partnership', 'people'),
    statement: words,
    value: fc.option(fc.constantFrom('$5M', '~$5.4M', '€1.2B', '5M', '$5M-$6M', '>$1B', '42'), { nil: undefined }),
    as_of: fc.option(fc.constantFrom('2025-02', '2025', '2025-02-30', '2026-01-05', 'Q1 2025', '2025-13'), { nil: undefined }),
    status: fc.constantFrom('independent', 'rumored', 'company-reported', 'confirmed', 'yes'),
    tags: fc.option(fc.array(fc.constantFrom('a', 'bench', 'x y', '2025', 'true', 'null'), { maxLength: 3 }), { nil: undefined }),
    evidence: fc.array(fc.record({ source: fc.constantFrom('src-a', 'src-b', 'src-missing'), quote: fc.option(words, { nil: undefined }), unattributed: fc.option(fc.constantFrom('true', 'false', 'yes'), { nil: undefined }) }), { minLength: 1, maxLength: 3 }),
    styles: fc.array(style, { minLength: 12, maxLength: 12 }),
  })
  .map((c) => {
    let k = 0;
    const sc = (s: string, plainOnly = false): Node => ({ kind: 'scalar', s, how: plainOnly ? 'plain' : c.styles[k++ % 12]! });
    const entries: Array<[string, Node]> = [['type', sc('claim', true)], ['id', sc(c.id)], ['subject', sc(c.subject)], ['category', sc(c.category)], ['statement', sc(c.statement)]];
    if (c.value !== undefined) entries.push(['value', sc(c.value)]);
    if (c.as_of !== undefined) entries.push(['as_of', sc(c.as_of)]);
    entries.push(['status', sc(c.status, true)]);
    if (c.tags !== undefined) entries.push(['tags', { kind: 'flow', items: c.tags.map((t) => [t, c.styles[k++ % 12]!]), spaced: false }]);
    const evidence: Node[] = c.evidence.map((e) => {
      const m: Array<[string, Node]> = [['source', sc(e.source, true)]];
      if (e.quote !== undefined) m.push(['quote', sc(e.quote)]);
      if (e.unattributed !== undefined) m.push(['unattributed', sc(e.unattributed, true)]);
      return { kind: 'map', entries: m };
    });
    entries.push(['evidence', { kind: 'list', items: evidence }]);
    return entries;
  });

type Edit = (lines: string[]) => string[];
/** Edits on top of a rendered file: comments and blank lines anywhere, and the property tests' mutations. */
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.tuple(fc.nat(), fc.constantFrom('# comment', '   # indented comment', '', '   ', '---', '...', '%YAML 1.2', '  continued text', '- stray')).map(([i, line]): Edit => (ls) => [...ls.slice(0, i % (ls.length + 1)), line, ...ls.slice(i % (ls.length + 1))]),
  fc.nat().map((i): Edit => (ls) => ls.filter((_, k) => k !== i % ls.length)),
  fc.nat().map((i): Edit => (ls) => { const k = i % ls.length; return [...ls.slice(0, k + 1), ls[k]!, ...ls.slice(k + 1)]; }),
  fc.tuple(fc.nat(), fc.constantFrom('42', 'true', '[]', '{}', '~', '"x"', '- a', '&a b', '*a', '!!binary AAAA', '? k', '|', '>-\n  folded', '"open', "'open", '[a,', '[a, b,]', '{a: 1}')).map(
    ([i, v]): Edit => (ls) => ls.map((l, k) => (k === i % ls.length ? l.replace(/:\s.*$/, `: ${v}`) : l)),
  ),
  fc.nat().map((n): Edit => (ls) => ls.join('\n').slice(0, n % (ls.join('\n').length + 1)).split('\n')),
  fc.tuple(fc.nat(), fc.constantFrom('\t', '\r', '\ufeff', '\u0085', ' ', '#', ':', '\\')).map(([i, ch]): Edit => (ls) => {
    const text = ls.join('\n');
    const at = i % (text.length + 1);
    return (text.slice(0, at) + ch + text.slice(at)).split('\n');
  }),
);

const generatedFile = fc
  .tuple(fc.oneof(claimEntries, claimEntries, (node.filter((n) => n.kind === 'map') as fc.Arbitrary<Extract<Node, { kind: 'map' }>>).map((m) => m.entries)), layout, fc.array(edit, { maxLength: 2 }), fc.boolean())
  .map(([entries, l, edits, header]) => {
    const out: string[] = header ? ['# yaml-language-server: $schema=../../schemas/claim.schema.json'] : [];
    renderMap(entries, 0, l, out);
    return edits.reduce((ls, e) => e(ls), out).join('\n') + '\n';
  });

describe('fast path: a generated corpus (fast-check, fixed seed)', () => {
  it('reads each generated file exactly as yaml does, or leaves it to yaml', () => {
    const t = tally();
    fc.assert(fc.property(generatedFile, (text) => checkText(lineBreaksToLf(text), t)), { seed: SEED, numRuns: 2500 });
    // The corpus exercises both sides: files the fast path reads (some passing the schema), and files it leaves to yaml.
    expect(t.fast / t.texts).toBeGreaterThan(0.2);
    expect(t.valid).toBeGreaterThan(50);
    expect(t.located / t.fast).toBeGreaterThan(0.5);
    expect(t.fast).toBeLessThan(t.texts);
  });

  it('datasets of generated files: identical diagnostics and exit code', () => {
    fc.assert(
      fc.property(fc.array(generatedFile, { minLength: 1, maxLength: 6 }), (texts) => {
        const files: Record<string, string> = { 'claims/sources/src-a.yaml': source('src-a'), 'claims/sources/src-b.yaml': source('src-b', 'kind: anonymous\n') };
        texts.forEach((text, i) => (files[`claims/acme/c${i}.yaml`] = text));
        const root = writeDataset(files);
        expectSameValidate(join(root, 'claims'), root);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});

const built = existsSync(join(project, 'dist', 'claims.js'));
describe.skipIf(!built)(`fast path in the built binary${built ? '' : ' (skipped: run npm run build)'}`, () => {
  const run = (cwd: string, args: string[], fast: boolean) => {
    const r = spawnSync(process.execPath, [join(project, 'bin', 'claims.js'), ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1', CLAIMS_FAST_PATH: fast ? '1' : '0' } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  it.each([['the bundled dataset', ''], ['fixture broken', 'tests/fixtures/broken'], ['fixture warnings', 'tests/fixtures/warnings']])('validate on %s: the same output and exit code', (_name, dir) => {
    const cwd = join(project, dir);
    for (const format of ['json', 'stylish']) {
      const args = ['validate', '--format', format, '--today', TODAY];
      const slow = run(cwd, args, false);
      expect(run(cwd, args, true)).toStrictEqual(slow);
      expect(slow.stderr).toBe('');
    }
  });
});
