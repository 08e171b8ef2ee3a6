// The text report of the bundled dataset at width 80, colour off, compared with a golden file. Any change to the
// report's wording or layout shows up here as a diff to review; regenerate with `npx vitest run -u` when intended.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/index.js';

// A copy outside any git repository: section 9 then comes from the dataset's own links, whatever the checkout's history.
const ROOT = mkdtempSync(join(tmpdir(), 'claims-golden-'));
cpSync(resolve(__dirname, '..', 'claims'), join(ROOT, 'claims'), { recursive: true });

async function textReport(columns: number): Promise<string> {
  let stdout = '';
  const io = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false, columns },
    stderr: { write: () => true },
    cwd: () => ROOT,
    env: {},
    color: false,
  };
  const code = await run(['node', 'claims', 'report', '--today', '2026-11-24'], io);
  expect(code).toBe(0);
  return stdout;
}

describe('the text report of the bundled dataset', () => {
  it('matches the golden file at width 80, colour off', async () => {
    const out = await textReport(80);
    expect(out.length).toBeGreaterThan(5_000);
    await expect(out).toMatchFileSnapshot('__snapshots__/report-80.txt');
  });
});
