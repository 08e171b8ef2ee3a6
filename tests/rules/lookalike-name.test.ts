import { describe, expect, it } from 'vitest';
import { claim, source } from '../helpers.js';
import { ruleTester } from '../rule-tester.js';
import { Entities, nameSkeleton } from '../../src/provenance/entities.js';

const withSubject = (id: string, subject: string, extra = ''): string => claim(id).replace('subject: Acme\n', `subject: "${subject}"\n${extra}`);
const greek = { 'sources/src-a.yaml': source('src-a', 'speaks_for: [OKTA]\n'), 'acme/a.yaml': withSubject('a', '\u039fKTA') };
const long = `Acme${'x'.repeat(5000)}`;

ruleTester.run('lookalike-name', {
  valid: [
    {
      name: 'is silent for distinct names, case and spacing differences, NFD against NFC, and non-Latin names with no Latin twin',
      files: {
        'sources/src-a.yaml': source('src-a', 'speaks_for: ["ACME", "Яндекс", "Société Générale"]\n'),
        'acme/a.yaml': withSubject('a', 'Acme'),
        'acme/b.yaml': withSubject('b', 'acme  '),
        'acme/c.yaml': withSubject('c', 'Société Générale'.normalize('NFD')),
        'acme/d.yaml': withSubject('d', 'Яндекс'),
        'acme/e.yaml': withSubject('e', 'Globex'),
      },
    },
    { name: 'is silent on Greek lookalikes that an alias makes one entity on purpose', files: greek, options: { entities: new Entities({ '\u039fKTA': 'OKTA' }) } },
  ],
  invalid: [
    {
      name: 'warns on a subject with a Cyrillic letter that looks like a known Latin name, at the subject',
      files: { 'sources/src-a.yaml': source('src-a', 'speaks_for: [Mistral AI]\n'), 'acme/a.yaml': withSubject('a', 'Mistr\u0430l AI') },
      errors: [
        {
          messageId: 'lookalike', severity: 'warning', file: 'acme/a.yaml', path: 'subject', line: 3, column: 10,
          message: '`subject` "Mistr\u0430l AI" looks like "Mistral AI" but is another name to the tool: it holds U+0430 (looks like "a"). Retype it, or declare an alias if they really are different entities.',
        },
      ],
    },
    {
      name: 'warns on zero-width characters (shown escaped) in parties and speaks_for, at the list entry',
      files: { 'sources/src-a.yaml': source('src-a', 'speaks_for: ["Glo\\u200Bbex"]\n'), 'acme/a.yaml': withSubject('a', 'Acme', 'parties: [Globex, "Ini\\u2060tech", Initech]\n') },
      errors: [
        { messageId: 'lookalike', file: 'acme/a.yaml', path: 'parties[1]', messageIncludes: ['"Ini\\u2060tech" looks like "Initech"', 'U+2060 (zero-width)'] },
        { messageId: 'lookalike', file: 'sources/src-a.yaml', path: 'speaks_for[0]', messageIncludes: 'U+200B (zero-width)' },
      ],
    },
    { name: 'warns on Greek lookalikes too', files: greek, errors: [{ messageId: 'lookalike', file: 'acme/a.yaml', path: 'subject' }] },
    {
      name: 'keeps the message bounded for a very long name',
      files: { 'sources/src-a.yaml': source('src-a', `speaks_for: [${long}]\n`), 'acme/a.yaml': withSubject('a', long.replace('A', '\u0410')) },
      errors: [{ messageId: 'lookalike', messageMaxLength: 399 }],
    },
  ],
});

describe('nameSkeleton', () => {
  it('reads lookalikes and zero-width characters away in the skeleton', () => {
    expect(nameSkeleton('\u041c\u0456stral\u200b AI')).toBe(nameSkeleton('Mistral AI'));
    expect(nameSkeleton('Ａｃｍｅ')).toBe('acme');
  });
});
