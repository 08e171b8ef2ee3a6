/**
 * A reader for the common shape of claim and source files, several times faster than the `yaml` library, used only
 * where it reads a file exactly as `yaml` would (YAML 1.2 core schema). It answers `undefined` — "read this file with
 * `yaml`" — for anything outside that shape, so every error, warning and position still comes from `yaml`.
 *
 * The shape it reads, and nothing else:
 * - LF line breaks; no tab, no byte-order mark, no control or non-printable character, no U+2028/U+2029 anywhere;
 *   at most `FAST_MAX_CHARS` characters;
 * - one document whose root is a block mapping at column 0; full-line comments (`# …`) and blank lines anywhere;
 * - keys that are plain words (`[A-Za-z_][A-Za-z0-9_-]*`, at most 128 characters), never `__proto__` nor a word the
 *   core schema reads as null or a boolean, never repeated within one mapping;
 * - values on the key's line: a plain scalar, a one-line double-quoted string with the escapes `\\ \" \/ \n \t \r`
 *   and `\uXXXX` (not a surrogate), a one-line single-quoted string, or a one-line flow list of such scalars; or,
 *   after `key:` alone, a block mapping or block list on the next lines (the list may sit at the key's column);
 * - block list items `- value` or `- key: value` (a mapping whose keys line up after the dash); at most 16 levels.
 * A plain scalar is resolved by the core schema's own tests: `~`/`null`/`Null`/`NULL` is null, `true`/`false` (three
 * spellings each) a boolean, a decimal integer of at most 15 digits without sign or leading zero a number; any other
 * text the core schema would read as a number (sign, leading zero, octal, hex, float, `.inf`, `.nan`) is left to
 * `yaml`. Dates (`2025-02`) and `yes`/`no`/`on`/`off` stay text, as in YAML 1.2. Anchors, aliases, tags, directives,
 * document markers, block scalars (`|`, `>`), flow mappings, multi-line scalars and everything else go to `yaml`, so
 * the alias bound, duplicate-key errors and every other diagnostic are `yaml`'s.
 * `tests/fast-path-differential.test.ts` checks the output against `yaml` on fixtures, hostile files and generated ones.
 */

import type { Locate, Range } from './locate.js';

/** Files longer than this are read with `yaml` (a hostile file gets the same diagnostics as ever). */
export const FAST_MAX_CHARS = 256 * 1024;

const MAX_DEPTH = 16;
const MAX_KEY = 128;

/** Characters outside the shape anywhere in the file: tabs, CR, other controls, C1, line/paragraph separators, BOM, non-characters. */
const UNSAFE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
const KEY = /([A-Za-z_][A-Za-z0-9_-]*):(?= |$)/y;
const SPECIAL_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
/** The rest of a line after a quoted scalar or a flow list: nothing, or spaces and a comment. */
const AFTER = /^(?: +(?:#.*)?)?$/;

// The core schema's tests (yaml 2: schema/common/null.js, schema/core/{bool,int,float}.js).
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const SIMPLE_INT = /^(?:0|[1-9][0-9]{0,14})$/;
const OTHER_NUMBER = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;

/** Characters a plain scalar may not start with here (indicators, quotes handled apart, and `-?:` to stay clear of lists and keys). */
const PLAIN_START_BAD = new Set([...'-?:,[]{}#&*!|>\'"%@`']);

type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

/** Thrown inside the reader to mean "not the common shape": caught at the top, never escapes. */
class NotCommon {}
const NOT_COMMON = new NotCommon();
const fail = (): never => {
  throw NOT_COMMON;
};

function resolvePlain(s: string): Value {
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === 't' || s[0] === 'T';
  if (INT.test(s)) return SIMPLE_INT.test(s) ? Number(s) : fail();
  if (OTHER_NUMBER.test(s)) return fail();
  return s;
}

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r' };

/** A double-quoted scalar starting at `s[at]` (the quote) and closing on the same line: [value, index after it]. */
function doubleQuoted(s: string, at: number): [string, number] {
  let out = '';
  let from = at + 1;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '"') return [out + s.slice(from, i), i + 1];
    if (c !== '\\') continue;
    out += s.slice(from, i);
    const e = s[i + 1];
    if (e !== undefined && Object.hasOwn(ESCAPES, e)) {
      out += ESCAPES[e];
      i++;
    } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) {
      const code = parseInt(s.slice(i + 2, i + 6), 16);
      if (code >= 0xd800 && code <= 0xdfff) fail();
      out += String.fromCharCode(code);
      i += 5;
    } else {
      fail();
    }
    from = i + 1;
  }
  return fail();
}

/** A single-quoted scalar starting at `s[at]` and closing on the same line: [value, index after it]. */
function singleQuoted(s: string, at: number): [string, number] {
  let out = '';
  let from = at + 1;
  for (let i = from; i < s.length; i++) {
    if (s[i] !== "'") continue;
    if (s[i + 1] === "'") {
      out += s.slice(from, i + 1);
      i++;
      from = i + 1;
      continue;
    }
    return [out + s.slice(from, i), i + 1];
  }
  return fail();
}

/** A one-line flow list starting at `s[at]` (`[`): [items, index after `]`]. Items are quoted or plain scalars. */
function flowList(s: string, at: number, spans?: Array<[number, number]>): [Value[], number] {
  const items: Value[] = [];
  let i = at + 1;
  for (;;) {
    while (s[i] === ' ') i++;
    if (s[i] === ']' && items.length === 0) return [items, i + 1];
    const c = s[i];
    if (c === undefined) fail();
    let item: Value;
    const from = i;
    if (c === '"' || c === "'") {
      [item, i] = c === '"' ? doubleQuoted(s, i) : singleQuoted(s, i);
      spans?.push([from, i]);
      while (s[i] === ' ') i++;
    } else {
      let j = i;
      while (j < s.length && s[j] !== ',' && s[j] !== ']') j++;
      const text = s.slice(i, j).replace(/ +$/, '');
      if (text === '' || PLAIN_START_BAD.has(text[0]!) || /[[\]{}#:]/.test(text)) fail();
      item = resolvePlain(text);
      spans?.push([from, from + text.length]);
      i = j;
    }
    items.push(item);
    if (s[i] === ']') return [items, i + 1];
    if (s[i] !== ',') fail();
    i++;
  }
}

/** Where an inline value ends in its line, and, for a flow list, where each item starts and ends. */
interface Span {
  end: number;
  items?: Array<[number, number]>;
}

/** A value written on the key's (or dash's) line, from `s[at]` (not a space) to the end of the line. */
function inlineValue(s: string, at: number, span?: Span): Value {
  const c = s[at]!;
  if (c === '"' || c === "'" || c === '[') {
    if (span && c === '[') span.items = [];
    const [value, end] = c === '"' ? doubleQuoted(s, at) : c === "'" ? singleQuoted(s, at) : flowList(s, at, span?.items);
    if (!AFTER.test(s.slice(end))) fail();
    if (span) span.end = end;
    return value;
  }
  if (PLAIN_START_BAD.has(c)) fail();
  const hash = s.indexOf(' #', at);
  const text = s.slice(at, hash === -1 ? s.length : hash).replace(/ +$/, '');
  // In block context `[]{},` are ordinary characters after the first (YAML 1.2, ns-plain-safe(block)).
  if (text.includes(': ') || text.endsWith(':')) fail();
  if (span) span.end = at + text.length;
  return resolvePlain(text);
}

/**
 * A node's place in the text, as `yaml` gives it: `start` and `end` (its `range[0]` and `range[1]`), and `after`
 * (`range[2]`: past the line break of a value's line), from which a block collection's end is taken.
 */
type RNode =
  | { kind: 'scalar'; start: number; end: number; after: number }
  | { kind: 'seq'; start: number; end: number; after: number; items: RNode[] }
  | { kind: 'map'; start: number; end: number; after: number; pairs: Map<string, { key: [number, number]; value: RNode }>; firstKey: [number, number] };

class Reader {
  private i = 0;
  /** With positions: each line's offset in the text, and the node of the value read last. */
  private readonly starts: number[] | undefined;
  node: RNode | undefined;
  /** Past the comment lines before the first key. */
  private begun = false;
  constructor(private readonly lines: string[], positions = false) {
    if (positions) {
      this.starts = new Array<number>(lines.length);
      for (let i = 0, at = 0; i < lines.length; i++) {
        this.starts[i] = at;
        at += lines[i]!.length + 1;
      }
    }
  }

  /** Past the line break of line `i` (the text's end on the last line). */
  private after(i: number): number {
    return this.starts![i]! + this.lines[i]!.length + (i < this.lines.length - 1 ? 1 : 0);
  }

  /** The node of a value written on line `i` from column `at`. */
  private inlineNode(i: number, at: number, span: Span): RNode {
    // After a trailing comment yaml's range runs on into the next line's indentation: positions are left to yaml.
    if (this.lines[i]!.indexOf('#', span.end) !== -1) fail();
    const base = this.starts![i]!;
    const after = this.after(i);
    if (span.items) {
      const items: RNode[] = span.items.map(([a, b]) => ({ kind: 'scalar', start: base + a, end: base + b, after: base + b }));
      return { kind: 'seq', start: base + at, end: base + span.end, after, items };
    }
    return { kind: 'scalar', start: base + at, end: base + span.end, after };
  }

  /** The indentation of the next line with content (skipping blank and comment lines), or -1 at the end. */
  private peek(): number {
    const { lines } = this;
    for (; this.i < lines.length; this.i++) {
      const line = lines[this.i]!;
      let n = 0;
      while (line.charCodeAt(n) === 32) n++;
      if (n < line.length && line[n] !== '#') return n;
      // yaml counts a comment line (or one of spaces) after content into the range of the collection or empty value
      // before it, by rules of its own: positions are left to yaml for such files.
      if (this.starts && this.begun && line.length > 0) fail();
    }
    return -1;
  }

  /** The whole file: a non-empty block mapping at column 0, and nothing after it. */
  document(): Record<string, Value> {
    // Comment lines before the first key (a schema modeline) are outside every range.
    if (this.peek() !== 0) fail();
    this.begun = true;
    const root = this.mapping(0, 1);
    if (this.peek() !== -1) fail();
    return root;
  }

  /** A block mapping whose keys start at column `col`. */
  private mapping(col: number, depth: number): Record<string, Value> {
    if (depth > MAX_DEPTH) fail();
    const out: Record<string, Value> = {};
    const seen = new Set<string>();
    const pairs = this.starts ? new Map<string, { key: [number, number]; value: RNode }>() : undefined;
    let first: [number, number] | undefined;
    let last: RNode | undefined;
    for (;;) {
      const ind = this.peek();
      if (ind < col || ind > col) {
        if (ind > col) fail();
        if (pairs) this.node = { kind: 'map', start: first![0], end: last!.after, after: last!.after, pairs, firstKey: first! };
        return out;
      }
      const line = this.lines[this.i]!;
      KEY.lastIndex = col;
      const m = KEY.exec(line);
      if (m === null) return fail();
      const key = m[1]!;
      if (key.length > MAX_KEY || key === '__proto__' || SPECIAL_KEY.test(key) || seen.has(key)) fail();
      seen.add(key);
      const keyAt: [number, number] | undefined = pairs ? [this.starts![this.i]! + col, this.starts![this.i]! + col + key.length] : undefined;
      first ??= keyAt;
      let at = col + key.length + 1;
      while (line.charCodeAt(at) === 32) at++;
      if (at < line.length && line[at] !== '#') {
        const span: Span | undefined = pairs ? { end: at } : undefined;
        out[key] = inlineValue(line, at, span);
        if (pairs) pairs.set(key, { key: keyAt!, value: (last = this.inlineNode(this.i, at, span!)) });
        this.i++;
        continue;
      }
      // `key:` alone: a block below it, a list at its own column, or null.
      const keyLine = this.i;
      this.i++;
      const next = this.peek();
      const dash = next >= 0 && this.isDash(next);
      if (next > col) out[key] = dash ? this.list(next, depth + 1) : this.mapping(next, depth + 1);
      else if (next === col && dash) out[key] = this.list(col, depth + 1);
      else {
        out[key] = null;
        if (pairs) {
          // yaml places an empty value at its line break (after a comment, its range runs on: left to yaml).
          if (at < line.length) fail();
          const pos = this.starts![keyLine]! + at;
          this.node = { kind: 'scalar', start: pos, end: pos, after: pos };
        }
      }
      if (pairs) pairs.set(key, { key: keyAt!, value: (last = this.node!) });
    }
  }

  private isDash(col: number): boolean {
    const line = this.lines[this.i]!;
    return line[col] === '-' && (line.length === col + 1 || line[col + 1] === ' ');
  }

  /** A block list whose dashes are at column `col`. */
  private list(col: number, depth: number): Value[] {
    if (depth > MAX_DEPTH) fail();
    const out: Value[] = [];
    const items: RNode[] | undefined = this.starts ? [] : undefined;
    let start = 0;
    for (;;) {
      const ind = this.peek();
      if (ind > col) fail();
      if (ind < col || !this.isDash(col)) {
        if (items) this.node = { kind: 'seq', start, end: items[items.length - 1]!.after, after: items[items.length - 1]!.after, items };
        return out;
      }
      const line = this.lines[this.i]!;
      if (items && out.length === 0) start = this.starts![this.i]! + col;
      let at = col + 1;
      while (line.charCodeAt(at) === 32) at++;
      if (at >= line.length || line[at] === '#' || line[at] === '-') fail();
      KEY.lastIndex = at;
      if (KEY.test(line)) {
        // `- key: value`: a mapping whose keys line up at `at`; read it as if the dash were a space.
        this.lines[this.i] = ' '.repeat(at) + line.slice(at);
        out.push(this.mapping(at, depth + 1));
        items?.push(this.node!);
      } else {
        const span: Span | undefined = items ? { end: at } : undefined;
        out.push(inlineValue(line, at, span));
        items?.push(this.inlineNode(this.i, at, span!));
        this.i++;
      }
    }
  }
}

/**
 * The root mapping of a file in the common shape, as `yaml`'s `parseDocument(text).toJS()` gives it — or undefined
 * when the file is not in that shape (then read it with `yaml`). `text` has LF line breaks (as `parseFile` gets it).
 */
export function fastReadYaml(text: string): Record<string, unknown> | undefined {
  if (text.length > FAST_MAX_CHARS || UNSAFE.test(text)) return undefined;
  try {
    return new Reader(text.split('\n')).document();
  } catch (err) {
    if (err === NOT_COMMON) return undefined;
    throw err;
  }
}

/**
 * A locator for a file in the common shape, with the positions `yaml` would give (`makeLocate` over `parseDocument`),
 * or undefined when the file is not in that shape. Cross-file findings are located with it without parsing the file
 * with `yaml` again.
 */
export function fastLocator(text: string): Locate | undefined {
  if (text.length > FAST_MAX_CHARS || UNSAFE.test(text)) return undefined;
  let root: RNode;
  try {
    const reader = new Reader(text.split('\n'), true);
    reader.document();
    root = reader.node!;
  } catch (err) {
    if (err === NOT_COMMON) return undefined;
    throw err;
  }
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const pos = (offset: number): [number, number] => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo + 1, offset - starts[lo]! + 1];
  };
  const range = (start: number, end: number): Range => {
    const [line, column] = pos(start);
    const [endLine, endColumn] = pos(Math.max(start, end));
    return { line, column, endLine, endColumn };
  };
  const nodeRange = (n: RNode): Range => range(n.start, n.end);
  // As makeLocate: for a path that leaves the document, the deepest part that exists (a mapping's first key).
  const firstLine = (n: RNode): Range => (n.kind === 'map' ? range(...n.firstKey) : nodeRange(n));
  return (path, anchor = 'value') => {
    let node = root;
    let key: [number, number] | undefined;
    for (const seg of path) {
      let next: RNode | undefined;
      let nextKey: [number, number] | undefined;
      if (node.kind === 'map') {
        const pair = node.pairs.get(String(seg));
        next = pair?.value;
        nextKey = pair?.key;
      } else if (node.kind === 'seq' && typeof seg === 'number') {
        next = node.items[seg];
      }
      if (next === undefined) return firstLine(node);
      node = next;
      key = nextKey;
    }
    if (anchor === 'key' && key) return range(...key);
    return nodeRange(node);
  };
}
