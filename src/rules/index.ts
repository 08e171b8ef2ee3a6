/** The static registry of rules, in the order their ids appear in the docs. */
import { yamlSyntax } from './yaml-syntax.js';
import { schema } from './schema.js';
import { idMismatch } from './id-mismatch.js';
import { duplicateId } from './duplicate-id.js';
import { unknownReference } from './unknown-reference.js';
import { citationCycle } from './citation-cycle.js';
import { supersedesCycle } from './supersedes-cycle.js';
import { lookalikeName } from './lookalike-name.js';
import { statusUnsupported } from './status-unsupported.js';
import { statusUnderstated } from './status-understated.js';
import { dateOrder } from './date-order.js';
import { forecastOverdue } from './forecast-overdue.js';
import { valueConflict } from './value-conflict.js';
import { duplicateClaim } from './duplicate-claim.js';
import { possibleRelay } from './possible-relay.js';
import { quoteMissing } from './quote-missing.js';
import { orphanSource } from './orphan-source.js';
import { anonymousUndescribed } from './anonymous-undescribed.js';
import { quoteNotFound } from './quote-not-found.js';
import { quoteValueMismatch } from './quote-value-mismatch.js';
import { snapshotChanged } from './snapshot-changed.js';

import type { Rule } from './types.js';

export type { Rule, RuleContext } from './types.js';
export { defineRule } from './types.js';

export const rules = [
  yamlSyntax, schema, idMismatch, duplicateId, unknownReference, citationCycle, supersedesCycle, statusUnsupported,
  statusUnderstated, dateOrder, forecastOverdue, valueConflict, duplicateClaim, possibleRelay, quoteMissing, orphanSource, anonymousUndescribed, quoteNotFound,
  quoteValueMismatch, snapshotChanged, lookalikeName,
] as const;

/** Every rule's id, as a type: a misspelt id is a compile error where this type is asked for (the rule tester). */
export type RuleId = (typeof rules)[number]['id'];
/** The message ids of one rule. */
export type MessageIdOf<Id extends RuleId> = Extract<(typeof rules)[number], { id: Id }> extends { meta: { messages: infer M } } ? keyof M & string : never;

/** Rules by id. */
export const ruleById: ReadonlyMap<string, Rule> = new Map<string, Rule>(rules.map((r) => [r.id, r]));
