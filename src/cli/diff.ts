/**
 * `claims diff [<base>[..<head>]]`: the dataset at two revisions (default: HEAD against the working tree), compared
 * for what an editor reviewing a change wants to know: records added, removed or renamed, declared status, derived
 * support and grade, values, evidence, forecasts, corrections, diagnostics and source concentration.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { diffFormatters } from '../format/diff.js';
import type { DiffFormat } from '../format/names.js';
import { checkNoConflictMarkers, GitHistory } from '../history/git.js';
import { diffDatasets, FAIL_ON, failsOn, type DiffSide, type FailOn } from '../history/diff.js';
import { lint } from '../lint.js';
import { contentHash, type CachedFile, type LoadCache } from '../load/cache.js';
import type { Dataset } from '../load/dataset.js';
import { loadDataset } from '../load/dataset.js';
import type { Overlay } from '../load/snapshot.js';
import { Entities } from '../provenance/index.js';
import { queryContext } from '../query/view.js';
import { concentration } from '../report/build.js';
import { CONCENTRATION_THRESHOLD } from '../report/types.js';
import { MAX_BYTES, safeReadFile } from '../util/safe-read.js';
import { type Io, UsageError, wantsColor } from './io.js';
import { terminalWidth } from './query-options.js';
import type { RunSettings } from './settings.js';

/** Options of `claims diff` as commander parses them. */
export interface DiffOptions {
  format: DiffFormat;
  failOn?: string;
}

const WHAT = 'claims diff';

/** The two revisions a range names: `a` (a against the working tree), `a..b`, or `a...b` (from where b left a). */
export function parseRange(range: string | undefined): { base: string; head: string | null; mergeBase: boolean } {
  if (range === undefined || range === '') return { base: 'HEAD', head: null, mergeBase: false };
  const three = range.indexOf('...');
  if (three >= 0) return { base: range.slice(0, three) || 'HEAD', head: range.slice(three + 3) || 'HEAD', mergeBase: true };
  const two = range.indexOf('..');
  if (two >= 0) return { base: range.slice(0, two) || 'HEAD', head: range.slice(two + 2) || 'HEAD', mergeBase: false };
  return { base: range, head: null, mergeBase: false };
}

function parseFailOn(raw: string | undefined): FailOn | undefined {
  if (raw === undefined) return undefined;
  if (!(FAIL_ON as readonly string[]).includes(raw)) {
    throw new UsageError(`--fail-on: "${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}" is not valid; use one of: ${FAIL_ON.join(', ')}`);
  }
  return raw as FailOn;
}

/** Derives one side: provenance and grades, the lint result, and the report's source concentration. */
function side(rev: string | null, commit: string | null, dataset: Dataset, overlay: Overlay | undefined, settings: RunSettings, hist: GitHistory): DiffSide {
  const entities = new Entities(settings.config.aliases);
  const ctx = queryContext(dataset, entities, settings.today);
  const result = lint(dataset, { today: settings.today, severities: settings.config.rules, entities, overlay });
  const info = commit === null ? null : hist.info(commit);
  return {
    rev, commit, date: info?.date ?? null, subject: info?.subject ?? null,
    ctx, lint: result, concentration: concentration(ctx, ctx.views),
  };
}

/**
 * The base side's per-file load results, offered to the working tree's load the way `--cache` offers a previous run's:
 * keyed by path and content hash, so a file whose bytes are the same at both sides is parsed once. A text that does not
 * round-trip through UTF-8 hashes differently from its bytes on disk, so it is read again, as it must be.
 */
function reuseFrom(ds: Dataset, overlay: Overlay): LoadCache {
  const data = new Map<string, unknown>([...ds.claims, ...ds.sources].map((r) => [r.file, r.data]));
  const entries = new Map<string, { hash: string; result: CachedFile }>();
  for (const f of ds.files) {
    const text = overlay.get(f.abs);
    if (typeof text !== 'string' || (f.valid && !data.has(f.file))) continue;
    entries.set(f.abs, { hash: contentHash(Buffer.from(text, 'utf8')), result: { type: f.type, id: f.id, valid: f.valid, problems: f.problems, data: f.valid ? data.get(f.file) : undefined } });
  }
  const reuse: Pick<LoadCache, 'get' | 'set' | 'save'> = {
    get: (abs, hash) => {
      const e = entries.get(abs);
      return e !== undefined && e.hash === hash ? e.result : undefined;
    },
    set: () => undefined,
    save: () => undefined,
  };
  return reuse as LoadCache;
}

/** Runs `claims diff`; exit 0, or 1 when `--fail-on` finds what it names; 2 for a usage error (one line). */
export function diff(range: string | undefined, opts: DiffOptions, settings: RunSettings, io: Io): number {
  const failOn = parseFailOn(opts.failOn);
  const { base, head, mergeBase } = parseRange(range);
  const cwd = io.cwd();
  const root = resolve(cwd, settings.dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`no dataset folder at ${settings.dir} (use --dir)`);
  const hist = GitHistory.open(root, cwd, WHAT);
  let baseSha = hist.resolve(base, 'base revision');
  const headSha = head === null ? null : hist.resolve(head, 'head revision');
  if (mergeBase && headSha !== null) {
    const out = hist.git(['merge-base', baseSha, headSha]).trim();
    if (out === '') throw new UsageError(`${WHAT}: ${base} and ${head} have no common ancestor${hist.isShallow() ? '; the repository is a shallow clone (fetch-depth: 0 in actions/checkout)' : ''}`);
    baseSha = out;
  }
  const b = hist.datasetAt(baseSha, cwd);
  let headSide: DiffSide;
  if (headSha === null) {
    const ds = loadDataset(root, cwd, { cache: settings.cache ?? reuseFrom(b.dataset, b.overlay) });
    settings.cache?.save();
    checkNoConflictMarkers(ds, undefined, (abs) => {
      const r = safeReadFile(abs, { maxBytes: MAX_BYTES.dataFile });
      return r.ok ? r.buf.toString('utf8') : undefined;
    });
    headSide = side(null, null, ds, undefined, settings, hist);
  } else {
    const at = hist.datasetAt(headSha, cwd);
    headSide = side(head, headSha, at.dataset, at.overlay, settings, hist);
  }
  const baseSide = side(base, baseSha, b.dataset, b.overlay, settings, hist);
  const result = diffDatasets(baseSide, headSide, CONCENTRATION_THRESHOLD);
  io.stdout.write(diffFormatters[opts.format](result, { color: wantsColor(io), width: terminalWidth(io) }));
  return failOn !== undefined && failsOn(result, failOn) ? 1 : 0;
}
