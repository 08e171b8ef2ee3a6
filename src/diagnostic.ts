/** Diagnostics: what the validator found, where, and how bad it is. */
import { compareText } from './util/compare.js';
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
export interface RuleReport<MessageId extends string = string> {
  file: string;
  path: PathSegment[];
  range?: Range;
  messageId: MessageId;
  data?: Record<string, string | number>;
}

/** How many diagnostics are errors and how many warnings: the one place these counts are made. */
export function countSeverities(diagnostics: readonly Pick<Diagnostic, 'severity'>[]): { errorCount: number; warningCount: number } {
  let errorCount = 0;
  let warningCount = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errorCount++;
    else if (d.severity === 'warning') warningCount++;
  }
  return { errorCount, warningCount };
}

/** The longest text one placeholder of a message may put in it, and the longest message, in characters. */
export const MAX_PLACEHOLDER_LENGTH = 200;
export const MAX_MESSAGE_LENGTH = 1000;

/** `text` cut to `max` characters (never inside a surrogate pair), ending in `…` when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * Fills a message template from a rule's data, so that every message has a bounded size: each placeholder's text is cut
 * to `placeholderLength` (default `MAX_PLACEHOLDER_LENGTH`: a long quote or chain does not crowd out the advice that follows it),
 * and the whole to `MAX_MESSAGE_LENGTH`.
 */
export function formatMessage(template: string, data: Record<string, string | number> = {}, placeholderLength?: number): string {
  // A template that is one placeholder (a ready-made sentence) is bounded by the message limit alone.
  const cap = placeholderLength ?? (/^\{\{\s*\w+\s*\}\}$/.test(template) ? MAX_MESSAGE_LENGTH : MAX_PLACEHOLDER_LENGTH);
  const filled = template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => (k in data ? truncate(String(data[k]), cap) : `{{${k}}}`));
  return truncate(filled, MAX_MESSAGE_LENGTH);
}

/** Sorts diagnostics by file, then position, then rule. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.rule, b.rule);
}
