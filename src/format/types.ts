/** The one shape of every output format: a pure function from a command's data and a context to the text to print. */
import type { ClaimReviewConfig } from '../config.js';
import type { LintResult } from '../diagnostic.js';
import type { ProvenanceGraph } from '../query/graph.js';
import type { ImpactRow } from '../query/impact.js';
import type { ShowData } from '../query/relays.js';
import type { KnownThen } from '../history/known.js';
import type { SourceView } from '../query/sources.js';
import type { ClaimView, QueryContext } from '../query/view.js';
import type { ClaimProvenance } from '../report/provenance.js';
import type { Report } from '../report/types.js';

/** A pure function from data to the text to print: it neither writes to a stream nor decides an exit code. */
export type Formatter<Data, Ctx> = (data: Data, ctx: Ctx) => string;

/** What the terminal formats know besides their data: whether to colour, and how wide to lay out. */
export interface TerminalContext {
  color: boolean;
  width: number;
}

/** What a lint formatter may know about one rule, handed in by the CLI (formatters never load the rule registry). */
export interface RuleMeta {
  id: string;
  description: string;
  defaultSeverity: 'error' | 'warning';
  /** The anchor of the rule's section in the README (`rule-<id>`). */
  anchor: string;
  /** Help for readers of the CI formats, already rendered; absent for a rule without help. */
  help?: {
    /** A name for people (SARIF `name`), unlike the id even ignoring case. */
    name: string;
    /** What the rule checks, in a sentence or two. */
    checks: string;
    /** The whole help as plain text and as Markdown. */
    text: string;
    markdown: string;
  };
}

/** What a lint formatter may know besides the result. */
export interface LintFormatContext {
  color: boolean;
  /** When the run started and how long it took, for formats that record it (JUnit `timestamp` and `time`). */
  run?: { startedAt: Date; seconds: number };
  /** The path a CI system resolves against the repository, for a file's display path (GitHub annotations' `file=`). */
  artifactPath?: (file: string) => string;
  /** Every rule's metadata, in registry order, for formats that describe the rules (SARIF). */
  rules?: readonly RuleMeta[];
}

/** A `claims validate` output format. */
export type LintFormatter = Formatter<LintResult, LintFormatContext>;

/** A `claims list` output format. */
export type ListFormatter = Formatter<ClaimView[], TerminalContext>;
/** A `claims sources` output format. */
export type SourcesFormatter = Formatter<SourceView[], TerminalContext>;
/** A `claims show` output format. */
/** What `claims show` formats: the explanation, and with --at/--as-known-on the claim as it stands now. */
export type ShowInput = ShowData & { known?: KnownThen };
export type ShowFormatter = Formatter<ShowInput, TerminalContext>;

/** What a report formatter may know besides the report. */
export interface ReportContext extends TerminalContext {
  /** The reported claims' evidence chains, for formats that show them (html); derived only when called. */
  provenance?: () => readonly ClaimProvenance[];
}
/** A `claims report` output format. */
export type ReportFormatter = Formatter<Report, ReportContext>;

/**
 * What the export formatters read besides the claims: the dataset's claims, sources, provenance and grades,
 * the run's date, and who publishes the reviews (`claimreview:` in the configuration).
 */
export type ExportContext = Pick<QueryContext, 'index' | 'provenance' | 'grades' | 'today'> & { publishing?: ClaimReviewConfig };
/** A `claims export` output format. */
export type ExportFormatter = Formatter<ClaimView[], ExportContext>;

/** A `claims graph` output format: a graph needs nothing else. */
export type GraphFormatter = Formatter<ProvenanceGraph, Record<string, never>>;

/** What `claims impact` reports: the source asked about, how many claims use it, and the claims its loss would lower. */
export interface SourceImpactReport {
  /** The source's id, and its title and publisher when it has a file (an id only referenced in evidence has none). */
  source: { id: string; title: string | null; publisher: string | null };
  /** The claims in the dataset (those that load), and those whose evidence reads, relays or traces to the source. */
  claims_total: number;
  claims_using: number;
  /** The claims that would be lowered, in claim-id order. */
  claims: readonly ImpactRow[];
}
/** A `claims impact` output format. */
export type ImpactFormatter = Formatter<SourceImpactReport, TerminalContext>;

/** A cell of an SQL result: what SQLite returns (a BLOB as bytes). */
export type SqlCell = string | number | Uint8Array | null;
/** What `claims sql` formats: the result's column names and rows, and whether rows were left out of a bounded format. */
export interface SqlResult {
  columns: string[];
  rows: SqlCell[][];
  /** Rows the query gave beyond those shown (table and markdown are bounded): at least this many, or 0. */
  more: number;
}
/** A `claims sql` output format. */
export type SqlFormatter = Formatter<SqlResult, TerminalContext>;
