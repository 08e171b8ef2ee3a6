import type { Diagnostic } from '../diagnostic.js';
import type { Formatter } from './types.js';

/** Escapes text for XML content and attributes. */
export function xml(s: string): string {
  // Characters XML 1.0 cannot carry at all are dropped.
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** JUnit XML for Jenkins and friends: one testsuite per file, one failing testcase per error; warnings ride along as output. */
export const junit: Formatter = (result) => {
  const byFile = new Map<string, Diagnostic[]>();
  for (const f of result.fileList ?? []) byFile.set(f, []);
  for (const d of result.diagnostics) {
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const [file, list] of [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const errors = list.filter((d) => d.severity === 'error');
    const warnings = list.filter((d) => d.severity === 'warning');
    const cases = errors.map((d) =>
      `    <testcase classname="${xml(file)}" name="${xml(`${d.rule} at ${d.line}:${d.column}`)}">\n` +
      `      <failure type="${xml(d.rule)}" message="${xml(d.message)}">${xml(`${file}:${d.line}:${d.column} ${d.message} (${d.rule})`)}</failure>\n` +
      '    </testcase>');
    if (cases.length === 0) {
      const out = warnings.map((d) => `${file}:${d.line}:${d.column} warning ${d.message} (${d.rule})`).join('\n');
      cases.push(`    <testcase classname="${xml(file)}" name="valid">${out ? `\n      <system-out>${xml(out)}</system-out>\n    ` : ''}</testcase>`);
    }
    tests += cases.length;
    failures += errors.length;
    suites.push(`  <testsuite name="${xml(file)}" tests="${cases.length}" failures="${errors.length}" errors="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="claims validate" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
};
