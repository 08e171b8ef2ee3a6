/** The shape every rule has: metadata and a check that reports paths, never positions or output. */
import type { Dataset } from '../load/dataset.js';
import type { SnapshotRead } from '../load/snapshot.js';
import type { Entities, Index, Provenance } from '../provenance/index.js';
import type { Claim } from '../model/schema.js';
import type { RuleReport, Severity } from '../diagnostic.js';

/** What a rule sees; `report` takes only the message ids of that rule's `meta.messages`. */
export interface RuleContext<MessageId extends string = string> {
  dataset: Dataset;
  index: Index;
  entities: Entities;
  /** `YYYY-MM-DD`: the date time-dependent rules measure against. */
  today: string;
  /** Provenance of a claim, computed once per run. */
  provenance(claim: Claim): Provenance;
  /** The normalised text of a snapshot (a path relative to the dataset folder, as `snapshot:` gives it), or why it was not read; read once per run. */
  snapshot(path: string): SnapshotRead;
  report(report: RuleReport<MessageId>): void;
}

/** What a rule is and says: its messages are templates with `{{placeholders}}`, by message id. */
export interface RuleMeta<MessageId extends string = string> {
  description: string;
  defaultSeverity: Severity;
  /** messageId -> text with `{{placeholders}}`. */
  messages: Readonly<Record<MessageId, string>>;
  /** The longest text one placeholder may put in a message, when not the usual bound (`MAX_PLACEHOLDER_LENGTH`). */
  placeholderLength?: number;
}

/** A lint rule: a stable id, metadata, and a check. */
export interface Rule<Id extends string = string, MessageId extends string = string> {
  id: Id;
  meta: RuleMeta<MessageId>;
  check(ctx: RuleContext<MessageId>): void;
}

/**
 * Defines a rule so that the compiler checks every `ctx.report({ messageId })` against the rule's own `meta.messages`
 * (the lint step also throws on an unknown id, for rules written without this).
 */
export function defineRule<const Id extends string, const Messages extends Record<string, string>>(rule: {
  id: Id;
  meta: Omit<RuleMeta, 'messages'> & { messages: Messages };
  check(ctx: RuleContext<keyof Messages & string>): void;
}): Rule<Id, keyof Messages & string> {
  return rule;
}
