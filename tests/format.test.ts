import { describe, expect, it } from 'vitest';
import { lintFormatters } from '../src/format/index.js';
import type { Diagnostic, LintResult } from '../src/diagnostic.js';

const diagnostics: Diagnostic[] = [
  {
    file: 'claims/mistral-ai/arr-2026-02.yaml', line: 9, column: 9, endLine: 9, endColumn: 25, severity: 'error',
    rule: 'status-unsupported', messageId: 'unsupported', path: 'status',
    message: 'Status is "independent" but the evidence supports only "company-reported": every origin traces to Mistral AI itself ("mistral-arr-disclosure-2026-02"). Add evidence from an independent origin or set `status: company-reported`.',
  },
  {
    file: 'claims/mistral-ai/arr-2026-02.yaml', line: 14, column: 5, endLine: 16, endColumn: 1, severity: 'warning',
    rule: 'quote-missing', messageId: 'missing', path: 'evidence[1]',
    message: 'Evidence 2 (source "weidemann-analysis") has no quote: add `quote:` with a verbatim excerpt.',
  },
  {
    file: 'claims/sources/a,b.yaml', line: 2, column: 5, endLine: 2, endColumn: 8, severity: 'warning',
    rule: 'orphan-source', messageId: 'orphan', path: 'id', message: 'No claim reaches source "a": 100% unused,\nreally.',
  },
];
const result: LintResult = { files: 12, claims: 9, sources: 3, errorCount: 1, warningCount: 2, diagnostics };
const clean: LintResult = { files: 12, claims: 9, sources: 3, errorCount: 0, warningCount: 0, diagnostics: [] };

describe('formatters', () => {
  it('stylish groups by file with aligned positions and a summary', async () => {
    await expect(lintFormatters.stylish!(result, { color: false })).toMatchFileSnapshot('__snapshots__/stylish.txt');
  });

  it('stylish says so when everything is clean', () => {
    expect(lintFormatters.stylish!(clean, { color: false })).toBe('✔ 12 files checked (9 claims, 3 sources): no problems\n');
  });

  it('stylish colours severities only when asked', () => {
    const coloured = lintFormatters.stylish!(result, { color: true });
    expect(coloured).toContain('\u001b[31merror');
    expect(coloured).toContain('\u001b[33mwarning');
    expect(lintFormatters.stylish!(result, { color: false })).not.toContain('\u001b[');
  });

  it('json is one object with counts and diagnostics', () => {
    const parsed = JSON.parse(lintFormatters.json!(result, { color: true }));
    expect(Object.keys(parsed)).toEqual(['files', 'claims', 'sources', 'errorCount', 'warningCount', 'diagnostics']);
    expect(parsed.diagnostics[0]).toEqual(diagnostics[0]);
  });

  it('github emits one escaped workflow command per diagnostic', async () => {
    const out = lintFormatters.github!(result, { color: false });
    expect(out.split('\n')[0]).toBe(
      '::error file=claims/mistral-ai/arr-2026-02.yaml,line=9,col=9,endLine=9,endColumn=25,title=status-unsupported::Status is "independent" but the evidence supports only "company-reported": every origin traces to Mistral AI itself ("mistral-arr-disclosure-2026-02"). Add evidence from an independent origin or set `status: company-reported`.',
    );
    expect(out).toContain('::warning file=claims/sources/a%2Cb.yaml,line=2,col=5,endLine=2,endColumn=8,title=orphan-source::No claim reaches source "a": 100%25 unused,%0Areally.');
    await expect(out).toMatchFileSnapshot('__snapshots__/github.txt');
  });
});
