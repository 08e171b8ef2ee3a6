/** `claims cite <claim-id> --source <id> --quote "…" [--via a,b] [--origin <id>] [--locator "…"] [--unattributed]`. */
import { buildCite } from '../edit/cite.js';
import { runEdit, type WriteOptions } from '../edit/run.js';
import { type Io, UsageError } from './io.js';
import type { RunSettings } from './settings.js';

/** Options of `claims cite` as commander parses them. */
export interface CiteOptions extends WriteOptions {
  source?: string;
  quote?: string;
  via?: string[];
  origin?: string;
  locator?: string;
  unattributed?: boolean;
}

/** Splits comma lists and repeated flags into one list of ids. */
export const idList = (values: string[] | undefined): string[] | undefined =>
  values?.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');

/** Appends one evidence item to a claim; prints what it changed in the claim's support and grade. */
export function cite(claimId: string, opts: CiteOptions, settings: RunSettings, io: Io): number {
  if (opts.source === undefined) throw new UsageError('cite needs --source <id>: the source the quote is read in');
  return runEdit(opts, settings, io, (ctx) =>
    buildCite(ctx, claimId, { source: opts.source!, quote: opts.quote, via: idList(opts.via), origin: opts.origin, locator: opts.locator, unattributed: opts.unattributed === true ? true : undefined }));
}
