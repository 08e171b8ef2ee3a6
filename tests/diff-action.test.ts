/**
 * The composite action's `claims diff` step: action.yml parses as YAML, the step runs only on pull requests, and its
 * command, run by bash as the runner runs it (with the `${{ }}` values GitHub would put in its env), appends the diff
 * as markdown to $GITHUB_STEP_SUMMARY. Needs the built CLI (npm run build).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { writeDataset } from './helpers.js';

const ROOT = resolve(__dirname, '..');

interface Step {
  name?: string;
  if?: string;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
}

const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
};
const step = action.runs.steps.find((s) => s.name === 'claims diff');

/** The value GitHub gives an expression of the step's env, for a pull request. */
function evaluate(text: string, ctx: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, expr: string) => {
    if (!(expr in ctx)) throw new Error(`no value for ${expr}`);
    return ctx[expr]!;
  });
}

describe('action.yml: the claims diff step', () => {
  it('parses, and runs on pull requests only, after the other steps even when validate failed', () => {
    expect(action.runs.using).toBe('composite');
    expect(step).toBeDefined();
    expect(step!.shell).toBe('bash');
    expect(step!.if).toContain("github.event_name == 'pull_request'");
    expect(step!.if).toContain('!cancelled()');
    expect(step!.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(step!.env!.BASE_SHA).toBe('${{ github.event.pull_request.base.sha }}');
    expect(action.inputs.diff?.default).toBe('true');
    expect(action.inputs.dataset?.default).toBe('claims');
    // Inputs reach the command through the environment, never pasted into the script.
    expect(step!.run).not.toContain('${{');
  });

  it('its command appends the markdown diff of the pull request to the job summary', () => {
    const repo = writeDataset({
      'claims/sources/daily-news.yaml': 'type: source\nid: daily-news\ntitle: Acme on record\npublisher: The Daily\nkind: news\n',
      'claims/sources/rumor-mill.yaml': 'type: source\nid: rumor-mill\ntitle: People familiar\npublisher: The Daily\nkind: anonymous\nposition: staff\ncount: 2\n',
      'claims/acme/arr.yaml': 'type: claim\nid: arr\nsubject: Acme\ncategory: arr\nstatement: Acme ARR passed $10M.\nvalue: ">$10M"\nstatus: rumored\nevidence:\n  - source: rumor-mill\n    quote: ARR passed $10M\n',
    });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=ci', '-c', 'user.email=ci@example.org', ...args], { cwd: repo, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'base');
    const base = git('rev-parse', 'HEAD').trim();
    // The pull request: the rumor confirmed by The Daily, on record.
    writeFileSync(join(repo, 'claims/acme/arr.yaml'), readFileSync(join(repo, 'claims/acme/arr.yaml'), 'utf8')
      .replace('status: rumored', 'status: independent') + '  - source: daily-news\n    quote: Acme ARR is above $10M\n');
    git('commit', '-qam', 'confirmed');
    const summary = join(repo, 'summary.md');
    writeFileSync(summary, '# Earlier steps\n\n');
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(step!.env!)) {
      env[k] = evaluate(v, {
        'github.action_path': ROOT,
        'github.event.pull_request.base.sha': base,
        'inputs.dataset': action.inputs.dataset!.default!,
        'inputs.diff-args': '--fail-on upgrade-without-evidence',
      });
    }
    const r = spawnSync('bash', ['-e', '-c', step!.run!], { cwd: repo, encoding: 'utf8', env: { ...process.env, ...env, GITHUB_STEP_SUMMARY: summary, NO_COLOR: '1' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const md = readFileSync(summary, 'utf8');
    expect(md.startsWith('# Earlier steps\n\n## claims diff: ')).toBe(true);
    const headings = marked.lexer(md).filter((t) => t.type === 'heading').map((t) => (t as { text: string }).text);
    expect(headings).toEqual(expect.arrayContaining(['Declared status', 'Support and grade', 'Evidence']));
    expect(md).toContain('| ▲ | `arr` | rumored → independent | new origin: daily-news |');
  });
});
