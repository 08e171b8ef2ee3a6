/** Loads a whole dataset: every file parsed and checked on its own, keeping only what cross-file rules need. */
import { basename, dirname, relative, resolve, sep, extname } from 'node:path';
import type { Claim, Source } from '../model/schema.js';
import { discover } from './discover.js';
import { parseFile } from './parse.js';
import { fastPathEnabled, parseFileFast } from './fast-parse.js';
import { fastLocator } from './fast-yaml.js';
import { loadInParallel, workerCount } from './parallel.js';
import { fileProblem, type FileProblem, type ProblemData, type SyntaxProblemId } from './problems.js';
import { contentHash, type LoadCache } from './cache.js';
import type { Locate } from './locate.js';
import { lineBreaksToLf, MAX_BYTES, safeReadFile } from '../util/safe-read.js';

/** A claim that passed the schema, with the file it came from. */
export interface ClaimRecord {
  file: string;
  data: Claim;
}

/** A source that passed the schema, with the file it came from. */
export interface SourceRecord {
  file: string;
  data: Source;
}

/** One file of the dataset as loaded. */
export interface FileRecord {
  /** Path relative to the working directory, with `/` separators. */
  file: string;
  abs: string;
  /** File name without extension: must equal `id`. */
  stem: string;
  /** The declared `type`, when readable. */
  type?: 'claim' | 'source';
  /** The declared `id`, when it is a string (even if the file has schema errors, so references to it resolve). */
  id?: string;
  /** True when the file parsed and passed the schema. */
  valid: boolean;
  problems: FileProblem[];
}

/** A loaded dataset: the input of provenance, rules, queries and reports. */
export interface Dataset {
  /** The dataset folder, absolute. */
  root: string;
  files: FileRecord[];
  claims: ClaimRecord[];
  sources: SourceRecord[];
  /** Every declared id (valid or not), to the files declaring it. */
  ids: Map<string, FileRecord[]>;
}

/** Display path: relative to cwd, `/` separators. */
export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs) || basename(abs);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** One file as loaded, in a form a worker thread can send back as JSON: its record, and its data when valid. */
export interface FileResult {
  record: FileRecord;
  data?: Claim | Source;
  /** Set instead of a result when the file is larger than `deferOver`: the main thread loads it. */
  defer?: true;
}

/**
 * Reads and parses one file into a record. `deferOver` (a worker's limit) hands a file larger than that many bytes
 * back unparsed, so a worker's files are all small and its progress steady.
 */
export function loadFileResult(abs: string, root: string, cwd: string, fast: boolean, options: { cache?: LoadCache; deferOver?: number } = {}): FileResult {
  const { cache } = options;
  const file = displayPath(abs, cwd);
  const stem = basename(abs, extname(abs));
  const fail = (messageId: SyntaxProblemId, data: ProblemData = {}): FileResult => ({ record: { file, abs, stem, valid: false, problems: [fileProblem(messageId, data)] } });
  const read = safeReadFile(abs, { maxBytes: MAX_BYTES.dataFile });
  if (!read.ok) {
    if (read.kind === 'not-regular') return fail('notAFile', { reason: read.reason });
    if (read.kind === 'too-large') return fail('tooLarge', { reason: read.reason });
    return fail('unreadable', { reason: read.code ?? read.reason });
  }
  const buf = read.buf;
  if (options.deferOver !== undefined && buf.length > options.deferOver) return { record: { file, abs, stem, valid: false, problems: [] }, defer: true };
  const hash = cache ? contentHash(buf) : '';
  const hit = cache?.get(abs, hash);
  if (hit) {
    const record: FileRecord = { file, abs, stem, type: hit.type, id: hit.id, valid: hit.valid, problems: hit.problems as FileProblem[] };
    return { record, data: hit.data as Claim | Source | undefined };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return fail('invalidUtf8');
  }
  const underSources = relative(root, dirname(abs)).split(sep)[0] === 'sources';
  const result = (fast ? parseFileFast : parseFile)(lineBreaksToLf(text), { underSources });
  // The id of valid data from its copy (a string sliced from the file's text would keep the text alive).
  const id = result.parsed ? result.parsed.data.id : typeof result.raw?.id === 'string' ? result.raw.id : undefined;
  const record: FileRecord = { file, abs, stem, type: result.declaredType, id, valid: result.parsed !== undefined, problems: result.problems };
  cache?.set(abs, hash, { type: record.type, id, valid: record.valid, problems: record.problems, data: result.parsed?.data });
  return { record, data: result.parsed?.data };
}

export interface LoadOptions {
  cache?: LoadCache;
  shallow?: boolean | number;
  /** Read files in the common shape without `yaml` (`fast-parse.ts`); default on unless `CLAIMS_FAST_PATH=0`. */
  fast?: boolean;
}

/** Loads every YAML file under `root` (an absolute or cwd-relative folder); `shallow` bounds the walk (see `discover`). */
export function loadDataset(root: string, cwd: string = process.cwd(), options: LoadOptions = {}): Dataset {
  const absRoot = resolve(cwd, root);
  const found = discover(absRoot, { shallow: options.shallow });
  const fast = options.fast ?? fastPathEnabled();
  const ds: Dataset = { root: absRoot, files: [], claims: [], sources: [], ids: new Map() };
  for (const u of found.unreadable) {
    const problem = u.notRegular
      ? fileProblem('notAFile', { reason: u.outside ? u.reason : 'is a FIFO, device or socket, not a regular file' })
      : fileProblem('unreadablePath', { reason: u.reason });
    ds.files.push({ file: displayPath(u.path, cwd), abs: u.path, stem: basename(u.path), valid: false, problems: [problem] });
  }
  const files = found.files;
  const loadOne = (i: number, deferOver?: number) => loadFileResult(files[i]!, absRoot, cwd, fast, { cache: options.cache, deferOver });
  // Large datasets are read on every core (`parallel.ts`); with --cache, on the main thread, which holds the cache.
  const workers = options.cache ? 0 : workerCount(files.length);
  const results = workers > 0 ? loadInParallel(files, { root: absRoot, cwd, fast }, workers, (i) => loadOne(i)) : undefined;
  for (let i = 0; i < files.length; i++) {
    let r = results?.[i] ?? loadOne(i);
    if (r.defer) r = loadOne(i);
    addRecord(ds, r.record, r.data !== undefined ? ({ file: r.record.file, data: r.data } as ClaimRecord | SourceRecord) : undefined);
  }
  return ds;
}

/** Adds one loaded file to the dataset: its record, its id, and its claim or source when it passed the schema. */
function addRecord(ds: Dataset, record: FileRecord, parsed: ClaimRecord | SourceRecord | undefined): void {
  ds.files.push(record);
  if (record.id !== undefined) {
    const list = ds.ids.get(record.id);
    if (list) list.push(record);
    else ds.ids.set(record.id, [record]);
  }
  if (parsed && record.type === 'claim') ds.claims.push(parsed as ClaimRecord);
  else if (parsed && record.type === 'source') ds.sources.push(parsed as SourceRecord);
}

/** An empty dataset rooted at `root` (absolute), for a folder that does not exist yet. */
export function emptyDataset(root: string): Dataset {
  return { root, files: [], claims: [], sources: [], ids: new Map() };
}

/**
 * Adds a file that is not (yet) on disk under its name to the dataset, parsed from `text`, as `loadDataset` would
 * have loaded it: `file` is its display path, `abs` where its text can be re-read for positions.
 */
export function addFileFromText(ds: Dataset, text: string, where: { file: string; abs: string; stem: string; underSources: boolean }): FileRecord {
  // The same fast path as loadDataset (a file outside the common shape falls back to yaml): a revision read by
  // `claims diff` or `--at` costs what the working tree does.
  const result = (fastPathEnabled() ? parseFileFast : parseFile)(lineBreaksToLf(text), { underSources: where.underSources });
  const id = typeof result.raw?.id === 'string' ? result.raw.id : undefined;
  const record: FileRecord = { file: where.file, abs: where.abs, stem: where.stem, type: result.declaredType, id, valid: result.parsed !== undefined, problems: result.problems };
  addRecord(ds, record, result.parsed ? ({ file: where.file, data: result.parsed.data } as ClaimRecord | SourceRecord) : undefined);
  return record;
}

/** Re-reads one file to locate paths in it (cross-file rules report paths; positions are computed only where needed). */
export function locatorFor(abs: string): Locate | undefined {
  const read = safeReadFile(abs, { maxBytes: MAX_BYTES.dataFile });
  if (!read.ok) return undefined;
  return locatorOfText(read.buf.toString('utf8'));
}

/** Locates paths in a file's text (one not yet written, say). */
export function locatorOfText(text: string): Locate | undefined {
  try {
    // A file in the common shape is located without yaml, at the positions yaml would give (`fast-yaml.ts`).
    const lf = lineBreaksToLf(text);
    return (fastPathEnabled() ? fastLocator(lf) : undefined) ?? parseFile(lf).locate;
  } catch {
    return undefined;
  }
}
