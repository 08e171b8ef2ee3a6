/** Parses and checks the `list`/`report` filter options, with one-line errors that list what is accepted. */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePartialDate } from '../model/date.js';
import { loadDataset, type Dataset } from '../load/dataset.js';
import { datasetThen, noteThen, type DatasetThen } from '../history/at.js';
import { Entities, type Support } from '../provenance/index.js';
import { FILTER_CHOICES, SORT_KEYS, filterViews, sortViews, type Filters, type SortKey } from '../query/filter.js';
import { queryContext, type ClaimView, type QueryContext } from '../query/view.js';
import { didYouMean, nearest } from '../util/suggest.js';
import { checkFilterNames, shown } from './filter-names.js';
import { type Io, UsageError } from './io.js';
import type { RunSettings } from './settings.js';

/** Raw filter options as commander gives them. */
export interface FilterOptions {
  status?: string;
  category?: string;
  subject?: string;
  party?: string;
  assertion?: string;
  source?: string;
  publisher?: string;
  dependsOn?: string;
  since?: string;
  until?: string;
  dueBefore?: string;
  dueAfter?: string;
  hasValue?: boolean;
  minIndependent?: string;
  support?: string;
  search?: string;
  credibility?: string;
  sort?: string;
  limit?: string;
}

/** A comma list option as its trimmed, non-empty items. */
const split = (s: string | undefined): string[] | undefined =>
  s === undefined ? undefined : s.split(',').map((x) => x.trim()).filter((x) => x !== '');

/** A comma list option of names or ids: at least one, since an empty list would match nothing. */
export function names(flag: string, raw: string | undefined): string[] | undefined {
  const list = split(raw);
  if (list?.length === 0) throw new UsageError(`${flag}: give at least one value (a comma-separated list)`);
  return list;
}

/** A comma list option whose items must each be one of `allowed`. */
export function choices(flag: string, raw: string | undefined, allowed: readonly string[]): string[] | undefined {
  const list = names(flag, raw);
  for (const v of list ?? []) {
    if (!allowed.includes(v)) throw new UsageError(`${flag}: "${shown(v)}" is not valid.${didYouMean(v, allowed)} Use one or more of: ${allowed.join(', ')}`);
  }
  return list;
}

function date(flag: string, raw: string | undefined) {
  if (raw === undefined) return undefined;
  const d = parsePartialDate(raw);
  if (!d) throw new UsageError(`${flag}: "${shown(raw)}" is not a date; use 2026, 2026-02 or 2026-02-15`);
  return d;
}

/** A non-negative whole number option. */
export function count(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n)) throw new UsageError(`${flag}: "${shown(raw)}" is not a whole number ≥ 0`);
  return n;
}

/** Turns raw options into filters, or throws a UsageError naming what is accepted. */
export function parseFilters(o: FilterOptions): Filters {
  return {
    status: choices('--status', o.status, FILTER_CHOICES.status),
    category: choices('--category', o.category, FILTER_CHOICES.category),
    assertion: choices('--assertion', o.assertion, FILTER_CHOICES.assertion),
    support: choices('--support', o.support, FILTER_CHOICES.support) as Support[] | undefined,
    subject: names('--subject', o.subject),
    party: names('--party', o.party),
    source: names('--source', o.source),
    publisher: names('--publisher', o.publisher),
    dependsOn: names('--depends-on', o.dependsOn)?.join(','),
    since: date('--since', o.since),
    until: date('--until', o.until),
    dueBefore: date('--due-before', o.dueBefore),
    dueAfter: date('--due-after', o.dueAfter),
    hasValue: o.hasValue,
    minIndependent: count('--min-independent', o.minIndependent),
    search: o.search,
    credibility: choices('--credibility', o.credibility, ['1', '2', '3', '4', '5', '6'])?.map(Number),
  };
}

/** The `--sort` key, checked. */
export function parseSort(raw: string | undefined): SortKey | undefined {
  if (raw === undefined) return undefined;
  if (!(SORT_KEYS as readonly string[]).includes(raw)) throw new UsageError(`--sort: "${shown(raw)}" is not valid; use one of: ${SORT_KEYS.join(', ')}`);
  return raw as SortKey;
}

/** Loads the dataset, then filters, sorts (--sort) and cuts (--limit) its claims: what `list` and `export` print. */
export function selectViews(opts: FilterOptions, settings: RunSettings, io: Io): { ctx: QueryContext; views: ClaimView[] } {
  const filters = parseFilters(opts);
  const sort = parseSort(opts.sort);
  const limit = count('--limit', opts.limit);
  const ctx = loadQuery(settings, io);
  const views = sortViews(filterChecked(ctx, filters), sort);
  return { ctx, views: limit === undefined ? views : views.slice(0, limit) };
}

/** The claims `filters` keep, once every name and id they give is known to name something in the dataset (else a UsageError). */
export function filterChecked(ctx: QueryContext, filters: Filters): ClaimView[] {
  checkFilterNames(ctx, filters);
  return filterViews(ctx, ctx.views, filters);
}

/** Loads the dataset folder and derives the query context; notes on stderr when files were left out for errors. */
export function loadQuery(settings: RunSettings, io: Io, onThen?: (then: DatasetThen) => void): QueryContext {
  const root = resolve(io.cwd(), settings.dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`no dataset folder at ${settings.dir} (use --dir)`);
  let ds: Dataset;
  if (settings.revision !== undefined) {
    // --at / --as-known-on: the dataset as committed then, read from git; the working tree is not read.
    const then = datasetThen(root, settings, io);
    noteThen(then, io);
    onThen?.(then);
    ds = then.dataset;
  } else {
    ds = loadDataset(root, io.cwd(), { cache: settings.cache });
    settings.cache?.save();
  }
  const invalid = ds.files.filter((f) => !f.valid).length;
  if (invalid > 0) {
    io.stderr.write(`claims: note: ${invalid} file${invalid === 1 ? '' : 's'} with errors left out; run \`claims validate\` to see why\n`);
  }
  return queryContext(ds, new Entities(settings.config.aliases), settings.today);
}

/** Terminal width for tables: the terminal's, else $COLUMNS, else 120; a terminal narrower than 40 columns gets 40 (the narrowest layout). */
export function terminalWidth(io: Io): number {
  const cols = io.stdout.columns ?? Number(io.env.COLUMNS);
  return Number.isFinite(cols) && cols > 0 ? Math.max(40, Math.floor(cols)) : 120;
}

/** The usage error for an id that names no claim: a source's id gets `forSource` as a pointer, else the nearest claim ids. */
export function noSuchClaim(ctx: QueryContext, id: string, forSource: string): UsageError {
  if (ctx.index.sources.has(id)) return new UsageError(`"${id}" is a source, not a claim: ${forSource}`);
  const near = nearest(id, ctx.index.claims.keys(), 3);
  return new UsageError(`no claim "${id}"${near.length > 0 ? `; did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : ''}`);
}
