import { fingerprint } from './sarif.js';
import type { Formatter } from './types.js';

/** GitLab Code Quality report: a JSON array of issues GitLab shows in merge requests. */
export const gitlab: Formatter = (result) =>
  JSON.stringify(
    result.diagnostics.map((d) => ({
      description: d.message,
      check_name: d.rule,
      fingerprint: fingerprint(d),
      severity: d.severity === 'error' ? 'major' : 'minor',
      location: { path: d.file, lines: { begin: d.line, end: d.endLine } },
    })),
    null,
    2,
  ) + '\n';
