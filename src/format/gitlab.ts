import { fingerprints } from './fingerprint.js';
import type { LintFormatter } from './types.js';

/**
 * GitLab Code Quality report: a JSON array of issues GitLab shows in merge requests. GitLab stores issues by
 * `fingerprint`, so each is unique within the report (see fingerprint.ts); `location.lines` is `{begin, end}`.
 */
export const gitlab: LintFormatter = (result) => {
  const prints = fingerprints(result.diagnostics);
  return (
    JSON.stringify(
      result.diagnostics.map((d, i) => ({
        description: d.message,
        check_name: d.rule,
        fingerprint: prints[i]!,
        severity: d.severity === 'error' ? 'major' : 'minor',
        location: { path: d.file, lines: { begin: d.line, end: d.endLine } },
      })),
      null,
      2,
    ) + '\n'
  );
};
