/** Turns what the schema finds wrong into problems with positions and the facts their messages are made from. */
import type { z } from 'zod';
import { CLAIM_KEYS, EVIDENCE_KEYS, EXPECTED, SOURCE_KEYS } from '../model/schema.js';
import { didYouMean } from '../util/suggest.js';
import { formatPath, type Locate, type PathSegment } from './locate.js';
import type { FileProblem, ProblemData, SchemaProblemId } from './problems.js';

const DATE_FIELDS = new Set(['as_of', 'due', 'published', 'retrieved']);

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
  // Never "not a number": messages say "must be …, not <this>", and "not not a number" reads as nonsense.
  if (typeof value === 'number' && Number.isNaN(value)) return 'the value `.nan` (not a number)';
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

function keysFor(type: 'claim' | 'source', path: readonly PathSegment[]): readonly string[] {
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

/** Turns one zod issue into problems with positions and the facts of the fix. */
export function schemaProblems(issue: z.core.$ZodIssue, type: 'claim' | 'source', data: unknown, locate: Locate): FileProblem[] {
  const path = issue.path as PathSegment[];
  const field = formatPath(path);
  const at = (p: PathSegment[], messageId: SchemaProblemId, facts: ProblemData, anchor: 'key' | 'value' = 'value'): FileProblem => {
    const last = p[p.length - 1];
    const other = typeof last === 'string' ? REQUIRED_BY[last] : undefined;
    const where = other !== undefined && valueAt(data, p) === undefined && valueAt(data, [...p.slice(0, -1), other]) !== undefined
      ? [...p.slice(0, -1), other]
      : p;
    return { kind: 'schema', messageId, data: facts, path: p, range: locate(where, where === p ? anchor : 'key') };
  };
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const hint = didYouMean(key, keysFor(type, path));
        return at([...path, key], 'unknownField', { field: formatPath([...path, key]), suggestion: hint || ' Remove it.' }, 'key');
      });
    case 'invalid_type': {
      const actual = valueAt(data, path);
      if (actual === undefined) return [at(path, 'missingField', { field, addition: 'it' })];
      const expected = expectedFor(path) ?? (issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`);
      return [at(path, 'wrongType', { field, problem: `must be ${expected}, not ${describe(actual)}` })];
    }
    case 'invalid_value': {
      const actual = valueAt(data, path);
      const options = issue.values.map(String);
      if (actual === undefined) return [at(path, 'missingField', { field, addition: `it (one of: ${options.join(', ')})` })];
      const hint = typeof actual === 'string' ? didYouMean(actual, options) : '';
      return [at(path, 'invalidValue', { field, problem: `is ${describe(actual)}, which is not allowed.${hint} Use one of: ${options.join(', ')}.` })];
    }
    case 'invalid_union': {
      const actual = valueAt(data, path);
      // A list with one bad item: point at the item and describe it, not the list.
      const item = Array.isArray(actual) ? issue.errors.flat().find((e) => typeof e.path[0] === 'number')?.path[0] : undefined;
      if (typeof item === 'number' && item < (actual as unknown[]).length) {
        const itemPath = [...path, item];
        return [at(itemPath, 'wrongType', { field: formatPath(itemPath), problem: `is ${describe((actual as unknown[])[item])}; it must be ${expectedFor(path) ?? 'another form'}` })];
      }
      return [at(path, 'wrongType', { field, problem: `is ${describe(actual)}; it must be ${expectedFor(path) ?? 'another form'}` })];
    }
    default: {
      const detail = /^(must|is|has) /.test(issue.message) ? issue.message : otherDetail(issue, path);
      return [at(path, issue.code === 'custom' ? 'constraint' : 'invalidFormat', { field, problem: detail.replace(/\.$/, '') })];
    }
  }
}

/** The problem of a `type` that is missing or neither claim nor source (the schema to check with is chosen by it). */
export function typeProblem(type: unknown, locate: Locate, underSources?: boolean): FileProblem {
  const range = locate(['type']);
  if (type === undefined) {
    const [guess, other] = underSources ? ['source', 'claim'] : ['claim', 'source'];
    return { kind: 'schema', messageId: 'missingField', data: { field: 'type', addition: `\`type: ${guess}\` (or \`type: ${other}\`)` }, path: ['type'], range };
  }
  const hint = typeof type === 'string' ? didYouMean(type, ['claim', 'source']) : '';
  return { kind: 'schema', messageId: 'invalidValue', data: { field: 'type', problem: `is ${describe(type)}; it must be claim or source.${hint}` }, path: ['type'], range };
}

/** One problem per path: a union can report a pattern and a refinement for one value; keep the clearer message. */
export function onePerPath(problems: FileProblem[]): FileProblem[] {
  const byPath = new Map<string, FileProblem>();
  const out: FileProblem[] = [];
  for (const p of problems) {
    // Unknown fields are keyed by their own path and never collide; each is kept.
    const key = formatPath(p.path);
    const prev = byPath.get(key);
    if (!prev) {
      byPath.set(key, p);
      out.push(p);
    } else if (prev.messageId === 'invalidFormat' && p.messageId !== 'invalidFormat') {
      out[out.indexOf(prev)] = p;
      byPath.set(key, p);
    }
  }
  return out;
}
