/** `claims snapshot <source-id> --from <file|-|https://…>`: store a source's text, checked against the quotes read in it. */
import { buildSnapshot, fetchPage, isAddress, readInputFile, readInputStream, SnapshotRefused, type SnapshotInput } from '../edit/snapshot.js';
import { runEdit, type WriteOptions } from '../edit/run.js';
import { type Io, UsageError } from './io.js';
import type { RunSettings } from './settings.js';

/** Options of `claims snapshot` as commander parses them. */
export interface SnapshotOptions extends WriteOptions {
  from?: string;
}

/** Reads or fetches the text, then stores it as one checked change. Exit 0 done, 1 refused (a quote not in the new text), 2 usage. */
export async function snapshot(sourceId: string, opts: SnapshotOptions, settings: RunSettings, io: Io): Promise<number> {
  const from = opts.from;
  if (from === undefined || from.trim() === '') throw new UsageError('snapshot needs --from <file>, --from - (standard input) or --from <https://…>: where the text comes from');
  let input: SnapshotInput;
  if (from === '-') {
    const stdin = io.stdin ?? process.stdin;
    if (stdin.isTTY) io.stderr.write('claims: reading the text from the terminal; end it with Ctrl-D\n');
    input = await readInputStream(stdin);
  } else if (isAddress(from)) {
    input = await fetchPage(from);
  } else {
    input = readInputFile(from, io.cwd());
  }
  try {
    return runEdit(opts, settings, io, (ctx) => buildSnapshot(ctx, sourceId, input));
  } catch (err) {
    if (!(err instanceof SnapshotRefused)) throw err;
    io.stderr.write(err.lines.map((l) => `${l}\n`).join(''));
    return 1;
  }
}
