/**
 * `claims history <id>`: one row per commit that changed a claim, its evidence or the sources it rests on, with what
 * the claim declared and what its evidence supported at that commit. The history is read once (`git log --raw -M`), the
 * claim is followed backwards through renames of its file and of its id, and only the blobs needed (the claim's versions
 * and the sources it cites at the commits that matter) are read, through `git cat-file`.
 */
import { basename, extname } from 'node:path';
import { UsageError } from '../cli/io.js';
import { addFileFromText, displayPath, emptyDataset, type ClaimRecord, type SourceRecord } from '../load/dataset.js';
import { isYamlName } from '../load/discover.js';
import type { Claim, Status } from '../model/schema.js';
import { gradeClaim } from '../provenance/grade.js';
import { claimProvenance, type Entities, type Index, type Support } from '../provenance/index.js';
import { MAX_BYTES } from '../util/safe-read.js';
import { nearest } from '../util/suggest.js';
import { conflictLine, type GitHistory, type TreeFile } from './git.js';

/** One changed file in one commit, as `git log --raw` gives it. */
export interface LogEntry {
  status: string;
  oldBlob: string;
  newBlob: string;
  /** The path before (for renames and copies) and after, from the repository root; `path` alone for the rest. */
  from?: string;
  path: string;
}

/** One commit of the dataset folder's history, with the files it changed there. */
export interface LogCommit {
  sha: string;
  date: string;
  author: string;
  subject: string;
  entries: LogEntry[];
}

/** What one row says changed: the claim's file (added, changed, renamed, removed), or only sources it rests on. */
export type HistoryChange = 'added' | 'changed' | 'renamed' | 'removed' | 'sources';

/** One row of `claims history`: the claim as it stood after one commit (the JSON shape is a public contract). */
export interface HistoryRow {
  commit: string;
  date: string;
  author: string;
  subject: string;
  change: HistoryChange;
  /** The ids of the cited sources whose files the commit changed. */
  changed_sources: string[];
  /** The claim's id and file (from the repository root) after the commit; before it, for `removed`. */
  id: string | null;
  path: string;
  /** Null for `removed`, and for a version that does not load (see `problem`). */
  status: Status | null;
  support: Support | null;
  grade: string | null;
  value: string | null;
  evidence: number | null;
  /** Why the claim's file did not load at that commit, or null. */
  problem: string | null;
}

/** The whole history of one claim, oldest commit first. */
export interface ClaimHistory {
  /** The id asked for. */
  id: string;
  /** The claim's id at HEAD, or null when the claim is no longer in the dataset. */
  current_id: string | null;
  /** Every id the claim has had, oldest first. */
  ids: string[];
  /** The commit that removed the claim, when it is gone. */
  removed: { commit: string; date: string } | null;
  rows: HistoryRow[];
}

/** The NUL-separated header of each commit; the marker keeps a subject from being read as a new commit. */
const MARK = '\u0001\u0002claims-log\u0002';
const LOG_FORMAT = `--format=${MARK.replace(/\u0001/g, '%x01').replace(/\u0002/g, '%x02')}%H%x00%aI%x00%an%x00%s%x00`;

/** The dataset folder's history from HEAD, newest commit first, with the files each commit changed (renames found with -M). */
export function readLog(git: GitHistory): LogCommit[] {
  const args = ['log', LOG_FORMAT, '--raw', '--no-abbrev', '-M', '-z', '--no-color', 'HEAD', '--', git.datasetRel === '' ? '.' : git.datasetRel];
  return parseLog(git.git(args));
}

/** Parses `git log --raw -z` output written with LOG_FORMAT. */
export function parseLog(out: string): LogCommit[] {
  const commits: LogCommit[] = [];
  for (const chunk of out.split(MARK)) {
    if (chunk === '') continue;
    const fields = chunk.split('\0');
    const [sha = '', date = '', author = '', subject = ''] = fields;
    if (!/^[0-9a-f]{40,64}$/.test(sha)) continue;
    const entries: LogEntry[] = [];
    for (let i = 4; i < fields.length; i++) {
      const head = fields[i]!.replace(/^\n/, '');
      if (!head.startsWith(':')) continue;
      const [, , oldBlob = '', newBlob = '', status = ''] = head.slice(1).split(' ');
      const letter = status.charAt(0);
      if (letter === 'R' || letter === 'C') {
        entries.push({ status: letter, oldBlob, newBlob, from: fields[i + 1] ?? '', path: fields[i + 2] ?? '' });
        i += 2;
      } else {
        entries.push({ status: letter, oldBlob, newBlob, path: fields[i + 1] ?? '' });
        i += 1;
      }
    }
    commits.push({ sha, date, author, subject, entries });
  }
  return commits;
}

const ZERO = /^0+$/;
const stemOf = (path: string): string => basename(path, extname(path));

/** A parsed version of a file: its record when it loads, else why not. */
interface Parsed {
  claim?: ClaimRecord;
  source?: SourceRecord;
  /** The declared type and id, even when the file does not load. */
  type?: string;
  id?: string;
  problem?: string;
}

/** What history needs besides the repository. */
export interface HistoryOptions {
  entities: Entities;
  today: string;
  cwd: string;
}

/** Where following a claim starts: a path at the state after log[index], its blob there, and the commit that removed it. */
interface Start {
  index: number;
  path: string;
  blob: string;
  removedAt?: number;
}

/** The history of claim `id`, followed from HEAD backwards through renames; a usage error for an id never seen. */
export function claimHistory(git: GitHistory, id: string, opts: HistoryOptions): ClaimHistory {
  git.headCommit();
  if (git.isShallow()) throw new UsageError(git.shallowMessage(`the whole history of ${id}`));
  const log = readLog(git);
  const cache = new Map<string, Parsed>();
  const parse = (blob: string, path: string, text: string | undefined): Parsed => {
    let p = cache.get(blob);
    if (p) return p;
    p = parseVersion(git, blob, path, text, opts.cwd);
    cache.set(blob, p);
    return p;
  };
  const headTree = git.tree(log[0]?.sha ?? 'HEAD');
  const start = findStart(git, log, headTree, id, parse);
  const walk = followClaim(log, start);
  // Every version of the claim's file, read at once.
  const claimBlobs = [...new Set(walk.map((w) => w.after).concat(walk.map((w) => w.before)).filter((b): b is string => b !== undefined))];
  readBlobs(git, claimBlobs, (blob, text) => parse(blob, pathOfBlob(walk, blob), text));
  const versionOf = (blob: string | undefined): Parsed | undefined => (blob === undefined ? undefined : cache.get(blob));

  // The commits that matter: those that changed the claim's file, or a file named after a source it cited then.
  const pathsByStem = new Map<string, Set<string>>();
  const addPath = (path: string) => {
    if (!isYamlName(basename(path))) return;
    const stem = stemOf(path);
    let set = pathsByStem.get(stem);
    if (!set) pathsByStem.set(stem, (set = new Set()));
    set.add(path);
  };
  for (const c of log) for (const e of c.entries) {
    addPath(e.path);
    if (e.from) addPath(e.from);
  }
  for (const f of headTree) addPath(f.path);

  const relevant: Array<{ step: Step; sources: string[]; changed: string[] }> = [];
  for (const step of walk) {
    const commit = log[step.index]!;
    // The sources cited after the commit, and before it: a source merged away or dropped in this commit counts too.
    const version = versionOf(step.after ?? step.before);
    const previous = versionOf(step.before);
    const cited = version?.claim ? citedSources(version.claim.data) : [];
    const citedSet = new Set([...cited, ...(previous?.claim ? citedSources(previous.claim.data) : [])]);
    const changed = new Set<string>();
    for (const e of commit.entries) {
      for (const p of [e.path, e.from]) if (p !== undefined && p !== step.path && p !== step.pathBefore && citedSet.has(stemOf(p))) changed.add(stemOf(p));
    }
    // The commit that added the claim adds, or already had, everything it cites: its sources are not news there.
    if (step.kind === 'added') changed.clear();
    if (step.kind !== undefined || changed.size > 0) relevant.push({ step, sources: cited, changed: [...changed].sort() });
  }

  // The cited sources' files at each commit that matters, looked up by path (check first: sizes and blob ids).
  const names: string[] = [];
  const nameOwner: Array<{ row: number }> = [];
  relevant.forEach((r, row) => {
    if (r.step.kind === 'removed') return;
    for (const sid of r.sources) for (const p of pathsByStem.get(sid) ?? []) {
      names.push(`${log[r.step.index]!.sha}:${p}`);
      nameOwner.push({ row });
    }
  });
  const checked = git.objects(names, true);
  const sourceBlobs = new Map<number, Array<{ blob: string; path: string }>>();
  const toRead = new Set<string>();
  checked.forEach((o, i) => {
    if (!o || o.type !== 'blob') return;
    const path = names[i]!.slice(names[i]!.indexOf(':') + 1);
    const list = sourceBlobs.get(nameOwner[i]!.row) ?? [];
    list.push({ blob: o.sha, path });
    sourceBlobs.set(nameOwner[i]!.row, list);
    if (!cache.has(o.sha)) {
      if (o.size > MAX_BYTES.dataFile) cache.set(o.sha, { problem: `is ${o.size} bytes, over the ${MAX_BYTES.dataFile}-byte limit` });
      else toRead.add(o.sha);
    }
  });
  const pathOf = new Map<string, string>();
  for (const list of sourceBlobs.values()) for (const s of list) pathOf.set(s.blob, s.path);
  readBlobs(git, [...toRead], (blob, text) => parse(blob, pathOf.get(blob) ?? '', text));

  const rows: HistoryRow[] = relevant.map((r, row) => {
    const commit = log[r.step.index]!;
    const base = { commit: commit.sha, date: commit.date, author: commit.author, subject: commit.subject, changed_sources: r.changed };
    if (r.step.kind === 'removed') {
      const before = versionOf(r.step.before);
      return { ...base, change: 'removed', id: before?.id ?? null, path: r.step.pathBefore, status: null, support: null, grade: null, value: null, evidence: null, problem: null };
    }
    const version = versionOf(r.step.after)!;
    const change: HistoryChange = r.step.kind ?? 'sources';
    if (!version.claim) {
      return { ...base, change, id: version.id ?? null, path: r.step.path, status: null, support: null, grade: null, value: null, evidence: null, problem: version.problem ?? 'is not a claim at this commit' };
    }
    const index: Index = { sources: new Map(), claims: new Map([[version.claim.data.id, version.claim]]) };
    for (const s of sourceBlobs.get(row) ?? []) {
      const src = cache.get(s.blob)?.source;
      if (src && !index.sources.has(src.data.id)) index.sources.set(src.data.id, src);
    }
    const claim = version.claim.data;
    const p = claimProvenance(claim, index, opts.entities);
    const g = gradeClaim(claim, p, index, opts.today, false);
    return {
      ...base, change, id: claim.id, path: r.step.path, status: claim.status, support: p.support, grade: g.grade,
      value: valueText(claim), evidence: claim.evidence.length, problem: null,
    };
  });
  rows.reverse();
  const ids: string[] = [];
  for (const r of rows) if (r.id !== null && !ids.includes(r.id)) ids.push(r.id);
  const removed = start.removedAt === undefined ? null : { commit: log[start.removedAt]!.sha, date: log[start.removedAt]!.date };
  const head = versionOf(start.blob);
  return { id, current_id: removed ? null : head?.id ?? id, ids, removed, rows };
}

/** One commit on the claim's way back: its file's path after and before, its blobs, and how the commit changed it. */
interface Step {
  index: number;
  path: string;
  pathBefore: string;
  /** The claim's blob after the commit (undefined for the commit that removed it) and before (undefined once added). */
  after?: string;
  before?: string;
  kind?: Exclude<HistoryChange, 'sources'>;
}

/** Follows the claim's file from `start` back to the commit that added it, through renames and copies. */
function followClaim(log: readonly LogCommit[], start: Start): Step[] {
  const steps: Step[] = [];
  let path = start.path;
  let blob: string | undefined = start.blob;
  for (let i = start.index; i < log.length; i++) {
    const commit = log[i]!;
    if (i === start.removedAt) {
      const e = commit.entries.find((x) => x.status === 'D' && x.path === path) ?? commit.entries.find((x) => x.from === path);
      steps.push({ index: i, path, pathBefore: path, before: e?.oldBlob ?? blob, kind: 'removed' });
      blob = e?.oldBlob ?? blob;
      continue;
    }
    const e = commit.entries.find((x) => x.path === path && x.status !== 'D');
    if (!e) {
      steps.push({ index: i, path, pathBefore: path, after: blob, before: blob });
      continue;
    }
    const added = e.status === 'A' || ZERO.test(e.oldBlob);
    const pathBefore = e.from ?? path;
    const kind = added ? 'added' : e.from !== undefined && e.from !== path ? 'renamed' : 'changed';
    steps.push({ index: i, path, pathBefore, after: e.newBlob, before: added ? undefined : e.oldBlob, kind });
    if (added) break;
    path = pathBefore;
    blob = e.oldBlob;
  }
  return steps;
}

/** The path a blob of the walk had, for display paths in messages. */
function pathOfBlob(walk: readonly Step[], blob: string): string {
  for (const s of walk) {
    if (s.after === blob) return s.path;
    if (s.before === blob) return s.pathBefore;
  }
  return '';
}

/** Finds where to start following `id`: its file at HEAD, else the last commit that removed or renamed a file named after it. */
function findStart(git: GitHistory, log: readonly LogCommit[], headTree: readonly TreeFile[], id: string, parse: (blob: string, path: string, text: string | undefined) => Parsed): Start {
  const atHead = headTree.filter((f) => isYamlName(basename(f.path)) && stemOf(f.path) === id);
  const load = (blob: string, path: string): Parsed => {
    let p: Parsed | undefined;
    readBlobs(git, [blob], (b, text) => (p = parse(b, path, text)));
    return p ?? parse(blob, path, undefined);
  };
  for (const f of atHead) {
    const p = load(f.blob, f.path);
    if (p.type === 'source' || p.source) throw new UsageError(`"${id}" is a source, not a claim: see \`claims sources\` or \`claims list --source ${id}\``);
    if (p.type === 'claim' || p.claim) return { index: 0, path: f.path, blob: f.blob };
  }
  // Not at HEAD: the newest commit where a file named after the id was removed or renamed away.
  for (let i = 0; i < log.length; i++) {
    for (const e of log[i]!.entries) {
      if (e.status === 'D' && stemOf(e.path) === id && isYamlName(basename(e.path))) {
        const p = load(e.oldBlob, e.path);
        if (p.type === 'source' || p.source) throw new UsageError(`"${id}" was a source, not a claim: see \`claims sources\``);
        return { index: i, path: e.path, blob: e.oldBlob, removedAt: i };
      }
      if (e.from !== undefined && e.status === 'R' && stemOf(e.from) === id && stemOf(e.path) !== id) {
        return forward(log, i, e.path, e.newBlob);
      }
    }
  }
  const known = new Set<string>();
  for (const f of headTree) if (isYamlName(basename(f.path)) && !f.path.split('/').includes('sources')) known.add(stemOf(f.path));
  const near = nearest(id, known, 3);
  throw new UsageError(`no claim "${id}" in the dataset or its history${near.length > 0 ? `; did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : ''}`);
}

/** From a rename at log[from] to `path`, follows the file forward to HEAD (or to the commit that removed it). */
function forward(log: readonly LogCommit[], from: number, path: string, blob: string): Start {
  for (let i = from - 1; i >= 0; i--) {
    for (const e of log[i]!.entries) {
      if (e.status === 'D' && e.path === path) return { index: i, path, blob: e.oldBlob, removedAt: i };
      if (e.from === path && e.status === 'R') {
        path = e.path;
        blob = e.newBlob;
      } else if (e.path === path && e.status !== 'D') blob = e.newBlob;
    }
  }
  return { index: 0, path, blob };
}

/** Reads blobs (under the size cap) and hands each text to `use`; conflict markers are a usage error. */
function readBlobs(git: GitHistory, blobs: readonly string[], use: (blob: string, text: string | undefined) => void): void {
  if (blobs.length === 0) return;
  const sizes = git.objects(blobs, true);
  const small = blobs.filter((_, i) => (sizes[i]?.size ?? Infinity) <= MAX_BYTES.dataFile);
  const read = git.objects(small);
  const texts = new Map(small.map((b, i) => [b, read[i]?.content?.toString('utf8')]));
  for (const b of blobs) use(b, texts.get(b));
}

/** Parses one version of a file; a version with merge-conflict markers stops the run with a one-line error. */
function parseVersion(git: GitHistory, blob: string, path: string, text: string | undefined, cwd: string): Parsed {
  if (text === undefined) return { problem: `is over the ${MAX_BYTES.dataFile}-byte limit or cannot be read` };
  const abs = git.absOf(path);
  const file = displayPath(abs, cwd);
  const line = conflictLine(text);
  if (line !== undefined) {
    throw new UsageError(`${git.what}: ${file}:${line} has merge-conflict markers in blob ${blob.slice(0, 12)}; resolve the conflict and commit before reading its history`);
  }
  const ds = emptyDataset(git.datasetRoot);
  const inDataset = git.datasetRel === '' ? path : path.slice(git.datasetRel.length + 1);
  const rec = addFileFromText(ds, text, { file, abs, stem: stemOf(path), underSources: inDataset.split('/')[0] === 'sources' });
  const first = rec.problems[0];
  const problem = rec.valid ? undefined : `did not load at this commit (${first ? `${first.kind} error, ${first.messageId}` : 'invalid'})`;
  return { claim: ds.claims[0], source: ds.sources[0], type: rec.type, id: rec.id, problem };
}

/** Every source id a claim's evidence names: where it was read, the relays, the origin. */
function citedSources(c: Claim): string[] {
  const out = new Set<string>();
  for (const e of c.evidence) {
    out.add(e.source);
    for (const v of e.via ?? []) out.add(v);
    if (e.origin) out.add(e.origin);
  }
  return [...out];
}

/** The value as written, equivalent forms joined. */
function valueText(c: Claim): string | null {
  if (c.value === undefined) return null;
  return (Array.isArray(c.value) ? c.value : [c.value]).map(String).join(' = ');
}
