import type { LintFormatter } from './types.js';

/** One JSON object: counts and every diagnostic, for scripts. */
export const json: LintFormatter = (result) => {
  const { files, claims, sources, errorCount, warningCount, diagnostics } = result;
  return JSON.stringify({ files, claims, sources, errorCount, warningCount, diagnostics }, null, 2) + '\n';
};
