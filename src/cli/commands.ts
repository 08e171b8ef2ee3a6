/** Everything a command runs, loaded on demand so that `claims --version` and `--help` start fast. */
export { resolveSettings } from './settings.js';
export { validate } from './validate.js';
export { list } from './list.js';
export { show, sources } from './show.js';
export { report } from './report.js';
export { exportClaims } from './export.js';
export { graph } from './graph.js';
export { newFile } from './new.js';
export { fmt } from './fmt.js';
