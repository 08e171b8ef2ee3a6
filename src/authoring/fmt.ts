/** Canonical form of a claim or source file: schema key order and canonical quoting, comments kept. Pure: text in, text out. */
import { lineBreaksToLf } from '../util/safe-read.js';
import { isDeepStrictEqual } from 'node:util';
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, parseDocument, visit, Scalar, type CollectionTag, type Document, type Node, type Pair, type ScalarTag, type ToStringOptions, type YAMLMap } from 'yaml';
import { CLAIM_KEYS, EVIDENCE_KEYS, SOURCE_KEYS } from '../model/schema.js';
import { MAX_ALIAS_COUNT } from '../load/parse.js';

/** Canonical key orders: the order of the fields in the zod schemas. */
export { CLAIM_KEYS, EVIDENCE_KEYS, SOURCE_KEYS };

/** Top-level fields whose strings are always double-quoted: dates (so `2026` is never read as a number) and value shorthands. */
const ALWAYS_QUOTED: Record<'claim' | 'source', ReadonlySet<string>> = {
  claim: new Set(['as_of', 'due', 'value']),
  source: new Set(['published', 'retrieved']),
};

/** How canonical files are printed: no line folding, `[a, b]` flow lists, `- ` items indented under their key. */
export const STRINGIFY_OPTIONS: ToStringOptions = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false, indentSeq: true };

/** What formatting one file's text gives; a refusal says whether the text is not YAML (`syntax`) or holds something fmt cannot rewrite safely (`unsupported`). */
export type FormatResult =
  | { ok: true; text: string; changed: boolean }
  | { ok: false; line: number; column: number; message: string; reason: 'syntax' | 'unsupported' };

/** How deep a file may nest before fmt refuses it: claims and sources nest four levels; this leaves room and keeps every step far from the stack limit. */
export const MAX_FORMAT_DEPTH = 64;

/** Tags fmt rewrites; anything else (`!!binary`, `!!set`, `!!timestamp`, local tags) is left untouched and reported. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * Characters that are invisible or reorder text on screen: C0/C1 controls (but tab and newline), soft hyphen,
 * Arabic letter mark, zero-width and bidi controls, line and paragraph separators, word joiner, BOM, interlinear annotation.
 * A string holding any of them is written double-quoted with `\u` escapes, so a reader sees them.
 */
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');

/** A double-quoted YAML scalar with every invisible character, backslash and quote escaped; one line. */
function escapedDoubleQuoted(value: string): string {
  const named: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '\r': '\\r' };
  return `"${value.replace(/[\\"\n\t\r]/g, (c) => named[c]!).replace(INVISIBLE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

/** Plain-looking strings a YAML 1.1 reader (PyYAML, older tools) takes for something else: yes/no/on/off/y/n, 1_000, 1:20, 2026-01-01, 0b101. */
function readsDifferentlyInYaml11(value: string): boolean {
  if (value.length > 64 || !/^[\w.+\-: ~]+$/.test(value)) return false;
  const doc = parseDocument(value, { version: '1.1' });
  if (doc.errors.length > 0 || !isScalar(doc.contents)) return false;
  return doc.contents.value !== value;
}

/**
 * The schema's tags, changed so that nothing is rewritten that a reader would read differently:
 * numbers, booleans and nulls are written exactly as they were (`100000000000000000000000`, not `1e+23`; `0x1F`; `1.50`),
 * and strings with invisible characters keep them as escapes.
 */
function keepAsWritten(tags: Array<CollectionTag | ScalarTag>): Array<CollectionTag | ScalarTag> {
  return tags.map((tag) => {
    if (tag.collection) return tag;
    const own = (tag as ScalarTag).stringify;
    if (tag.tag === 'tag:yaml.org,2002:str') {
      return { ...tag, stringify: (item, ctx, onComment, onChompKeep) => (typeof item.value === 'string' && INVISIBLE.test(item.value) ? escapedDoubleQuoted(item.value) : own!(item, ctx, onComment, onChompKeep)) } as ScalarTag;
    }
    return { ...tag, stringify: (item, ctx, onComment, onChompKeep) => (typeof item.source === 'string' && item.source !== '' ? item.source : own ? own(item, ctx, onComment, onChompKeep) : String(item.value)) } as ScalarTag;
  });
}

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
  doc.schema.tags = keepAsWritten(doc.schema.tags);
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && node.type !== Scalar.BLOCK_LITERAL && node.type !== Scalar.BLOCK_FOLDED) {
        node.type = INVISIBLE.test(node.value) || readsDifferentlyInYaml11(node.value) ? Scalar.QUOTE_DOUBLE : undefined;
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

type Position = (offset: number | undefined) => { line: number; column: number };

/** Something fmt will not rewrite, found without recursion: nesting beyond MAX_FORMAT_DEPTH, or a tag outside the core schema. */
function unsupported(doc: Document, at: Position): { line: number; column: number; message: string } | undefined {
  const work: Array<{ node: unknown; depth: number }> = [{ node: doc.contents, depth: 0 }];
  while (work.length > 0) {
    const { node, depth } = work.pop()!;
    if (isPair(node)) {
      work.push({ node: node.key, depth }, { node: node.value, depth });
      continue;
    }
    if (!node || isAlias(node)) continue;
    const n = node as Node;
    if (isCollection(n) && depth >= MAX_FORMAT_DEPTH) return { ...at(n.range?.[0]), message: `nested more than ${MAX_FORMAT_DEPTH} levels deep` };
    if (n.tag !== undefined && !CORE_TAGS.has(n.tag)) return { ...at(n.range?.[0]), message: `the tag ${n.tag.replace('tag:yaml.org,2002:', '!!')} cannot be formatted` };
    if (isCollection(n)) for (const item of n.items) work.push({ node: item, depth: depth + 1 });
  }
  return undefined;
}

/** The first alias whose anchor comes after it in `doc`'s new key order: YAML needs the anchor first. */
function aliasBeforeAnchor(doc: Document, at: Position): { line: number; column: number; message: string } | undefined {
  const defined = new Set<string>();
  let found: { line: number; column: number; message: string } | undefined;
  visit(doc, (_, node) => {
    if (isAlias(node)) {
      if (!defined.has(node.source)) {
        found = { ...at(node.range?.[0]), message: `the alias *${node.source} would come before its anchor &${node.source} once keys are in schema order; write the value out` };
        return visit.BREAK;
      }
      return undefined;
    }
    if ((isScalar(node) || isCollection(node)) && node.anchor) defined.add(node.anchor);
    return undefined;
  });
  return found;
}

/** Formats one file's text. Text that is not valid YAML, or that could not be rewritten to the same data, is refused; this never throws. */
export function formatYaml(text: string): FormatResult {
  try {
    return formatOrRefuse(text);
  } catch (err) {
    // A last guard: whatever the YAML library could not handle refuses this one file, never the run.
    const message = err instanceof RangeError ? 'nested too deeply to format' : err instanceof Error ? err.message.split('\n')[0]! : String(err);
    return { ok: false, line: 1, column: 1, message, reason: 'unsupported' };
  }
}

function formatOrRefuse(text: string): FormatResult {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const raw = bom ? text.slice(1) : text;
  const crlf = /\r\n/.test(raw);
  // YAML 1.2 counts a lone CR as a line break: read such a file as the loader does, and keep its line endings.
  const crOnly = !crlf && raw.includes('\r') && !raw.includes('\n');
  const body = lineBreaksToLf(raw);
  const lineStarts = [0];
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const at: Position = (offset) => {
    if (offset === undefined) return { line: 1, column: 1 };
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
  const doc = parseDocument(body, { uniqueKeys: true });
  const problem = firstProblem(doc);
  if (problem) return { ok: false, ...problem, reason: 'syntax' };
  if (doc.contents === null || !isMap(doc.contents)) return { ok: true, text, changed: false };
  const refused = unsupported(doc, at);
  if (refused) return { ok: false, ...refused, reason: 'unsupported' };
  let before: unknown;
  try {
    before = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    return { ok: false, line: 1, column: 1, message: err instanceof Error ? err.message : String(err), reason: 'unsupported' };
  }
  canonicalize(doc);
  const misordered = aliasBeforeAnchor(doc, at);
  if (misordered) return { ok: false, ...misordered, reason: 'unsupported' };
  let out = doc.toString(STRINGIFY_OPTIONS);
  // Never change what the file means: the rewritten text must read back as the same data.
  const check = parseDocument(out, { uniqueKeys: true });
  if (check.errors.length > 0 || !isDeepStrictEqual(check.toJS({ maxAliasCount: -1 }), before)) {
    return { ok: false, line: 1, column: 1, message: 'the file could not be rewritten without changing its data', reason: 'unsupported' };
  }
  if (crlf) out = out.replace(/\r?\n/g, '\r\n');
  else if (crOnly) out = out.replace(/\n/g, '\r');
  out = bom + out;
  return { ok: true, text: out, changed: out !== text };
}
