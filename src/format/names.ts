/**
 * The output format names of every command, declared once. The CLI reads them for `--format` choices and help without
 * loading any formatter (start-up stays fast); each registry is typed by them, so a name without a formatter, or a
 * formatter without a name, is a compile error. The first name of each list is the command's default.
 */

/** `claims validate`. */
export const LINT_FORMATS = ['stylish', 'json', 'github', 'sarif', 'junit', 'gitlab'] as const;
/** `claims list`. */
export const LIST_FORMATS = ['table', 'json', 'csv', 'markdown', 'yaml', 'ids'] as const;
/** `claims sources`: the same names as `list`. */
export const SOURCES_FORMATS = LIST_FORMATS;
/** `claims show`. */
export const SHOW_FORMATS = ['text', 'json', 'markdown'] as const;
/** `claims report`. */
export const REPORT_FORMATS = ['text', 'markdown', 'json', 'html'] as const;
/** `claims export`. */
export const EXPORT_FORMATS = ['claimreview', 'jsonld', 'jsonl', 'csv', 'csv-evidence', 'prov'] as const;
/** `claims export`: the formats written to a file or folder with `--out` (binary, or one file per table), not printed. */
export const EXPORT_FILE_FORMATS = ['sqlite', 'parquet'] as const;
/** `claims graph`. */
export const GRAPH_FORMATS = ['mermaid', 'dot'] as const;
/** `claims impact`. */
export const IMPACT_FORMATS = ['table', 'json', 'csv'] as const;

export type LintFormat = (typeof LINT_FORMATS)[number];
export type ListFormat = (typeof LIST_FORMATS)[number];
export type SourcesFormat = (typeof SOURCES_FORMATS)[number];
export type ShowFormat = (typeof SHOW_FORMATS)[number];
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportFileFormat = (typeof EXPORT_FILE_FORMATS)[number];
export type GraphFormat = (typeof GRAPH_FORMATS)[number];
export type ImpactFormat = (typeof IMPACT_FORMATS)[number];

/** `claims diff`. */
export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** `claims history`. */
export const HISTORY_FORMATS = ['text', 'json', 'csv'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];
/** `claims stats`. */
export const STATS_FORMATS = ['text', 'markdown', 'json'] as const;
export type StatsFormat = (typeof STATS_FORMATS)[number];
/** `claims sql`. */
export const SQL_FORMATS = ['table', 'csv', 'json', 'markdown'] as const;
export type SqlFormat = (typeof SQL_FORMATS)[number];
