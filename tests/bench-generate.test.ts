// The benchmark's generated datasets: the clean one has no finding at all (so every command does its full work and
// nothing else), and the one with findings has exactly one claim file in ten with one finding.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmark's generator is plain JavaScript.
import { generate } from '../bench/generate.mjs';
import { loadDataset } from '../src/load/dataset.js';
import { lint } from '../src/lint.js';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function validateGenerated(claims: number, findings: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'claims-bench-'));
  made.push(dir);
  const files = generate(dir, claims, 42, { findings }) as number;
  cpSync(resolve(__dirname, '..', 'schemas'), join(dir, 'schemas'), { recursive: true });
  return { files, result: lint(loadDataset(join(dir, 'claims'), dir), { today: '2026-11-24' }) };
}

describe('bench/generate.mjs', () => {
  it('writes a clean dataset: no error, no warning (no duplicate claims, no orphan sources)', () => {
    const { files, result } = validateGenerated(1000, false);
    expect(files).toBe(1100);
    expect(result.files).toBe(1100);
    expect(result.diagnostics).toEqual([]);
  });

  it('with findings: one claim file in ten has exactly one, in turn schema, unknown-reference and forecast-overdue', () => {
    const { result } = validateGenerated(1000, true);
    const files = new Set(result.diagnostics.map((d) => d.file));
    expect(files.size).toBe(100);
    expect(result.diagnostics).toHaveLength(100);
    const byRule: Record<string, number> = {};
    for (const d of result.diagnostics) byRule[`${d.rule}:${d.messageId}`] = (byRule[`${d.rule}:${d.messageId}`] ?? 0) + 1;
    expect(byRule).toEqual({ 'schema:unknownField': 34, 'unknown-reference:unknown': 33, 'forecast-overdue:overdue': 33 });
  });
});
