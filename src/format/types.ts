import type { LintResult } from '../diagnostic.js';

/** What a formatter may know besides the result: whether to colour. */
export interface FormatContext {
  color: boolean;
  /** When the run started and how long it took, for formats that record it (JUnit `timestamp` and `time`). */
  run?: { startedAt: Date; seconds: number };
  /** The path a CI system resolves against the repository, for a file's display path (GitHub annotations' `file=`). */
  artifactPath?: (file: string) => string;
}

/** A pure function from a lint result to the text to print. */
export type Formatter = (result: LintResult, ctx: FormatContext) => string;
