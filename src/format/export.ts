/** Output formats of `claims export`: schema.org ClaimReview JSON-LD, JSON Lines and CSV. Pure: data in, text out. */
import type { Source, Status } from '../model/schema.js';
import { parsePartialDate } from '../model/date.js';
import type { ClaimView, QueryContext } from '../query/view.js';
import { listFormatters } from './list.js';

/**
 * The rating scale of `reviewRating`: 1 (worst) to 5 (best), from the declared verification status.
 * A public contract, documented in the README.
 */
export const RATING_BY_STATUS: Record<Status, 1 | 2 | 3 | 4 | 5> = {
  retracted: 1,
  disputed: 2,
  rumored: 3,
  'company-reported': 4,
  independent: 5,
};

/** A schema.org Organization, by name. */
export interface Organization {
  '@type': 'Organization';
  name: string;
}

/** A schema.org CreativeWork: where a claim appears. `url` and `datePublished` only when the source gives them. */
export interface CreativeWork {
  '@type': 'CreativeWork';
  url?: string;
  datePublished?: string;
  name: string;
  publisher: Organization;
}

/** One claim as schema.org ClaimReview JSON-LD. */
export interface ClaimReview {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  /** The claim's id in the dataset (not a URL: none is invented). */
  identifier: string;
  claimReviewed: string;
  itemReviewed: {
    '@type': 'Claim';
    author?: Organization;
    appearance: CreativeWork[];
    firstAppearance?: CreativeWork;
  };
  reviewRating: {
    '@type': 'Rating';
    ratingValue: number;
    bestRating: 5;
    worstRating: 1;
    alternateName: Status;
  };
  datePublished?: string;
}

/** What the export formatters read besides the claims: the dataset's sources, provenance and grades. */
export type ExportContext = Pick<QueryContext, 'index' | 'provenance' | 'grades'>;

export type ExportFormatter = (views: ClaimView[], ctx: ExportContext) => string;

const organization = (name: string): Organization => ({ '@type': 'Organization', name });

/** A source as a CreativeWork; fields it does not have are left out, never made up. */
export function creativeWork(s: Source): CreativeWork {
  const published = parsePartialDate(s.published)?.text;
  return {
    '@type': 'CreativeWork',
    ...(s.url !== undefined ? { url: s.url } : {}),
    ...(published !== undefined ? { datePublished: published } : {}),
    name: s.title,
    publisher: organization(s.publisher),
  };
}

/** The earliest-dated of the origins (ties by evidence order); undated origins count only when none is dated. */
function earliestOrigin(origins: Source[]): Source | undefined {
  let best: Source | undefined;
  let bestStart: string | undefined;
  for (const o of origins) {
    const start = parsePartialDate(o.published)?.start;
    if (best === undefined || (start !== undefined && (bestStart === undefined || start < bestStart))) {
      best = o;
      bestStart = start;
    }
  }
  return best;
}

/** One claim as a ClaimReview object. */
export function claimReview(v: ClaimView, ctx: ExportContext): ClaimReview {
  const source = (id: string): Source | undefined => ctx.index.sources.get(id)?.data;
  const p = ctx.provenance.get(v.id);
  const bestId = ctx.grades.get(v.id)?.best_origin ?? null;
  const best = bestId === null ? undefined : source(bestId);
  // The claimant: the subject when the best origin speaks for it, else whoever published that origin.
  const author = best === undefined ? undefined : p?.byClass.self.includes(best.id) ? v.subject : best.publisher;
  const appearance = v.sources.map(source).filter((s): s is Source => s !== undefined).map(creativeWork);
  const first = earliestOrigin(v.origin_ids.map(source).filter((s): s is Source => s !== undefined));
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    identifier: v.id,
    claimReviewed: v.statement,
    itemReviewed: {
      '@type': 'Claim',
      ...(author !== undefined ? { author: organization(author) } : {}),
      appearance,
      ...(first !== undefined ? { firstAppearance: creativeWork(first) } : {}),
    },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: RATING_BY_STATUS[v.status],
      bestRating: 5,
      worstRating: 1,
      alternateName: v.status,
    },
    // datePublished: the dataset does not record when a claim was reviewed, so it is left out.
  };
}

const claimreview: ExportFormatter = (views, ctx) => JSON.stringify(views.map((v) => claimReview(v, ctx)), null, 2) + '\n';

const jsonl: ExportFormatter = (views) => views.map((v) => `${JSON.stringify(v)}\n`).join('');

const csvFormat: ExportFormatter = (views) => listFormatters.csv!(views, { color: false, width: 120 });

export const exportFormatters: Record<string, ExportFormatter> = { claimreview, jsonl, csv: csvFormat };
