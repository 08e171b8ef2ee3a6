import { Chalk } from 'chalk';
import { groupBy } from '../util/compare.js';
import { escapeControls } from './escape.js';
import { maxOf } from './table.js';
import type { LintFormatter } from './types.js';
import { plural } from './values.js';


/** ESLint's "stylish": diagnostics grouped by file, aligned columns, a summary line. */
export const stylish: LintFormatter = (result, { color }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  const byFile = groupBy(result.diagnostics, (d) => d.file);
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    // Control characters in a file name or a message become visible escapes before any colour is added.
    lines.push(c.underline(escapeControls(file)));
    const posWidth = maxOf(list.map((d) => `${d.line}:${d.column}`.length), 0);
    for (const d of list) {
      const pos = `${d.line}:${d.column}`.padEnd(posWidth);
      const sev = d.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      lines.push(`  ${c.dim(pos)}  ${sev}  ${escapeControls(d.message)}  ${c.dim(d.rule)}`);
    }
    lines.push('');
  }
  const total = result.errorCount + result.warningCount;
  if (total === 0) {
    lines.push(c.green(`✔ ${plural(result.files, 'file')} checked (${plural(result.claims, 'claim')}, ${plural(result.sources, 'source')}): no problems`));
  } else {
    const summary = `✖ ${plural(total, 'problem')} (${plural(result.errorCount, 'error')}, ${plural(result.warningCount, 'warning')})`;
    lines.push(c.bold(result.errorCount > 0 ? c.red(summary) : c.yellow(summary)));
    lines.push(c.dim(`  in ${plural(byFile.size, 'file')} of ${result.files} checked (${plural(result.claims, 'claim')}, ${plural(result.sources, 'source')})`));
  }
  return lines.join('\n') + '\n';
};
