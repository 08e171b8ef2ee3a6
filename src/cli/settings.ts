/** Settings every command shares: the dataset folder, the date, and the configuration. */
import { findConfigFile, loadConfig, parseToday, type Config } from '../config.js';
import { parsePartialDate, todayIso } from '../model/date.js';
import { UsageError } from './io.js';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { LoadCache } from '../load/cache.js';
import pkg from '../../package.json' with { type: 'json' };

export interface RunSettings {
  /**
   * Dataset folder used when no path is given, relative to the working directory (or absolute when it has no relative
   * form): `--dir`, else the configuration's `dir:`, else `claims/` beside the nearest claims.config.yaml, else `claims`.
   */
  dir: string;
  /** `YYYY-MM-DD`. */
  today: string;
  config: Config;
  /** Per-file load results from earlier runs, with --cache. */
  cache?: LoadCache;
  /** `--at <revision>` or `--as-known-on <date>`: read the dataset as committed then, from git. */
  revision?: { at: string } | { asKnownOn: string };
}

/** Global options as commander parses them. */
export interface GlobalOptions {
  dir?: string;
  today?: string;
  config?: string;
  cache?: boolean;
  cacheLocation?: string;
  asKnownOn?: string;
  at?: string;
}

/** `abs` as the user would type it from `cwd`: relative when it can be, `.` for `cwd` itself. */
function fromCwd(abs: string, cwd: string): string {
  const rel = relative(resolve(cwd), abs);
  return rel === '' ? '.' : isAbsolute(rel) ? abs : rel;
}

/**
 * The dataset folder, found the way git finds its repository: `--dir`; else the `dir:` of the configuration in use
 * (relative to that file's folder); else `claims/` beside the nearest claims.config.yaml in or above `cwd`; else
 * `./claims`. A `--config` file without `dir:` does not move the dataset: it is found as if no `--config` were given.
 */
function datasetDir(opts: GlobalOptions, cwd: string, config: Config, found: string | undefined): string {
  if (opts.dir !== undefined) return opts.dir;
  if (config.dir !== undefined && config.file !== undefined) return fromCwd(join(dirname(resolve(cwd, config.file)), config.dir), cwd);
  if (found !== undefined) return fromCwd(join(dirname(found), 'claims'), cwd);
  return 'claims';
}

/** Resolves --dir, --today and --config (or the nearest claims.config.yaml) into settings. */
export function resolveSettings(opts: GlobalOptions, cwd: string): RunSettings {
  const found = findConfigFile(cwd);
  const config = loadConfig(cwd, opts.config ?? (found === undefined ? undefined : fromCwd(found, cwd)));
  if (opts.at !== undefined && opts.asKnownOn !== undefined) throw new UsageError('give --at or --as-known-on, not both');
  let revision: RunSettings['revision'];
  let today = config.today ?? todayIso();
  if (opts.asKnownOn !== undefined) {
    const d = parsePartialDate(opts.asKnownOn.trim());
    if (d === undefined) throw new UsageError(`--as-known-on needs a date such as 2026, 2026-03 or 2026-03-05, not ${JSON.stringify(opts.asKnownOn.slice(0, 40))}`);
    revision = { asKnownOn: d.text };
    // What was known on a day is judged on that day: forecasts due later were not yet overdue.
    today = d.end < today ? d.end : today;
  } else if (opts.at !== undefined) {
    if (opts.at.trim() === '') throw new UsageError('--at needs a git revision, e.g. HEAD~3, main or a commit id');
    revision = { at: opts.at.trim() };
  }
  if (opts.today !== undefined) {
    const t = parseToday(opts.today);
    if (t === undefined) throw new UsageError(`--today must be a real day as YYYY-MM-DD, got "${opts.today}"`);
    today = t;
  }
  const cache = opts.cache || opts.cacheLocation !== undefined
    ? new LoadCache(resolve(cwd, opts.cacheLocation ?? '.claimscache'), `${pkg.version}\u0000${JSON.stringify(config)}`)
    : undefined;
  return { dir: datasetDir(opts, cwd, config, found), today, config, cache, revision };
}
