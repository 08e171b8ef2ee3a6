import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lintFormatters } from '../src/format/index.js';
import { fingerprint, SARIF_MAX_RESULTS } from '../src/format/sarif.js';
import { rules } from '../src/rules/index.js';
import type { Diagnostic, LintResult } from '../src/diagnostic.js';
import { runCli } from './cli-helpers.js';
import { claim, source, writeDataset } from './helpers.js';

const SCHEMA = resolve(__dirname, '..', '..', 'shared', 'vendor', 'sarif-schema-2.1.0.json');

const d = (over: Partial<Diagnostic>): Diagnostic => ({
  file: 'claims/acme/a.yaml', line: 3, column: 5, endLine: 3, endColumn: 9, severity: 'error', rule: 'unknown-reference',
  messageId: 'unknown', message: 'names "x" & <y>', path: 'evidence[0].source', ...over,
});
const result: LintResult = {
  files: 3, claims: 2, sources: 1, errorCount: 1, warningCount: 1,
  diagnostics: [d({}), d({ file: 'claims/acme/b.yaml', severity: 'warning', rule: 'quote-missing', messageId: 'missing', message: 'no quote', path: 'evidence[0]' })],
  fileList: ['claims/acme/a.yaml', 'claims/acme/b.yaml', 'claims/sources/s.yaml'],
};

describe('sarif', () => {
  const log = JSON.parse(lintFormatters.sarif!(result, { color: false }));

  if (!existsSync(SCHEMA)) console.warn(`SKIPPED: SARIF schema validation needs ${SCHEMA}`);
  it.skipIf(!existsSync(SCHEMA))('passes the official SARIF 2.1.0 JSON Schema', () => {
    // The package is CommonJS: under ESM its class is the default export's `default`.
    const Ajv = ((AjvDraft04 as unknown as { default?: typeof AjvDraft04 }).default ?? AjvDraft04) as unknown as new (o: object) => { compile(s: object): ((x: unknown) => boolean) & { errors?: unknown } };
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('describes the tool and every rule, and locates each result', () => {
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'claims', version: expect.any(String), informationUri: expect.any(String) });
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(rules.map((r) => r.id));
    expect(run.tool.driver.rules[0].shortDescription.text).toBe(rules[0]!.meta.description);
    expect(run.results[0]).toMatchObject({
      ruleId: 'unknown-reference', level: 'error', message: { text: 'names "x" & <y>' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'claims/acme/a.yaml' }, region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 9 } } }],
    });
    expect(run.results[1].level).toBe('warning');
  });

  it('fingerprints do not depend on the line, so a moved line is not a new alert', () => {
    expect(fingerprint(d({ line: 40, endLine: 40 }))).toBe(fingerprint(d({})));
    expect(fingerprint(d({ path: 'evidence[1].source' }))).not.toBe(fingerprint(d({})));
    expect(log.runs[0].results[0].partialFingerprints['claims/v1']).toBe(fingerprint(d({})));
  });

  it(`keeps at most ${SARIF_MAX_RESULTS} results, errors first, and says so on stderr`, async () => {
    const many = `type: claim\nid: many\nsubject: Acme\ncategory: arr\nstatement: S.\nstatus: rumored\nevidence:\n${Array.from({ length: SARIF_MAX_RESULTS + 5 }, (_, i) => `  - {source: nowhere-${i}, quote: q}\n`).join('')}`;
    const dir = writeDataset({ 'claims/acme/many.yaml': many });
    const r = await runCli(['validate', '--format', 'sarif'], dir);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).runs[0].results).toHaveLength(SARIF_MAX_RESULTS);
    expect(r.stderr).toContain(`exceed GitHub code scanning's limit of ${SARIF_MAX_RESULTS}`);
  });
});

describe('junit', () => {
  const out = lintFormatters.junit!(result, { color: false });
  it('has one testsuite per file and one failing testcase per error, escaped', () => {
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="claims validate" tests="3" failures="1" errors="0">')).toBe(true);
    expect(out.match(/<testsuite /g)).toHaveLength(3);
    expect(out).toContain('<testcase classname="claims/acme/a.yaml" name="unknown-reference at 3:5">');
    expect(out).toContain('<failure type="unknown-reference" message="names &quot;x&quot; &amp; &lt;y&gt;">');
    expect(out).toContain('<testcase classname="claims/sources/s.yaml" name="valid"></testcase>');
    expect(out).toContain('<system-out>claims/acme/b.yaml:3:5 warning no quote (quote-missing)</system-out>');
  });
});

describe('gitlab', () => {
  it('is a Code Quality array with the fields GitLab reads', () => {
    const issues = JSON.parse(lintFormatters.gitlab!(result, { color: false }));
    expect(issues[0]).toEqual({
      description: 'names "x" & <y>', check_name: 'unknown-reference', fingerprint: fingerprint(d({})), severity: 'major',
      location: { path: 'claims/acme/a.yaml', lines: { begin: 3, end: 3 } },
    });
    expect(issues[1].severity).toBe('minor');
  });
});

describe('github', () => {
  it('prints the stylish listing after the workflow commands, so nothing is hidden', () => {
    const out = lintFormatters.github!(result, { color: false });
    const [commands, listing] = out.split('\n\n', 2) as [string, string];
    expect(commands.split('\n')).toHaveLength(2);
    expect(out).toContain('\n\nclaims/acme/a.yaml\n  3:5  error');
    expect(out.trimEnd().split('\n').at(-2)).toBe('✖ 2 problems (1 error, 1 warning)');
    expect(listing).toBeDefined();
  });
});

describe('--changed-since', () => {
  const gitIn = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd, stdio: 'pipe' });

  it('checks the whole dataset but reports only files changed since the revision (committed, modified or new)', async () => {
    const dir = writeDataset({
      'claims/sources/src-a.yaml': source('src-a'),
      'claims/acme/old.yaml': claim('old', 'nowhere-old'),
      'claims/acme/touched.yaml': claim('touched'),
    });
    gitIn(dir, 'init', '-q');
    gitIn(dir, 'add', '.');
    gitIn(dir, 'commit', '-qm', 'base');
    writeFileSync(join(dir, 'claims/acme/touched.yaml'), claim('touched', 'nowhere-touched'));
    writeFileSync(join(dir, 'claims/acme/new.yaml'), claim('new', 'src-a').replace('status: independent', 'status: rumored'));
    const r = await runCli(['validate', '--changed-since', 'HEAD', '--format', 'json', '--today', '2026-11-24'], dir);
    const out = JSON.parse(r.stdout) as { files: number; diagnostics: Diagnostic[] };
    expect(out.files).toBe(2);
    expect(out.diagnostics.map((x) => `${x.file}:${x.rule}`)).toEqual(['claims/acme/new.yaml:status-understated', 'claims/acme/touched.yaml:unknown-reference']);
    expect(r.code).toBe(1);
  });

  it('is a clear exit 2 outside a git repository or with an unknown revision', async () => {
    const dir = writeDataset({ 'claims/sources/src-a.yaml': source('src-a') });
    const outside = await runCli(['validate', '--changed-since', 'main'], dir);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^claims: --changed-since needs a git repository/);
    gitIn(dir, 'init', '-q');
    const bad = await runCli(['validate', '--changed-since', 'no-such-rev'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"no-such-rev" is not a git revision here');
  });
});

describe('pre-commit hook and GitHub Action', () => {
  const root = resolve(__dirname, '..');
  it('.pre-commit-hooks.yaml runs claims validate on claim files', () => {
    const [hook] = parseYaml(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8'));
    expect(hook).toMatchObject({ id: 'claims-validate', entry: 'claims validate', language: 'node', pass_filenames: true });
    expect(new RegExp(hook.files).test('claims/mistral-ai/arr-2026-02.yaml')).toBe(true);
    expect(new RegExp(hook.files).test('.github/workflows/ci.yml')).toBe(false);
  });

  it('action.yml is a composite action running the validator with --format github', () => {
    const action = parseYaml(readFileSync(join(root, 'action.yml'), 'utf8'));
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps.at(-1).run).toContain('validate --format github');
  });
});
