/** The static registry of rules, in the order their ids appear in the docs. */
import type { Rule } from './types.js';
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
import { quoteMissing } from './quote-missing.js';
import { orphanSource } from './orphan-source.js';
import { anonymousUndescribed } from './anonymous-undescribed.js';
import { quoteNotFound } from './quote-not-found.js';

export type { Rule, RuleContext } from './types.js';

export const rules: readonly Rule[] = [
  yamlSyntax, schema, idMismatch, duplicateId, unknownReference, citationCycle, supersedesCycle, statusUnsupported,
  statusUnderstated, dateOrder, forecastOverdue, valueConflict, quoteMissing, orphanSource, anonymousUndescribed, quoteNotFound,
  lookalikeName,
];

/** Rules by id. */
export const ruleById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.id, r]));
