/** Parses one claim or source file: YAML with positions, then the schema chosen by `type`. */
import { LineCounter, parseDocument, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { ClaimSchema, EvidenceSchema, SourceSchema, EXPECTED, type Claim, type Source } from '../model/schema.js';
import { didYouMean } from '../util/suggest.js';
import { makeLocate, offsetRange, type Locate, type PathSegment, type Range } from './locate.js';

/** Alias expansions beyond this count are treated as an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

/** A problem found while reading one file, before any cross-file rule runs. */
export interface FileProblem {
  kind: 'syntax' | 'schema';
  /** Stable id of the kind of problem, e.g. `duplicate-key`, `unknown-field`. */
  messageId: string;
  message: string;
  path: PathSegment[];
  range: Range;
}

export type Parsed =
  | { type: 'claim'; data: Claim; raw: Record<string, unknown> }
  | { type: 'source'; data: Source; raw: Record<string, unknown> };

/** What reading one file gives: valid data, or the raw mapping (for ids) and its problems. */
export interface ParseResult {
  parsed?: Parsed;
  /** The root mapping as plain data, when the YAML could be read; kept so ids still resolve for other files. */
  raw?: Record<string, unknown>;
  /** The `type` the file declares, when it is claim or source. */
  declaredType?: 'claim' | 'source';
  problems: FileProblem[];
  locate?: Locate;
}

const CLAIM_KEYS = Object.keys(ClaimSchema.shape);
const SOURCE_KEYS = Object.keys(SourceSchema.shape);
const EVIDENCE_KEYS = Object.keys(EvidenceSchema.shape);
const DATE_FIELDS = new Set(['as_of', 'due', 'published', 'retrieved']);

/** Formats a document path the way diagnostics show it: `evidence[1].origin`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out;
}

/** Hides the byte-order mark so positions match what editors show. */
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A parser error as `yamlProblems` reads it. */
interface YamlError {
  code: string;
  message: string;
  pos: [number, number];
}

/**
 * Duplicate keys, found in one pass with a set per mapping. The yaml library's own check (`uniqueKeys: true`)
 * compares each key with every earlier one, which is quadratic in a mapping's size (20,000 keys: seconds). This
 * reports what it reports — same keys (scalars with equal values), same message, same offset — in linear time, and
 * walks with an explicit stack so that deep nesting cannot overflow it.
 */
export function duplicateKeyErrors(doc: Document): YamlError[] {
  const out: YamlError[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (isScalar(key) && !Number.isNaN(key.value)) {
          if (seen.has(key.value) && key.range) out.push({ code: 'DUPLICATE_KEY', message: 'Map keys must be unique', pos: [key.range[0], key.range[0] + 1] });
          seen.add(key.value);
        }
        stack.push(pair.value, pair.key);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isPair(node)) {
      stack.push(node.value, node.key);
    }
  }
  return out.sort((a, b) => a.pos[0] - b.pos[0]);
}

function yamlProblems(doc: Document, lineCounter: LineCounter): FileProblem[] {
  const out: FileProblem[] = [];
  // One mistake often yields several parser errors: like ESLint, keep the first (and every duplicate key, each a mistake of its own).
  let first = true;
  const errors: YamlError[] = [...doc.errors, ...doc.warnings];
  // Other errors first, as the parser reported them; a duplicate key never counts as the first mistake.
  for (const e of duplicateKeyErrors(doc)) errors.push(e);
  for (const e of errors) {
    if (e.code !== 'DUPLICATE_KEY' && !first) continue;
    if (e.code !== 'DUPLICATE_KEY') first = false;
    const [start, end] = e.pos;
    let message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    let messageId = e.code.toLowerCase().replace(/_/g, '-');
    if (e.code === 'DUPLICATE_KEY') {
      message = `${message}: remove one of the duplicate keys`;
      messageId = 'duplicate-key';
    } else if (e.code === 'MULTIPLE_DOCS') {
      message = 'The file holds more than one YAML document: keep one claim or source per file and remove the `---` separator';
      messageId = 'multiple-documents';
    } else if (e.code === 'TAG_RESOLVE_FAILED' || /tag/i.test(e.message)) {
      message = `${message}: custom YAML tags are not allowed (nothing is executed); write a plain value`;
      messageId = 'unknown-tag';
    } else if (/tab/i.test(e.message)) {
      message = `${message}: indent with spaces, not tabs`;
    }
    out.push({ kind: 'syntax', messageId, message, path: [], range: offsetRange(lineCounter, start, end) });
  }
  return out;
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** What a YAML value is, in words, for messages; bounded in length. */
export function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Uint8Array) return 'binary data (a `!!binary` value)';
  if (value instanceof Map || value instanceof Set) return 'a mapping';
  if (value instanceof Date) return 'a timestamp';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number' && Number.isNaN(value)) return 'not a number (`.nan`)';
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return `${value < 0 ? 'minus ' : ''}infinity (\`${value < 0 ? '-' : ''}.inf\`, or a number beyond the range of numbers)`;
  }
  if (typeof value === 'bigint') return `the number ${String(value).slice(0, 40)}`;
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
    return `the text ${JSON.stringify(shown)}`;
  }
  return `the ${typeof value} ${JSON.stringify(value)}`;
}

function keysFor(type: 'claim' | 'source', path: readonly PathSegment[]): string[] {
  if (path[0] === 'evidence' && path.length === 2) return EVIDENCE_KEYS;
  return type === 'claim' ? CLAIM_KEYS : SOURCE_KEYS;
}

function expectedFor(path: readonly PathSegment[]): string | undefined {
  const field = [...path].reverse().find((s): s is string => typeof s === 'string');
  if (field === undefined) return undefined;
  if (DATE_FIELDS.has(field)) return EXPECTED.date;
  if (field === 'value') return EXPECTED.value;
  if (field === 'url' || field === 'archive_url') return EXPECTED.url;
  if (field === 'snapshot') return EXPECTED.snapshot;
  if (field === 'count') return EXPECTED.count;
  if (field === 'locator') return EXPECTED.locator;
  return undefined;
}

/** For a missing field that another field requires, point at that other field rather than the top of the file. */
const REQUIRED_BY: Record<string, string> = { due: 'assertion', resolved_by: 'outcome', outcome: 'resolved_by' };

/** What is wrong, in words, for an issue without a message of ours: never zod's wording, which can show a regular expression. */
function otherDetail(issue: z.core.$ZodIssue, path: readonly PathSegment[]): string {
  const expected = expectedFor(path);
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const least = issue.code === 'too_small';
    const n = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
    if (issue.origin === 'array') return least ? `must list at least ${n} item${n === 1 ? '' : 's'}` : `must list at most ${n} items`;
    if (issue.origin === 'string') return least ? 'must not be empty' : `must be at most ${n} characters long`;
    return `must be ${least ? 'at least' : 'at most'} ${n}`;
  }
  return expected !== undefined ? `must be ${expected}` : 'has the wrong form';
}

/** Turns one zod issue into problems with positions and a fix. */
function schemaProblems(issue: z.core.$ZodIssue, type: 'claim' | 'source', data: unknown, locate: Locate): FileProblem[] {
  const path = issue.path as PathSegment[];
  const label = formatPath(path);
  const at = (p: PathSegment[], messageId: string, message: string, anchor: 'key' | 'value' = 'value'): FileProblem => {
    const last = p[p.length - 1];
    const other = typeof last === 'string' ? REQUIRED_BY[last] : undefined;
    const where = other !== undefined && valueAt(data, p) === undefined && valueAt(data, [...p.slice(0, -1), other]) !== undefined
      ? [...p.slice(0, -1), other]
      : p;
    return { kind: 'schema', messageId, message, path: p, range: locate(where, where === p ? anchor : 'key') };
  };
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const where = formatPath([...path, key]);
        const hint = didYouMean(key, keysFor(type, path));
        return at([...path, key], 'unknown-field', `Unknown field \`${where}\`.${hint || ' Remove it.'}`, 'key');
      });
    case 'invalid_type': {
      const actual = valueAt(data, path);
      if (actual === undefined) return [at(path, 'missing-field', `Missing required field \`${label}\`: add it.`)];
      const expected = expectedFor(path) ?? (issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`);
      return [at(path, 'wrong-type', `\`${label}\` must be ${expected}, not ${describe(actual)}.`)];
    }
    case 'invalid_value': {
      const actual = valueAt(data, path);
      if (actual === undefined) return [at(path, 'missing-field', `Missing required field \`${label}\`: add it (one of: ${issue.values.map(String).join(', ')}).`)];
      const options = issue.values.map(String);
      const hint = typeof actual === 'string' ? didYouMean(actual, options) : '';
      return [at(path, 'invalid-value', `\`${label}\` is ${describe(actual)}, which is not allowed.${hint} Use one of: ${options.join(', ')}.`)];
    }
    case 'invalid_union': {
      const actual = valueAt(data, path);
      const expected = expectedFor(path) ?? 'another form';
      return [at(path, 'wrong-type', `\`${label}\` is ${describe(actual)}; it must be ${expected}.`)];
    }
    default: {
      const detail = /^(must|is|has) /.test(issue.message) ? issue.message : otherDetail(issue, path);
      return [at(path, issue.code === 'custom' ? 'constraint' : 'invalid-format', `\`${label}\` ${detail}.`.replace(/\.\.$/, '.'))];
    }
  }
}

/** One problem per path: a union can report a pattern and a refinement for one value; keep the clearer message. */
function onePerPath(problems: FileProblem[]): FileProblem[] {
  const byPath = new Map<string, FileProblem>();
  const out: FileProblem[] = [];
  for (const p of problems) {
    // Unknown fields are keyed by their own path and never collide; each is kept.
    const key = formatPath(p.path);
    const prev = byPath.get(key);
    if (!prev) {
      byPath.set(key, p);
      out.push(p);
    } else if (prev.messageId === 'invalid-format' && p.messageId !== 'invalid-format') {
      out[out.indexOf(prev)] = p;
      byPath.set(key, p);
    }
  }
  return out;
}

/** Reads one file's text: never throws, reports every problem with a position. */
export function parseFile(text: string, hint?: { underSources?: boolean }): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(stripBom(text), { lineCounter, prettyErrors: false, uniqueKeys: false });
  const locate = makeLocate(doc, lineCounter);
  const syntax = yamlProblems(doc, lineCounter);
  if (syntax.length > 0) return { problems: syntax, locate };

  const first = { line: 1, column: 1, endLine: 1, endColumn: 1 };
  if (doc.contents === null) {
    return { problems: [{ kind: 'syntax', messageId: 'empty-file', message: 'The file is empty: a claim or source file is a mapping that starts with `type: claim` or `type: source`.', path: [], range: first }], locate };
  }
  if (!isMap(doc.contents)) {
    return { problems: [{ kind: 'syntax', messageId: 'not-a-mapping', message: 'The file must hold a mapping of fields (`type: claim`, `id: …`), not a list or a single value.', path: [], range: locate([]) }], locate };
  }
  let raw: Record<string, unknown>;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>;
  } catch (err) {
    const message = err instanceof Error && /alias/i.test(err.message)
      ? `Aliases expand beyond the safe bound of ${MAX_ALIAS_COUNT}: write the values out instead of nesting anchors.`
      : `The YAML cannot be read: ${err instanceof Error ? err.message : String(err)}`;
    return { problems: [{ kind: 'syntax', messageId: 'alias-bomb', message, path: [], range: locate([]) }], locate };
  }

  const type = raw.type;
  if (type !== 'claim' && type !== 'source') {
    const guess = hint?.underSources ? 'source' : 'claim';
    const message = type === undefined
      ? `Missing required field \`type\`: add \`type: ${guess}\` (or \`type: ${guess === 'claim' ? 'source' : 'claim'}\`).`
      : `\`type\` is ${describe(type)}; it must be claim or source.${typeof type === 'string' ? didYouMean(type, ['claim', 'source']) : ''}`;
    return { raw, problems: [{ kind: 'schema', messageId: type === undefined ? 'missing-field' : 'invalid-value', message, path: ['type'], range: locate(['type']) }], locate };
  }

  const result = (type === 'claim' ? ClaimSchema : SourceSchema).safeParse(raw);
  if (!result.success) {
    const problems = onePerPath(result.error.issues.flatMap((i) => schemaProblems(i, type, raw, locate)));
    return { raw, declaredType: type, problems, locate };
  }
  // A copy through JSON: strings sliced from the file text would otherwise keep every file's whole text (and the
  // parser's tokens) alive until the run ends — half the heap on a large dataset.
  const parsed = { type, data: JSON.parse(JSON.stringify(result.data)), raw } as Parsed;
  return { parsed, raw, declaredType: type, problems: [], locate };
}
