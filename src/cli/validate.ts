/** `claims validate`: load, lint, format, and decide the exit code. */
import { loadDataset } from '../load/dataset.js';
import { datasetThen, noteThen, revisionFlag } from '../history/at.js';
import { lint } from '../lint.js';
import { lintFormatters } from '../format/index.js';
import type { LintFormat } from '../format/names.js';
import { ruleMetadata } from './rule-meta.js';
import type { LintResult } from '../diagnostic.js';
import { compareDiagnostics, countSeverities } from '../diagnostic.js';
import { Entities } from '../provenance/index.js';
import { type Io, UsageError, wantsColor } from './io.js';
import { resolveTargets } from './targets.js';
import type { RunSettings } from './settings.js';
import { changedSince, realOr, RepoRoots } from './git.js';
import { SARIF_MAX_RESULTS } from '../format/sarif.js';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** Options of `claims validate` as commander parses them. */
export interface ValidateOptions {
  format: LintFormat;
  maxWarnings?: string;
  quiet?: boolean;
  changedSince?: string;
  basePath?: string;
}

/** The formats read by programs that resolve paths against the repository (code scanning, GitLab, Jenkins). */
const REPOSITORY_FORMATS = new Set(['sarif', 'gitlab', 'junit', 'github']);
/** Of those, the formats whose every path is rebased; github rebases only its annotations, not the listing after them. */
const REBASED_FORMATS = new Set(['sarif', 'gitlab', 'junit']);

/**
 * Maps display paths (relative to the working directory) to the paths the CI formats carry: relative to `--base-path`
 * when given, else to the root of the git repository holding each file, else (outside git) left as they are.
 * Links are resolved first, as GitHub code scanning cannot place a result on a linked path.
 */
function artifactPaths(cwd: string, basePath: string | undefined, io: Io): (file: string) => string {
  let base: string | undefined;
  if (basePath !== undefined) {
    const abs = resolve(cwd, basePath);
    if (!existsSync(abs) || !statSync(abs).isDirectory()) throw new UsageError(`--base-path: "${basePath}" is not a folder`);
    base = realOr(abs);
  }
  const roots = new RepoRoots();
  const memo = new Map<string, string>();
  let outside = 0;
  const map = (file: string): string => {
    const cached = memo.get(file);
    if (cached !== undefined) return cached;
    const abs = resolve(cwd, file);
    const real = existsSync(abs) ? realOr(abs) : resolve(realOr(dirname(abs)), basename(abs));
    const root = base ?? roots.of(dirname(real));
    let out = file;
    if (root !== null) {
      const rel = relative(root, real);
      out = (rel === '' ? basename(real) : rel).split(sep).join('/');
      if (base !== undefined && (rel.startsWith('..') || isAbsolute(rel)) && outside++ === 0) {
        io.stderr.write(`claims: some files lie outside --base-path ${basePath}; their paths start with ../\n`);
      }
    }
    memo.set(file, out);
    return out;
  };
  return map;
}

/** The result with every file path mapped, for the CI formats. */
function rebase(result: LintResult, map: (file: string) => string): LintResult {
  return {
    ...result,
    fileList: result.fileList?.map(map),
    diagnostics: result.diagnostics.map((d) => ({ ...d, file: map(d.file) })).sort(compareDiagnostics),
  };
}

function parseMaxWarnings(value: string | undefined): number {
  if (value === undefined) return -1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < -1) throw new UsageError(`--max-warnings must be a whole number, got "${value}"`);
  return n;
}

function merge(results: LintResult[]): LintResult {
  const diagnostics = results.flatMap((r) => r.diagnostics).sort(compareDiagnostics);
  return {
    files: results.reduce((n, r) => n + r.files, 0),
    fileList: results.flatMap((r) => r.fileList ?? []).sort(),
    claims: results.reduce((n, r) => n + r.claims, 0),
    sources: results.reduce((n, r) => n + r.sources, 0),
    ...countSeverities(diagnostics),
    diagnostics,
  };
}

/** Runs the validator; returns the exit code (0 clean, 1 lint errors or too many warnings). */
export function validate(paths: string[], opts: ValidateOptions, settings: RunSettings, io: Io): number {
  const formatter = lintFormatters[opts.format];
  const maxWarnings = parseMaxWarnings(opts.maxWarnings);
  if (opts.basePath !== undefined && !REPOSITORY_FORMATS.has(opts.format)) {
    throw new UsageError(`--base-path applies to --format ${[...REPOSITORY_FORMATS].join(', ')}; ${opts.format} paths are relative to the working directory`);
  }
  const startedAt = new Date();
  const started = performance.now();
  const cwd = io.cwd();
  const pathFor = REPOSITORY_FORMATS.has(opts.format) ? artifactPaths(cwd, opts.basePath, io) : undefined;
  const targets = resolveTargets(paths.length > 0 ? paths : [settings.dir], cwd);
  if (opts.changedSince !== undefined) {
    // Cross-file rules need the whole dataset: load and check it all, report only on what changed, as the git
    // repository holding each dataset sees it (not the working directory's, which may be another or none).
    for (const t of targets) {
      const changed = changedSince(opts.changedSince, cwd, t.root);
      t.only = new Set([...(t.only ?? changed)].filter((f) => changed.has(f)));
    }
  }
  const entities = new Entities(settings.config.aliases);
  if (settings.revision !== undefined && opts.changedSince !== undefined) {
    throw new UsageError(`--changed-since compares the working tree with a revision; it cannot go with ${revisionFlag(settings.revision)}`);
  }
  const results = targets.map((t) => {
    if (settings.revision === undefined) {
      return lint(loadDataset(t.root, cwd, { cache: settings.cache, shallow: t.shallow }), { today: settings.today, severities: settings.config.rules, entities, only: t.only });
    }
    // --at / --as-known-on: the whole dataset as committed then (a file path given narrows the report, as without them).
    const then = datasetThen(t.root, settings, io);
    noteThen(then, io);
    return lint(then.dataset, { today: settings.today, severities: settings.config.rules, entities, only: t.only, overlay: then.overlay });
  });
  settings.cache?.save();
  let result = merge(results);
  // The exit code counts every finding; --quiet only filters what is printed (as in ESLint).
  const { errorCount, warningCount } = result;
  if (opts.quiet) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    result = { ...result, ...countSeverities(errors), diagnostics: errors };
  }
  if (opts.format === 'sarif' && result.diagnostics.length > SARIF_MAX_RESULTS) {
    io.stderr.write(`claims: ${result.diagnostics.length} results exceed GitHub code scanning's limit of ${SARIF_MAX_RESULTS} per run: the SARIF file keeps the first ${SARIF_MAX_RESULTS}, errors first\n`);
  }
  if (pathFor && REBASED_FORMATS.has(opts.format)) result = rebase(result, pathFor);
  const run = { startedAt, seconds: (performance.now() - started) / 1000 };
  io.stdout.write(formatter(result, { color: wantsColor(io), run, artifactPath: REBASED_FORMATS.has(opts.format) ? undefined : pathFor, rules: ruleMetadata() }));
  if (errorCount > 0) return 1;
  if (maxWarnings >= 0 && warningCount > maxWarnings) {
    io.stderr.write(`claims: too many warnings (${warningCount}, maximum ${maxWarnings})\n`);
    return 1;
  }
  return 0;
}
