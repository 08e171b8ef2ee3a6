/** `claims history <id>`: how one claim stood at each commit that changed it, its evidence or the sources it rests on. */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { historyFormatters } from '../format/history.js';
import type { HistoryFormat } from '../format/names.js';
import { GitHistory, conflictLine } from '../history/git.js';
import { claimHistory } from '../history/history.js';
import { displayPath } from '../load/dataset.js';
import { Entities } from '../provenance/index.js';
import { MAX_BYTES, safeReadFile } from '../util/safe-read.js';
import { type Io, UsageError, wantsColor } from './io.js';
import { terminalWidth } from './query-options.js';
import type { RunSettings } from './settings.js';

export interface HistoryOptions {
  format: HistoryFormat;
}

/** Runs `claims history`; an id never seen in the dataset or its history is a usage error (exit 2) with the nearest ids. */
export function history(id: string, opts: HistoryOptions, settings: RunSettings, io: Io): number {
  const root = resolve(io.cwd(), settings.dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`no dataset folder at ${settings.dir} (use --dir)`);
  const git = GitHistory.open(root, io.cwd(), 'claims history');
  const h = claimHistory(git, id, { entities: new Entities(settings.config.aliases), today: settings.today, cwd: io.cwd() });
  // A claim file left mid-merge in the working tree: its history is read from commits, but the user should resolve it first.
  const last = h.rows[h.rows.length - 1];
  if (last && h.removed === null) {
    const abs = git.absOf(last.path);
    const read = safeReadFile(abs, { within: root, maxBytes: MAX_BYTES.dataFile });
    const line = read.ok ? conflictLine(read.buf.toString('utf8')) : undefined;
    if (line !== undefined) throw new UsageError(`claims history: ${displayPath(abs, io.cwd())}:${line} has merge-conflict markers; resolve the conflict first`);
  }
  io.stdout.write(historyFormatters[opts.format](h, { color: wantsColor(io), width: terminalWidth(io) }));
  return 0;
}
