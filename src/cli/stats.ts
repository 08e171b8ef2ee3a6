/** `claims stats`: measures over time (rumors confirmed and how fast, rumors still open, each source's track record). */
import { resolve } from 'node:path';
import type { StatsFormat } from '../format/names.js';
import { statsFormatters } from '../format/stats.js';
import { GitHistory } from '../history/git.js';
import { overTimeStats, statusTimelines, type StatusTimeline } from '../history/stats.js';
import { type Io, UsageError, wantsColor } from './io.js';
import { loadQuery, terminalWidth } from './query-options.js';
import type { RunSettings } from './settings.js';

export interface StatsOptions {
  format: StatsFormat;
}

/**
 * The status timelines of the dataset's git history, or why there are none. Without a repository, or in a shallow
 * clone, the figures come from the dataset alone and say so; merge-conflict markers and git failures stay errors.
 */
export function timelinesFor(settings: RunSettings, io: Io, what: string): { timelines?: Map<string, StatusTimeline>; reason: string | null } {
  let git: GitHistory;
  try {
    git = GitHistory.open(resolve(io.cwd(), settings.dir), io.cwd(), what);
    git.headCommit();
  } catch (err) {
    if (err instanceof UsageError) return { reason: /no commits/.test(err.message) ? 'the repository has no commits yet' : 'the dataset is not in a git repository' };
    throw err;
  }
  if (git.isShallow()) return { reason: 'the repository is a shallow clone (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)' };
  return { timelines: statusTimelines(git), reason: null };
}

/** Runs `claims stats`. */
export function stats(opts: StatsOptions, settings: RunSettings, io: Io): number {
  const ctx = loadQuery(settings, io);
  const { timelines, reason } = timelinesFor(settings, io, 'claims stats');
  io.stdout.write(statsFormatters[opts.format](overTimeStats(ctx, timelines, reason), { color: wantsColor(io), width: terminalWidth(io) }));
  return 0;
}
