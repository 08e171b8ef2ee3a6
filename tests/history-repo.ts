/**
 * A real git repository for the history and stats tests, built with the git CLI in a temporary folder: a rumor
 * confirmed by a better-supported claim, a claim retracted then removed, a file moved with `git mv`, a claim renamed
 * with `claims rename`, a source merged with `claims merge`, a status raised with new evidence and one raised without.
 * Every commit has fixed author and committer dates, so figures can be computed by hand from the dates below.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from './cli-helpers.js';

/** Runs git in `cwd` with a fixed identity and date; throws with git's message on failure. */
export function git(cwd: string, args: string[], date = '2026-01-01T12:00:00Z', author = 'Alice Reporter'): string {
  const r = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env, GIT_AUTHOR_NAME: author, GIT_AUTHOR_EMAIL: 'desk@example.org', GIT_COMMITTER_NAME: author,
      GIT_COMMITTER_EMAIL: 'desk@example.org', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd,
    },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Writes `files` (paths under claims/) into `root`. */
export function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    const abs = join(root, 'claims', path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
}

/** Commits everything under claims/ with a date and an author. */
export function commit(root: string, message: string, date: string, author = 'Alice Reporter'): void {
  git(root, ['add', '-A', 'claims'], date, author);
  git(root, ['commit', '-q', '-m', message], date, author);
}

/** A new empty repository in a temporary folder. */
export function newRepo(): string {
  const root = mkdtempSync(join(tmpdir(), 'claims-history-'));
  git(root, ['init', '-q', '-b', 'main']);
  git(root, ['config', 'user.name', 'Alice Reporter']);
  git(root, ['config', 'user.email', 'desk@example.org']);
  git(root, ['config', 'commit.gpgsign', 'false']);
  return root;
}

const source = (id: string, rest: string) => `type: source\nid: ${id}\ntitle: ${id} title\n${rest}`;
const claim = (id: string, rest: string) => `type: claim\nid: ${id}\nsubject: Acme\n${rest}`;

/** The dates of the story's commits, by step. */
export const DATES = {
  start: '2026-01-10T09:00:00Z',
  confirmed: '2026-01-20T09:00:00Z',
  retracted: '2026-02-01T09:00:00Z',
  moved: '2026-02-15T09:00:00Z',
  renamed: '2026-03-01T09:00:00Z',
  raised: '2026-03-11T09:00:00Z',
  merged: '2026-03-20T09:00:00Z',
  upgradedWithoutEvidence: '2026-04-01T09:00:00Z',
  regraded: '2026-04-05T09:00:00Z',
  removed: '2026-04-10T09:00:00Z',
} as const;

/**
 * Builds the story. Sources: newsco (news, B, published 2026-01-05), wire (news, A, published 2026-03-01),
 * anon-tip (anonymous, D), newsco-copy (a duplicate of newsco, merged into it later).
 */
export async function buildStory(): Promise<string> {
  const root = newRepo();
  write(root, {
    'sources/newsco.yaml': source('newsco', 'publisher: NewsCo\nkind: news\npublished: "2026-01-05"\nreliability: B\n'),
    'sources/newsco-copy.yaml': source('newsco-copy', 'publisher: NewsCo\nkind: news\npublished: "2026-01-05"\nreliability: B\n'),
    'sources/anon-tip.yaml': source('anon-tip', 'publisher: Unnamed\nkind: anonymous\nposition: people close to Acme\ncount: multiple\nreliability: D\n'),
    'acme/arr-rumor.yaml': claim('arr-rumor', 'category: arr\nstatement: Acme is at $100M ARR, people close to it say.\nvalue: "$100M"\nas_of: "2026-01"\nstatus: rumored\nevidence:\n  - source: newsco\n    origin: anon-tip\n'),
    'acme/deal-x.yaml': claim('deal-x', 'category: partnership\nstatement: Acme is in talks with Beta.\nstatus: rumored\nevidence:\n  - source: newsco\n    origin: anon-tip\n'),
    'acme/round-a.yaml': claim('round-a', 'category: funding-round\nstatement: Acme is raising a Series A.\nvalue: "$20M"\nstatus: rumored\nevidence:\n  - source: newsco\n    origin: anon-tip\n'),
    'acme/deal-y.yaml': claim('deal-y', 'category: partnership\nstatement: Acme will partner with Gamma.\nstatus: rumored\nevidence:\n  - source: newsco-copy\n    origin: anon-tip\n'),
    // Read in the anonymous source itself, which has no published date, and no as_of: open since the commit that added it.
    'acme/people-x.yaml': claim('people-x', 'category: people\nstatement: Acme is hiring a new CFO.\nstatus: rumored\nevidence:\n  - source: anon-tip\n'),
    // No published date either, but an as_of: open since 2026-02-01.
    'acme/people-y.yaml': claim('people-y', 'category: people\nstatement: Acme is looking for a COO.\nas_of: "2026-02"\nstatus: rumored\nevidence:\n  - source: anon-tip\n'),
    'acme/old-note.yaml': claim('old-note', 'category: other\nstatement: Acme may move offices.\nstatus: rumored\nevidence:\n  - source: newsco\n'),
  });
  commit(root, 'Acme: the first reports', DATES.start);

  write(root, {
    'sources/wire.yaml': source('wire', 'publisher: Wire\nkind: news\npublished: "2026-03-01"\nreliability: A\n'),
    'acme/arr-confirmed.yaml': claim('arr-confirmed', 'category: arr\nstatement: Acme is at $100M ARR.\nvalue: "$100M"\nas_of: "2026-03"\nstatus: independent\nsupersedes: arr-rumor\nevidence:\n  - source: wire\n'),
  });
  commit(root, 'Acme ARR confirmed by the wire', DATES.confirmed, 'Bob Editor');

  expectOk(await runCli(['retract', 'deal-x', '--reason', 'Beta denied any talks', '--today', '2026-02-01'], root));
  commit(root, 'deal-x retracted', DATES.retracted);

  mkdirSync(join(root, 'claims', 'acme-arr'), { recursive: true });
  git(root, ['mv', 'claims/acme/arr-rumor.yaml', 'claims/acme-arr/arr-rumor.yaml']);
  commit(root, 'ARR claims in their own folder', DATES.moved);

  expectOk(await runCli(['rename', 'round-a', 'round-a-2026', '--today', '2026-03-01'], root));
  commit(root, 'round-a is the 2026 round', DATES.renamed);

  const roundFile = join(root, 'claims', 'acme', 'round-a-2026.yaml');
  writeFileSync(roundFile, readFileSync(roundFile, 'utf8').replace('status: rumored', 'status: independent') + '  - source: wire\n');
  commit(root, 'Series A confirmed by the wire', DATES.raised, 'Bob Editor');

  expectOk(await runCli(['merge', 'newsco-copy', 'newsco', '--prefer', 'into', '--today', '2026-03-20'], root));
  commit(root, 'newsco-copy is newsco', DATES.merged);

  const dealY = join(root, 'claims', 'acme', 'deal-y.yaml');
  writeFileSync(dealY, readFileSync(dealY, 'utf8').replace('status: rumored', 'status: independent'));
  commit(root, 'deal-y: marked independent', DATES.upgradedWithoutEvidence, 'Carol Intern');

  const anon = join(root, 'claims', 'sources', 'anon-tip.yaml');
  writeFileSync(anon, readFileSync(anon, 'utf8').replace('reliability: D', 'reliability: C'));
  commit(root, 'anon-tip has been right before', DATES.regraded);

  git(root, ['rm', '-q', 'claims/acme/old-note.yaml']);
  commit(root, 'old-note removed', DATES.removed);
  return root;
}

function expectOk(r: { code: number; stderr: string }): void {
  if (r.code !== 0) throw new Error(`claims failed: ${r.stderr}`);
}

/** Removes a temporary repository. */
export function removeRepo(root: string): void {
  rmSync(root, { recursive: true, force: true });
}
