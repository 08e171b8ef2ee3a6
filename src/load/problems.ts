/**
 * What the loader can find wrong with one file, as closed lists of ids with data. The wording lives in the rules that
 * report them (`yaml-syntax`, `schema`): their `meta.messages` have one template per id here, checked by the compiler.
 */
import type { ErrorCode } from 'yaml';
import type { PathSegment, Range } from './locate.js';

/**
 * The yaml library's error codes, each mapped to an id of ours. A code the library adds later is reported as
 * `yamlError`, so an upgrade of the library can never change an id users see.
 */
export const YAML_CODE_IDS = {
  ALIAS_PROPS: 'aliasProps',
  BAD_ALIAS: 'badAlias',
  BAD_COLLECTION_TYPE: 'badCollectionType',
  BAD_DIRECTIVE: 'badDirective',
  BAD_DQ_ESCAPE: 'badDqEscape',
  BAD_INDENT: 'badIndent',
  BAD_PROP_ORDER: 'badPropOrder',
  BAD_SCALAR_START: 'badScalarStart',
  BLOCK_AS_IMPLICIT_KEY: 'blockAsImplicitKey',
  BLOCK_IN_FLOW: 'blockInFlow',
  DUPLICATE_KEY: 'duplicateKey',
  IMPOSSIBLE: 'impossible',
  KEY_OVER_1024_CHARS: 'keyOver1024Chars',
  MISSING_CHAR: 'missingChar',
  MULTILINE_IMPLICIT_KEY: 'multilineImplicitKey',
  MULTIPLE_ANCHORS: 'multipleAnchors',
  MULTIPLE_DOCS: 'multipleDocuments',
  MULTIPLE_TAGS: 'multipleTags',
  NON_STRING_KEY: 'nonStringKey',
  RESOURCE_EXHAUSTION: 'resourceExhaustion',
  TAB_AS_INDENT: 'tabAsIndent',
  TAG_RESOLVE_FAILED: 'unknownTag',
  UNEXPECTED_TOKEN: 'unexpectedToken',
} as const satisfies Record<ErrorCode, string>;

/** Ids of `yaml-syntax` problems: the YAML parser's, then the loader's own. */
export const SYNTAX_IDS = [
  ...Object.values(YAML_CODE_IDS),
  'yamlError', 'emptyFile', 'notAMapping', 'aliasBomb', 'invalidYaml',
  'invalidUtf8', 'unreadable', 'unreadablePath', 'notAFile', 'tooLarge',
] as const;
export type SyntaxProblemId = (typeof SYNTAX_IDS)[number];

/** Ids of `schema` problems. */
export const SCHEMA_IDS = ['unknownField', 'missingField', 'wrongType', 'invalidValue', 'invalidFormat', 'constraint'] as const;
export type SchemaProblemId = (typeof SCHEMA_IDS)[number];

const SYNTAX_ID_SET: ReadonlySet<string> = new Set(SYNTAX_IDS);
const SCHEMA_ID_SET: ReadonlySet<string> = new Set(SCHEMA_IDS);

/** Facts a message template is filled with. */
export type ProblemData = Record<string, string | number>;

interface ProblemBase {
  data: ProblemData;
  path: PathSegment[];
  range: Range;
}

/** A problem found while reading one file, before any cross-file rule runs. */
export type FileProblem =
  | (ProblemBase & { kind: 'syntax'; messageId: SyntaxProblemId })
  | (ProblemBase & { kind: 'schema'; messageId: SchemaProblemId });

/** True when `kind` and `messageId` name a problem this version reports (a cached problem is checked with it). */
export function isProblemId(kind: unknown, messageId: unknown): boolean {
  if (typeof messageId !== 'string') return false;
  return kind === 'syntax' ? SYNTAX_ID_SET.has(messageId) : kind === 'schema' && SCHEMA_ID_SET.has(messageId);
}

const FILE_START: Range = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** A syntax problem about the whole file, placed at its start unless a range is given. */
export function fileProblem(messageId: SyntaxProblemId, data: ProblemData = {}, range: Range = FILE_START): FileProblem {
  return { kind: 'syntax', messageId, data, path: [], range };
}
