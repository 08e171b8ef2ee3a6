/** Where `claims snapshot` reads its text: a file, standard input, or a fetched page, each bounded in size and time. */
import { resolve } from 'node:path';
import { UsageError } from '../cli/io.js';
import { MAX_BYTES, safeReadFile } from '../util/safe-read.js';
import { textFromBytes } from './page-text.js';
import type { SnapshotInput } from './snapshot.js';

/** Reads `--from <file>`: a regular file within the size cap. */
export function readInputFile(from: string, cwd: string): SnapshotInput {
  const abs = resolve(cwd, from);
  const r = safeReadFile(abs, { maxBytes: MAX_BYTES.snapshot });
  if (!r.ok) throw new UsageError(`--from ${from} ${r.reason}`);
  const got = textFromBytes(r.buf, from, { fileName: from });
  return { text: got.text, origin: got.html ? `the ${got.article ? 'article' : 'page'} text of ${from}` : from };
}

/** Reads `--from -`: standard input, within the size cap. */
export async function readInputStream(stream: NodeJS.ReadableStream, maxBytes: number = MAX_BYTES.snapshot): Promise<SnapshotInput> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    size += buf.length;
    if (size > maxBytes) throw new UsageError(`standard input is larger than ${Math.round(maxBytes / (1024 * 1024))} MiB: a snapshot is at most that`);
    chunks.push(buf);
  }
  const got = textFromBytes(Buffer.concat(chunks), 'standard input');
  return { text: got.text, origin: got.html ? `the ${got.article ? 'article' : 'page'} text read from standard input` : 'standard input' };
}

// ---------------------------------------------------------------------------------------------------------------------
// Fetching a page

/** Bounds on fetching a page. */
export interface FetchLimits {
  /** The whole fetch, redirects and body included. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const FETCH_LIMITS: FetchLimits = { timeoutMs: 30_000, maxBytes: MAX_BYTES.snapshot, maxRedirects: 5 };

/** Whether `--from` names a web address (any scheme: only http and https are then accepted). */
export const isAddress = (from: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(from);

/** A URL of http or https, or a usage error. */
function httpUrl(raw: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`${what} ${JSON.stringify(raw)} is not a valid address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${what} ${url.protocol}//… is not http or https: only web pages are fetched`);
  return url;
}

/** Why a fetch failed, in a few words. */
function fetchFailure(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; cause?: { code?: string; message?: string }; message?: string };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no complete answer within ${Math.round(timeoutMs / 1000)} s`;
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
}

/**
 * Fetches a page: http or https only, at most `maxRedirects` redirects (each to http or https), the whole exchange
 * within `timeoutMs`, the body at most `maxBytes` (counted as it arrives, whatever the headers say).
 */
export async function fetchPage(address: string, limits: FetchLimits = FETCH_LIMITS): Promise<SnapshotInput & { finalUrl: string }> {
  let url = httpUrl(address, '--from');
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const fail = (why: string): never => {
    throw new UsageError(`cannot fetch ${address}: ${why}`);
  };
  for (let hops = 0; ; hops++) {
    let res: Response;
    try {
      res = await fetch(url, { redirect: 'manual', signal, headers: { accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1' } });
    } catch (err) {
      return fail(fetchFailure(err, limits.timeoutMs));
    }
    if (res.status >= 300 && res.status < 400 && res.headers.has('location')) {
      await res.body?.cancel().catch(() => undefined);
      if (hops >= limits.maxRedirects) fail(`more than ${limits.maxRedirects} redirects`);
      url = httpUrl(new URL(res.headers.get('location')!, url).href, `${url.href} redirects to`);
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      fail(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
    }
    const contentType = res.headers.get('content-type') ?? undefined;
    const type = contentType?.split(';')[0]?.trim().toLowerCase();
    if (type !== undefined && type !== '' && !/^text\/|^application\/xhtml\+xml$/.test(type)) {
      await res.body?.cancel().catch(() => undefined);
      fail(`it is ${type}, not a web page or text: save its text to a file and use --from <file>`);
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    const cap = `larger than ${Math.round(limits.maxBytes / (1024 * 1024))} MiB`;
    if (declared > limits.maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      fail(`the page is ${cap}`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      if (res.body) {
        for await (const chunk of res.body) {
          size += chunk.length;
          if (size > limits.maxBytes) {
            await res.body.cancel().catch(() => undefined);
            return fail(`the page is ${cap}`);
          }
          chunks.push(Buffer.from(chunk));
        }
      }
    } catch (err) {
      if (err instanceof UsageError) throw err;
      return fail(fetchFailure(err, limits.timeoutMs));
    }
    const got = textFromBytes(Buffer.concat(chunks), url.href, { contentType, url: url.href });
    return { text: got.text, origin: got.html ? `the ${got.article ? 'article' : 'page'} text of ${url.href}` : url.href, url: address, finalUrl: url.href };
  }
}
