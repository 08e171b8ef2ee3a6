import { describe, expect, it } from 'vitest';
import { claim, lintFiles, ofRule, source } from '../helpers.js';

/** One error (unknown-reference) and one warning (orphan-source). */
const files = {
  'sources/src-a.yaml': source('src-a'),
  'sources/unused.yaml': source('unused'),
  'acme/arr-1.yaml': claim('arr-1', 'src-a', 'supersedes: arr-0\n'),
};

describe('severities', () => {
  it('uses each rule\'s default severity', () => {
    const d = lintFiles(files);
    expect(ofRule(d, 'unknown-reference')).toMatchObject([{ severity: 'error', line: 7, column: 13 }]);
    expect(ofRule(d, 'orphan-source')).toMatchObject([{ severity: 'warning', file: 'sources/unused.yaml', line: 2, column: 5 }]);
  });

  it('turns a rule off with `off`, leaving the others', () => {
    const d = lintFiles(files, { severities: { 'orphan-source': 'off' } });
    expect(ofRule(d, 'orphan-source')).toEqual([]);
    expect(ofRule(d, 'unknown-reference')).toHaveLength(1);
  });

  it('downgrades an error rule to `warning`', () => {
    const d = lintFiles(files, { severities: { 'unknown-reference': 'warning' } });
    expect(ofRule(d, 'unknown-reference')).toMatchObject([{ severity: 'warning', messageId: 'unknown', line: 7, column: 13 }]);
    expect(ofRule(d, 'orphan-source')).toMatchObject([{ severity: 'warning' }]);
  });

  it('upgrades a warning rule to `error`', () => {
    const d = lintFiles(files, { severities: { 'orphan-source': 'error' } });
    expect(ofRule(d, 'orphan-source')).toMatchObject([{ severity: 'error' }]);
  });

  it('applies to loader rules too: yaml-syntax and schema can be turned off or downgraded', () => {
    const broken = { ...files, 'acme/bad.yaml': 'type: claim\nid: bad\nid: bad\n', 'acme/arr-2.yaml': claim('arr-2', 'src-a', '', 'rumoured') };
    const off = lintFiles(broken, { severities: { 'yaml-syntax': 'off', schema: 'off' } });
    expect(ofRule(off, 'yaml-syntax')).toEqual([]);
    expect(ofRule(off, 'schema')).toEqual([]);
    const warn = lintFiles(broken, { severities: { 'yaml-syntax': 'warning', schema: 'warning' } });
    expect(ofRule(warn, 'yaml-syntax')).toMatchObject([{ severity: 'warning', messageId: 'duplicateKey', line: 3, column: 1 }]);
    expect(ofRule(warn, 'schema')).toMatchObject([{ severity: 'warning', messageId: 'invalidValue', line: 6, column: 9 }]);
  });

  it('leaves rules not named in the setting at their default', () => {
    const d = lintFiles(files, { severities: { 'date-order': 'off' } });
    expect(ofRule(d, 'unknown-reference')).toMatchObject([{ severity: 'error' }]);
    expect(ofRule(d, 'orphan-source')).toMatchObject([{ severity: 'warning' }]);
  });
});
