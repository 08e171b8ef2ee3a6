/** Canonical form of a claim or source file: schema key order and canonical quoting, comments kept. Pure: text in, text out. */
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument, visit, Scalar, type Document, type Pair, type ToStringOptions, type YAMLMap } from 'yaml';
import { ClaimSchema, EvidenceSchema, SourceSchema } from '../model/schema.js';
import { MAX_ALIAS_COUNT } from '../load/parse.js';

/** Canonical key orders: the order of the fields in the zod schemas. */
export const CLAIM_KEYS: readonly string[] = Object.keys(ClaimSchema.shape);
export const SOURCE_KEYS: readonly string[] = Object.keys(SourceSchema.shape);
export const EVIDENCE_KEYS: readonly string[] = Object.keys(EvidenceSchema.shape);

/** Top-level fields whose strings are always double-quoted: dates (so `2026` is never read as a number) and value shorthands. */
const ALWAYS_QUOTED: Record<'claim' | 'source', ReadonlySet<string>> = {
  claim: new Set(['as_of', 'due', 'value']),
  source: new Set(['published', 'retrieved']),
};

/** How canonical files are printed: no line folding, `[a, b]` flow lists, `- ` items indented under their key. */
export const STRINGIFY_OPTIONS: ToStringOptions = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false, indentSeq: true };

/** What formatting one file's text gives. */
export type FormatResult =
  | { ok: true; text: string; changed: boolean }
  | { ok: false; line: number; column: number; message: string };

const keyName = (pair: Pair): string | undefined => (isScalar(pair.key) ? String(pair.key.value) : typeof pair.key === 'string' ? pair.key : undefined);

/** Sorts a mapping's pairs into `order` (unknown keys after, in their original order); the comment above the first key stays on top. */
function reorder(map: YAMLMap, order: readonly string[]): void {
  const rank = new Map(order.map((k, i) => [k, i]));
  const items = map.items as Pair[];
  const first = items[0];
  const sorted = items
    .map((pair, i) => ({ pair, i, r: rank.get(keyName(pair) ?? '') ?? order.length }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.pair);
  const newFirst = sorted[0];
  if (first && newFirst && first !== newFirst && isScalar(first.key) && first.key.commentBefore) {
    // A leading comment (the schema modeline) belongs to the file, not to whichever key happened to come first.
    const header = first.key.commentBefore;
    first.key.commentBefore = undefined;
    if (isScalar(newFirst.key)) {
      newFirst.key.commentBefore = newFirst.key.commentBefore ? `${header}\n${newFirst.key.commentBefore}` : header;
    } else {
      map.commentBefore = map.commentBefore ? `${map.commentBefore}\n${header}` : header;
    }
  }
  map.items = sorted;
}

/** Rewrites a parsed document in place into canonical key order and quoting. */
export function canonicalize(doc: Document): void {
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && (node.type === Scalar.PLAIN || node.type === Scalar.QUOTE_SINGLE || node.type === Scalar.QUOTE_DOUBLE)) {
        node.type = undefined;
      }
    },
  });
  const root = doc.contents;
  if (!isMap(root)) return;
  const typePair = (root.items as Pair[]).find((p) => keyName(p) === 'type');
  const type = typePair && isScalar(typePair.value) ? typePair.value.value : undefined;
  if (type !== 'claim' && type !== 'source') return;
  reorder(root, type === 'claim' ? CLAIM_KEYS : SOURCE_KEYS);
  for (const pair of root.items as Pair[]) {
    const name = keyName(pair);
    if (name === undefined) continue;
    if (ALWAYS_QUOTED[type].has(name)) {
      const scalars = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const s of scalars) if (isScalar(s) && typeof s.value === 'string' && s.type === undefined) s.type = Scalar.QUOTE_DOUBLE;
    }
    if (type === 'claim' && name === 'evidence' && isSeq(pair.value)) {
      for (const item of pair.value.items) if (isMap(item)) reorder(item, EVIDENCE_KEYS);
    }
  }
}

/** The first problem the YAML parser found, with its position. */
function firstProblem(doc: Document): { line: number; column: number; message: string } | undefined {
  const e = doc.errors[0] ?? doc.warnings[0];
  if (!e) return undefined;
  const pos = e.linePos?.[0];
  const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return { line: pos?.line ?? 1, column: pos?.col ?? 1, message };
}

/** Formats one file's text. Text that is not valid YAML, or that could not be rewritten to the same data, is refused. */
export function formatYaml(text: string): FormatResult {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const body = bom ? text.slice(1) : text;
  const crlf = /\r\n/.test(body);
  const doc = parseDocument(body, { uniqueKeys: true });
  const problem = firstProblem(doc);
  if (problem) return { ok: false, ...problem };
  if (doc.contents === null || !isMap(doc.contents)) return { ok: true, text, changed: false };
  let before: unknown;
  try {
    before = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    return { ok: false, line: 1, column: 1, message: err instanceof Error ? err.message : String(err) };
  }
  canonicalize(doc);
  let out = doc.toString(STRINGIFY_OPTIONS);
  // Never change what the file means: the rewritten text must read back as the same data.
  const check = parseDocument(out, { uniqueKeys: true });
  if (check.errors.length > 0 || !isDeepStrictEqual(check.toJS({ maxAliasCount: -1 }), before)) {
    return { ok: false, line: 1, column: 1, message: 'the file could not be rewritten without changing its data' };
  }
  if (crlf) out = out.replace(/\r?\n/g, '\r\n');
  out = bom + out;
  return { ok: true, text: out, changed: out !== text };
}
