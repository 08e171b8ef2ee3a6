import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFormatters } from '../src/format/index.js';
import { listFormatters } from '../src/format/list.js';
import { sourcesFormatters } from '../src/format/sources.js';
import { showFormatters } from '../src/format/show.js';
import { reportFormatters } from '../src/format/report.js';
import { exportFormatters } from '../src/format/export.js';
import { graphFormatters } from '../src/format/graph.js';
import { impactFormatters } from '../src/format/impact.js';
import { diffFormatters } from '../src/format/diff.js';
import { historyFormatters } from '../src/format/history.js';
import { statsFormatters } from '../src/format/stats.js';
import { sqlFormatters } from '../src/format/sql.js';
import {
  DIFF_FORMATS, EXPORT_FILE_FORMATS, EXPORT_FORMATS, GRAPH_FORMATS, HISTORY_FORMATS, IMPACT_FORMATS, LINT_FORMATS, LIST_FORMATS, REPORT_FORMATS, SHOW_FORMATS,
  SOURCES_FORMATS, SQL_FORMATS, STATS_FORMATS,
} from '../src/format/names.js';
import { wrap } from '../src/format/layout.js';
import type { RuleMeta } from '../src/format/types.js';
import type { LintResult } from '../src/diagnostic.js';
import { runCli } from './cli-helpers.js';

const SRC = resolve(__dirname, '..', 'src');

const COMMANDS = [
  ['validate', LINT_FORMATS, lintFormatters],
  ['list', LIST_FORMATS, listFormatters],
  ['sources', SOURCES_FORMATS, sourcesFormatters],
  ['show', SHOW_FORMATS, showFormatters],
  ['report', REPORT_FORMATS, reportFormatters],
  ['export', EXPORT_FORMATS, exportFormatters],
  ['graph', GRAPH_FORMATS, graphFormatters],
  ['impact', IMPACT_FORMATS, impactFormatters],
  ['diff', DIFF_FORMATS, diffFormatters],
  ['history', HISTORY_FORMATS, historyFormatters],
  ['stats', STATS_FORMATS, statsFormatters],
  ['sql', SQL_FORMATS, sqlFormatters],
] as const;

describe('one seam for every format', () => {
  it.each(COMMANDS)('%s: the registry holds a formatter for exactly the declared names', (_, names, registry) => {
    expect(Object.keys(registry).sort()).toEqual([...names].sort());
    for (const n of names) expect(typeof (registry as Record<string, unknown>)[n]).toBe('function');
  });

  it.each(COMMANDS)('%s --help offers the declared names, the first as default', async (command, names) => {
    const r = await runCli([command, '--help'], process.cwd());
    expect(r.code).toBe(0);
    const offered = r.stdout.replace(/\s+/g, ' ');
    // export also offers the formats it writes to --out (no formatter: they are files, not text).
    const all: readonly string[] = command === 'export' ? [...names, ...EXPORT_FILE_FORMATS] : names;
    expect(offered).toContain(`(choices: ${all.map((n) => `"${n}"`).join(', ')}, default: "${all[0]}")`);
  });

  it('no formatter loads the rule registry or the rules\' help: rule metadata comes in the context', () => {
    const files = readdirSync(join(SRC, 'format')).filter((f) => f.endsWith('.ts'));
    for (const f of files) {
      const text = readFileSync(join(SRC, 'format', f), 'utf8');
      expect(text, `src/format/${f}`).not.toMatch(/from '\.\.\/rules\//);
    }
  });

  it('sarif describes the rules its context hands it, in that order, with their help', () => {
    const rules: RuleMeta[] = [
      { id: 'b-rule', description: 'B.', defaultSeverity: 'warning', anchor: 'rule-b-rule' },
      { id: 'a-rule', description: 'A.', defaultSeverity: 'error', anchor: 'rule-a-rule', help: { name: 'ARule', checks: 'Checks A.', text: 'plain', markdown: '**md**' } },
    ];
    const result: LintResult = { files: 1, claims: 1, sources: 0, errorCount: 1, warningCount: 0, diagnostics: [
      { file: 'a.yaml', line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'error', rule: 'a-rule', messageId: 'm', message: 'x', path: '' },
    ] };
    const run = JSON.parse(lintFormatters.sarif(result, { color: false, rules })).runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['b-rule', 'a-rule']);
    expect(run.tool.driver.rules[1]).toMatchObject({ name: 'ARule', fullDescription: { text: 'Checks A.' }, help: { text: 'plain', markdown: '**md**' } });
    expect(run.tool.driver.rules[1].helpUri).toMatch(/#rule-a-rule$/);
    expect(run.results[0].ruleIndex).toBe(1);
  });
});

describe('wrap, the one word wrapper', () => {
  it('breaks words longer than a line, or keeps them whole when asked', () => {
    expect(wrap('see https://example.com/a-very-long-path here', 20)).toBe('see\nhttps://example.com/\na-very-long-path\nhere');
    expect(wrap('see https://example.com/a-very-long-path here', 20, '', '', { breakWords: false })).toBe('see\nhttps://example.com/a-very-long-path\nhere');
  });

  it('measures visible columns: colour codes take none', () => {
    expect(wrap('\u001b[1mbold\u001b[22m word', 10)).toBe('\u001b[1mbold\u001b[22m word');
  });
});
