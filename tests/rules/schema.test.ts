import { describe, expect, it } from 'vitest';
import { claim, claimWithEvidence, lintFiles, ofRule, source, sources } from '../helpers.js';
import { ruleTester, type InvalidCase } from '../rule-tester.js';

type Case = InvalidCase<'schema'>;
type Expected = Case['errors'][number];

const src = sources('src-a');

/** A claim without the line of one top-level `field`, to test missing fields. */
const claimWithout = (field: string): string =>
  claim('arr-1').split('\n').filter((l) => !l.startsWith(`${field}:`)).join('\n');
/** The dataset of one source and the claim `arr-1` with `extra` lines at line 7. */
const withClaimLines = (extra: string) => ({ ...src, 'acme/arr-1.yaml': claim('arr-1', 'src-a', extra) });
/** An invalid case of one claim with `extra` lines at line 7, giving one error. */
const oneClaimError = (name: string, extra: string, error: Expected): Case => ({ name, files: withClaimLines(`${extra}\n`), errors: [error] });

const ISO_DATE = 'an ISO date: 2026, 2026-02 or 2026-02-15';
const full = [
  'type: claim',
  'id: arr-1',
  'subject: Acme',
  'parties: [Initech]',
  'category: arr',
  'assertion: forecast',
  'statement: Acme expects to reach its revenue target.',
  'value: ["€15M", "$16.3M"]',
  'as_of: 2026',
  'due: 2026-02-15',
  'outcome: met',
  'resolved_by: arr-2',
  'status: independent',
  'supersedes: arr-0',
  'tags: [ai, revenue]',
  'evidence:',
  '  - source: src-a',
  '    origin: src-a',
  '    quote: "a quote"',
  '    locator: p. 3',
  '',
].join('\n');
const SNAPSHOT_PATHS_OUTSIDE = ['snapshot: ../../etc/passwd', 'snapshot: /etc/hostname', 'snapshot: "snapshots\\\\..\\\\..\\\\x.txt"', 'snapshot: "C:x.txt"', 'snapshot: ""'];
const snapshotOutside = (line: string) => ({ 'sources/src-a.yaml': source('src-a', `${line}\n`), 'acme/arr-1.yaml': claim('arr-1') });

ruleTester.run('schema', {
  valid: [
    {
      name: 'is silent on a claim and a source using every field',
      files: {
        'sources/src-a.yaml': source('src-a', 'url: https://example.com/a?b=c\npublished: 2026-01\nretrieved: 2026-01-05\narchive_url: http://archive.org/x\ncites: []\nnotes: free text\n'),
        'acme/arr-0.yaml': claim('arr-0'),
        'acme/arr-1.yaml': full,
        'acme/arr-2.yaml': claim('arr-2', 'src-a', 'value: 66\nas_of: "2026-02"\n'),
      },
    },
    { name: 'accepts an unquoted year (a YAML number) as a date', files: withClaimLines('as_of: 2026\n') },
    { name: 'accepts 29 February in a leap year', files: withClaimLines('as_of: 2028-02-29\n') },
  ],
  invalid: [
    {
      name: 'reports a missing string field, pointing at the first key of the mapping',
      files: { ...src, 'acme/arr-1.yaml': claimWithout('subject') },
      errors: [{ messageId: 'missingField', file: 'acme/arr-1.yaml', line: 1, column: 1, path: 'subject', severity: 'error', message: 'Missing required field `subject`: add it.' }],
    },
    {
      name: 'reports a missing `status` once, at the mapping, as a missing field with its choices',
      files: { ...src, 'acme/arr-1.yaml': claimWithout('status') },
      errors: [
        {
          messageId: 'missingField', file: 'acme/arr-1.yaml', line: 1, column: 1, path: 'status', severity: 'error',
          message: /^Missing required field `status`: add it \(one of: /, messageIncludes: 'rumored, company-reported, independent, disputed, retracted',
        },
      ],
    },
    {
      name: 'reports a missing field inside an evidence item at that item',
      files: { ...src, 'acme/arr-1.yaml': claimWithEvidence('arr-1', '  - quote: q\n    origin: src-a\n') },
      errors: [{ messageId: 'missingField', line: 8, column: 5, path: 'evidence[0].source' }],
    },
    {
      name: 'reports an unknown field at its key with a "Did you mean" (and the field it replaced as missing)',
      files: { ...src, 'acme/arr-1.yaml': claim('arr-1').replace('statement:', 'statment:') },
      errors: [
        { messageId: 'missingField', path: 'statement', line: 1, column: 1 },
        { messageId: 'unknownField', path: 'statment', line: 5, column: 1, severity: 'error', message: 'Unknown field `statment`. Did you mean "statement"?' },
      ],
    },
    oneClaimError('tells to remove an unknown field that resembles nothing', 'xyzzy: 1', { messageId: 'unknownField', path: 'xyzzy', line: 7, column: 1, message: 'Unknown field `xyzzy`. Remove it.' }),
    {
      name: 'reports a wrong enum value at the value, with a suggestion',
      files: { ...src, 'acme/arr-1.yaml': claim('arr-1', 'src-a', '', 'rumoured') },
      errors: [{ messageId: 'invalidValue', path: 'status', line: 6, column: 9, messageIncludes: ['Did you mean "rumored"?', 'Use one of: rumored, company-reported, independent, disputed, retracted.'] }],
    },
    {
      name: 'reports a wrong category in a source kind too',
      files: { 'sources/src-a.yaml': source('src-a').replace('kind: news', 'kind: newz'), 'acme/arr-1.yaml': claim('arr-1') },
      errors: [{ messageId: 'invalidValue', file: 'sources/src-a.yaml', path: 'kind', line: 5, column: 7, messageIncludes: 'Did you mean "news"?' }],
    },
    oneClaimError('reports a value that is not a value shorthand', 'value: "about 5"', { messageId: 'constraint', path: 'value', line: 7, column: 8, messageIncludes: '`value` is not a value shorthand' }),
    oneClaimError('reports a bad form inside a value list at that item', 'value: ["$16.3M", "15 euros"]', { messageId: 'constraint', path: 'value[1]', line: 7, column: 19, messageIncludes: '`value[1]` is not a value shorthand' }),
    ...['2026-13', '2026-02-30', '2026-00', '2026-02-29'].map((date) =>
      oneClaimError(`reports the impossible date ${date} at the value`, `as_of: ${date}`, { messageId: 'constraint', path: 'as_of', line: 7, column: 8, severity: 'error', messageIncludes: ISO_DATE })),
    ...['"March 2026"', '2026-1-5', '12'].map((bad) =>
      oneClaimError(`reports a date written as ${bad} once, at the value, without quoting a regex`, `as_of: ${bad}`, { messageId: 'constraint', path: 'as_of', line: 7, column: 8, messageIncludes: ISO_DATE, messageExcludes: 'pattern' })),
    {
      name: 'reports an id that is not a slug',
      files: { ...src, 'acme/Arr_1.yaml': claim('Arr_1') },
      errors: [{ messageId: 'invalidFormat', file: 'acme/Arr_1.yaml', path: 'id', line: 2, column: 5, messageIncludes: 'must be a slug of lowercase letters, digits and hyphens' }],
    },
    {
      name: 'reports a non-http url at the value',
      files: { 'sources/src-a.yaml': source('src-a', 'url: ftp://x\n'), 'acme/arr-1.yaml': claim('arr-1') },
      errors: [{ messageId: 'invalidFormat', file: 'sources/src-a.yaml', path: 'url', line: 6, column: 6, message: '`url` must be an http:// or https:// URL.' }],
    },
    // `due` is absent: the error points at the `assertion: forecast` that requires it.
    oneClaimError('requires `due` on a forecast', 'assertion: forecast', { messageId: 'constraint', path: 'due', line: 7, column: 1, messageIncludes: 'is required for a forecast' }),
    {
      name: 'requires `resolved_by` with `outcome`, and `outcome` with `resolved_by`',
      files: {
        ...src,
        'acme/arr-0.yaml': claim('arr-0'),
        'acme/arr-1.yaml': claim('arr-1', 'src-a', 'assertion: forecast\ndue: 2026\noutcome: met\n'),
        'acme/arr-2.yaml': claim('arr-2', 'src-a', 'assertion: forecast\ndue: 2026\nresolved_by: arr-0\n'),
      },
      errors: [
        { file: 'acme/arr-1.yaml', messageId: 'constraint', path: 'resolved_by', line: 9, column: 1, messageIncludes: 'is required with `outcome`' },
        { file: 'acme/arr-2.yaml', messageId: 'constraint', path: 'outcome', line: 9, column: 1, messageIncludes: 'met, missed or withdrawn' },
      ],
    },
    {
      name: 'reports a missing `type` once, at the first key, guessing claim outside sources/',
      files: { ...src, 'acme/arr-1.yaml': '# Acme ARR\n' + claim('arr-1').replace('type: claim\n', '') },
      errors: [{ messageId: 'missingField', path: 'type', line: 2, column: 1, messageIncludes: 'add `type: claim`' }],
    },
    {
      name: 'guesses `type: source` for a file under sources/',
      files: { 'sources/src-a.yaml': source('src-a').replace('type: source\n', ''), 'acme/arr-1.yaml': claim('arr-1') },
      errors: [{ messageId: 'missingField', path: 'type', messageIncludes: 'add `type: source`' }],
    },
    {
      name: 'reports an unknown `type` once, with a suggestion, and no cascade of field errors',
      files: { ...src, 'acme/arr-1.yaml': claim('arr-1').replace('type: claim', 'type: clam') + 'extra_field: 1\n' },
      errors: [{ messageId: 'invalidValue', path: 'type', line: 1, column: 7, messageIncludes: 'Did you mean "claim"?' }],
    },
    {
      name: 'reports an empty evidence list at the list',
      files: { ...src, 'acme/arr-1.yaml': claimWithEvidence('arr-1', '').replace('evidence:\n', 'evidence: []\n') },
      errors: [{ messageId: 'invalidFormat', path: 'evidence', line: 7, column: 11, message: '`evidence` must list at least one piece of evidence.' }],
    },
    {
      name: 'reports an unknown key inside an evidence item at that key',
      files: { ...src, 'acme/arr-1.yaml': claim('arr-1').replace('    quote:', '    qoute:') },
      errors: [{ messageId: 'unknownField', path: 'evidence[0].qoute', line: 9, column: 5, messageIncludes: 'Did you mean "quote"?' }],
    },
    oneClaimError('reports a scalar where a list is expected', 'parties: Initech', { messageId: 'wrongType', path: 'parties', line: 7, column: 10, message: '`parties` must be a list, not the text "Initech".' }),
    oneClaimError('explains a leading zero in a value as shell quoting, and a list item the same way', 'value: [">00M", "~$415M"]', {
      messageId: 'constraint', path: 'value[0]', messageIncludes: ['leading zero', "single quotes on the command line ('>$400M')"],
    }),
    ...[
      ['value: 1e400', 'infinity (`.inf`, or a number beyond the range of numbers)'],
      ['value: .inf', 'infinity (`.inf`'],
      ['value: -.inf', 'minus infinity (`-.inf`'],
      ['value: .nan', 'the value `.nan` (not a number)'],
      ['value: !!binary aGVsbG8=', 'binary data (a `!!binary` value)'],
      ['as_of: .inf', 'infinity (`.inf`'],
    ].map(([line, words]) => oneClaimError(`describes ${line} for what it is`, line!, { messageId: 'wrongType', messageIncludes: words!, messageExcludes: 'null' })),
    ...([
      ['value: "$1' + '0'.repeat(400) + '"', 'value', 'constraint'],
      ['value: []', 'value', 'invalidFormat'],
      ['as_of: "2026-1"', 'as_of', 'constraint'],
      ['as_of: "2026-02-30"', 'as_of', 'constraint'],
    ] as const).map(([line, path, messageId]) => oneClaimError(`never shows a regular expression or zod wording (${line.slice(0, 40)})`, line, {
      messageId, path, messageExcludes: /pattern|Invalid|Too small|\^|\\d/, messageMaxLength: 399,
    })),
    ...SNAPSHOT_PATHS_OUTSIDE.map((line): Case => ({
      name: `rejects a snapshot path outside the dataset as a schema error (${line})`,
      files: snapshotOutside(line),
      errors: [{ path: 'snapshot', messageId: 'invalidFormat', file: 'sources/src-a.yaml', messageIncludes: 'relative path inside the dataset folder' }],
    })),
    {
      name: 'rejects a blank subject, title and list item, not only an empty one',
      files: {
        'sources/src-a.yaml': source('src-a').replace('title: Title of src-a', 'title: "   "'),
        'acme/arr-1.yaml': claim('arr-1').replace('subject: Acme', 'subject: " "'),
      },
      errors: [
        { file: 'acme/arr-1.yaml', path: 'subject', messageId: 'invalidFormat', message: '`subject` must not be empty or blank.' },
        { file: 'sources/src-a.yaml', path: 'title', messageId: 'invalidFormat', message: '`title` must not be empty or blank.' },
      ],
    },
  ],
});

describe('schema and quote-not-found', () => {
  it.each(SNAPSHOT_PATHS_OUTSIDE)('a snapshot path outside the dataset (%s) is not read for quotes', (line) => {
    expect(ofRule(lintFiles(snapshotOutside(line)), 'quote-not-found')).toEqual([]);
  });
});
