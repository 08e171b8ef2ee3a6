/** Data from the dataset never drives the terminal: control characters reach every terminal format only as visible escapes. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/index.js';
import { escapeControls, escapeDeep } from '../src/format/escape.js';
import { lintFormatters } from '../src/format/index.js';
import type { LintResult } from '../src/diagnostic.js';
import { source, writeDataset } from './helpers.js';
import { runCli } from './cli-helpers.js';

const CLIPBOARD = '\u001b]52;c;ZXZpbA==\u0007';
const CLEAR = '\u001b[2J';
const HOSTILE = `Acme ${CLIPBOARD}grew ${CLEAR}fast \u202Eevil\u2028x\u009b31m\u007f.`;

/** Every ESC in `out` starts a colour code (SGR) of our own; any other escape sequence came from data. */
function onlyOurColours(out: string): void {
  const escapes = out.match(/\u001b[^\n]{0,12}/g) ?? [];
  for (const e of escapes) expect(e).toMatch(/^\u001b\[[0-9;]*m/);
  // No other raw control character either, but line feeds (and nothing else from the hostile text).
  expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001a\u001c-\u001f\u007f-\u009f\u202e\u2028\u2029]/);
}

/** The escaped forms of the hostile text, as a reader sees them. */
function showsEscaped(out: string): void {
  expect(out).toContain('\\x1b]52;c;ZXZpbA==\\x07');
  expect(out).toContain('\\x1b[2J');
  expect(out).toContain('\\u202eevil');
}

describe('escapeControls', () => {
  it('shows C0, C1, DEL, bidi controls and line separators as escapes; keeps plain text', () => {
    expect(escapeControls('a\u001b[2Jb\u0007c\u007fd\u009be\u202Ef\u2066g\u2028h\u2029i\tj\rk\nl')).toBe(
      'a\\x1b[2Jb\\x07c\\x7fd\\x9be\\u202ef\\u2066g\\u2028h\\u2029i\\tj\\rk\\nl',
    );
    expect(escapeControls('Mistral AI · €1.7B — “quoted” 日本 🚀')).toBe('Mistral AI · €1.7B — “quoted” 日本 🚀');
  });

  it('keeps the characters it is told to keep', () => {
    expect(escapeControls('a\nb\rc\u001b', '\n')).toBe('a\nb\\rc\\x1b');
    expect(escapeControls('a\nb\rc', '\r\n')).toBe('a\nb\rc');
  });

  it('escapeDeep copies data with every string escaped, keys too, and no prototype touched', () => {
    const data = JSON.parse('{"a": ["x\\u001b[2J", 1, null, {"__proto__": "p\\u0007", "k\\u001b": true}]}');
    const out = escapeDeep(data);
    expect(out).toEqual(JSON.parse('{"a": ["x\\\\x1b[2J", 1, null, {"__proto__": "p\\\\x07", "k\\\\x1b": true}]}'));
    expect(Object.getPrototypeOf(out.a[3])).toBe(Object.prototype);
    expect(data.a[0]).toBe('x\u001b[2J');
  });
});

describe('lint formats', () => {
  const result: LintResult = {
    files: 1, claims: 1, sources: 0, errorCount: 1, warningCount: 0,
    diagnostics: [{
      file: `claims/a${CLEAR}.yaml`, line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'error', rule: 'schema', messageId: 'x', path: '',
      message: `Unknown field "${HOSTILE}" 100%\r\nnext`,
    }],
  };

  it.each([true, false])('stylish shows the message and file name escaped (colour %s)', (color) => {
    const out = lintFormatters.stylish!(result, { color });
    onlyOurColours(out);
    showsEscaped(out);
    expect(out).toContain('claims/a\\x1b[2J.yaml');
    if (color) expect(out).toContain('\u001b[31merror');
  });

  it('github escapes controls visibly, and %, CR and LF as the workflow-command format requires', () => {
    const out = lintFormatters.github!(result, { color: false });
    onlyOurColours(out);
    const command = out.split('\n')[0]!;
    expect(command).toMatch(/^::error file=claims\/a\\x1b\[2J\.yaml,line=1,/);
    expect(command).toContain('::Unknown field "Acme \\x1b]52;c;ZXZpbA==\\x07grew \\x1b[2Jfast \\u202eevil\\u2028x\\x9b31m\\x7f." 100%25%0D%0Anext');
  });
});

describe('commands that print data', () => {
  const claimText = (statement: string, extra = '') =>
    `type: claim\nid: arr-1\nsubject: "Acme\\e[2J"\ncategory: arr\nstatement: ${JSON.stringify(statement)}\nstatus: independent\nas_of: 2026-02\nvalue: "$20M"\n${extra}evidence:\n  - source: src-a\n    quote: q\n`;
  const dataset = (extra = '') => writeDataset({
    'sources/src-a.yaml': source('src-a', `publisher: "Pub\\e]0;title\\a"\n`).replace('publisher: Publisher\n', ''),
    'acme/arr-1.yaml': claimText(HOSTILE, extra),
  });

  async function cli(args: string[], dir: string, color: boolean): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: { write: (s: string) => (stdout += s), isTTY: false, columns: 100 },
      stderr: { write: (s: string) => (stderr += s) },
      cwd: () => resolve(dir),
      env: {},
      color,
    };
    const code = await run(['node', 'claims', ...args, '--dir', dir, '--today', '2026-11-24'], io);
    return { code, stdout, stderr };
  }

  it.each([
    ['show', ['show', 'arr-1']],
    ['show markdown', ['show', 'arr-1', '--format', 'markdown']],
    ['list', ['list']],
    ['list --limit', ['list', '--status', 'independent', '--limit', '1']],
  ])('%s prints the statement only in escaped form', async (_, args) => {
    const dir = dataset();
    for (const color of [false, true]) {
      const { code, stdout } = await cli(args, dir, color);
      expect(code).toBe(0);
      onlyOurColours(stdout);
      showsEscaped(stdout);
    }
  });

  it.each([
    ['list markdown', ['list', '--format', 'markdown'], 'Acme \\\\x1b]52;c;ZXZpbA==\\\\x07grew'],
    ['sources', ['sources'], 'Pub\\x1b]0;title\\x07'],
    ['report', ['report'], 'Acme\\x1b[2J'],
  ])('%s prints data only in escaped form', async (_, args, escaped) => {
    const dir = dataset();
    for (const color of [false, true]) {
      const { code, stdout } = await cli(args, dir, color);
      expect(code).toBe(0);
      onlyOurColours(stdout);
      expect(stdout).toContain(escaped);
    }
  });

  it('sources and show print a hostile publisher and subject escaped', async () => {
    const dir = dataset();
    const sources = await cli(['sources'], dir, false);
    expect(sources.stdout).toContain('Pub\\x1b]0;title\\x07');
    const show = await cli(['show', 'arr-1'], dir, true);
    expect(show.stdout).toContain('Acme\\x1b[2J');
    expect(show.stdout).toContain('Pub\\x1b]0;title\\x07');
  });

  it('validate prints a hostile key of an unknown field escaped', async () => {
    const dir = dataset(`"bad\\e[2Jkey\\e]52;c;eA==\\a": 1\n`);
    for (const color of [false, true]) {
      const { code, stdout } = await cli(['validate'], dir, color);
      expect(code).toBe(1);
      onlyOurColours(stdout);
      expect(stdout).toContain('bad\\x1b[2Jkey\\x1b]52;c;eA==\\x07');
    }
  });
});

describe('one-line errors on stderr', () => {
  it('show an id from the command line with its control characters escaped', async () => {
    const r = await runCli(['show', 'a\u001b]52;c;aGk=\u0007'], 'clean');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a\\x1b]52;c;aGk=\\x07');
    expect(r.stderr).not.toContain('\u001b');
  });
});

describe('formats that are read in a terminal as often as rendered', () => {
  const HOSTILE = 'Acme\u001b]52;c;aGk=\u0007\u001b[2J\u202e';
  const files = {
    'claims/sources/src-a.yaml': source('src-a'),
    'claims/acme/hostile.yaml': `type: claim\nid: hostile\nsubject: ${JSON.stringify(HOSTILE)}\ncategory: arr\nstatement: ${JSON.stringify(`Revenue ${HOSTILE}`)}\nvalue: "$5M"\nas_of: "2026"\nstatus: independent\nevidence:\n  - source: src-a\n    quote: q\n`,
  };

  it.each([
    ['report --format markdown', ['report', '--format', 'markdown']],
    ['graph (mermaid)', ['graph', 'hostile']],
    ['graph --format dot', ['graph', 'hostile', '--format', 'dot']],
    ['show --format markdown', ['show', 'hostile', '--format', 'markdown']],
  ])('%s shows control characters escaped', async (_name, args) => {
    const root = writeDataset(files);
    const r = await runCli(args, root);
    expect(r.code).toBe(0);
    // Shown as `\x1b`; DOT and Markdown escape the backslash itself (`\\x1b`), which renders as `\x1b`.
    expect(r.stdout).toMatch(/\\{1,2}x1b\]52;c;aGk=\\{1,2}x07/);
    expect(r.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
  });
});

describe('show: a long evidence chain', () => {
  it('shows its first and last links around a count, so the output stays bounded (the tree indents once a link)', async () => {
    const via = Array.from({ length: 10_000 }, (_, i) => `relay-${i % 3}`);
    const root = writeDataset({
      'claims/sources/src-a.yaml': source('src-a'),
      'claims/sources/acme-blog.yaml': source('acme-blog'),
      'claims/sources/relay-0.yaml': source('relay-0'),
      'claims/sources/relay-1.yaml': source('relay-1'),
      'claims/sources/relay-2.yaml': source('relay-2'),
      'claims/acme/long.yaml': `type: claim\nid: long\nsubject: Acme\ncategory: arr\nstatement: S.\nstatus: independent\nevidence:\n  - source: src-a\n    origin: acme-blog\n    via: [${via.join(', ')}]\n    quote: q\n`,
    });
    for (const format of ['text', 'markdown']) {
      const r = await runCli(['show', 'long', '--format', format], root);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('… 9994 more relays …');
      expect(r.stdout.length).toBeLessThan(20_000);
    }
  });
});
