import { describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers.js';
import { writeDataset, source } from './helpers.js';

const TODAY = ['--today', '2026-11-24'];

describe('claims validate: exit codes', () => {
  it('exits 0 with a clear all-clear on a clean dataset', async () => {
    const r = await runCli(['validate', ...TODAY], 'clean');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ 3 files checked (1 claim, 2 sources): no problems');
    expect(r.stderr).toBe('');
  });

  it('exits 0 with warnings only, and 1 when they exceed --max-warnings', async () => {
    const ok = await runCli(['validate', ...TODAY], 'warnings');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('✖ 2 problems (0 errors, 2 warnings)');
    const within = await runCli(['validate', ...TODAY, '--max-warnings', '2'], 'warnings');
    expect(within.code).toBe(0);
    const over = await runCli(['validate', ...TODAY, '--max-warnings', '1'], 'warnings');
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('too many warnings (2, maximum 1)');
  });

  it('exits 1 on lint errors and keeps checking every file', async () => {
    const r = await runCli(['validate'], 'broken');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('claims/acme/arr-2026-02.yaml');
    expect(r.stdout).toContain('11:13  error    `evidence[0].origin` names "acme-blogg", which is no source in the dataset. Did you mean "acme-blog"?  unknown-reference');
    expect(r.stdout).toContain('claims/acme/broken.yaml');
    expect(r.stdout).toContain('yaml-syntax');
  });

  it('--quiet drops warnings from output and counts', async () => {
    const r = await runCli(['validate', ...TODAY, '--quiet', '--format', 'json'], 'warnings');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ warningCount: 0, diagnostics: [] });
  });

  it.each([
    [['validate', '--bogus'], 'unknown option'],
    [['validate', '--format', 'xml'], 'Allowed choices are stylish, json, github'],
    [['validate', 'nope.yaml'], 'no such file or folder: nope.yaml'],
    [['validate', '--today', '2026-02'], '--today must be a real day as YYYY-MM-DD'],
    [['validate', '--max-warnings', 'lots'], '--max-warnings must be a whole number'],
    [['validate', '--config', 'missing.yaml'], 'config file missing.yaml does not exist'],
    [['frobnicate'], "unknown command 'frobnicate'"],
  ])('exits 2 with a one-line reason for %j', async (args, reason) => {
    const r = await runCli(args, 'clean');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(reason);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--help and --version exit 0', async () => {
    expect((await runCli(['--version'], 'clean')).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = await runCli(['validate', '--help'], 'clean');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--max-warnings');
  });
});

describe('claims validate: configuration and dates', () => {
  it('reads claims.config.yaml for today and rule severities', async () => {
    // The broken fixture turns orphan-source off and fixes today; with the rule on, nothing changes there.
    const r = await runCli(['validate', '--format', 'json'], 'broken');
    const out = JSON.parse(r.stdout) as { diagnostics: Array<{ rule: string }> };
    expect(out.diagnostics.map((d) => d.rule)).toEqual(['unknown-reference', 'yaml-syntax']);
  });

  it('makes time-dependent rules reproducible with --today', async () => {
    const before = await runCli(['validate', '--today', '2026-05-01', '--format', 'json'], 'warnings');
    const after = await runCli(['validate', '--today', '2026-07-01', '--format', 'json'], 'warnings');
    const rules = (s: string) => (JSON.parse(s) as { diagnostics: Array<{ rule: string }> }).diagnostics.map((d) => d.rule);
    expect(rules(before.stdout)).not.toContain('forecast-overdue');
    expect(rules(after.stdout)).toContain('forecast-overdue');
  });

  it.each([
    ['today: [1]', '1:8: `today`: must be a date, YYYY-MM-DD, not a list'],
    ['rules: 5', '1:8: `rules`: must be a mapping of rule ids to error, warning or off, not the number 5'],
    ['aliases: {a: 1}', '1:14: `aliases.a`: must be a name (text), not the number 1'],
    ['claimreview: {publisher: x}', '1:26: `claimreview.publisher`: must be a mapping with name and url, not the text "x"'],
  ])('words a config setting of the wrong kind itself, not in the schema library\'s terms: %s', async (text, message) => {
    const dir = writeDataset({ 'claims.config.yaml': `${text}\n`, 'claims/sources/a.yaml': source('a') });
    const r = await runCli(['list'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`claims: invalid config claims.config.yaml:${message}\n`);
  });

  it('rejects an invalid config with its file, line and column, exit 2', async () => {
    const dir = writeDataset({ 'claims.config.yaml': 'today: 2026-11-24\nrules:\n  quote-mising: off\n', 'claims/sources/a.yaml': source('a') });
    const r = await runCli(['validate'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('claims: invalid config claims.config.yaml:3:3: unknown rule "quote-mising". Did you mean "quote-missing"?\n');
  });

  it('rejects an unknown severity', async () => {
    const dir = writeDataset({ 'claims.config.yaml': 'rules:\n  quote-missing: loud\n', 'claims/sources/a.yaml': source('a') });
    const r = await runCli(['validate'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('claims.config.yaml:2:18');
    expect(r.stderr).toContain('use error, warning or off');
  });
});

describe('claims validate: part of a dataset', () => {
  it('checks named files within their whole dataset and reports only on them', async () => {
    const r = await runCli(['validate', 'claims/acme/arr-2026-02.yaml', '--format', 'json'], 'broken');
    const out = JSON.parse(r.stdout) as { files: number; diagnostics: Array<{ file: string; rule: string }> };
    expect(out.files).toBe(1);
    // The reference to a source in another file resolves (only the typo is reported); broken.yaml is not reported.
    expect(out.diagnostics).toEqual([expect.objectContaining({ file: 'claims/acme/arr-2026-02.yaml', rule: 'unknown-reference' })]);
    expect(r.code).toBe(1);
  });

  it('finds the dataset root from a file deep inside it without a config file', async () => {
    const r = await runCli(['validate', 'claims/acme/arr-2026-02.yaml', ...TODAY], 'clean');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ 1 file checked');
  });
});

describe('no flag is silently dropped', () => {
  it.each([
    [['list', '--status', 'rumored', '--status', 'independent'], '--status'],
    [['list', '-f', 'json', '--format', 'csv'], '--format'],
    [['validate', '--today', '2026-01-01', '--today', '2026-02-01'], '--today'],
    [['cite', 'a', '--source', 'x', '--source', 'y'], '--source'],
    [['new', 'source', '--title', 'A', '--title', 'B'], '--title'],
  ])('a value flag given twice is a usage error naming it: %j', async (args, flag) => {
    const r = await runCli(args, 'clean');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`claims: ${flag} is given more than once: give it once (only lists such as --via or --tags repeat)\n`);
  });

  it('lists may repeat', async () => {
    const r = await runCli(['new', 'claim', '--tags', 'a', '--tags', 'b', '--parties', 'X', '--parties', 'Y'], 'clean');
    // It gets past the flag check to the missing required fields.
    expect(r.stderr).toMatch(/^claims: missing required/);
  });
});
