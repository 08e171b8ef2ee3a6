/** Reads a file's YAML with positions: one document, a mapping at its root, every parser error with an id and a range. */
import { LineCounter, parseDocument, isAlias, isCollection, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import { makeLocate, offsetRange, type Locate } from './locate.js';
import { fileProblem, YAML_CODE_IDS, type FileProblem, type SyntaxProblemId } from './problems.js';
import { tooDeepAt } from './yaml-depth.js';

/**
 * Where a file that nests too deeply for the parser is reported: at its first collection this many levels deep. The
 * parser itself gives up where the call stack runs out, which depends on how deep the stack already was (a worker
 * thread, a test runner); the depth is counted without recursion, so the position is the same wherever it runs.
 */
export const REPORTED_NESTING = 500;

/** Alias expansions beyond this count are treated as an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

/** A parser error as `yamlProblems` reads it. */
interface YamlError {
  code: string;
  message: string;
  pos: [number, number];
}

/** Hides the byte-order mark so positions match what editors show. */
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The detail of a key that is a list or a mapping (`? [x, y]`): the yaml library would turn it into text with a warning on stderr. */
const COMPLEX_KEY = 'A key must be plain text, not a list or a mapping (`? [x, y]`)';

/**
 * Duplicate keys and keys that are lists or mappings, found in one pass with a set per mapping. The yaml library's
 * own duplicate check (`uniqueKeys: true`) compares each key with every earlier one, which is quadratic in a
 * mapping's size (20,000 keys: seconds). This reports what it reports — same keys (scalars with equal values), same
 * message, same offset — in linear time, and walks with an explicit stack so that deep nesting cannot overflow it. A
 * collection as a key (directly or through an alias) is reported as `NON_STRING_KEY`, before anything converts it.
 */
export function keyErrors(doc: Document): YamlError[] {
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
        } else if (isCollection(key) || (isAlias(key) && isCollection(key.resolve(doc)))) {
          const start = key.range?.[0] ?? node.range?.[0] ?? 0;
          out.push({ code: 'NON_STRING_KEY', message: COMPLEX_KEY, pos: [start, start + 1] });
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

/** Duplicate keys alone (see keyErrors). */
export function duplicateKeyErrors(doc: Document): YamlError[] {
  return keyErrors(doc).filter((e) => e.code === 'DUPLICATE_KEY');
}

/** Our id for a parser error: the closed list in `YAML_CODE_IDS`, any tag trouble as `unknownTag`, anything else `yamlError`. */
function idOf(e: YamlError): SyntaxProblemId {
  if (e.code === 'DUPLICATE_KEY' || e.code === 'MULTIPLE_DOCS') return YAML_CODE_IDS[e.code];
  if (e.code === 'TAG_RESOLVE_FAILED' || /tag/i.test(e.message)) return 'unknownTag';
  return Object.hasOwn(YAML_CODE_IDS, e.code) ? YAML_CODE_IDS[e.code as keyof typeof YAML_CODE_IDS] : 'yamlError';
}

function yamlProblems(doc: Document, lineCounter: LineCounter, text: string): FileProblem[] {
  const out: FileProblem[] = [];
  let deepAt: number | undefined | null = null;
  // One mistake often yields several parser errors: like ESLint, keep the first (and every duplicate key, each a mistake of its own).
  let first = true;
  const errors: YamlError[] = [...doc.errors, ...doc.warnings];
  // Other errors first, as the parser reported them; a duplicate key never counts as the first mistake.
  for (const e of keyErrors(doc)) errors.push(e);
  for (const e of errors) {
    if (e.code !== 'DUPLICATE_KEY' && !first) continue;
    if (e.code !== 'DUPLICATE_KEY') first = false;
    let [start, end] = e.pos;
    if (e.code === 'RESOURCE_EXHAUSTION') {
      if (deepAt === null) deepAt = tooDeepAt(text, REPORTED_NESTING);
      if (deepAt !== undefined) [start, end] = [deepAt, deepAt + 1];
    }
    const detail = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    out.push(fileProblem(idOf(e), { detail }, offsetRange(lineCounter, start, end)));
  }
  return out;
}

/** What reading the YAML gave: the root mapping as plain data, or the problems that stop the file being read. */
export type YamlRead = { locate: Locate } & ({ raw: Record<string, unknown>; problems?: undefined } | { raw?: undefined; problems: FileProblem[] });

/** Reads one file's text as YAML: never throws. */
export function readYaml(text: string): YamlRead {
  const lineCounter = new LineCounter();
  const source = stripBom(text);
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const locate = makeLocate(doc, lineCounter);
  const syntax = yamlProblems(doc, lineCounter, source);
  if (syntax.length > 0) return { problems: syntax, locate };
  if (doc.contents === null) return { problems: [fileProblem('emptyFile')], locate };
  if (!isMap(doc.contents)) return { problems: [fileProblem('notAMapping', {}, locate([]))], locate };
  try {
    return { raw: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>, locate };
  } catch (err) {
    const problem = err instanceof Error && /alias/i.test(err.message)
      ? fileProblem('aliasBomb', { limit: MAX_ALIAS_COUNT }, locate([]))
      : fileProblem('invalidYaml', { detail: err instanceof Error ? err.message : String(err) }, locate([]));
    return { problems: [problem], locate };
  }
}

/**
 * Where the first key that is a list or a mapping is in `text` (1-based), or undefined when there is none. For
 * readers that convert the YAML themselves (`claims fmt`): the conversion would print a warning on stderr.
 */
export function complexKeyAt(text: string): { line: number; column: number; message: string } | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(stripBom(text), { lineCounter, prettyErrors: false, uniqueKeys: false });
  const found = keyErrors(doc).find((e) => e.code === 'NON_STRING_KEY');
  if (found === undefined) return undefined;
  const at = lineCounter.linePos(found.pos[0]);
  return { line: at.line, column: at.col, message: found.message };
}
