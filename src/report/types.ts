/** The report's plain data (its JSON shape is a public contract); built in build.ts, shown by src/format/report*.ts. */
import type { Category, Status } from '../model/schema.js';
import type { ParsedValue } from '../model/value.js';
import type { OriginCounts, Support } from '../provenance/index.js';
import type { ClaimView } from '../query/view.js';
import type { OverTimeStats } from '../history/stats.js';

/** Claims counted by category (rows) × status (columns). */
export interface Overview {
  /** The column order: rumored, company-reported, independent, disputed, retracted. */
  statuses: Status[];
  /** One row per category present, in the schema's category order. */
  rows: OverviewRow[];
  /** Column totals by status. */
  totals: Record<Status, number>;
  /** Grand total: the number of claims reported on. */
  total: number;
}

/** One category's claims counted by status. */
export interface OverviewRow {
  category: Category;
  counts: Record<Status, number>;
  /** Row total. */
  total: number;
}

/** Sourcing tiers, weakest first. */
export const SOURCING_TIERS = ['anonymous-only', 'company-only', 'one-independent', 'two-plus-independent'] as const;
/** How well a claim is sourced: anonymous only, the company's own word only, one origin independent of it, or two or more (the two-source rule). */
export type SourcingTier = (typeof SOURCING_TIERS)[number];

/** One claim with a value, placed in its sourcing tier. */
export interface SourcingEntry {
  tier: SourcingTier;
  id: string;
  subject: string;
  category: Category;
  as_of: string | null;
  /** The value as written, equivalent forms joined with ` = `. */
  value: string;
  statement: string;
  assertion: ClaimView['assertion'];
  status: Status;
  support: Support;
  /** Distinct origins by class: the counts that decide the tier. */
  origins: OriginCounts;
  /** Distinct origin ids, in evidence order. */
  origin_ids: string[];
  /** Admiralty grade: reliability of the best origin and derived credibility, e.g. `B2`. */
  grade: string;
}

/** One claim without a value, placed in its sourcing tier the same way as those with one. */
export interface UnvaluedSourcingEntry extends Omit<SourcingEntry, 'value'> {
  value: null;
}

/** What every list of claims in the report says about each: which claim, on what, when, and what it states. */
export interface ClaimSummary {
  id: string;
  subject: string;
  category: Category;
  as_of: string | null;
  statement: string;
  /** The value as written, equivalent forms joined with ` = `, or null. */
  value: string | null;
}

/** A rumored or disputed claim, and what would confirm it. */
export interface RumorEntry extends ClaimSummary {
  status: Status;
  support: Support;
  /** The claim that already supersedes it, or null. */
  superseded_by: string | null;
  /** What a confirming claim would be about: a claim on this subject and category that supersedes it. */
  confirm_with: { subject: string; category: Category };
  /**
   * Candidate confirmations, in as_of order: existing facts (anywhere in the dataset) on the same subject and category
   * with independent support, not retracted, naming every party the rumor names, whose value agrees with the rumor's
   * (some form of each in one currency or unit, their bounds overlapping) and whose as_of is not wholly before the
   * rumor's. When the rumor has a value, a candidate without one is left out (it cannot confirm the figure); when the
   * rumor has an as_of, an undated candidate is left out (it cannot be shown not to be earlier); a rumor with neither a
   * value nor parties has none (nothing to match a candidate on).
   */
  candidates: string[];
  /** The rumor's parties, as written. */
  parties: string[];
}

/** A forecast with a due date. */
export interface ForecastEntry extends ClaimSummary {
  due: string;
  /** True when the due period has wholly passed without an outcome. */
  overdue: boolean;
  outcome: string | null;
  status: Status;
}

/** A rumor still unresolved: status rumored, not superseded. */
export interface OpenRumorEntry extends ClaimSummary {
  support: Support;
}

/** What to keep an eye on. */
export interface Watchlist {
  /** Forecasts with due dates: overdue first, then by due date, then id. */
  forecasts: ForecastEntry[];
  /** Unresolved rumors, by as_of (undated last), then id. */
  rumors: OpenRumorEntry[];
}

/** Two live facts whose values cannot both be true. */
export interface ConflictEntry {
  subject: string;
  category: Category;
  /** The shared as_of period. */
  period: string;
  /** The pair, ordered so that `a` < `b` by id. */
  a: ConflictSide;
  b: ConflictSide;
}

/** One side of a conflict. */
export interface ConflictSide {
  id: string;
  /** The form of its value that clashes. */
  value: string;
  statement: string;
  status: Status;
}

/** A claim replaced by a newer one. */
export interface SupersededEntry {
  id: string;
  statement: string;
  value: string | null;
  superseded_by: string;
  /** The replacing claim's statement (null if it cannot be read). */
  superseded_by_statement: string | null;
  superseded_by_value: string | null;
}

/** Value conflicts and supersessions among the claims reported on. */
export interface ConflictsSection {
  /** Sorted by subject, category, period, then ids. */
  conflicts: ConflictEntry[];
  /** Sorted by id. */
  superseded: SupersededEntry[];
  /** Retracted and disputed claims, with the reason and date recorded, sorted by id. */
  corrections: CorrectionEntry[];
}

/** A claim retracted or disputed, with why and when (as `claims retract` and `claims dispute` record them). */
export interface CorrectionEntry {
  id: string;
  status: Status;
  statement: string;
  reason: string | null;
  date: string | null;
}

/** One origin and how many of the reported claims trace to it. */
export interface ConcentrationEntry {
  origin: string;
  title: string | null;
  publisher: string | null;
  kind: string | null;
  /** Number of reported claims with this origin. */
  claims: number;
  /** claims / number of reported claims, 0..1. */
  share: number;
  /** True when the origin carries at least 25% of the claims. */
  concentrated: boolean;
  /** The ids of those claims. */
  claim_ids: string[];
}

/** Categories that get a timeline. */
export const TIMELINE_CATEGORIES = ['arr', 'revenue', 'valuation', 'funding-round'] as const satisfies readonly Category[];

/** One subject's figures for one numeric category over time. */
export interface Timeline {
  subject: string;
  category: Category;
  /** The unit of `amount`: `money`, `percent` or `number`. */
  unit: ParsedValue['unit'];
  /** The main currency (the most common among the values; ties by code), or null when the unit is not money. */
  currency: string | null;
  /** In as_of order (undated last), then id. */
  points: TimelinePoint[];
  /** Claims with a value but no form in the main currency/unit, by id. */
  skipped: string[];
}

/** One claim on a timeline. */
export interface TimelinePoint {
  id: string;
  as_of: string | null;
  /** The value as written, equivalent forms joined with ` = `. */
  value: string;
  /** The form in the timeline's currency, as written. */
  form: string;
  /** That form's amount, in units of the currency. */
  amount: number;
  bound: ParsedValue['bound'];
  forecast: boolean;
  status: Status;
  /** How well the claim is sourced (as in section 2): timelines mark anonymous-or-unattributed-only and company-only points. */
  tier: SourcingTier;
  superseded_by: string | null;
}

/** How many sources section 8 names, and how many of each one's claims the text, markdown and HTML formats name. */
export const SPOF_SOURCES = 10;
export const SPOF_CLAIMS_NAMED = 5;

/** A claim one source's loss would lower: its support and grade now and without the source. */
export interface LoweredClaim {
  id: string;
  subject: string;
  statement: string;
  status: Status;
  before: { support: Support; grade: string };
  /** Null when no evidence would remain. */
  after: { support: Support; grade: string } | null;
  lost_all_evidence: boolean;
}

/** One source and the reported claims whose derived support would drop, or whose evidence would all go, without it. */
export interface SinglePointEntry {
  source: string;
  title: string | null;
  publisher: string | null;
  kind: string | null;
  /** How many reported claims its loss would lower. */
  claims: number;
  /** How many of them would lose all their evidence. */
  lost_all_evidence: number;
  /** All of them: those that would lose all their evidence first, then the largest drop in support, then id. */
  lowered: LoweredClaim[];
}

/** The sources whose loss would lower the most reported claims. */
export interface SinglePointsSection {
  /** How many sources would lower at least one reported claim. */
  total: number;
  /** The SPOF_SOURCES that would lower the most, most first (then by id). */
  sources: SinglePointEntry[];
}

/** The report (its JSON shape is a public contract). */
export interface Report {
  /** The date time-dependent facts are measured against. */
  generated_for: string;
  /** True when the claims reported on are not the whole dataset. */
  filters_applied: boolean;
  overview: Overview;
  /** Every claim with a value, weakest tier first, then subject, category, as_of, id. */
  sourcing: SourcingEntry[];
  /** Rumored and disputed claims, by subject, category, as_of, id. */
  rumors: RumorEntry[];
  watchlist: Watchlist;
  conflicts: ConflictsSection;
  /** Origins by number of claims (desc), then id. */
  concentration: ConcentrationEntry[];
  /** By subject, then category (arr, revenue, valuation, funding-round). */
  timelines: Timeline[];
  /** Every claim without a value, in its tier, in the order of `sourcing`: section 2 lists both. */
  sourcing_without_value: UnvaluedSourcingEntry[];
  single_points_of_failure: SinglePointsSection;
  /**
   * Measures over time (`claims stats`' figures for the claims reported on): filled in by `claims report`, which reads
   * the git history; null where nothing computed them.
   */
  over_time: OverTimeStats | null;
}

/** Share of claims at or above which an origin is flagged as concentrated. */
export const CONCENTRATION_THRESHOLD = 0.25;
