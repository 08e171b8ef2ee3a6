import { describe, expect, it } from 'vitest';
import { checkInvalid, checkValid } from './rule-tester.js';
import { claim, source, writeDataset } from './helpers.js';
import { loadDataset } from '../src/load/dataset.js';
import { lint } from '../src/lint.js';
import { defineRule } from '../src/rules/index.js';

const ok = { 'sources/src-a.yaml': source('src-a'), 'acme/arr-1.yaml': claim('arr-1') };

describe('the rule tester', () => {
  it('passes a valid case that no rule under test or file rule reports', () => {
    expect(checkValid('date-order', { files: ok })).toEqual([]);
  });

  it('fails a valid case whose files have schema or YAML errors, though the rule under test is silent', () => {
    const badSchema = { ...ok, 'acme/arr-1.yaml': claim('arr-1').replace('status: independent', 'status: maybe') };
    expect(() => checkValid('date-order', { files: badSchema })).toThrow(/schema\/invalidValue/);
    const badYaml = { ...ok, 'acme/arr-1.yaml': `${claim('arr-1')}id: again\n` };
    expect(() => checkValid('date-order', { files: badYaml })).toThrow(/yaml-syntax\/duplicateKey/);
  });

  it('fails an invalid case that expects a messageId the rule does not declare', () => {
    const files = { ...ok, 'sources/src-a.yaml': source('src-a', 'published: 2026-03-10\nretrieved: 2026-03-09\n') };
    expect(checkInvalid('date-order', { files, errors: [{ messageId: 'retrievedBeforePublished', line: 7, column: 12 }] })).toMatchObject([
      { rule: 'date-order', messageId: 'retrievedBeforePublished', file: 'sources/src-a.yaml', line: 7, column: 12 },
    ]);
    // @ts-expect-error -- not a message id of date-order
    expect(() => checkInvalid('date-order', { files, errors: [{ messageId: 'retrievedBeforePublishd' }] })).toThrow(/not in the meta.messages of date-order/);
  });

  it('fails an invalid case when the rule reports more or other findings than listed', () => {
    const files = { ...ok, 'sources/src-a.yaml': source('src-a', 'published: 2026-03-10\nretrieved: 2026-03-09\n') };
    expect(() => checkInvalid('date-order', { files, errors: [] })).toThrow(/the messageIds date-order reports/);
    expect(() => checkInvalid('date-order', { files, errors: [{ messageId: 'retrievedBeforePublished', line: 6 }] })).toThrow(/error 1 of date-order/);
  });

  it('checks what a message must not contain, and how long it may be', () => {
    const files = { ...ok, 'sources/src-a.yaml': source('src-a', 'published: 2026-03-10\nretrieved: 2026-03-09\n') };
    const expected = { messageId: 'retrievedBeforePublished', messageExcludes: ['Did you mean', /pattern/], messageMaxLength: 200 } as const;
    expect(checkInvalid('date-order', { files, errors: [expected] })).toHaveLength(1);
    expect(() => checkInvalid('date-order', { files, errors: [{ ...expected, messageExcludes: '(2026-03-09)' }] })).toThrow(/not.*contain/);
    expect(() => checkInvalid('date-order', { files, errors: [{ ...expected, messageExcludes: /\d{4}-03-10/ }] })).toThrow(/not.*match/);
    expect(() => checkInvalid('date-order', { files, errors: [{ ...expected, messageMaxLength: 20 }] })).toThrow(/length of error 1's message/);
  });

  it('refuses a rule id that is not registered (and the compiler refuses it first)', () => {
    // @ts-expect-error -- misspelt rule id
    expect(() => checkValid('date-ordr', { files: ok })).toThrow(/no rule "date-ordr"/);
  });
});

describe('message ids are a checked contract', () => {
  const reportsUnknown = defineRule({
    id: 'test-unknown-message',
    meta: { description: 'reports an id it does not declare', defaultSeverity: 'error', messages: { known: 'Known.' } },
    check(ctx) {
      const f = ctx.dataset.files[0]!;
      ctx.report({ file: f.file, path: [], messageId: 'known' });
      // @ts-expect-error -- the compiler checks report's messageId against meta.messages
      ctx.report({ file: f.file, path: [], messageId: 'unknown' });
    },
  });

  it('lint throws on a messageId that the rule does not declare, instead of a fallback text', () => {
    const root = writeDataset(ok);
    expect(() => lint(loadDataset(root, root), { today: '2026-11-24', rules: [reportsUnknown] })).toThrow(
      'rule "test-unknown-message" reported messageId "unknown", which its meta.messages does not declare',
    );
  });

  it('throws even when the finding is in a file that is not reported on', () => {
    const root = writeDataset(ok);
    expect(() => lint(loadDataset(root, root), { today: '2026-11-24', rules: [reportsUnknown], only: new Set(['none.yaml']) })).toThrow(/messageId "unknown"/);
  });
});
