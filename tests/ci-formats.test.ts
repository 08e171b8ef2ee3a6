import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lintFormatters } from '../src/format/index.js';
import { fingerprints } from '../src/format/fingerprint.js';
import { helpUri, pathToUri, SARIF_MAX_RESULTS } from '../src/format/sarif.js';
import { junitClassname } from '../src/format/junit.js';
import { ruleMetadata } from '../src/cli/rule-meta.js';
import { rules } from '../src/rules/index.js';
import { helpMarkdown, ruleAnchor, ruleHelp } from '../src/rules/help.js';
import type { Diagnostic, LintResult } from '../src/diagnostic.js';
import { runCli } from './cli-helpers.js';
import { claim, source, writeDataset } from './helpers.js';
import { githubSarifProblems } from './sarif-github-rules.js';

const VENDOR = resolve(__dirname, 'vendor');
const SARIF_SCHEMA = join(VENDOR, 'sarif-schema-2.1.0.json');
const JUNIT_XSD = join(VENDOR, 'jenkins-junit-10.xsd');
const GITLAB_SCHEMA = join(VENDOR, 'gitlab-codeclimate.json');
const HAS_XMLLINT = spawnSync('xmllint', ['--version']).status === 0;

const d = (over: Partial<Diagnostic>): Diagnostic => ({
  file: 'claims/acme/a.yaml', line: 3, column: 5, endLine: 3, endColumn: 9, severity: 'error', rule: 'unknown-reference',
  messageId: 'unknown', message: 'names "x" & <y>', path: 'evidence[0].source', ...over,
});
const result: LintResult = {
  files: 3, claims: 2, sources: 1, errorCount: 1, warningCount: 2,
  diagnostics: [
    d({}),
    d({ line: 8, endLine: 8, severity: 'warning', rule: 'quote-missing', messageId: 'missing', message: 'no quote in a', path: 'evidence[1]' }),
    d({ file: 'claims/acme/b.yaml', severity: 'warning', rule: 'quote-missing', messageId: 'missing', message: 'no quote', path: 'evidence[0]' }),
  ],
  fileList: ['claims/acme/a.yaml', 'claims/acme/b.yaml', 'claims/sources/s.yaml'],
};
const RUN = { startedAt: new Date('2026-11-24T09:30:15.250Z'), seconds: 1.23456 };

/** The official SARIF 2.1.0 schema (draft-04), compiled once. */
function sarifValidator() {
  // The package is CommonJS: under ESM its class is the default export's `default`.
  const Draft04 = ((AjvDraft04 as unknown as { default?: typeof AjvDraft04 }).default ?? AjvDraft04) as unknown as new (o: object) => { compile(s: object): ((x: unknown) => boolean) & { errors?: unknown } };
  return new Draft04({ allErrors: true, strict: false, validateFormats: false }).compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
}

/** GitLab's own schema for one Code Quality issue (app/validators/json_schemas/codeclimate.json), compiled once. */
function gitlabValidator() {
  const AjvClass = ((Ajv as unknown as { default?: typeof Ajv }).default ?? Ajv) as unknown as new (o: object) => { compile(s: object): ((x: unknown) => boolean) & { errors?: unknown } };
  return new AjvClass({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(GITLAB_SCHEMA, 'utf8')));
}

/** xmllint's verdict on a JUnit document against Jenkins' XSD. */
function xsdCheck(xml: string): { ok: boolean; out: string } {
  const r = spawnSync('xmllint', ['--noout', '--schema', JUNIT_XSD, '-'], { input: xml, encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

describe('sarif', () => {
  const log = JSON.parse(lintFormatters.sarif!(result, { color: false, rules: ruleMetadata() }));

  it('passes the official SARIF 2.1.0 JSON Schema (vendored in tests/vendor)', () => {
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it("follows GitHub code scanning's documented rules", () => {
    expect(githubSarifProblems(log)).toEqual([]);
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

  it('gives every rule help (text and Markdown: what, why, how to fix, an example), a helpUri to its README section and a name unlike its id', () => {
    const readme = readFileSync(resolve(__dirname, '..', 'README.md'), 'utf8');
    for (const r of rules) {
      const h = ruleHelp[r.id];
      expect(h, `rule ${r.id} has no entry in src/rules/help.ts`).toBeDefined();
      const desc = log.runs[0].tool.driver.rules.find((x: { id: string }) => x.id === r.id);
      for (const part of ['Why:', 'How to fix:', 'Example, before:', 'After:']) expect(desc.help.text).toContain(part);
      expect(desc.help.markdown).toContain('```yaml');
      expect(desc.help.markdown).toBe(helpMarkdown(h!));
      expect(desc.name.toLowerCase()).not.toBe(r.id.toLowerCase());
      expect(desc.name).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(desc.helpUri).toBe(helpUri(ruleAnchor(r.id)));
      expect(desc.helpUri.endsWith(`#${ruleAnchor(r.id)}`)).toBe(true);
      // The README section the anchor points at exists (GitHub turns "Rule `x`" into #rule-x) and shows the same help.
      expect(readme, `README lacks the section "#### Rule \`${r.id}\`"`).toContain(`#### Rule \`${r.id}\`\n\n${helpMarkdown(h!)}\n`);
    }
  });

  it('percent-encodes artifact URIs per RFC 3986 (#, ?, %, spaces, non-ASCII), keeping / as the separator', () => {
    expect(pathToUri('claims/acme/a#1.yaml')).toBe('claims/acme/a%231.yaml');
    expect(pathToUri('claims/q?/50% off/é (1).yaml')).toBe('claims/q%3F/50%25%20off/%C3%A9%20%281%29.yaml');
    expect(pathToUri('../x:y/a.yaml')).toBe('../x%3Ay/a.yaml');
    const hashLog = JSON.parse(lintFormatters.sarif!({ ...result, diagnostics: [d({ file: 'claims/a#b/c d.yaml' })] }, { color: false, rules: ruleMetadata() }));
    const uri: string = hashLog.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    expect(uri).toBe('claims/a%23b/c%20d.yaml');
    // Read back as a URI reference: no fragment, no query, and the path decodes to the file.
    const url = new URL(uri, 'file:///repo/');
    expect(url.hash).toBe('');
    expect(url.search).toBe('');
    expect(decodeURIComponent(url.pathname)).toBe('/repo/claims/a#b/c d.yaml');
  });

  it(`keeps at most ${SARIF_MAX_RESULTS} results, errors first, and says so on stderr`, async () => {
    const many = `type: claim\nid: many\nsubject: Acme\ncategory: arr\nstatement: S.\nstatus: rumored\nevidence:\n${Array.from({ length: SARIF_MAX_RESULTS + 5 }, (_, i) => `  - {source: nowhere-${i}, quote: q}\n`).join('')}`;
    const dir = writeDataset({ 'claims/acme/many.yaml': many });
    const r = await runCli(['validate', '--format', 'sarif'], dir);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.runs[0].results).toHaveLength(SARIF_MAX_RESULTS);
    expect(githubSarifProblems(out)).toEqual([]);
    expect(r.stderr).toContain(`exceed GitHub code scanning's limit of ${SARIF_MAX_RESULTS}`);
  });
});

describe('fingerprints', () => {
  it('do not depend on the line, so a moved line keeps its fingerprint', () => {
    expect(fingerprints([d({ line: 40, endLine: 40 })])).toEqual(fingerprints([d({})]));
    expect(fingerprints([d({ path: 'evidence[1].source' })])).not.toEqual(fingerprints([d({})]));
    expect(fingerprints([d({ file: 'claims/acme/b.yaml' })])).not.toEqual(fingerprints([d({})]));
  });

  it('are unique within a run: identical findings are told apart by their occurrence index', () => {
    const twins = [d({ line: 3 }), d({ line: 7, endLine: 7 }), d({ line: 9, endLine: 9 })];
    const prints = fingerprints(twins);
    expect(new Set(prints).size).toBe(3);
    // Moving both lines keeps each one's fingerprint: the index counts in file order, not by line number.
    expect(fingerprints([d({ line: 13 }), d({ line: 17 }), d({ line: 19 })])).toEqual(prints);
    // The first occurrence keeps the fingerprint a lone finding has.
    expect(prints[0]).toBe(fingerprints([d({})])[0]);
  });

  it('in SARIF and GitLab, two identical duplicate-key messages in one file get two fingerprints, and moving the lines changes neither', async () => {
    const text = (pad: string) => `${pad}type: source\nid: dup\ntitle: T\npublisher: P\nkind: news\nnotes: a\nnotes: b\nnotes: c\n`;
    for (const format of ['sarif', 'gitlab'] as const) {
      const prints = async (pad: string) => {
        const dir = writeDataset({ 'claims/sources/dup.yaml': text(pad) });
        const r = await runCli(['validate', '--format', format], dir);
        const out = JSON.parse(r.stdout);
        return format === 'sarif'
          ? (out.runs[0].results as { ruleId: string; partialFingerprints: Record<string, string> }[]).filter((x) => x.ruleId === 'yaml-syntax').map((x) => x.partialFingerprints['claims/v1']!)
          : (out as { check_name: string; fingerprint: string }[]).filter((x) => x.check_name === 'yaml-syntax').map((x) => x.fingerprint);
      };
      const before = await prints('');
      expect(before.length, format).toBeGreaterThanOrEqual(2);
      expect(new Set(before).size, format).toBe(before.length);
      expect(await prints('# a comment\n\n'), format).toEqual(before);
    }
  });
});

describe('junit', () => {
  const out = lintFormatters.junit!(result, { color: false, run: RUN });

  it('has one testsuite per file and one failing testcase per error, escaped, with time and timestamp', () => {
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="claims validate" tests="3" failures="1" errors="0" time="1.235">')).toBe(true);
    expect(out.match(/<testsuite /g)).toHaveLength(3);
    expect(out).toContain('<testsuite name="claims/acme/a.yaml" tests="1" failures="1" errors="0" skipped="0" time="0.000" timestamp="2026-11-24T09:30:15" file="claims/acme/a.yaml">');
    expect(out).toContain('<testcase classname="claims.acme.a" name="unknown-reference at 3:5" time="0.000">');
    expect(out).toContain('<failure type="unknown-reference" message="names &quot;x&quot; &amp; &lt;y&gt;">');
    expect(out).toContain('<testcase classname="claims.sources.s" name="valid" time="0.000"></testcase>');
    expect(out).toContain('<system-out>claims/acme/b.yaml:3:5 warning no quote (quote-missing)</system-out>');
  });

  it('keeps the warnings of a file that also has errors, as <system-out>', () => {
    const suiteA = out.slice(out.indexOf('<testsuite name="claims/acme/a.yaml"'), out.indexOf('</testsuite>'));
    expect(suiteA).toContain('<system-out>claims/acme/a.yaml:8:5 warning no quote in a (quote-missing)</system-out>');
  });

  it('uses a classname Jenkins splits into folder (package) and file name (class)', () => {
    expect(junitClassname('claims/mistral-ai/arr-2026-02.yaml')).toBe('claims.mistral-ai.arr-2026-02');
    expect(junitClassname('claims/v1.2/a.b.yaml')).toBe('claims.v1_2.a_b');
    expect(junitClassname('top.yaml')).toBe('top');
    // Jenkins' CaseResult: class = after the last dot, package = before it.
    const cn = junitClassname('claims/mistral-ai/arr-2026-02.yaml');
    expect([cn.slice(0, cn.lastIndexOf('.')), cn.slice(cn.lastIndexOf('.') + 1)]).toEqual(['claims.mistral-ai', 'arr-2026-02']);
  });

  if (!HAS_XMLLINT) console.warn('SKIPPED: JUnit output against Jenkins\' XSD needs xmllint (Debian package libxml2-utils)');
  it.skipIf(!HAS_XMLLINT)("passes Jenkins' JUnit XSD (xmllint), including hostile text", async () => {
    const check = xsdCheck(out);
    expect(check.ok, check.out).toBe(true);
    const hostile = lintFormatters.junit!({ ...result, diagnostics: [d({ message: 'bell \u0007 lone \uD800 ]]> &amp; "q"' })] }, { color: false, run: RUN });
    expect(xsdCheck(hostile).ok, xsdCheck(hostile).out).toBe(true);
    const dir = writeDataset({ 'claims/sources/src-a.yaml': source('src-a'), 'claims/acme/x.yaml': claim('x', 'nowhere') });
    const r = await runCli(['validate', '--format', 'junit'], dir);
    expect(r.stdout).toMatch(/ timestamp="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d"/);
    expect(xsdCheck(r.stdout).ok, xsdCheck(r.stdout).out).toBe(true);
  });

  it.skipIf(!HAS_XMLLINT)('the XSD check can fail: a suite without its required attributes is rejected', () => {
    expect(xsdCheck('<testsuites><testsuite name="x"><testcase name="y"/></testsuite></testsuites>').ok).toBe(false);
  });
});

describe('gitlab', () => {
  const issues = JSON.parse(lintFormatters.gitlab!(result, { color: false }));

  it('is a Code Quality array with the fields GitLab reads', () => {
    expect(issues[0]).toEqual({
      description: 'names "x" & <y>', check_name: 'unknown-reference', fingerprint: fingerprints(result.diagnostics)[0], severity: 'major',
      location: { path: 'claims/acme/a.yaml', lines: { begin: 3, end: 3 } },
    });
    expect(issues[1].severity).toBe('minor');
  });

  it("passes GitLab's own codeclimate.json schema, and GitLab's store keeps every issue", () => {
    const validate = gitlabValidator();
    for (const issue of issues) expect(validate(issue), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ description: 'x', severity: 'minor', location: { lines: { begin: 1 } } })).toBe(false);
    // GitLab's CodequalityReports#add_degradation stores each valid issue under its fingerprint, with these severities.
    const stored = new Map<string, unknown>();
    for (const issue of issues) if (validate(issue) && ['blocker', 'critical', 'major', 'minor', 'info'].includes(issue.severity)) stored.set(issue.fingerprint, issue);
    expect(stored.size).toBe(issues.length);
  });
});

describe('github', () => {
  it('prints the stylish listing after the workflow commands, so nothing is hidden', () => {
    const out = lintFormatters.github!(result, { color: false });
    const [commands, listing] = out.split('\n\n', 2) as [string, string];
    expect(commands.split('\n')).toHaveLength(3);
    expect(out).toContain('\n\nclaims/acme/a.yaml\n  3:5  error');
    expect(out.trimEnd().split('\n').at(-2)).toBe('✖ 3 problems (1 error, 2 warnings)');
    expect(listing).toBe('claims/acme/a.yaml\n  3:5  error    names "x" & <y>  unknown-reference\n  8:5  warning  no quote in a  quote-missing');
    expect(out).toBe(`${commands}\n\n${lintFormatters.stylish!(result, { color: false })}`);
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
    expect(bad.stderr).toContain('"no-such-rev" is not a git revision in the repository of claims');
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
    expect(action.runs.steps.find((s: { name?: string }) => s.name === 'claims validate').run).toContain('validate --format github');
  });
});
