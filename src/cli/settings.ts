/** Settings every command shares: the dataset folder, the date, and the configuration. */
import { loadConfig, parseToday, type Config } from '../config.js';
import { todayIso } from '../model/date.js';
import { UsageError } from './io.js';
import { resolve } from 'node:path';
import { LoadCache } from '../load/cache.js';
import pkg from '../../package.json' with { type: 'json' };

export interface RunSettings {
  /** Dataset folder used when no path is given. */
  dir: string;
  /** `YYYY-MM-DD`. */
  today: string;
  config: Config;
  /** Per-file load results from earlier runs, with --cache. */
  cache?: LoadCache;
}

/** Global options as commander parses them. */
export interface GlobalOptions {
  dir?: string;
  today?: string;
  config?: string;
  cache?: boolean;
  cacheLocation?: string;
}

/** Resolves --dir, --today and --config (or claims.config.yaml) into settings. */
export function resolveSettings(opts: GlobalOptions, cwd: string): RunSettings {
  const config = loadConfig(cwd, opts.config);
  let today = config.today ?? todayIso();
  if (opts.today !== undefined) {
    const t = parseToday(opts.today);
    if (t === undefined) throw new UsageError(`--today must be a date as YYYY-MM-DD, got "${opts.today}"`);
    today = t;
  }
  const cache = opts.cache || opts.cacheLocation !== undefined
    ? new LoadCache(resolve(cwd, opts.cacheLocation ?? '.claimscache'), `${pkg.version}\u0000${JSON.stringify(config)}`)
    : undefined;
  return { dir: opts.dir ?? 'claims', today, config, cache };
}
