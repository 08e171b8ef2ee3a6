/**
 * A rule tester in the spirit of ESLint's: `ruleTester.run(ruleId, { valid, invalid })`. Only the rule under test runs;
 * a valid case must also be free of `yaml-syntax` and `schema` findings (so a broken fixture cannot pass as "silent");
 * every expected messageId must be one the rule declares (checked by the compiler and again at run time).
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../src/load/dataset.js';
import { lint, type LintOptions } from '../src/lint.js';
import type { Diagnostic } from '../src/diagnostic.js';
import { ruleById, type MessageIdOf, type RuleId } from '../src/rules/index.js';
import { writeDataset } from './helpers.js';

/** Files of a dataset: path relative to the dataset folder -> text. */
export type Files = Record<string, string>;
/** Lint options a case may set; `rules` is the tester's. */
export type CaseOptions = Partial<Omit<LintOptions, 'rules'>>;

export interface ValidCase {
  name?: string;
  files: Files;
  options?: CaseOptions;
}

/** One expected diagnostic; fields left out are not checked, except `messageId`. */
export interface ExpectedError<Id extends RuleId> {
  messageId: MessageIdOf<Id>;
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  path?: string;
  severity?: Diagnostic['severity'];
  /** The whole message, or a pattern it must match. */
  message?: string | RegExp;
  /** Text the message must contain. */
  messageIncludes?: string | readonly string[];
  /** Text, or patterns, the message must not contain. */
  messageExcludes?: string | RegExp | readonly (string | RegExp)[];
  /** The longest the message may be, in characters. */
  messageMaxLength?: number;
}

export interface InvalidCase<Id extends RuleId> extends ValidCase {
  /** Every diagnostic the rule gives, in output order (file, line, column). */
  errors: ExpectedError<Id>[];
}

const TODAY = '2026-11-24';
const FILE_RULES = ['yaml-syntax', 'schema'] as const;

function runRules(ids: readonly string[], c: ValidCase): Diagnostic[] {
  const rules = ids.map((id) => {
    const rule = ruleById.get(id);
    if (!rule) throw new Error(`no rule "${id}" is registered`);
    return rule;
  });
  const root = writeDataset(c.files);
  return lint(loadDataset(root, root), { today: TODAY, ...c.options, rules }).diagnostics;
}

/** Checks one valid case: the rule under test, `yaml-syntax` and `schema` report nothing (returned, so always `[]`). */
export function checkValid<Id extends RuleId>(ruleId: Id, c: ValidCase): Diagnostic[] {
  const ids = FILE_RULES.includes(ruleId as (typeof FILE_RULES)[number]) ? FILE_RULES : [...FILE_RULES, ruleId];
  const diagnostics = runRules(ids, c);
  const found = diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}/${d.messageId}: ${d.message}`);
  if (found.length > 0) throw new Error(`a valid case of ${ruleId} must give no ${ids.join(', ')} findings, got:\n${found.join('\n')}`);
  return diagnostics;
}

/** Checks one invalid case: the rule under test alone gives exactly `errors`, in order. */
export function checkInvalid<Id extends RuleId>(ruleId: Id, c: InvalidCase<Id>): Diagnostic[] {
  const rule = ruleById.get(ruleId)!;
  for (const e of c.errors) {
    expect(Object.hasOwn(rule.meta.messages, e.messageId), `messageId "${e.messageId}" is not in the meta.messages of ${ruleId}`).toBe(true);
  }
  const found = runRules([ruleId], c);
  expect(found.map((d) => d.messageId), `the messageIds ${ruleId} reports`).toEqual(c.errors.map((e) => e.messageId));
  c.errors.forEach((e, i) => {
    const d = found[i]!;
    const { message, messageIncludes, messageExcludes, messageMaxLength, ...fields } = e;
    expect(d, `error ${i + 1} of ${ruleId}`).toMatchObject(fields);
    if (typeof message === 'string') expect(d.message).toBe(message);
    else if (message) expect(d.message).toMatch(message);
    for (const part of [messageIncludes ?? []].flat()) expect(d.message).toContain(part);
    for (const part of [messageExcludes ?? []].flat()) {
      if (typeof part === 'string') expect(d.message).not.toContain(part);
      else expect(d.message).not.toMatch(part);
    }
    if (messageMaxLength !== undefined) expect(d.message.length, `length of error ${i + 1}'s message`).toBeLessThanOrEqual(messageMaxLength);
  });
  return found;
}

const title = (c: ValidCase, i: number): string => c.name ?? `case ${i + 1}`;

/** The tester: one vitest `describe` per rule, one `it` per case. */
export const ruleTester = {
  run<Id extends RuleId>(ruleId: Id, tests: { valid: ValidCase[]; invalid: InvalidCase<Id>[] }): void {
    describe(ruleId, () => {
      if (tests.valid.length > 0) {
        describe('valid', () => tests.valid.forEach((c, i) => it(title(c, i), () => void checkValid(ruleId, c))));
      }
      if (tests.invalid.length > 0) {
        describe('invalid', () => tests.invalid.forEach((c, i) => it(title(c, i), () => void checkInvalid(ruleId, c))));
      }
    });
  },
};
