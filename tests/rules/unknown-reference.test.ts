import { describe, expect, it } from 'vitest';
import { claim, claimWithEvidence, lintFiles, ofRule, source, sources } from '../helpers.js';
import { ruleTester } from '../rule-tester.js';

const abc = sources('src-a', 'src-b', 'src-c');
/** The three sources and the claim `arr-1` with the given evidence block (line 8 on) and extra lines before it (line 7 on). */
const withEvidence = (evidence: string, extra = '') => ({ ...abc, 'acme/arr-1.yaml': claimWithEvidence('arr-1', evidence, extra) });
/** A source that fails the schema (no publisher, no kind), cited by a claim. */
const schemaFailing = { 'sources/src-a.yaml': 'type: source\nid: src-a\ntitle: T\n', 'acme/arr-1.yaml': claim('arr-1') };

ruleTester.run('unknown-reference', {
  valid: [
    {
      name: 'is silent when every reference resolves',
      files: {
        ...withEvidence('  - source: src-d\n    via: [src-b]\n    origin: src-c\n    quote: q\n', 'assertion: forecast\ndue: 2026\noutcome: met\nresolved_by: arr-9\nsupersedes: arr-0\n'),
        'sources/src-d.yaml': source('src-d', 'cites: [src-c]\n'),
        'acme/arr-0.yaml': claim('arr-0'),
        'acme/arr-9.yaml': claim('arr-9'),
      },
    },
  ],
  invalid: [
    {
      name: 'reports an unknown evidence source at its value, with a "Did you mean"',
      files: { ...abc, 'acme/arr-1.yaml': claim('arr-1', 'src-aa') },
      errors: [
        {
          messageId: 'unknown', file: 'acme/arr-1.yaml', line: 8, column: 13, path: 'evidence[0].source', severity: 'error',
          message: '`evidence[0].source` names "src-aa", which is no source in the dataset. Did you mean "src-a"?',
        },
      ],
    },
    {
      name: 'offers no suggestion when no id is near',
      files: { ...abc, 'acme/arr-1.yaml': claim('arr-1', 'totally-unrelated') },
      errors: [{ messageId: 'unknown', line: 8, column: 13, messageExcludes: 'Did you mean', messageIncludes: 'Add a source file with `id: totally-unrelated` or fix the id.' }],
    },
    {
      name: 'reports an unknown origin at its value',
      files: withEvidence('  - source: src-a\n    origin: nowhere-post\n    quote: q\n'),
      errors: [{ messageId: 'unknown', path: 'evidence[0].origin', line: 9, column: 13 }],
    },
    {
      name: 'reports an unknown relay at via[j] (flow list)',
      files: withEvidence('  - source: src-a\n    via: [src-b, src-q]\n    origin: src-c\n    quote: q\n'),
      errors: [{ messageId: 'unknown', path: 'evidence[0].via[1]', line: 9, column: 18 }],
    },
    {
      name: 'reports an unknown relay at via[j] (block list)',
      files: withEvidence('  - source: src-a\n    quote: q\n  - source: src-b\n    origin: src-c\n    via:\n      - src-q\n      - src-a\n    quote: q\n'),
      errors: [{ messageId: 'unknown', path: 'evidence[1].via[0]', line: 13, column: 9 }],
    },
    {
      name: 'reports an unknown `supersedes` and `resolved_by` as missing claims',
      files: { ...abc, 'acme/arr-1.yaml': claim('arr-1', 'src-a', 'supersedes: arr-0\nassertion: forecast\ndue: 2026\noutcome: missed\nresolved_by: arr-2\n') },
      errors: [
        { messageId: 'unknown', path: 'supersedes', line: 7, column: 13, messageIncludes: '"arr-0", which is no claim in the dataset' },
        { messageId: 'unknown', path: 'resolved_by', line: 11, column: 14, messageIncludes: 'which is no claim in the dataset. Did you mean "arr-1"?' },
      ],
    },
    {
      name: 'reports an unknown id in a source\'s `cites` at that entry',
      files: { ...abc, 'sources/src-d.yaml': source('src-d', 'cites:\n  - src-a\n  - src-e\n'), 'acme/arr-1.yaml': claim('arr-1', 'src-d') },
      errors: [{ messageId: 'unknown', file: 'sources/src-d.yaml', path: 'cites[1]', line: 8, column: 5, messageIncludes: 'Did you mean "src-a"?' }],
    },
    {
      name: 'reports every bad reference of one claim, each at its own position',
      files: withEvidence('  - source: src-x\n    via: [src-b, src-q]\n    origin: src-z\n    quote: q\n', 'supersedes: arr-9\n'),
      errors: [
        { messageId: 'unknown', path: 'supersedes', line: 7, column: 13 },
        { messageId: 'unknown', path: 'evidence[0].source', line: 9, column: 13 },
        { messageId: 'unknown', path: 'evidence[0].via[1]', line: 10, column: 18 },
        { messageId: 'unknown', path: 'evidence[0].origin', line: 11, column: 13 },
      ],
    },
    {
      name: 'reports a claim named where a source is needed (wrongKind)',
      files: { ...abc, 'acme/arr-0.yaml': claim('arr-0'), 'acme/arr-1.yaml': claim('arr-1', 'arr-0') },
      errors: [{ messageId: 'wrongKind', path: 'evidence[0].source', line: 8, column: 13, message: '`evidence[0].source` names "arr-0", which is a claim, not a source.' }],
    },
    {
      name: 'reports a source named where a claim is needed (wrongKind)',
      files: { ...abc, 'acme/arr-1.yaml': claim('arr-1', 'src-a', 'supersedes: src-b\n') },
      errors: [{ messageId: 'wrongKind', path: 'supersedes', line: 7, column: 13, message: '`supersedes` names "src-b", which is a source, not a claim.' }],
    },
    {
      name: 'reports `resolved_by` naming the claim itself (selfReference)',
      files: { ...abc, 'acme/arr-1.yaml': claim('arr-1', 'src-a', 'assertion: forecast\ndue: 2026\noutcome: met\nresolved_by: arr-1\n') },
      errors: [
        {
          messageId: 'selfReference', path: 'resolved_by', line: 10, column: 14,
          message: '`resolved_by` names this claim itself ("arr-1"): name the other claim that shows how the forecast turned out.',
        },
      ],
    },
  ],
});

describe('unknown-reference and schema', () => {
  it('does not cascade onto a reference to a file that fails the schema', () => {
    expect(ofRule(lintFiles(schemaFailing), 'unknown-reference')).toEqual([]);
  });
});

ruleTester.run('schema', {
  valid: [],
  invalid: [
    {
      name: 'reports the source that unknown-reference does not cascade onto',
      files: schemaFailing,
      errors: [
        { messageId: 'missingField', file: 'sources/src-a.yaml', path: 'publisher', line: 1, column: 1 },
        { messageId: 'missingField', file: 'sources/src-a.yaml', path: 'kind', line: 1, column: 1 },
      ],
    },
  ],
});
