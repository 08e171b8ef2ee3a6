import { describe, expect, it } from 'vitest';
import { claim, lintFiles, ofRule, sources } from '../helpers.js';
import { ruleTester, type InvalidCase } from '../rule-tester.js';

const src = sources('src-a');
/** The source and one file `acme/arr-1.yaml` holding `text`. */
const withFile = (text: string) => ({ ...src, 'acme/arr-1.yaml': text });

const unparseable = withFile('type: claim\nid: arr-1\nsubject: Acme: Inc\nstatus: independent\n');
const listRoot = withFile('# two claims in one file\n- type: claim\n- type: claim\n');
const empty = withFile('');
const onlyComment = withFile('# TODO: write this claim\n');
const aliasBomb = withFile([
  'type: claim',
  'a: &a [x, x, x, x, x, x, x, x, x, x]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
  '',
].join('\n'));
const oneBrokenFile = { ...src, 'acme/bad.yaml': 'type: claim\nid: bad\nsubject: Acme: Inc\n', 'acme/arr-1.yaml': claim('arr-1', 'src-nope') };

ruleTester.run('yaml-syntax', {
  valid: [
    { name: 'is silent on well-formed claim and source files', files: withFile(claim('arr-1')) },
    { name: 'is silent on a small, legitimate anchor and alias', files: withFile(claim('arr-1', 'src-a', 'parties: &p [Initech]\ntags: *p\n')) },
  ],
  invalid: [
    {
      name: 'reports unparseable YAML at the offending token',
      files: unparseable,
      errors: [{ messageId: 'blockAsImplicitKey', file: 'acme/arr-1.yaml', line: 3, column: 10, path: '', severity: 'error' }],
    },
    { name: 'reports a scalar with trailing junk at the junk', files: withFile('type: claim\nstatement: "oops" trailing\n'), errors: [{ messageId: 'unexpectedToken', line: 2, column: 19 }] },
    {
      name: 'reports a duplicate key at the second occurrence',
      files: withFile(claim('arr-1', 'src-a', 'id: arr-2\n')),
      errors: [{ messageId: 'duplicateKey', file: 'acme/arr-1.yaml', line: 7, column: 1, severity: 'error', messageIncludes: 'remove one of the duplicate keys' }],
    },
    {
      name: 'reports a second document at its `---` separator',
      files: withFile(`${claim('arr-1')}---\n${claim('arr-2')}`),
      errors: [{ messageId: 'multipleDocuments', line: 10, column: 1, messageIncludes: 'remove the `---` separator' }],
    },
    { name: 'reports a list as the root, at the list (not at a leading comment)', files: listRoot, errors: [{ messageId: 'notAMapping', line: 2, column: 1, severity: 'error' }] },
    { name: 'reports a single scalar as the root', files: withFile('just some text\n'), errors: [{ messageId: 'notAMapping', line: 1, column: 1 }] },
    ...([['an empty file', empty], ['a file with only a comment', onlyComment]] as const).map(([what, files]): InvalidCase<'yaml-syntax'> => ({
      name: `reports ${what} as emptyFile`,
      files,
      errors: [{ messageId: 'emptyFile', file: 'acme/arr-1.yaml', line: 1, column: 1, severity: 'error' }],
    })),
    {
      name: 'reports tab indentation at the tab',
      files: withFile('type: claim\nid: arr-1\ntags:\n\t- ai\n'),
      errors: [{ messageId: 'tabAsIndent', line: 4, column: 1, messageIncludes: 'indent with spaces, not tabs' }],
    },
    {
      name: 'stops a billion-laughs alias bomb instead of expanding it',
      files: aliasBomb,
      errors: [{ messageId: 'aliasBomb', file: 'acme/arr-1.yaml', line: 1, column: 1, severity: 'error', messageIncludes: 'safe bound of 100' }],
    },
    {
      name: 'reports an unknown tag such as !!js/function at the tagged value, without executing it',
      files: withFile(claim('arr-1', 'src-a', 'tags: !!js/function "function () { return 1 }"\n')),
      errors: [{ messageId: 'unknownTag', line: 7, column: 7, messageIncludes: 'custom YAML tags are not allowed' }],
    },
    { name: 'reports a local custom tag too', files: withFile('type: claim\nid: arr-1\nstatement: !shell rm -rf\n'), errors: [{ messageId: 'unknownTag', line: 3, column: 12 }] },
    { name: 'reports the broken file of a dataset', files: oneBrokenFile, errors: [{ file: 'acme/bad.yaml', messageId: 'blockAsImplicitKey', line: 3, column: 10 }] },
  ],
});

ruleTester.run('unknown-reference', {
  valid: [],
  invalid: [
    { name: 'still checks the other files of the dataset when one is broken', files: oneBrokenFile, errors: [{ file: 'acme/arr-1.yaml', messageId: 'unknown', line: 8, column: 13 }] },
  ],
});

describe('yaml-syntax and schema', () => {
  it.each([
    ['unparseable YAML', unparseable],
    ['a list as the root', listRoot],
    ['an empty file', empty],
    ['a file with only a comment', onlyComment],
    ['an alias bomb', aliasBomb],
  ])('runs no schema check on %s', (_, files) => {
    expect(ofRule(lintFiles(files), 'schema')).toEqual([]);
  });
});
