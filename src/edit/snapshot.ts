/**
 * `claims snapshot <source-id> --from <file|-|https://…>`: the text of a source, stored in `snapshots/<id>.txt` with
 * its SHA-256 on the source, so quotes can be checked against it and a later edit of the text shows. From a web page
 * (a file or a fetched address) only the article's readable text is kept, not menus, ads and scripts: Mozilla's
 * Readability (the engine of Firefox's reader view) finds the article, and its HTML becomes plain text with a blank
 * line between paragraphs.
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { UsageError } from '../cli/io.js';
import { escapeControls } from '../format/escape.js';
import { closestPassage, normaliseText } from '../load/snapshot.js';
import { MAX_BYTES, safeReadFile } from '../util/safe-read.js';

import { requireSource } from './lookup.js';
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

export { looksLikeHtml, readableText, textFromBytes, domText, decodeInput } from './page-text.js';
export { fetchPage, FETCH_LIMITS, isAddress, readInputFile, readInputStream, type FetchLimits } from './snapshot-input.js';

// ---------------------------------------------------------------------------------------------------------------------
// The change

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
  const source = requireSource(ctx.ds, sourceId, null);
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
