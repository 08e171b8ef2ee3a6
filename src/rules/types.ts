/** The shape every rule has: metadata and a check that reports paths, never positions or output. */
import type { Dataset } from '../load/dataset.js';
import type { Entities, Index, Provenance } from '../provenance/index.js';
import type { Claim } from '../model/schema.js';
import type { RuleReport, Severity } from '../diagnostic.js';

/** What a rule sees. */
export interface RuleContext {
  dataset: Dataset;
  index: Index;
  entities: Entities;
  /** `YYYY-MM-DD`: the date time-dependent rules measure against. */
  today: string;
  /** Provenance of a claim, computed once per run. */
  provenance(claim: Claim): Provenance;
  report(report: RuleReport): void;
}

/** A lint rule: a stable id, metadata, and a check. */
export interface Rule {
  id: string;
  meta: {
    description: string;
    defaultSeverity: Severity;
    /** messageId -> text with `{{placeholders}}`. */
    messages: Record<string, string>;
  };
  check(ctx: RuleContext): void;
}
