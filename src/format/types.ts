import type { LintResult } from '../diagnostic.js';

/** What a formatter may know besides the result: whether to colour. */
export interface FormatContext {
  color: boolean;
}

/** A pure function from a lint result to the text to print. */
export type Formatter = (result: LintResult, ctx: FormatContext) => string;
