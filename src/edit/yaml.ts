/**
 * Edits to one claim or source file that keep everything they do not touch: comments, key order, quoting and
 * line endings. The file is edited as a YAML Document and then put in canonical form, as `claims fmt` would.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { formatYaml, STRINGIFY_OPTIONS } from '../authoring/fmt.js';
import { UsageError } from '../cli/io.js';
import { lineBreaksToLf } from '../util/safe-read.js';

/** The reference fields of a claim or source, as paths with `*` for every item of a list. */
export const REFERENCE_PATHS: readonly (readonly (string | '*')[])[] = [
  ['evidence', '*', 'source'],
  ['evidence', '*', 'origin'],
  ['evidence', '*', 'via', '*'],
  ['cites', '*'],
  ['supersedes'],
  ['resolved_by'],
];

/** Parses a dataset file for editing; a file that is not valid YAML cannot be edited safely. */
export function openDocument(text: string, shown: string): Document {
  const doc = parseDocument(lineBreaksToLf(text), { uniqueKeys: true });
  if (doc.errors.length > 0 || !isMap(doc.contents)) throw new UsageError(`${shown} is not a valid claim or source file: run \`claims validate\` and fix it first`);
  return doc;
}

/** The document's text in canonical form, keeping the original's line endings and byte-order mark. */
export function documentText(doc: Document, original: string, shown: string): string {
  let out = doc.toString(STRINGIFY_OPTIONS);
  if (original.includes('\r\n')) out = out.replace(/\r?\n/g, '\r\n');
  if (original.charCodeAt(0) === 0xfeff) out = '\ufeff' + out;
  const formatted = formatYaml(out);
  if (!formatted.ok) throw new UsageError(`${shown}: the edited file could not be written in canonical form (${formatted.message})`);
  return formatted.text;
}

/** Edits one file's text through its Document. */
export function editText(text: string, shown: string, edit: (doc: Document) => void): string {
  const doc = openDocument(text, shown);
  edit(doc);
  return documentText(doc, text, shown);
}

/** Every scalar node at a reference path, with its path. */
export function referenceNodes(doc: Document): Array<{ path: (string | number)[]; node: Node }> {
  const out: Array<{ path: (string | number)[]; node: Node }> = [];
  const walk = (node: unknown, pattern: readonly (string | '*')[], at: (string | number)[]): void => {
    if (pattern.length === 0) {
      if (isScalar(node)) out.push({ path: at, node });
      return;
    }
    const [head, ...rest] = pattern;
    if (head === '*') {
      if (isSeq(node)) node.items.forEach((item, i) => walk(item, rest, [...at, i]));
      return;
    }
    if (isMap(node)) walk(node.get(head, true), rest, [...at, head!]);
  };
  for (const p of REFERENCE_PATHS) walk(doc.contents, p, []);
  return out;
}

/** Replaces every reference to `from` by `to` in a document; returns how many were replaced. */
export function renameReferences(doc: Document, from: string, to: string): number {
  let n = 0;
  for (const { node } of referenceNodes(doc)) {
    if (isScalar(node) && node.value === from) {
      node.value = to;
      n++;
    }
  }
  return n;
}

/**
 * Replaces every reference to `from` by `to` in a file's text, touching only the characters of those values: ids are
 * slugs, which YAML writes the same plain or quoted, so everything else stays byte for byte (a rename across a
 * thousand files needs no re-formatting). Returns the new text and how many references were replaced; a file that is
 * not valid YAML is returned unchanged.
 */
export function renameInText(text: string, from: string, to: string): { text: string; count: number } {
  const doc = parseDocument(lineBreaksToLf(text), { uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return { text, count: 0 };
  const spans: Array<[number, number]> = [];
  for (const { node } of referenceNodes(doc)) {
    if (isScalar(node) && node.value === from && node.range) spans.push([node.range[0], node.range[1]]);
  }
  let out = text;
  for (const [start, end] of spans.sort((a, b) => b[0] - a[0])) {
    const written = out.slice(start, end);
    const at = written.indexOf(from);
    if (at < 0) continue;
    out = out.slice(0, start + at) + to + out.slice(start + at + from.length);
  }
  return { text: out, count: spans.length };
}

/** The line (1-based) each reference to `id` sits on, for messages that list where an id is used. */
export function referenceLines(text: string, id: string): number[] {
  const doc = parseDocument(text, { keepSourceTokens: false });
  const lines: number[] = [];
  for (const { node } of referenceNodes(doc)) {
    if (isScalar(node) && node.value === id && node.range) lines.push(text.slice(0, node.range[0]).split('\n').length);
  }
  return lines;
}
