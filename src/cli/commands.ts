/** Everything a command runs, loaded on demand so that `claims --version` and `--help` start fast. */
export { resolveSettings } from './settings.js';
export { validate } from './validate.js';
export { list } from './list.js';
export { show } from './show.js';
export { sources } from './sources.js';
export { report } from './report.js';
export { exportClaims } from './export.js';
export { sql } from './sql.js';
export { graph } from './graph.js';
export { impact } from './impact.js';
export { history } from './history.js';
export { stats } from './stats.js';
export { diff } from './diff.js';
export { newFile } from './new.js';
export { fmt } from './fmt.js';
export { init } from './init.js';
export { cite } from './cite.js';
export { dispute, merge, rename, resolveForecast, retract, rm, setFields, supersede } from './edit.js';

/** `claims snapshot`, loaded only when run: it pulls in the article extractor (Readability and a DOM). */
export const snapshot = async (...args: Parameters<typeof import('./snapshot.js').snapshot>): Promise<number> =>
  (await import('./snapshot.js')).snapshot(...args);
