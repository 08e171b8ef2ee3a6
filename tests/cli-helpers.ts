/** Runs the CLI in-process with captured streams. */
import { resolve } from 'node:path';
import { run } from '../src/cli/index.js';

export const FIXTURES = resolve(__dirname, 'fixtures');

/** What a run printed and returned. */
export interface RunOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `claims <args>` in `cwd` (default: a fixture folder name or absolute path). */
export async function runCli(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<RunOutcome> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: () => resolve(FIXTURES, cwd),
    env,
    color: false,
  };
  const code = await run(['node', 'claims', ...args], io);
  return { code, stdout, stderr };
}
