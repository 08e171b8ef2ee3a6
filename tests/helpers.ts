/** Test helpers: build a dataset from inline YAML in a temporary folder and lint it. */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { loadDataset } from '../src/load/dataset.js';
import { lint, type LintOptions } from '../src/lint.js';
import type { Diagnostic } from '../src/diagnostic.js';
import type { RuleId } from '../src/rules/index.js';

const made: string[] = [];
afterAll(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Writes `files` (relative path -> text) into a new temporary folder and returns its path. */
export function writeDataset(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'claims-test-'));
  made.push(root);
  for (const [rel, text] of Object.entries(files)) {
    const abs = join(root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  return root;
}

/** A copy of a fixture dataset in `tests/fixtures/` with extra files (relative path -> text) written over it. */
export function fixtureCopy(fixture: string, extra: Record<string, string> = {}): string {
  const root = writeDataset({});
  cpSync(join(__dirname, 'fixtures', fixture), root, { recursive: true });
  for (const [rel, text] of Object.entries(extra)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

/** Lints inline files; diagnostics carry paths relative to the dataset root (e.g. `sources/x.yaml`). */
export function lintFiles(files: Record<string, string>, options: Partial<LintOptions> = {}): Diagnostic[] {
  const root = writeDataset(files);
  return lint(loadDataset(root, root), { today: '2026-11-24', ...options }).diagnostics;
}

/** Only the diagnostics of one rule (a typed id: a misspelt one does not compile, so it cannot make a check pass silently). */
export function ofRule(diagnostics: Diagnostic[], rule: RuleId): Diagnostic[] {
  return diagnostics.filter((d) => d.rule === rule);
}

/** A valid source file, with optional extra lines appended. */
export function source(id: string, extra = ''): string {
  return `type: source\nid: ${id}\ntitle: Title of ${id}\npublisher: Publisher\nkind: news\n${extra}`;
}

/** Valid source files of the given ids, each at `sources/<id>.yaml`. */
export function sources(...ids: string[]): Record<string, string> {
  return Object.fromEntries(ids.map((id) => [`sources/${id}.yaml`, source(id)]));
}

/** A claim whose evidence block (line 8 on, when `extra` is empty) is `evidence`; `extra` lines go before `evidence:`. */
export function claimWithEvidence(id: string, evidence: string, extra = '', status = 'independent'): string {
  return `type: claim\nid: ${id}\nsubject: Acme\ncategory: arr\nstatement: Acme has revenue.\nstatus: ${status}\n${extra}evidence:\n${evidence}`;
}

/** A valid claim file citing `src` as its source, with optional extra lines appended. */
export function claim(id: string, src = 'src-a', extra = '', status = 'independent'): string {
  return claimWithEvidence(id, `  - source: ${src}\n    quote: a quote\n`, extra, status);
}

/** A configuration with publishing settings for the ClaimReview export (over the 'query' fixture). */
export const PUBLISHING = [
  'today: 2026-11-24',
  'aliases:',
  '  Acme Corp: Acme',
  'claimreview:',
  '  publisher: { name: "Example News", url: "https://example.org" }',
  '  url: "https://example.org/claims/{id}"',
  '',
].join('\n');
