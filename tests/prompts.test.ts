// What `claims new` asks for on a terminal: promptedFields, and the built CLI driven through a real pseudo-terminal (tmux).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRecord } from '../src/authoring/new.js';
import { promptedFields } from '../src/edit/prompts.js';
import { writeDataset } from './helpers.js';

const names = (kind: 'claim' | 'source', opts: Record<string, string>, asked?: Set<string>): string[] =>
  promptedFields(kind, buildRecord(kind, opts), asked).map((f) => f.field);

describe('promptedFields', () => {
  it('asks a source for its required fields, then position and count when it is anonymous', () => {
    expect(names('source', {})).toEqual(['title', 'publisher', 'kind']);
    expect(names('source', { title: 'T', publisher: 'P', kind: 'news' })).toEqual([]);
    expect(names('source', { title: 'T', publisher: 'P', kind: 'anonymous' })).toEqual(['position', 'count']);
    expect(names('source', { title: 'T', publisher: 'P', kind: 'anonymous', position: 'people familiar with the round' })).toEqual(['count']);
    expect(names('source', { title: 'T', publisher: 'P', kind: 'anonymous', position: 'insiders', count: '2' })).toEqual([]);
  });

  it('asks a claim for its required fields, due for a forecast, and the quote of its evidence', () => {
    expect(names('claim', {})).toEqual(['subject', 'category', 'statement', 'status', 'source', 'quote']);
    expect(names('claim', { assertion: 'forecast' })).toEqual(['subject', 'category', 'statement', 'status', 'due', 'source', 'quote']);
    const full = { subject: 'Acme', category: 'arr', statement: 'S.', status: 'rumored', source: 's' };
    expect(names('claim', full)).toEqual(['quote']);
    expect(names('claim', { ...full, quote: 'q', assertion: 'forecast', due: '2027' })).toEqual([]);
  });

  it('leaves out what was already asked, so a loop can ask again after each answer', () => {
    expect(names('source', { kind: 'anonymous' }, new Set(['title', 'publisher', 'position']))).toEqual(['count']);
  });

  it('marks which answers may be empty, gives choices, and checks dates and counts', () => {
    const fields = promptedFields('source', buildRecord('source', { kind: 'anonymous' }));
    expect(fields.find((f) => f.field === 'title')).toMatchObject({ required: true });
    expect(fields.find((f) => f.field === 'position')).toMatchObject({ required: false });
    const count = fields.find((f) => f.field === 'count')!;
    expect(count.problem!('multiple')).toBeUndefined();
    expect(count.problem!('3')).toBeUndefined();
    expect(count.problem!('0')).toMatch(/whole number/);
    expect(count.problem!('many')).toMatch(/whole number/);
    expect(promptedFields('source', {})[2]!.choices).toContain('anonymous');
    const due = promptedFields('claim', buildRecord('claim', { assertion: 'forecast' })).find((f) => f.field === 'due')!;
    expect(due.problem!('2027-06')).toBeUndefined();
    expect(due.problem!('2027-13')).toMatch(/ISO date/);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// The built CLI in a real terminal.

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'bin/claims.js');
const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;
const BUILT = existsSync(join(ROOT, 'dist/claims.js'));
if (!HAS_TMUX) console.warn('tests/prompts.test.ts: the pseudo-terminal tests are skipped: tmux is not installed (apt-get install tmux)');
if (!BUILT) console.warn('tests/prompts.test.ts: the pseudo-terminal tests are skipped: dist/ is not built (npm run build)');

// A tmux server of this file's own (its own socket), ended after the tests: killing sessions one by one races with a
// server that exits when its last session goes.
const SOCKET = `claims-prompts-${process.pid}`;
const sessions: string[] = [];
afterAll(() => {
  if (sessions.length > 0) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
});

const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });

/** Starts `node bin/claims.js <args>` in a new detached tmux session (a real pseudo-terminal) in `cwd`. */
function startCli(cwd: string, args: string[]): string {
  const name = `claims-prompts-${process.pid}-${sessions.length}-${Date.now()}`;
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  // The exit status is printed, then the pane stays open so it can be read.
  tmux('new-session', '-d', '-s', name, '-x', '200', '-y', '50', '-c', cwd, `${quoted}; echo "EXIT=$?"; sleep 60`);
  sessions.push(name);
  return name;
}

const screen = (name: string): string => tmux('capture-pane', '-p', '-J', '-t', name);

/** Waits until the pane shows `pattern` (a prompt, or the exit line). */
async function waitFor(name: string, pattern: RegExp, ms = 15000): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    const text = screen(name);
    if (pattern.test(text)) return text;
    if (Date.now() > until) throw new Error(`the terminal never showed ${pattern}; it shows:\n${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const type = (name: string, text: string): void => {
  tmux('send-keys', '-t', name, '-l', text);
  tmux('send-keys', '-t', name, 'Enter');
};

describe.skipIf(!HAS_TMUX || !BUILT)('claims new on a terminal (tmux)', () => {
  it('asks for a missing required field and writes the file', async () => {
    const dir = writeDataset({ 'claims/sources/.keep': '' });
    const s = startCli(dir, ['new', 'source', '--publisher', 'The Daily', '--kind', 'news', '--today', '2026-11-24']);
    await waitFor(s, /title: $/m);
    type(s, 'Acme raises money');
    const end = await waitFor(s, /EXIT=\d+/);
    expect(end).toContain('EXIT=0');
    expect(readFileSync(join(dir, 'claims/sources/acme-raises-money.yaml'), 'utf8')).toContain('title: Acme raises money\n');
  });

  // WIRING: this test needs promptedFields wired into the prompt loop of src/cli/new.ts (today `claims new` asks only
  // for required fields, so it writes the anonymous source at once, without position and count). Remove `.skip` then.
  it('asks an anonymous source for position and count, checks the count, and writes them', async () => {
    const dir = writeDataset({ 'claims/sources/.keep': '' });
    const s = startCli(dir, ['new', 'source', '--title', 'Tip on the round', '--publisher', 'Anonymous', '--kind', 'anonymous', '--today', '2026-11-24']);
    // Depends on the wiring: the prompts for the fields anonymous-undescribed would warn about.
    await waitFor(s, /position.*: $/m);
    type(s, 'people familiar with the fundraising');
    await waitFor(s, /count.*: $/m);
    type(s, 'many');
    // Depends on the wiring: a count that is neither a number nor "multiple" is asked again.
    await waitFor(s, /must be a whole number of at least 1, or "multiple"[\s\S]*count.*: $/m);
    type(s, 'multiple');
    const end = await waitFor(s, /EXIT=\d+/);
    expect(end).toContain('EXIT=0');
    // Nothing left to warn about.
    expect(end).not.toContain('anonymous-undescribed');
    const text = readFileSync(join(dir, 'claims/sources/tip-on-the-round.yaml'), 'utf8');
    expect(text).toContain('position: people familiar with the fundraising\n');
    expect(text).toContain('count: multiple\n');
  });

  // WIRING: as above — a forecast is asked for `due`, and a claim for the quote of its evidence.
  it('asks a forecast for due and the quote, and an empty quote is left out', async () => {
    const dir = writeDataset({
      'claims/sources/tip.yaml': 'type: source\nid: tip\ntitle: Tip\npublisher: Anonymous\nkind: anonymous\nposition: insiders\ncount: 2\n',
    });
    const s = startCli(dir, ['new', 'claim', '--subject', 'Acme', '--category', 'funding-round', '--statement', 'Acme will raise $50M.', '--status', 'rumored',
      '--assertion', 'forecast', '--source', 'tip', '--today', '2026-11-24']);
    await waitFor(s, /due.*: $/m);
    type(s, '2027-13');
    await waitFor(s, /must be an ISO date[\s\S]*due.*: $/m);
    type(s, '2027-06');
    await waitFor(s, /quote.*: $/m);
    type(s, '');
    const end = await waitFor(s, /EXIT=\d+/);
    expect(end).toContain('EXIT=0');
    // The quote was skipped on purpose: the warning says so, as it would have without the prompt.
    expect(end).toContain('quote-missing');
  });
});
