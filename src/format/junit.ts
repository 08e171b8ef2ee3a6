import { compareText, groupBy } from '../util/compare.js';
import type { Diagnostic } from '../diagnostic.js';
import type { LintFormatter } from './types.js';

/** Escapes text for XML content and attributes. */
export function xml(s: string): string {
  // Characters XML 1.0 cannot carry at all are dropped: C0 controls other than tab and line breaks, lone surrogates, U+FFFE and U+FFFF.
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * The `classname` of a file's test cases. Jenkins splits a classname at its last dot into package and class, so the
 * path's folders become the package and the file name, without `.yaml`, the class: `claims/mistral-ai/arr-2026-02.yaml`
 * shows as class `arr-2026-02` in package `claims.mistral-ai`. Dots inside a folder or file name become `_`.
 */
export function junitClassname(file: string): string {
  const segments = file.replace(/\.ya?ml$/i, '').split('/').filter((s) => s !== '' && s !== '.');
  return segments.map((s) => s.replace(/\./g, '_')).join('.') || '_';
}

/** Seconds as JUnit writes them (at most three decimals, no thousands separator: Jenkins' SUREFIRE_TIME). */
function seconds(n: number): string {
  return (Number.isFinite(n) && n > 0 ? n : 0).toFixed(3);
}

function warningLine(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} warning ${d.message} (${d.rule})`;
}

/**
 * JUnit XML for Jenkins and friends: one testsuite per file, one failing testcase per error, a passing `valid`
 * testcase for a file without errors. A file's warnings ride along as `<system-out>` of its first testcase, whether
 * or not the file also has errors. `time` on `<testsuites>` is the run's wall time; files are checked together
 * (cross-file rules), so each suite and case has `time="0.000"`. `timestamp` is the run's start, UTC.
 */
export const junit: LintFormatter = (result, ctx) => {
  const byFile = new Map<string, Diagnostic[]>();
  for (const f of result.fileList ?? []) byFile.set(f, []);
  for (const [file, list] of groupBy(result.diagnostics, (d) => d.file)) byFile.set(file, list);
  const timestamp = ctx.run ? ` timestamp="${ctx.run.startedAt.toISOString().slice(0, 19)}"` : '';
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const [file, list] of [...byFile].sort(([a], [b]) => compareText(a, b))) {
    const classname = xml(junitClassname(file));
    const errors = list.filter((d) => d.severity === 'error');
    const warnings = list.filter((d) => d.severity === 'warning');
    const out = warnings.length > 0 ? `      <system-out>${xml(warnings.map(warningLine).join('\n'))}</system-out>\n` : '';
    const cases = errors.map((d, i) =>
      `    <testcase classname="${classname}" name="${xml(`${d.rule} at ${d.line}:${d.column}`)}" time="0.000">\n` +
      `      <failure type="${xml(d.rule)}" message="${xml(d.message)}">${xml(`${file}:${d.line}:${d.column} ${d.message} (${d.rule})`)}</failure>\n` +
      (i === 0 ? out : '') +
      '    </testcase>');
    if (cases.length === 0) {
      cases.push(`    <testcase classname="${classname}" name="valid" time="0.000">${out ? `\n${out}    ` : ''}</testcase>`);
    }
    tests += cases.length;
    failures += errors.length;
    suites.push(
      `  <testsuite name="${xml(file)}" tests="${cases.length}" failures="${errors.length}" errors="0" skipped="0" time="0.000"${timestamp} file="${xml(file)}">\n` +
      `${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const time = seconds(ctx.run?.seconds ?? 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="claims validate" tests="${tests}" failures="${failures}" errors="0" time="${time}">\n${suites.join('\n')}\n</testsuites>\n`;
};
