import { describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers.js';

const TODAY = ['--today', '2026-11-24'];

describe('claims validate --quiet with --max-warnings', () => {
  it('exits 1 when warnings exceed the maximum, though --quiet prints none of them', async () => {
    const r = await runCli(['validate', ...TODAY, '--quiet', '--max-warnings', '0', '--format', 'json'], 'warnings');
    expect(JSON.parse(r.stdout)).toMatchObject({ errorCount: 0, warningCount: 0, diagnostics: [] });
    expect(r.stderr).toContain('too many warnings (2, maximum 0)');
    expect(r.code).toBe(1);
  });

  it('exits 0 when the warnings are within the maximum', async () => {
    const r = await runCli(['validate', ...TODAY, '--quiet', '--max-warnings', '2'], 'warnings');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
