/**
 * Reading a large dataset on every core: worker threads and the main thread take files in batches from one shared
 * counter (so a slow file or a late-starting thread never leaves the other idle), each reading, parsing and
 * checking its files exactly as `loadFile` does; the main thread then adds every result in the walk's order, so the
 * dataset is the same as a single-threaded load gives. `loadDataset` stays synchronous: the main thread waits for the
 * workers with `Atomics.wait`.
 *
 * A worker that fails is never hidden: an error inside it, or a worker that makes no progress for
 * `STALL_MS`, ends the run with one line on stderr and exit 2 (the files it took have no result to report).
 * Small datasets stay on one thread (starting a worker costs more than it saves), and so do runs with `--cache`.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

/**
 * Below this many files a dataset is read on the main thread alone: a worker costs about 0.3 s of CPU to start and to
 * hand its results back (10,000 claims, 11,000 files: 1.55 s of CPU on two threads against 1.25 s on one), which a
 * busy 2-core machine does not win back; on 55,000 files two threads took 0.87× the time of one (bench/results.json).
 */
export const PARALLEL_MIN_FILES = 20_000;
/** Files a thread takes from the shared counter at a time. */
export const BATCH = 64;
/** A worker that finishes no file for this long is taken for dead. A worker never parses a file over 256 KiB itself. */
export const STALL_MS = 30_000;

/** Slots of the shared counter: the next file to take, then per worker its done flag and its progress count. */
const NEXT = 0;
const slot = (w: number, what: 'done' | 'progress') => 1 + 2 * w + (what === 'done' ? 0 : 1);

/** What a worker is given. */
export interface WorkerJob {
  files: string[];
  root: string;
  cwd: string;
  fast: boolean;
  shared: SharedArrayBuffer;
  index: number;
  port: MessagePort;
}

/** What a worker sends back: its results as JSON (`[index, result]` pairs), or why it failed. */
export type WorkerReply = { json: string } | { error: string };

/** How many worker threads to start for `files` files: `CLAIMS_THREADS` (1 = none) or the cores, less the main thread. */
export function workerCount(files: number, env: NodeJS.ProcessEnv = process.env): number {
  const asked = env.CLAIMS_THREADS === undefined || env.CLAIMS_THREADS === '' ? NaN : Number(env.CLAIMS_THREADS);
  const threads = Number.isInteger(asked) && asked >= 1 ? Math.min(asked, 64) : availableParallelism();
  if (threads < 2 || (files < PARALLEL_MIN_FILES && Number.isNaN(asked))) return 0;
  return Math.min(threads - 1, Math.ceil(files / BATCH) - 1);
}

/** The built worker script beside the CLI's bundle, or undefined (running from sources: no worker). */
function workerScript(): string | undefined {
  for (const rel of ['./load-worker.js', '../load-worker.js']) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** Takes the next batch from the shared counter: [start, end), or undefined when every file is taken. */
export function takeBatch(counter: Int32Array, total: number): [number, number] | undefined {
  const start = Atomics.add(counter, NEXT, BATCH);
  return start < total ? [start, Math.min(total, start + BATCH)] : undefined;
}

/** Marks one file finished by worker `w` (the main thread watches this to tell a busy worker from a dead one). */
export function progressed(counter: Int32Array, w: number): void {
  Atomics.add(counter, slot(w, 'progress'), 1);
}

/** Marks worker `w` done and wakes the main thread. */
export function finished(counter: Int32Array, w: number): void {
  Atomics.store(counter, slot(w, 'done'), 1);
  Atomics.notify(counter, slot(w, 'done'));
}

/**
 * Loads `files` with `workers` worker threads beside the main thread; `loadOne(i)` loads file i on the main thread
 * and returns a result of the same shape the workers send. Returns every file's result by index, or undefined when
 * no worker script is available. Throws when a worker fails.
 */
export function loadInParallel<T>(files: string[], job: Omit<WorkerJob, 'files' | 'shared' | 'index' | 'port'>, workers: number, loadOne: (i: number) => T): T[] | undefined {
  const script = workerScript();
  if (script === undefined || workers < 1) return undefined;
  const shared = new SharedArrayBuffer(4 * (1 + 2 * workers));
  const counter = new Int32Array(shared);
  const started: Array<{ worker: Worker; port: import('node:worker_threads').MessagePort }> = [];
  const stopAll = () => {
    for (const s of started) void s.worker.terminate();
  };
  for (let w = 0; w < workers; w++) {
    const { port1, port2 } = new MessageChannel();
    const data: WorkerJob = { ...job, files, shared, index: w, port: port2 as unknown as MessagePort };
    const worker = new Worker(script, { workerData: data, transferList: [port2], stdout: false, stderr: false });
    // The main thread never waits on the event loop for a worker: it must not keep the process alive.
    worker.unref();
    started.push({ worker, port: port1 });
  }
  const results: T[] = new Array(files.length);
  for (let b = takeBatch(counter, files.length); b !== undefined; b = takeBatch(counter, files.length)) {
    for (let i = b[0]; i < b[1]; i++) results[i] = loadOne(i);
  }
  try {
    started.forEach(({ port }, w) => {
      let seen = -1;
      let since = Date.now();
      while (Atomics.load(counter, slot(w, 'done')) === 0) {
        Atomics.wait(counter, slot(w, 'done'), 0, 200);
        const now = Atomics.load(counter, slot(w, 'progress'));
        if (now !== seen) [seen, since] = [now, Date.now()];
        else if (Date.now() - since > STALL_MS) throw new Error(`a worker thread reading the dataset stopped responding (no file finished in ${STALL_MS / 1000} s)`);
      }
      const reply = receiveMessageOnPort(port)?.message as WorkerReply | undefined;
      if (reply === undefined) throw new Error('a worker thread reading the dataset ended without sending its results');
      if ('error' in reply) throw new Error(`a worker thread reading the dataset failed: ${reply.error.split('\n')[0]}`);
      for (const [i, r] of JSON.parse(reply.json) as Array<[number, T]>) results[i] = r;
    });
  } finally {
    stopAll();
  }
  for (let i = 0; i < files.length; i++) {
    if (results[i] === undefined) throw new Error(`a worker thread reading the dataset left a file without a result: ${files[i]}`);
  }
  return results;
}
