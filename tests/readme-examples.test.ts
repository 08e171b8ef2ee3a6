// Every `claims` command the README shows is run as written, on a fresh copy of the bundled dataset, through a real
// shell (so quoting mistakes such as "$400M" inside double quotes show up as they would for a reader). Each must exit
// with the code the README implies (0 unless an `# exit N` note follows it), and where the README shows its output,
// every line shown (other than an ellipsis line) must appear in the real output, in order.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'bin', 'claims.js');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** The width the README's tables and wrapped text are shown at. */
const COLUMNS = '100';

/** One command example: its text as the shell gets it, where it is, the exit code expected and any output shown. */
export interface Example {
  command: string;
  line: number;
  exit: number;
  output?: string[];
  /** The file the README says the command writes (the path it prints), as shown after "writes". */
  writes?: string;
}

/** A walkthrough: a block of commands run in order as one script, each depending on the ones before. */
export interface Walkthrough {
  script: string;
  line: number;
}

/** The blocks marked `<!-- walkthrough … -->`, which `extractExamples` leaves out. */
export function extractWalkthroughs(markdown: string): Walkthrough[] {
  const out: Walkthrough[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^<!-- walkthrough\b.*-->$/.test(lines[i]!.trim()) || lines[i + 1] !== '```sh') continue;
    let end = i + 2;
    while (end < lines.length && lines[end] !== '```') end++;
    out.push({ script: lines.slice(i + 2, end).join('\n'), line: i + 3 });
  }
  return out;
}

const isEllipsis = (l: string): boolean => /^\s*(…|\.\.\.)\s*$/.test(l);

/** Extracts the `claims` command examples of a Markdown text, with the output block that follows each. */
export function extractExamples(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const examples: Example[] = [];
  let pendingOutputFor: Example | undefined;
  let lastWithOutput: Example | undefined;
  let pendingWritesFor: Example | undefined;
  let walkthrough = false;
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!fence) {
      if (lines[i]!.trim() !== '') pendingOutputFor = undefined;
      if (lines[i]!.trim() !== '') pendingWritesFor = lines[i]!.trim() === 'writes' ? lastWithOutput : undefined;
      if (/^<!-- walkthrough\b.*-->$/.test(lines[i]!.trim())) walkthrough = true;
      const marker = /^<!-- output of: (.+?) -->$/.exec(lines[i]!.trim());
      if (marker) pendingOutputFor = examples.find((e) => e.command === marker[1]) ?? { command: marker[1]!, line: i + 1, exit: 0 };
      if (marker && !examples.includes(pendingOutputFor!)) examples.push(pendingOutputFor!);
      continue;
    }
    const lang = fence[1];
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end++;
    const body = lines.slice(start, end);
    i = end;
    if (lang === '' && pendingOutputFor) {
      pendingOutputFor.output = [...(pendingOutputFor.output ?? []), ...body];
      lastWithOutput = pendingOutputFor;
      pendingOutputFor = undefined;
      continue;
    }
    if (lang === 'yaml' && pendingWritesFor) {
      pendingWritesFor.writes = body.join('\n') + '\n';
      pendingWritesFor = undefined;
      continue;
    }
    pendingOutputFor = undefined;
    if (walkthrough) {
      walkthrough = false;
      continue;
    }
    if (lang !== 'sh' && lang !== 'yaml') continue;
    const found: Example[] = [];
    for (let j = 0; j < body.length; j++) {
      let text = body[j]!;
      const at = start + j + 1;
      while (text.endsWith('\\') && j + 1 < body.length) text += '\n' + body[++j]!;
      // In YAML (CI examples) the command is the value of a `run:` key or a `script:` list item.
      if (lang === 'yaml') {
        const m = /^\s*(?:- )?(?:run: )?(npx claims .*)$/.exec(text);
        if (!m) continue;
        text = m[1]!;
      }
      if (!text.startsWith('npx claims ') && !text.includes('&& npx claims ')) continue;
      const note = /\s#\s*exit (\d)\b/.exec(text);
      found.push({ command: text, line: at, exit: note ? Number(note[1]) : 0 });
    }
    examples.push(...found);
    pendingOutputFor = found.length === 1 ? found[0] : undefined;
  }
  return examples;
}

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
}, 120_000);

/** A fresh copy of the bundled dataset, with what the README's commands expect beside it. */
function freshCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claims-readme-'));
  made.push(dir);
  cpSync(join(ROOT, 'claims'), join(dir, 'claims'), { recursive: true });
  cpSync(join(ROOT, 'schemas'), join(dir, 'schemas'), { recursive: true });
  for (const f of ['claims.config.yaml']) if (existsSync(join(ROOT, f))) cpSync(join(ROOT, f), join(dir, f));
  // The CI examples compare against a base branch: make the copy a repository whose `origin/main` is its first commit.
  const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.name=readme', '-c', 'user.email=readme@example.org', 'commit', '-q', '-m', 'dataset');
  git('update-ref', 'refs/remotes/origin/main', 'HEAD');
  return dir;
}

/** Runs one README command through bash, with `npx claims` meaning the built CLI and `npm ci` a no-op. */
function runExample(command: string, cwd: string): { code: number | null; stdout: string; stderr: string } {
  const script = [
    'set -o pipefail',
    `npx() { if [ "$1" = claims ]; then shift; node ${JSON.stringify(BIN)} "$@"; else command npx "$@"; fi; }`,
    'npm() { if [ "$1" = ci ]; then return 0; fi; command npm "$@"; }',
    // A GitHub Actions expression, as GitHub evaluates it on a push to main.
    command.replace(/\$\{\{ github\.base_ref \|\| '(\w+)' \}\}/g, '$1'),
  ].join('\n');
  const r = spawnSync('bash', ['-c', script], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, COLUMNS, NO_COLOR: '1', FORCE_COLOR: undefined, CLAIMS_DEBUG: undefined },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Whether each wanted line appears in `actual`, in order (ellipsis lines stand for anything). */
function missingLine(want: string[], actual: string): string | undefined {
  const have = actual.split('\n').map((l) => l.trimEnd());
  let at = 0;
  for (const w of want.map((l) => l.trimEnd())) {
    if (w === '' || isEllipsis(w)) continue;
    const found = have.indexOf(w, at);
    if (found < 0) return w;
    at = found + 1;
  }
  return undefined;
}

const needs = (command: string): string | undefined => {
  for (const tool of ['dot']) {
    if (new RegExp(`\\|\\s*${tool}\\b`).test(command) && spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return tool;
  }
  return undefined;
};

const examples = extractExamples(README);
const walkthroughs = extractWalkthroughs(README);
const SEEDS = resolve(ROOT, '..', 'shared', 'seeds');

describe('the README extractor', () => {
  it('finds the command examples, their continuation lines and their output blocks', () => {
    const md = [
      '```sh', 'npx claims list   # all', 'npx claims new claim --value \'>$4M\' \\', '  --status rumored', '```', '',
      '```sh', 'npx claims show x', '```', '', '```', 'x  Acme', '…', '```',
      '```yaml', '      - run: npx claims validate --format sarif > a.sarif', '```',
      '```sh', 'npx claims fmt --check   # exit 1 when a file would change', '```',
      '```sh', 'npx claims new source --title T', '```', '```', 'claims/sources/t.yaml', '```', '', 'writes', '', '```yaml', 'type: source', '```',
    ].join('\n');
    const found = extractExamples(md);
    expect(found.map((e) => e.command)).toEqual([
      'npx claims list   # all',
      "npx claims new claim --value '>$4M' \\\n  --status rumored",
      'npx claims show x',
      'npx claims validate --format sarif > a.sarif',
      'npx claims fmt --check   # exit 1 when a file would change',
      'npx claims new source --title T',
    ]);
    expect(found[5]!.writes).toBe('type: source\n');
    expect(found[2]!.output).toEqual(['x  Acme', '…']);
    expect(found[4]!.exit).toBe(1);
  });

  it('finds every command the README shows', () => {
    expect(examples.length).toBeGreaterThanOrEqual(20);
    // The shown outputs of list, show, report and new, and the file new writes, are all checked.
    expect(examples.filter((e) => e.output).length).toBeGreaterThanOrEqual(4);
    expect(examples.filter((e) => e.writes).length).toBeGreaterThanOrEqual(1);
  });
});

describe('every command example in the README runs as written', () => {
  it.each(examples.map((e) => [`README.md:${e.line}: ${e.command.split('\n')[0]}`, e] as const))('%s', (_name, example) => {
    const tool = needs(example.command);
    if (tool) {
      console.warn(`skipped: "${example.command}" needs ${tool}, which is not installed (.ci/run installs it)`);
      return;
    }
    const cwd = freshCopy();
    const r = runExample(example.command, cwd);
    expect(r.code, `${example.command}\n${r.stderr}`).toBe(example.exit);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
    if (example.output) {
      const lost = missingLine(example.output, r.stdout);
      expect(lost, `README.md:${example.line}: this line of the shown output is not in the real output:\n${lost}\n--- real output ---\n${r.stdout}`).toBeUndefined();
    }
    if (example.writes !== undefined) {
      const written = join(cwd, r.stdout.trim().split('\n').pop()!);
      expect(readFileSync(written, 'utf8')).toBe(example.writes);
    }
  });
});

/** The commands that print no report of their own, so take no --format (writing commands print what they changed). */
const NO_FORMAT = new Set(['new', 'fmt', 'init', 'cite', 'resolve', 'retract', 'dispute', 'supersede', 'set', 'rename', 'merge', 'rm', 'snapshot']);

describe('the options the README says every command takes', () => {
  const section = README.slice(README.indexOf('## Options every command takes'));
  const commands = [...section.slice(0, section.indexOf('| option |')).matchAll(/`(\w+)`/g)].map((m) => m[1]!);
  const options = [...section.slice(section.indexOf('| option |'), section.indexOf('\n\n', section.indexOf('| option |'))).matchAll(/`[^`]*`/g)]
    .flatMap((m) => m[0].match(/--[a-z-]+/g) ?? [])
    .filter((o) => o !== '--version');

  it('names the commands and the options', () => {
    expect(commands).toEqual(expect.arrayContaining(['validate', 'list', 'show', 'report', 'new', 'fmt']));
    expect(options).toEqual(expect.arrayContaining(['--dir', '--today', '--config', '--cache', '--cache-location', '--format']));
  });

  it.each(commands)('claims %s --help lists them', (command) => {
    const args = command === 'new' ? ['new', 'claim', '--help'] : [command, '--help'];
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, COLUMNS: '200' } });
    expect(r.status).toBe(0);
    for (const option of options) {
      if (option === '--format' && NO_FORMAT.has(command)) continue;
      expect(r.stdout, `${command} --help`).toContain(option);
    }
  });
});

describe('the README walkthrough', () => {
  it('is found, and its commands are not also run one by one', () => {
    expect(walkthroughs.length).toBe(1);
    expect(walkthroughs[0]!.script).toContain('npx claims init desk');
    expect(examples.some((e) => e.command.includes('init desk'))).toBe(false);
  });

  it.skipIf(!existsSync(SEEDS))('runs as written, in order, with validate clean after every step (needs ../shared/seeds)', () => {
    const top = mkdtempSync(join(tmpdir(), 'claims-walkthrough-'));
    made.push(top);
    const cwd = join(top, 'main');
    mkdirSync(cwd);
    cpSync(SEEDS, join(top, 'shared', 'seeds'), { recursive: true });
    const r = runExample(`set -e\n${walkthroughs[0]!.script}`, cwd);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    const desk = join(cwd, 'desk', 'claims');
    // cite reported what the second article changed; resolve --dry-run printed a diff and wrote nothing.
    expect(r.stdout).toContain('support and grade unchanged (independent');
    expect(r.stdout).toContain('+outcome: met\n+resolved_by: stellantis-deal\n');
    expect(readFileSync(join(desk, 'mistral-ai', 'stellantis-manual-assistant.yaml'), 'utf8')).not.toContain('outcome');
    // rename moved the file and its snapshot; merge removed the duplicate and rewrote the claim that cited it.
    expect(readdirSync(join(desk, 'sources')).sort()).toEqual(['techcrunch-mistral-business.yaml', 'weidemann.yaml']);
    expect(readdirSync(join(desk, 'snapshots')).sort()).toEqual(['techcrunch-mistral-business.txt', 'weidemann.txt']);
    const deal = readFileSync(join(desk, 'mistral-ai', 'stellantis-deal.yaml'), 'utf8');
    expect(deal.match(/- source: (\S+)/g)).toEqual(['- source: techcrunch-mistral-business', '- source: weidemann', '- source: techcrunch-mistral-business']);
    // The last validate in the script was clean (the forecast's overdue warning aside).
    expect(r.stdout).toMatch(/0 errors, 1 warning\)[^]*stellantis-deal  Mistral AI · partnership · fact/);
  });
});
