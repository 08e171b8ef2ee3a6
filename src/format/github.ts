import { escapeControls } from './escape.js';
import type { LintFormatter } from './types.js';
import { stylish } from './stylish.js';

/**
 * Escapes a workflow command's message as GitHub's toolkit does (`%`, CR, LF), after showing every other control character
 * visibly: the log that prints the command is a terminal, and a raw escape sequence in a message must not reach it.
 */
function escapeData(s: string): string {
  return escapeControls(s, '\r\n').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (also `:` and `,`). */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands: one `::error`/`::warning` annotation per diagnostic, then the stylish listing.
 * Annotations name files as GitHub resolves them (from the repository root); the listing keeps the working directory's paths.
 */
export const github: LintFormatter = (result, ctx) => {
  const lines = result.diagnostics.map((d) => {
    const props = [
      `file=${escapeProperty(ctx.artifactPath ? ctx.artifactPath(d.file) : d.file)}`, `line=${d.line}`, `col=${d.column}`, `endLine=${d.endLine}`, `endColumn=${d.endColumn}`,
      `title=${escapeProperty(d.rule)}`,
    ].join(',');
    return `::${d.severity} ${props}::${escapeData(d.message)}`;
  });
  // GitHub shows only ten annotations of each kind per step: the stylish listing after them hides nothing.
  return (lines.length > 0 ? lines.join('\n') + '\n\n' : '') + stylish(result, { color: false });
};
