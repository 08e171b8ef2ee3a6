import { describe, expect, it } from 'vitest';
import { claim, lintFiles, ofRule, source } from '../helpers.js';
import { Entities, nameSkeleton } from '../../src/provenance/entities.js';

const withSubject = (id: string, subject: string, extra = ''): string => claim(id).replace('subject: Acme\n', `subject: "${subject}"\n${extra}`);

describe('lookalike-name', () => {
  it('is silent for distinct names, case and spacing differences, NFD against NFC, and non-Latin names with no Latin twin', () => {
    const d = lintFiles({
      'sources/src-a.yaml': source('src-a', 'speaks_for: ["ACME", "Яндекс", "Société Générale"]\n'),
      'acme/a.yaml': withSubject('a', 'Acme'),
      'acme/b.yaml': withSubject('b', 'acme  '),
      'acme/c.yaml': withSubject('c', 'Société Générale'.normalize('NFD')),
      'acme/d.yaml': withSubject('d', 'Яндекс'),
      'acme/e.yaml': withSubject('e', 'Globex'),
    });
    expect(ofRule(d, 'lookalike-name')).toEqual([]);
  });

  it('warns on a subject with a Cyrillic letter that looks like a known Latin name, at the subject', () => {
    const d = lintFiles({
      'sources/src-a.yaml': source('src-a', 'speaks_for: [Mistral AI]\n'),
      'acme/a.yaml': withSubject('a', 'Mistr\u0430l AI'),
    });
    const found = ofRule(d, 'lookalike-name');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'lookalike', severity: 'warning', file: 'acme/a.yaml', path: 'subject', line: 3, column: 10 });
    expect(found[0]!.message).toBe('`subject` "Mistr\u0430l AI" looks like "Mistral AI" but is another name to the tool: it holds U+0430 (looks like "a"). Retype it, or declare an alias if they really are different entities.');
  });

  it('warns on zero-width characters (shown escaped) in parties and speaks_for, at the list entry', () => {
    const d = lintFiles({
      'sources/src-a.yaml': source('src-a', 'speaks_for: ["Glo\\u200Bbex"]\n'),
      'acme/a.yaml': withSubject('a', 'Acme', 'parties: [Globex, "Ini\\u2060tech", Initech]\n'),
    });
    const found = ofRule(d, 'lookalike-name');
    expect(found.map((f) => [f.file, f.path])).toEqual([
      ['acme/a.yaml', 'parties[1]'],
      ['sources/src-a.yaml', 'speaks_for[0]'],
    ]);
    expect(found[0]!.message).toContain('"Ini\\u2060tech" looks like "Initech"');
    expect(found[0]!.message).toContain('U+2060 (zero-width)');
    expect(found[1]!.message).toContain('U+200B (zero-width)');
  });

  it('warns on Greek lookalikes too, and not when an alias makes them one entity on purpose', () => {
    const files = { 'sources/src-a.yaml': source('src-a', 'speaks_for: [OKTA]\n'), 'acme/a.yaml': withSubject('a', '\u039fKTA') };
    expect(ofRule(lintFiles(files), 'lookalike-name')).toHaveLength(1);
    const aliased = lintFiles(files, { entities: new Entities({ '\u039fKTA': 'OKTA' }) });
    expect(ofRule(aliased, 'lookalike-name')).toEqual([]);
  });

  it('keeps the message bounded for a very long name', () => {
    const long = `Acme${'x'.repeat(5000)}`;
    const d = lintFiles({ 'sources/src-a.yaml': source('src-a', `speaks_for: [${long}]\n`), 'acme/a.yaml': withSubject('a', long.replace('A', '\u0410')) });
    const [m] = ofRule(d, 'lookalike-name');
    expect(m!.message.length).toBeLessThan(400);
  });

  it('reads lookalikes and zero-width characters away in the skeleton', () => {
    expect(nameSkeleton('\u041c\u0456stral\u200b AI')).toBe(nameSkeleton('Mistral AI'));
    expect(nameSkeleton('Ａｃｍｅ')).toBe('acme');
  });
});
