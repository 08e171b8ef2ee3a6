import { describe, expect, it } from 'vitest';
import { claim, lintFiles, ofRule, source } from '../helpers.js';

const src = { 'sources/src-a.yaml': source('src-a') };

/** A claim without the line of one top-level `field`, to test missing fields. */
const claimWithout = (field: string): string =>
  claim('arr-1').split('\n').filter((l) => !l.startsWith(`${field}:`)).join('\n');

describe('schema', () => {
  it('is silent on a claim and a source using every field', () => {
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
    const d = lintFiles({
      'sources/src-a.yaml': source('src-a', 'url: https://example.com/a?b=c\npublished: 2026-01\nretrieved: 2026-01-05\narchive_url: http://archive.org/x\ncites: []\nnotes: free text\n'),
      'acme/arr-0.yaml': claim('arr-0'),
      'acme/arr-1.yaml': full,
      'acme/arr-2.yaml': claim('arr-2', 'src-a', 'value: 66\nas_of: "2026-02"\n'),
    });
    expect(ofRule(d, 'schema')).toEqual([]);
  });

  it('accepts an unquoted year (a YAML number) as a date', () => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': claim('arr-1', 'src-a', 'as_of: 2026\n') });
    expect(ofRule(d, 'schema')).toEqual([]);
  });

  it('reports a missing string field, pointing at the first key of the mapping', () => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': claimWithout('subject') });
    expect(ofRule(d, 'schema')).toMatchObject([
      { messageId: 'missingField', file: 'acme/arr-1.yaml', line: 1, column: 1, path: 'subject', severity: 'error', message: 'Missing required field `subject`: add it.' },
    ]);
  });

  it('reports a missing `status` once, at the mapping, as a missing field with its choices', () => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': claimWithout('status') });
    const found = ofRule(d, 'schema');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'missingField', file: 'acme/arr-1.yaml', line: 1, column: 1, path: 'status', severity: 'error' });
    expect(found[0]!.message).toMatch(/^Missing required field `status`: add it \(one of: /);
    expect(found[0]!.message).toContain('rumored, company-reported, independent, disputed, retracted');
  });

  it('reports a missing field inside an evidence item at that item', () => {
    const text = 'type: claim\nid: arr-1\nsubject: Acme\ncategory: arr\nstatement: S.\nstatus: independent\nevidence:\n  - quote: q\n    origin: src-a\n';
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': text });
    expect(ofRule(d, 'schema')).toMatchObject([{ messageId: 'missingField', line: 8, column: 5, path: 'evidence[0].source' }]);
  });

  it('reports an unknown field at its key with a "Did you mean" (and the field it replaced as missing)', () => {
    const text = claim('arr-1').replace('statement:', 'statment:');
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': text });
    const found = ofRule(d, 'schema');
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ messageId: 'missingField', path: 'statement', line: 1, column: 1 });
    expect(found[1]).toMatchObject({ messageId: 'unknownField', path: 'statment', line: 5, column: 1, severity: 'error' });
    expect(found[1]!.message).toBe('Unknown field `statment`. Did you mean "statement"?');
  });

  it('tells to remove an unknown field that resembles nothing', () => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': claim('arr-1', 'src-a', 'xyzzy: 1\n') });
    const [m] = ofRule(d, 'schema');
    expect(m).toMatchObject({ messageId: 'unknownField', path: 'xyzzy', line: 7, column: 1 });
    expect(m!.message).toBe('Unknown field `xyzzy`. Remove it.');
  });

  it('reports a wrong enum value at the value, with a suggestion', () => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': claim('arr-1', 'src-a', '', 'rumoured') });
    const found = ofRule(d, 'schema');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'invalidValue', path: 'status', line: 6, column: 9 });
    expect(found[0]!.message).toContain('Did you mean "rumored"?');
    expect(found[0]!.message).toContain('Use one of: rumored, company-reported, independent, disputed, retracted.');
  });

  it('reports a wrong category in a source kind too', () => {
    const d = lintFiles({ 'sources/src-a.yaml': source('src-a').replace('kind: news', 'kind: newz'), 'acme/arr-1.yaml': claim('arr-1') });
    const [m] = ofRule(d, 'schema');
    expect(m).toMatchObject({ messageId: 'invalidValue', file: 'sources/src-a.yaml', path: 'kind', line: 5, column: 7 });
    expect(m!.message).toContain('Did you mean "news"?');
  });

  it('reports a value that is not a value shorthand', () => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': claim('arr-1', 'src-a', 'value: "about 5"\n') });
    const found = ofRule(d, 'schema');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: 'value', line: 7, column: 8 });
    expect(found[0]!.message).toContain('`value` is not a value shorthand');
  });

  it('reports a bad form inside a value list at that item', () => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': claim('arr-1', 'src-a', 'value: ["$16.3M", "15 euros"]\n') });
    const found = ofRule(d, 'schema');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: 'value[1]', line: 7, column: 19 });
    expect(found[0]!.message).toContain('`value[1]` is not a value shorthand');
  });

  it.each(['2026-13', '2026-02-30', '2026-00'])('reports the impossible date %s at the value', (date) => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': claim('arr-1', 'src-a', `as_of: ${date}\n`) });
    const found = ofRule(d, 'schema');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: 'as_of', line: 7, column: 8, severity: 'error' });
    expect(found[0]!.message).toContain('an ISO date: 2026, 2026-02 or 2026-02-15');
  });

  it.each(['"March 2026"', '2026-1-5', '12'])('reports a date written as %s once, at the value, without quoting a regex', (bad) => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': claim('arr-1', 'src-a', `as_of: ${bad}\n`) });
    const found = ofRule(d, 'schema');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: 'as_of', line: 7, column: 8 });
    expect(found[0]!.message).toContain('an ISO date: 2026, 2026-02 or 2026-02-15');
    expect(found[0]!.message).not.toContain('pattern');
  });

  it('accepts 29 February in a leap year only', () => {
    const leap = lintFiles({ ...src, 'acme/arr-1.yaml': claim('arr-1', 'src-a', 'as_of: 2028-02-29\n') });
    expect(ofRule(leap, 'schema')).toEqual([]);
    const common = lintFiles({ ...src, 'acme/arr-1.yaml': claim('arr-1', 'src-a', 'as_of: 2026-02-29\n') });
    expect(ofRule(common, 'schema')).toMatchObject([{ path: 'as_of', line: 7, column: 8 }]);
  });

  it('reports an id that is not a slug', () => {
    const d = lintFiles({ ...src, 'acme/Arr_1.yaml': claim('Arr_1') });
    const [m] = ofRule(d, 'schema');
    expect(m).toMatchObject({ messageId: 'invalidFormat', file: 'acme/Arr_1.yaml', path: 'id', line: 2, column: 5 });
    expect(m!.message).toContain('must be a slug of lowercase letters, digits and hyphens');
  });

  it('reports a non-http url at the value', () => {
    const d = lintFiles({ 'sources/src-a.yaml': source('src-a', 'url: ftp://x\n'), 'acme/arr-1.yaml': claim('arr-1') });
    expect(ofRule(d, 'schema')).toMatchObject([
      { messageId: 'invalidFormat', file: 'sources/src-a.yaml', path: 'url', line: 6, column: 6, message: '`url` must be an http:// or https:// URL.' },
    ]);
  });

  it('requires `due` on a forecast', () => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': claim('arr-1', 'src-a', 'assertion: forecast\n') });
    const found = ofRule(d, 'schema');
    expect(found).toHaveLength(1);
    // `due` is absent: point at the `assertion: forecast` that requires it.
    expect(found[0]).toMatchObject({ messageId: 'constraint', path: 'due', line: 7, column: 1 });
    expect(found[0]!.message).toContain('is required for a forecast');
  });

  it('requires `resolved_by` with `outcome`, and `outcome` with `resolved_by`', () => {
    const d = lintFiles({
      ...src,
      'acme/arr-0.yaml': claim('arr-0'),
      'acme/arr-1.yaml': claim('arr-1', 'src-a', 'assertion: forecast\ndue: 2026\noutcome: met\n'),
      'acme/arr-2.yaml': claim('arr-2', 'src-a', 'assertion: forecast\ndue: 2026\nresolved_by: arr-0\n'),
    });
    const found = ofRule(d, 'schema');
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ file: 'acme/arr-1.yaml', messageId: 'constraint', path: 'resolved_by', line: 9, column: 1 });
    expect(found[0]!.message).toContain('is required with `outcome`');
    expect(found[1]).toMatchObject({ file: 'acme/arr-2.yaml', messageId: 'constraint', path: 'outcome', line: 9, column: 1 });
    expect(found[1]!.message).toContain('met, missed or withdrawn');
  });

  it('reports a missing `type` once, at the first key, guessing claim outside sources/', () => {
    const text = '# Acme ARR\n' + claim('arr-1').replace('type: claim\n', '');
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': text });
    const found = ofRule(d, 'schema');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'missingField', path: 'type', line: 2, column: 1 });
    expect(found[0]!.message).toContain('add `type: claim`');
  });

  it('guesses `type: source` for a file under sources/', () => {
    const d = lintFiles({ 'sources/src-a.yaml': source('src-a').replace('type: source\n', ''), 'acme/arr-1.yaml': claim('arr-1') });
    const found = ofRule(d, 'schema');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('add `type: source`');
  });

  it('reports an unknown `type` once, with a suggestion, and no cascade of field errors', () => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': claim('arr-1').replace('type: claim', 'type: clam') + 'extra_field: 1\n' });
    const found = ofRule(d, 'schema');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'invalidValue', path: 'type', line: 1, column: 7 });
    expect(found[0]!.message).toContain('Did you mean "claim"?');
  });

  it('reports an empty evidence list at the list', () => {
    const text = claim('arr-1').replace(/evidence:[\s\S]*$/, 'evidence: []\n');
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': text });
    expect(ofRule(d, 'schema')).toMatchObject([
      { path: 'evidence', line: 7, column: 11, message: '`evidence` must list at least one piece of evidence.' },
    ]);
  });

  it('reports an unknown key inside an evidence item at that key', () => {
    const text = claim('arr-1').replace('    quote:', '    qoute:');
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': text });
    const found = ofRule(d, 'schema');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'unknownField', path: 'evidence[0].qoute', line: 9, column: 5 });
    expect(found[0]!.message).toContain('Did you mean "quote"?');
  });

  it('reports a scalar where a list is expected', () => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': claim('arr-1', 'src-a', 'parties: Initech\n') });
    const [m] = ofRule(d, 'schema');
    expect(m).toMatchObject({ messageId: 'wrongType', path: 'parties', line: 7, column: 10 });
    expect(m!.message).toBe('`parties` must be a list, not the text "Initech".');
  });

  it('explains a leading zero in a value as shell quoting, and a list item the same way', () => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': claim('arr-1', 'src-a', 'value: [">00M", "~$415M"]\n') });
    const [m] = ofRule(d, 'schema');
    expect(m).toMatchObject({ messageId: 'constraint', path: 'value[0]' });
    expect(m!.message).toContain('leading zero');
    expect(m!.message).toContain("single quotes on the command line ('>$400M')");
  });

  it.each([
    ['value: 1e400', 'infinity (`.inf`, or a number beyond the range of numbers)'],
    ['value: .inf', 'infinity (`.inf`'],
    ['value: -.inf', 'minus infinity (`-.inf`'],
    ['value: .nan', 'the value `.nan` (not a number)'],
    ['value: !!binary aGVsbG8=', 'binary data (a `!!binary` value)'],
    ['as_of: .inf', 'infinity (`.inf`'],
  ])('describes %s for what it is', (line, words) => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': claim('arr-1', 'src-a', `${line}\n`) });
    const found = ofRule(d, 'schema');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain(words);
    expect(found[0]!.message).not.toContain('null');
  });

  it.each([
    ['value: "$1' + '0'.repeat(400) + '"', 'value'],
    ['value: []', 'value'],
    ['as_of: "2026-1"', 'as_of'],
    ['as_of: "2026-02-30"', 'as_of'],
  ])('never shows a regular expression or zod wording (%s)', (line, path) => {
    const d = lintFiles({ ...src, 'acme/arr-1.yaml': claim('arr-1', 'src-a', `${line}\n`) });
    const [m] = ofRule(d, 'schema');
    expect(m).toMatchObject({ path });
    expect(m!.message).not.toMatch(/pattern|Invalid|Too small|\^|\\d/);
    expect(m!.message.length).toBeLessThan(400);
  });

  it.each([
    ['snapshot: ../../etc/passwd'], ['snapshot: /etc/hostname'], ['snapshot: "snapshots\\\\..\\\\..\\\\x.txt"'], ['snapshot: "C:x.txt"'], ['snapshot: ""'],
  ])('rejects a snapshot path outside the dataset as a schema error (%s)', (line) => {
    const d = lintFiles({ 'sources/src-a.yaml': source('src-a', `${line}\n`), 'acme/arr-1.yaml': claim('arr-1') });
    const [m] = ofRule(d, 'schema');
    expect(m).toMatchObject({ path: 'snapshot', messageId: 'invalidFormat', file: 'sources/src-a.yaml' });
    expect(m!.message).toContain('relative path inside the dataset folder');
    expect(ofRule(d, 'quote-not-found')).toEqual([]);
  });

  it('rejects a blank subject, title and list item, not only an empty one', () => {
    const d = lintFiles({
      'sources/src-a.yaml': source('src-a').replace('title: Title of src-a', 'title: "   "'),
      'acme/arr-1.yaml': claim('arr-1').replace('subject: Acme', 'subject: " "'),
    });
    expect(ofRule(d, 'schema').map((x) => `${x.file} ${x.path} ${x.message}`).sort()).toEqual([
      'acme/arr-1.yaml subject `subject` must not be empty or blank.',
      'sources/src-a.yaml title `title` must not be empty or blank.',
    ]);
  });
});
