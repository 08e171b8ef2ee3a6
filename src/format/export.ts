/** Output formats of `claims export`: schema.org ClaimReview JSON-LD, JSON Lines and CSV. Pure: data in, text out. */
import type { ClaimReviewConfig } from '../config.js';
import type { Source, Status } from '../model/schema.js';
import { parsePartialDate } from '../model/date.js';
import { originId, type OriginClass } from '../provenance/index.js';
import type { ClaimView } from '../query/view.js';
import { listFormatters } from './list.js';
import type { ExportFormat } from './names.js';
import type { ExportContext, ExportFormatter } from './types.js';
import { csv } from './values.js';
import { provJson } from '../warehouse/prov.js';

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

/** A schema.org Organization, by name (and its home page, for the publisher of the reviews). */
export interface Organization {
  '@type': 'Organization';
  name: string;
  url?: string;
}

/** A schema.org CreativeWork: where a claim appears. `url` and `datePublished` only when the source gives them. */
export interface CreativeWork {
  '@type': 'CreativeWork';
  url?: string;
  datePublished?: string;
  name: string;
  publisher: Organization;
}

/** One claim as a schema.org ClaimReview node, without `@context` (as it stands in an `@graph`). */
export interface ClaimReviewNode {
  '@type': 'ClaimReview';
  /** The page that publishes this review: `claimreview.url` with `{id}` filled in. Only when configured. */
  url?: string;
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
  /** The organisation that publishes the review (`claimreview.publisher`). Only when configured. */
  author?: Organization;
  /** The run's date (`--today`, `today:` or the clock), when the configuration has a `claimreview:` section. */
  datePublished?: string;
}

/** One claim as a standalone schema.org ClaimReview JSON-LD object. */
export interface ClaimReview extends ClaimReviewNode {
  '@context': 'https://schema.org';
}

const organization = (name: string, url?: string): Organization => ({ '@type': 'Organization', name, ...(url !== undefined ? { url } : {}) });

/** The review's URL: the template with `{id}` replaced by the percent-encoded claim id. */
export function reviewUrl(template: string, id: string): string {
  return template.replaceAll('{id}', encodeURIComponent(id));
}

/**
 * What the configuration lacks for the ClaimReview output to be publishable: Google requires each review's `url`,
 * and the publishing organisation is its `author`. Empty when both are configured.
 */
export function publishingGaps(publishing: ClaimReviewConfig | undefined): string[] {
  return [
    ...(publishing?.url === undefined ? ['claimreview.url (each review\'s URL, required by Google)'] : []),
    ...(publishing?.publisher === undefined ? ['claimreview.publisher (the author of the reviews)'] : []),
  ];
}

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
  return { '@context': 'https://schema.org', ...claimReviewNode(v, ctx) };
}

/** One claim as a ClaimReview node for an `@graph`. */
export function claimReviewNode(v: ClaimView, ctx: ExportContext): ClaimReviewNode {
  const source = (id: string): Source | undefined => ctx.index.sources.get(id)?.data;
  const p = ctx.provenance.get(v.id);
  const bestId = ctx.grades.get(v.id)?.best_origin ?? null;
  const best = bestId === null ? undefined : source(bestId);
  // The claimant: the subject when the best origin speaks for it, else whoever published that origin.
  const author = best === undefined ? undefined : p?.byClass.self.includes(best.id) ? v.subject : best.publisher;
  const appearance = v.sources.map(source).filter((s): s is Source => s !== undefined).map(creativeWork);
  const first = earliestOrigin(v.origin_ids.map(source).filter((s): s is Source => s !== undefined));
  const pub = ctx.publishing;
  return {
    '@type': 'ClaimReview',
    ...(pub?.url !== undefined ? { url: reviewUrl(pub.url, v.id) } : {}),
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
    ...(pub?.publisher !== undefined ? { author: organization(pub.publisher.name, pub.publisher.url) } : {}),
    // The dataset does not record when a claim was reviewed: a publisher's export is dated the day it is made.
    ...(pub !== undefined ? { datePublished: ctx.today } : {}),
  };
}

const claimreview: ExportFormatter = (views, ctx) => JSON.stringify(views.map((v) => claimReview(v, ctx)), null, 2) + '\n';

/** One JSON-LD document: a single `@context` and every review in its `@graph`. */
const jsonld: ExportFormatter = (views, ctx) =>
  JSON.stringify({ '@context': 'https://schema.org', '@graph': views.map((v) => claimReviewNode(v, ctx)) }, null, 2) + '\n';

const jsonl: ExportFormatter = (views) => views.map((v) => `${JSON.stringify(v)}\n`).join('');

const csvFormat: ExportFormatter = (views) => listFormatters.csv(views, { color: false, width: 120 });

/** The columns of `--format csv-evidence`: one row per evidence item (a public contract, documented in the README). */
export const EVIDENCE_CSV_HEAD = [
  'claim_id', 'subject', 'status', 'item', 'source', 'source_title', 'source_publisher', 'source_published', 'source_url',
  'quote', 'locator', 'via', 'origin', 'origin_publisher', 'origin_class',
];

/** The class of an origin toward a claim, from its provenance; empty for an origin that names no source. */
function classOf(ctx: ExportContext, claimId: string, origin: string): OriginClass | '' {
  const byClass = ctx.provenance.get(claimId)?.byClass;
  if (byClass === undefined) return '';
  return (Object.keys(byClass) as OriginClass[]).find((c) => byClass[c].includes(origin)) ?? '';
}

/** One row per evidence item: where the quote was read, what it says, through which relays, and whose word it is. */
const csvEvidence: ExportFormatter = (views, ctx) => {
  const rows: string[][] = [];
  for (const v of views) {
    const claim = ctx.index.claims.get(v.id)?.data;
    claim?.evidence.forEach((ev, i) => {
      const source = ctx.index.sources.get(ev.source)?.data;
      const origin = originId(ev);
      const originSource = ctx.index.sources.get(origin)?.data;
      rows.push([
        v.id, v.subject, v.status, String(i + 1), ev.source, source?.title ?? '', source?.publisher ?? '',
        parsePartialDate(source?.published)?.text ?? '', source?.url ?? '', ev.quote ?? '', ev.locator === undefined ? '' : String(ev.locator),
        (ev.via ?? []).join(' → '), origin, originSource?.publisher ?? '', classOf(ctx, v.id, origin),
      ]);
    });
  }
  return csv(EVIDENCE_CSV_HEAD, rows);
};

/** The `claims export` output formats by name. */
export const exportFormatters: Record<ExportFormat, ExportFormatter> = {
  claimreview, jsonld, jsonl, csv: csvFormat, 'csv-evidence': csvEvidence, prov: provJson,
};

/** The formats whose output is ClaimReview markup, meant for publishing. */
export const CLAIMREVIEW_FORMATS: ReadonlySet<ExportFormat> = new Set<ExportFormat>(['claimreview', 'jsonld']);
