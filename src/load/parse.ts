/** Parses one claim or source file: YAML with positions (`yaml-read.ts`), then the schema chosen by `type` (`schema-problems.ts`). */
import { ClaimSchema, SourceSchema, type Claim, type Source } from '../model/schema.js';
import type { Locate } from './locate.js';
import type { FileProblem } from './problems.js';
import { readYaml } from './yaml-read.js';
import { onePerPath, schemaProblems, typeProblem } from './schema-problems.js';

export { formatPath } from './locate.js';
export { describe } from './schema-problems.js';
export { duplicateKeyErrors, MAX_ALIAS_COUNT } from './yaml-read.js';
export type { FileProblem } from './problems.js';

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

/** Reads one file's text: never throws, reports every problem with a position. */
export function parseFile(text: string, hint?: { underSources?: boolean }): ParseResult {
  const read = readYaml(text);
  const { locate, raw } = read;
  if (raw === undefined) return { problems: read.problems, locate };
  return checkRaw(raw, locate, hint);
}

/** The schema step of `parseFile`: the root mapping as read, checked by the schema its `type` names. */
export function checkRaw(raw: Record<string, unknown>, locate: Locate, hint?: { underSources?: boolean }): ParseResult {
  const type = raw.type;
  if (type !== 'claim' && type !== 'source') return { raw, problems: [typeProblem(type, locate, hint?.underSources)], locate };

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
