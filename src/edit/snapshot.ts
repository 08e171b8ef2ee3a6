/**
 * `claims snapshot <source-id> --from <file|-|https://…>`: the text of a source, stored in `snapshots/<id>.txt` with
 * its SHA-256 on the source, so quotes can be checked against it and a later edit of the text shows. From a web page
 * (a file or a fetched address) only the article's readable text is kept, not menus, ads and scripts: Mozilla's
 * Readability (the engine of Firefox's reader view) finds the article, and its HTML becomes plain text with a blank
 * line between paragraphs.
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { UsageError } from '../cli/io.js';
import { escapeControls } from '../format/escape.js';
import { closestPassage, normaliseText } from '../load/snapshot.js';
import { MAX_BYTES, safeReadFile } from '../util/safe-read.js';
import { nearest } from '../util/suggest.js';
import { fileOf } from './lookup.js';
import type { EditContext, EditOutcome } from './run.js';
import { editText } from './yaml.js';

/** The text to store, and where it came from. */
export interface SnapshotInput {
  /** The text as it will be stored (LF line endings). */
  text: string;
  /** How the text was obtained, for the summary: "readable text of page.html", "stdin". */
  origin: string;
  /** The address it was fetched from (sets `url:` when unset, and `retrieved:`). */
  url?: string;
}

/** Why a change was refused though the input was fine (exit 1): quotes the new text no longer holds. */
export class SnapshotRefused extends Error {
  constructor(readonly lines: string[]) {
    super(lines[0]);
  }
}

/** The hex SHA-256 of a stored snapshot's bytes (the text as UTF-8). */
export const sha256Hex = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

/** Where `claims snapshot` stores a source's text, relative to the dataset folder. */
export const snapshotPathOf = (id: string): string => `snapshots/${id}.txt`;

// ---------------------------------------------------------------------------------------------------------------------
// Reading the input

/** Whether a text is an HTML page: by the file name, else by how it starts. */
export function looksLikeHtml(text: string, name?: string): boolean {
  if (name !== undefined && /\.html?$/i.test(name)) return true;
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(text.slice(0, 4096));
}

/** The charset a page declares in a `<meta>` within its first bytes, if any. */
function metaCharset(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 2048).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)/i.exec(head)?.[1];
}

/** A decoder for a charset label, or undefined when Node does not know it. */
function decoderFor(label: string | undefined, fatal: boolean): TextDecoder | undefined {
  if (label === undefined) return undefined;
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return undefined;
  }
}

/** Line endings to LF, a byte-order mark dropped. */
const toLf = (text: string): string => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

/**
 * Decodes input bytes. Plain text must be UTF-8; a page may declare another charset (HTTP header or `<meta>`).
 * `name` says what is read, for messages.
 */
export function decodeInput(bytes: Buffer, name: string, opts: { html: boolean; charset?: string }): string {
  if (opts.html) {
    const declared = decoderFor(opts.charset, false) ?? decoderFor(metaCharset(bytes), false);
    if (declared) return toLf(declared.decode(bytes));
  }
  try {
    return toLf(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    if (opts.html) return toLf(new TextDecoder('utf-8').decode(bytes));
    throw new UsageError(`${name} is not valid UTF-8 text: save it as UTF-8 first`);
  }
}

/** Block elements: each starts a new paragraph of the text. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'thead', 'tfoot', 'tr', 'ul', 'caption',
]);
/** Elements whose content is never text a reader sees. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'head', 'button', 'select', 'input', 'textarea']);
/** Page furniture dropped when no article is found and the whole body is used. */
const FURNITURE = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu']);

/** Minimal DOM node shape, as linkedom gives it. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Plain text of a DOM subtree: a blank line between paragraphs, one line per `<br>`, list item or table row. */
export function domText(root: DomNode, drop: ReadonlySet<string> = new Set()): string {
  const paragraphs: string[] = [];
  let line = '';
  // Preformatted text keeps its spacing.
  let preLine = false;
  let lines: string[] = [];
  const endLine = (): void => {
    const l = preLine ? line.trimEnd() : line.replace(/[ \t]+/g, ' ').trim();
    if (l.trim() !== '') lines.push(l);
    line = '';
    preLine = false;
  };
  const endParagraph = (): void => {
    endLine();
    if (lines.length > 0) paragraphs.push(lines.join('\n'));
    lines = [];
  };
  const walk = (node: DomNode, pre: boolean): void => {
    if (node.nodeType === 3) {
      const t = node.textContent ?? '';
      if (pre) {
        const parts = t.split('\n');
        parts.forEach((p, i) => {
          if (i > 0) endLine();
          line += p;
          preLine = true;
        });
      } else line += t.replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeName.toLowerCase();
    if (HIDDEN.has(tag) || drop.has(tag)) return;
    if (tag === 'br') {
      endLine();
      return;
    }
    const block = BLOCKS.has(tag);
    const lineish = tag === 'li' || tag === 'tr' || tag === 'dt' || tag === 'dd';
    if (block) (lineish ? endLine : endParagraph)();
    if (tag === 'td' || tag === 'th') line += ' ';
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i]!, pre || tag === 'pre');
    if (block) (lineish ? endLine : endParagraph)();
  };
  walk(root, false);
  endParagraph();
  return paragraphs.join('\n\n');
}

/** What was kept of a page: its readable text, and whether an article was found (else the page body without its furniture). */
export interface PageText {
  text: string;
  article: boolean;
  title?: string;
}

/** The readable text of an HTML page: the article Readability finds, with its title first; else the body without menus. */
export function readableText(html: string, url?: string): PageText {
  const { document } = parseHTML(html);
  const title = document.title?.trim() || undefined;
  if (url !== undefined) {
    // Readability resolves links against the page's address; a <base> gives it one without a window.location.
    try {
      const base = document.createElement('base');
      base.setAttribute('href', url);
      document.head?.appendChild(base);
    } catch {
      // Relative links stay relative: only the text is kept.
    }
  }
  // Navigation is never article text; Readability judges by class names, which a menu inside the article may lack.
  for (const nav of [...document.querySelectorAll('nav, [role="navigation"]')]) nav.remove();
  let parsed: ReturnType<Readability<string>['parse']> = null;
  try {
    parsed = new Readability(document as unknown as Document).parse();
  } catch {
    parsed = null;
  }
  if (parsed?.content) {
    const { document: articleDoc } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
    const body = domText(articleDoc.body as unknown as DomNode);
    if (body.trim() !== '') {
      const heading = parsed.title?.trim();
      const text = heading && !normaliseText(body).startsWith(normaliseText(heading)) ? `${heading}\n\n${body}` : body;
      return { text, article: true, title: heading || title };
    }
  }
  const { document: whole } = parseHTML(html);
  const body = whole.body ? domText(whole.body as unknown as DomNode, FURNITURE) : '';
  return { text: body, article: false, title };
}

/** The text to store from input bytes: a page's readable text, or plain text as it is. */
export function textFromBytes(bytes: Buffer, name: string, opts: { fileName?: string; contentType?: string; url?: string } = {}): { text: string; html: boolean; article?: boolean } {
  const type = opts.contentType?.split(';')[0]?.trim().toLowerCase();
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(opts.contentType ?? '')?.[1];
  const sniff = bytes.subarray(0, 4096).toString('latin1');
  const html = type === 'text/html' || type === 'application/xhtml+xml' || (type !== 'text/plain' && looksLikeHtml(sniff, opts.fileName));
  const decoded = decodeInput(bytes, name, { html, charset });
  if (!html) return { text: decoded, html: false };
  const page = readableText(decoded, opts.url);
  return { text: page.text === '' ? '' : `${page.text}\n`, html: true, article: page.article };
}

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

// ---------------------------------------------------------------------------------------------------------------------
// The change

/** A valid source by id, or a usage error naming the nearest source ids. */
function sourceById(ctx: EditContext, id: string) {
  const s = ctx.ds.sources.find((r) => r.data.id === id);
  if (s) return { ...s, abs: fileOf(ctx.ds, s.file).abs };
  const broken = ctx.ds.ids.get(id)?.find((f) => f.type === 'source' && !f.valid);
  if (broken) throw new UsageError(`${broken.file} does not pass the schema: run \`claims validate\` and fix it first`);
  const isClaim = ctx.ds.claims.some((c) => c.data.id === id) ? ` ("${id}" is a claim)` : '';
  const near = nearest(id, ctx.ds.sources.map((r) => r.data.id));
  throw new UsageError(`no source "${id}"${isClaim}${near.length > 0 ? `; did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : ''}`);
}

/** The longest quote or passage a refusal prints. */
const SHOWN_QUOTE = 160;
const clip = (s: string): string => escapeControls(s.length > SHOWN_QUOTE ? `${s.slice(0, SHOWN_QUOTE - 1)}…` : s);
/** At most this many missing quotes are listed; the rest are counted. */
const SHOWN_MISSES = 20;

/**
 * The quotes read in `sourceId` (evidence whose `source` it is) that `text` does not hold, as lines for a refusal.
 * The same matching as rule quote-not-found: whitespace, typographic quotes and dashes normalised.
 */
export function quotesNotIn(ctx: EditContext, sourceId: string, text: string): { checked: number; misses: string[] } {
  const normal = normaliseText(text);
  const misses: string[] = [];
  let checked = 0;
  let missed = 0;
  for (const c of ctx.ds.claims) {
    c.data.evidence.forEach((ev, i) => {
      if (ev.source !== sourceId || ev.quote === undefined || ev.quote.trim() === '') return;
      checked++;
      const quote = normaliseText(ev.quote);
      if (normal.includes(quote)) return;
      missed++;
      if (misses.length < SHOWN_MISSES) {
        const closest = closestPassage(normal, quote);
        misses.push(`  ${c.file} evidence[${i}].quote: “${clip(quote)}”${closest ? `\n    closest passage: “${clip(closest)}”` : ''}`);
      }
    });
  }
  if (missed > misses.length) misses.push(`  … and ${missed - misses.length} more`);
  return { checked, misses };
}

/** Builds the change: the snapshot file, and the source with `snapshot`, `snapshot_sha256` (and, fetched, `url`, `retrieved`). */
export function buildSnapshot(ctx: EditContext, sourceId: string, input: SnapshotInput): EditOutcome {
  const source = sourceById(ctx, sourceId);
  if (normaliseText(input.text) === '') throw new UsageError(`no text in ${input.origin}: nothing to store`);
  const rel = snapshotPathOf(sourceId);
  const abs = join(ctx.ds.root, ...rel.split('/'));
  const shownSnapshot = ctx.shown(abs);

  const { checked, misses } = quotesNotIn(ctx, sourceId, input.text);
  if (misses.length > 0) {
    throw new SnapshotRefused([
      `claims: ${shownSnapshot} was not written: the new text of "${sourceId}" does not hold ${misses.length === 1 ? 'a quote' : 'quotes'} that evidence reads in it:`,
      ...misses,
      'Check that this is the right text (a paywall or consent page is not the article), or fix the quotes first.',
    ]);
  }

  ctx.changes.write(abs, input.text);
  const sha = sha256Hex(Buffer.from(input.text, 'utf8'));
  const fields: Record<string, string> = { snapshot: rel, snapshot_sha256: sha };
  if (input.url !== undefined) {
    if (source.data.url === undefined) fields.url = input.url;
    fields.retrieved = ctx.settings.today;
  }
  const shownSource = ctx.shown(source.abs);
  ctx.changes.write(source.abs, editText(ctx.changes.current(source.abs)!, shownSource, (doc) => {
    for (const [key, value] of Object.entries(fields)) doc.set(key, value);
  }));

  const words = normaliseText(input.text).split(' ').length;
  const summary = [
    `${shownSnapshot}: ${words.toLocaleString('en-US')} word${words === 1 ? '' : 's'} from ${escapeControls(input.origin)}`,
    `${shownSource}: ${Object.keys(fields).join(', ')} set`,
  ];
  if (checked > 0) summary.push(`${checked} quote${checked === 1 ? '' : 's'} read in "${sourceId}" found in the new text`);
  const former = source.data.snapshot;
  if (former !== undefined && former !== rel) summary.push(`the former snapshot ${escapeControls(former)} is left in place (no longer named by "${sourceId}")`);
  if (input.url !== undefined && source.data.url !== undefined && source.data.url !== input.url) summary.push(`url kept as ${escapeControls(source.data.url)}`);
  return { summary };
}

// ---------------------------------------------------------------------------------------------------------------------
// `claims new source --snapshot <path>`

/**
 * Checks `--snapshot <path>` of `claims new source` before anything is written: the file must exist, inside the
 * dataset folder, as a regular file within the size cap. A usage error (exit 2) says what is wrong and what to do.
 * Returns the SHA-256 of the file's bytes, for `snapshot_sha256`.
 */
export function checkSnapshotOption(path: string, datasetRoot: string, shownRoot: string): string {
  const r = safeReadFile(resolve(datasetRoot, path), { maxBytes: MAX_BYTES.snapshot, within: datasetRoot });
  if (r.ok) return sha256Hex(r.buf);
  const where = `${shownRoot.replace(/\/$/, '')}/${path}`;
  if (r.kind === 'missing') {
    throw new UsageError(`--snapshot ${path}: there is no file at ${where} (the path is relative to the dataset folder): save the text there first, or add it after with \`claims snapshot <id> --from <file|url>\``);
  }
  throw new UsageError(`--snapshot ${path}: ${where} ${r.reason}`);
}
