/** Runs a writing command's function in-process on a dataset folder, as the CLI would (usage errors are exit 2). */
import { resolveSettings } from '../src/cli/settings.js';
import { UsageError, type Io } from '../src/cli/io.js';
import type { RunSettings } from '../src/cli/settings.js';

export interface EditOutcomeForTest {
  code: number;
  stdout: string;
  stderr: string;
}

export function runEditIn(root: string, command: (settings: RunSettings, io: Io) => number): EditOutcomeForTest {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: { write: (s: string) => (stdout += s), isTTY: false }, stderr: { write: (s: string) => (stderr += s) }, cwd: () => root, env: {}, color: false };
  try {
    const code = command(resolveSettings({ today: '2026-11-24' }, root), io);
    return { code, stdout, stderr };
  } catch (err) {
    if (err instanceof UsageError) return { code: 2, stdout, stderr: stderr + `claims: ${err.message}\n` };
    throw err;
  }
}
