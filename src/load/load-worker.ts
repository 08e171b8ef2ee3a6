/**
 * A worker thread of `parallel.ts`: takes batches of files from the shared counter, loads each as the main thread
 * would (`loadFileResult`), and sends all its results back at once as one JSON text (cheaper to copy and read than
 * thousands of objects). Any error is caught and sent, so the main thread reports it.
 */
import { workerData } from 'node:worker_threads';
import { loadFileResult } from './dataset.js';
import { FAST_MAX_CHARS } from './fast-yaml.js';
import { finished, progressed, takeBatch, type WorkerJob, type WorkerReply } from './parallel.js';

const job = workerData as WorkerJob;
const counter = new Int32Array(job.shared);
// However the thread ends (process.exit, an uncaught error), the main thread is woken and finds no results: reported.
process.on('exit', () => finished(counter, job.index));
// Faults a test injects to check that a failing worker is reported (tests/fast-path-workers.test.ts).
const fault = process.env.CLAIMS_TEST_WORKER_FAULT;
let reply: WorkerReply;
try {
  if (fault === 'throw') throw new Error('injected fault');
  if (fault === 'exit') process.exit(3);
  const results: Array<[number, unknown]> = [];
  for (let b = takeBatch(counter, job.files.length); b !== undefined; b = takeBatch(counter, job.files.length)) {
    for (let i = b[0]; i < b[1]; i++) {
      results.push([i, loadFileResult(job.files[i]!, job.root, job.cwd, job.fast, { deferOver: FAST_MAX_CHARS })]);
      progressed(counter, job.index);
    }
  }
  reply = { json: JSON.stringify(results) };
} catch (err) {
  reply = { error: err instanceof Error ? err.message : String(err) };
}
job.port.postMessage(reply);
job.port.close();
finished(counter, job.index);
