#!/usr/bin/env node
import { run } from '../dist/claims.js';

// A reader that stops early (`claims list | head`) closes the pipe: stop quietly, as Unix tools do, with no stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

process.exitCode = await run(process.argv, process);
