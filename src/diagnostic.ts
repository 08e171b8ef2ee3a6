/** Diagnostics: what the validator found, where, and how bad it is. */
import type { PathSegment, Range } from './load/locate.js';

export type Severity = 'error' | 'warning';
/** A configured severity: a rule can also be turned off. */
export type SeveritySetting = Severity | 'off';

/** Explicit order of severities, worst last. */
export const SEVERITY_RANK: Record<Severity, number> = { warning: 1, error: 2 };

/** One finding, 1-based positions, `file` relative to the working directory with `/` separators. */
export interface Diagnostic extends Range {
  file: string;
  severity: Severity;
  rule: string;
  messageId: string;
  message: string;
  /** Path into the document, e.g. `evidence[1].origin` (empty for the whole file). */
  path: string;
}

/** The result of linting a dataset: plain data for formatters. */
export interface LintResult {
  /** Number of files reported on. */
  files: number;
  claims: number;
  sources: number;
  errorCount: number;
  warningCount: number;
  diagnostics: Diagnostic[];
  /** The files reported on (display paths), for formats that list passing files too (JUnit). Not part of the JSON output. */
  fileList?: string[];
}

/** What a rule reports: a path (the lint step finds its position) or a ready range for loader problems. */
export interface Report {
  file: string;
  path: PathSegment[];
  anchor?: 'key' | 'value';
  range?: Range;
  messageId: string;
  data?: Record<string, string | number>;
}

/** Sorts diagnostics by file, then position, then rule. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
