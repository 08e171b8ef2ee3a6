import type { Formatter } from './types.js';

/** One JSON object: counts and every diagnostic, for scripts. */
export const json: Formatter = (result) => {
  const { files, claims, sources, errorCount, warningCount, diagnostics } = result;
  return JSON.stringify({ files, claims, sources, errorCount, warningCount, diagnostics }, null, 2) + '\n';
};
