/** `--at <revision>` and `--as-known-on <date>`: the dataset as committed then, read from git without a checkout. */
import type { Io } from '../cli/io.js';
import type { RunSettings } from '../cli/settings.js';
import type { Dataset } from '../load/dataset.js';
import type { Overlay } from '../load/snapshot.js';
import { GitHistory, type CommitInfo } from './git.js';

/** The dataset at the revision the settings ask for, with the commit it was read at. */
export interface DatasetThen {
  dataset: Dataset;
  overlay: Overlay;
  commit: CommitInfo;
  /** How the user asked: `as known on 2025-06-01` or `at HEAD~3`. */
  asked: string;
}

/** The flag that asked for a revision, for messages. */
export function revisionFlag(revision: NonNullable<RunSettings['revision']>): string {
  return 'at' in revision ? '--at' : '--as-known-on';
}

/** Reads the dataset folder `root` (absolute) at the revision `settings.revision` names. */
export function datasetThen(root: string, settings: RunSettings, io: Io): DatasetThen {
  const revision = settings.revision!;
  const flag = revisionFlag(revision);
  const history = GitHistory.open(root, io.cwd(), flag);
  const sha = 'at' in revision ? history.resolve(revision.at) : history.commitOn(revision.asKnownOn);
  const { dataset, overlay } = history.datasetAt(sha, io.cwd());
  const asked = 'at' in revision ? `at ${revision.at}` : `as known on ${revision.asKnownOn}`;
  return { dataset, overlay, commit: history.info(sha), asked };
}

/** One line on stderr saying which commit the answer comes from. */
export function noteThen(then: DatasetThen, io: Io): void {
  const c = then.commit;
  io.stderr.write(`claims: ${then.asked}: the dataset as committed in ${c.sha.slice(0, 12)} (${c.date.slice(0, 10)})\n`);
}
