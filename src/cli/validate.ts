/** `claims validate`: load, lint, format, and decide the exit code. */
import { loadDataset } from '../load/dataset.js';
import { lint } from '../lint.js';
import { lintFormatters } from '../format/index.js';
import type { LintResult } from '../diagnostic.js';
import { compareDiagnostics } from '../diagnostic.js';
import { Entities } from '../provenance/index.js';
import { type Io, UsageError, wantsColor } from './io.js';
import { resolveTargets } from './targets.js';
import type { RunSettings } from './settings.js';
import { changedSince } from './git.js';
import { SARIF_MAX_RESULTS } from '../format/sarif.js';

/** Options of `claims validate` as commander parses them. */
export interface ValidateOptions {
  format: string;
  maxWarnings?: string;
  quiet?: boolean;
  changedSince?: string;
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
    errorCount: diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: diagnostics.filter((d) => d.severity === 'warning').length,
    diagnostics,
  };
}

/** Runs the validator; returns the exit code (0 clean, 1 lint errors or too many warnings). */
export function validate(paths: string[], opts: ValidateOptions, settings: RunSettings, io: Io): number {
  const formatter = lintFormatters[opts.format];
  if (!formatter) throw new UsageError(`unknown format "${opts.format}": use ${Object.keys(lintFormatters).join(', ')}`);
  const maxWarnings = parseMaxWarnings(opts.maxWarnings);
  const cwd = io.cwd();
  const changed = opts.changedSince === undefined ? undefined : changedSince(opts.changedSince, cwd);
  const targets = resolveTargets(paths.length > 0 ? paths : [settings.dir], cwd);
  if (changed) {
    // Cross-file rules need the whole dataset: load and check it all, report only on what changed.
    for (const t of targets) t.only = new Set([...(t.only ?? changed)].filter((f) => changed.has(f)));
  }
  const entities = new Entities(settings.config.aliases);
  const results = targets.map((t) =>
    lint(loadDataset(t.root, cwd, { cache: settings.cache, shallow: t.shallow }), { today: settings.today, severities: settings.config.rules, entities, only: t.only }),
  );
  settings.cache?.save();
  let result = merge(results);
  if (opts.quiet) {
    result = { ...result, warningCount: 0, diagnostics: result.diagnostics.filter((d) => d.severity === 'error') };
  }
  if (opts.format === 'sarif' && result.diagnostics.length > SARIF_MAX_RESULTS) {
    io.stderr.write(`claims: ${result.diagnostics.length} results exceed GitHub code scanning's limit of ${SARIF_MAX_RESULTS} per run: the SARIF file keeps the first ${SARIF_MAX_RESULTS}, errors first\n`);
  }
  io.stdout.write(formatter(result, { color: wantsColor(io) }));
  if (result.errorCount > 0) return 1;
  if (maxWarnings >= 0 && result.warningCount > maxWarnings) {
    io.stderr.write(`claims: too many warnings (${result.warningCount}, maximum ${maxWarnings})\n`);
    return 1;
  }
  return 0;
}
