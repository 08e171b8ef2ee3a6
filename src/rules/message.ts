/** A rule's message filled in: the one place a message id becomes text. */
import { formatMessage } from '../diagnostic.js';
import type { FileProblem } from '../load/problems.js';
import type { Rule } from './types.js';
import { schema } from './schema.js';
import { yamlSyntax } from './yaml-syntax.js';

/** Throws on a message id that `rule` does not declare: a bug in the rule, as in ESLint (never a fallback text). */
export function assertMessageId(rule: Rule, messageId: string): void {
  if (!Object.hasOwn(rule.meta.messages, messageId)) {
    throw new Error(`rule "${rule.id}" reported messageId "${messageId}", which its meta.messages does not declare`);
  }
}

/** The text of `messageId` of `rule` with `data` filled in. */
export function ruleMessage(rule: Rule, messageId: string, data?: Record<string, string | number>): string {
  assertMessageId(rule, messageId);
  return formatMessage(rule.meta.messages[messageId]!, data, rule.meta.placeholderLength);
}

/** The message a loader problem is shown with, for callers that read a file outside lint (the configuration). */
export function problemMessage(p: FileProblem): string {
  return ruleMessage(p.kind === 'syntax' ? yamlSyntax : schema, p.messageId, p.data);
}
