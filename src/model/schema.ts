/** The claim-file and source-file formats, as zod schemas (the single source of truth for types and JSON Schema). */
import { z } from 'zod';
import { PARTIAL_DATE_PATTERN, parsePartialDate } from './date.js';
import { VALUE_FORMS, VALUE_PATTERN, valueProblem } from './value.js';

export const STATUSES = ['rumored', 'company-reported', 'independent', 'disputed', 'retracted'] as const;
export const CATEGORIES = [
  'arr', 'revenue', 'valuation', 'funding-round', 'funding-total', 'investment', 'partnership',
  'acquisition', 'infrastructure', 'product', 'people', 'market', 'other',
] as const;
export const ASSERTIONS = ['fact', 'forecast', 'opinion'] as const;
export const OUTCOMES = ['met', 'missed', 'withdrawn'] as const;
export const SOURCE_KINDS = ['news', 'analysis', 'primary', 'database', 'filing', 'social', 'interview', 'anonymous'] as const;

export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
/** The categories whose claims may carry `metric_note`. */
const METRIC_NOTE_CATEGORIES = ['arr', 'revenue'] as const;

export const SLUG_RE = /^[a-z0-9][a-z0-9-]*$/;
/**
 * A snapshot path: relative, `/`-separated, inside the dataset. No leading `/`, no drive letter (`C:`), no `..`
 * segment, no backslash (a Windows separator that would hide a `..`), no empty segment, no control character.
 */
export const SNAPSHOT_PATH_RE = /^(?![A-Za-z]:)(?!\.\.(?:\/|$))[^/\\\x00-\x1f\x7f]+(?:\/(?!\.\.(?:\/|$))[^/\\\x00-\x1f\x7f]+)*$/;
/** A text with at least one character that is not whitespace (what `trim()` removes). */
const NOT_BLANK_RE = /\S/;

/** What each kind of field accepts, in words: used to explain schema errors. */
export const EXPECTED = {
  slug: 'a slug of lowercase letters, digits and hyphens, e.g. "arr-2026-02"',
  date: 'an ISO date: 2026, 2026-02 or 2026-02-15 (a real calendar date)',
  url: 'an http:// or https:// URL',
  snapshot: 'a relative path inside the dataset folder with / separators and no `..`, e.g. snapshots/<id>.txt',
  value: VALUE_FORMS,
  count: 'a whole number of at least 1, or "multiple"',
  locator: 'a text or a number (paragraph, table row, page)',
} as const;

/**
 * A string that must match `re`, with the same message for the CLI and, as `patternErrorMessage` (which VS Code's JSON
 * and YAML language servers show), for editors: never the raw regular expression.
 */
function matching(re: RegExp, message: string, base: z.ZodString = z.string()): z.ZodString {
  return base.regex(re, { message }).meta({ patternErrorMessage: `Must ${message.replace(/^must /, '')}.` });
}
const slug = matching(SLUG_RE, `must be ${EXPECTED.slug}`);
const text = matching(NOT_BLANK_RE, 'must not be empty or blank', z.string().trim());
const entity = text;
const isoDate = z
  .union([z.int().min(1000).max(9999), matching(PARTIAL_DATE_PATTERN, `must be ${EXPECTED.date}`)])
  .refine((v) => parsePartialDate(v) !== undefined, { message: `must be ${EXPECTED.date}` })
  .meta({ description: 'ISO date, possibly partial: 2026, 2026-02 or 2026-02-15' });
const url = matching(/^https?:\/\/[^\s]+$/, `must be ${EXPECTED.url}`)
  .refine((v) => URL.canParse(v), { message: `must be ${EXPECTED.url}` });
/** A path relative to the dataset root that stays inside it. */
const datasetPath = matching(SNAPSHOT_PATH_RE, `must be ${EXPECTED.snapshot}`);
/** A finite number: `.inf` and figures beyond the range of numbers are rejected. */
const valueNumber = z.number().min(-Number.MAX_VALUE).max(Number.MAX_VALUE);
/** A shorthand string: the pattern is what editors check; the refinement says what is wrong in words. */
const valueString = z
  .string()
  .superRefine((v, ctx) => {
    const problem = valueProblem(v);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({
    pattern: VALUE_PATTERN.source,
    patternErrorMessage: `Must be a value shorthand: ${VALUE_FORMS}. No leading zeros: on the command line, quote shorthands with $ in single quotes.`,
  });

/** One piece of evidence: where a quote was read, what it relays, and where it traces to. */
export const EvidenceSchema = z
  .strictObject({
    source: slug.meta({ description: 'Id of the source the quote was read in' }),
    via: z.array(slug).optional().meta({ description: 'Ids of the relays between origin and source, from the origin outward' }),
    origin: slug.optional().meta({ description: 'Id of the source the statement ultimately traces to (default: source)' }),
    quote: z.string().optional().meta({ description: 'A verbatim excerpt of the source (whitespace may differ)' }),
    locator: z.union([z.string(), z.number()]).optional().meta({ description: 'Where in the source: paragraph, table row, page' }),
    unattributed: z
      .boolean()
      .optional()
      .meta({ description: 'True when the source states the figure without saying where it comes from: it supports at most `rumored`' }),
  })
  .superRefine((e, ctx) => {
    if (e.unattributed !== true) return;
    for (const key of ['origin', 'via'] as const) {
      if (e[key] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: `is not allowed with \`unattributed: true\`: an unattributed statement names no origin; remove \`${key}\`, or remove \`unattributed\` if the text says who it comes from` });
      }
    }
  })
  .meta({
    description: 'One piece of evidence for a claim',
    // The refinement above, as JSON Schema, for editors (tests/schema-parity.test.ts checks the two agree).
    if: { properties: { unattributed: { const: true } }, required: ['unattributed'] },
    then: { not: { anyOf: [{ required: ['origin'] }, { required: ['via'] }] } },
  });

/** A claim: one statement about a company, with its evidence and declared status. */
export const ClaimSchema = z
  .strictObject({
    type: z.literal('claim'),
    id: slug,
    subject: entity.meta({ description: 'The entity the claim is about, e.g. "Mistral AI"' }),
    parties: z.array(entity).optional().meta({ description: 'Counterparties: partner, investor, acquired company' }),
    category: z.enum(CATEGORIES),
    assertion: z.enum(ASSERTIONS).optional().meta({ description: 'fact (default), forecast or opinion' }),
    statement: text.meta({ description: "One sentence in the dataset's own words" }),
    value: z
      .union([valueNumber, valueString, z.array(z.union([valueNumber, valueString])).min(1)])
      .optional()
      .meta({ description: `Value shorthand, or a list of equivalent forms: ${VALUE_FORMS}` }),
    as_of: isoDate.optional(),
    due: isoDate.optional().meta({ description: 'When a forecast should come true (required for forecasts)' }),
    outcome: z.enum(OUTCOMES).optional(),
    resolved_by: slug.optional().meta({ description: 'Id of the claim that resolves this forecast' }),
    status: z.enum(STATUSES),
    status_reason: text.optional().meta({ description: 'Why the claim was retracted or disputed (written by `claims retract` and `claims dispute`)' }),
    status_date: isoDate.optional().meta({ description: 'When the status was last set to retracted or disputed' }),
    supersedes: slug.optional().meta({ description: 'Id of the claim this one replaces' }),
    tags: z.array(text).optional(),
    metric_note: text.optional().meta({ description: 'How the source defines the metric (ARR, run-rate, revenue, bookings); arr and revenue claims only' }),
    evidence: z.array(EvidenceSchema).min(1, { message: 'must list at least one piece of evidence' }),
  })
  .superRefine((c, ctx) => {
    if (c.assertion === 'forecast' && c.due === undefined) {
      ctx.addIssue({ code: 'custom', path: ['due'], message: 'is required for a forecast: add `due:` with the date it should come true' });
    }
    if (c.outcome !== undefined && c.resolved_by === undefined) {
      ctx.addIssue({ code: 'custom', path: ['resolved_by'], message: 'is required with `outcome`: name the claim that shows the outcome' });
    }
    if (c.metric_note !== undefined && !(METRIC_NOTE_CATEGORIES as readonly string[]).includes(c.category)) {
      ctx.addIssue({ code: 'custom', path: ['metric_note'], message: 'is only for `category: arr` or `revenue` claims: remove it or fix the category' });
    }
    if (c.resolved_by !== undefined && c.outcome === undefined) {
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'is required with `resolved_by`: met, missed or withdrawn' });
    }
  })
  .meta({
    title: 'Claim',
    description: 'One claim about a company, with the evidence behind it',
    // The refinements above, as JSON Schema, for editors: keep the two in step (tests/schema-parity.test.ts checks).
    dependentRequired: { outcome: ['resolved_by'], resolved_by: ['outcome'] },
    allOf: [
      { if: { properties: { assertion: { const: 'forecast' } }, required: ['assertion'] }, then: { required: ['due'] } },
      { if: { required: ['metric_note'] }, then: { properties: { category: { enum: [...METRIC_NOTE_CATEGORIES] } } } },
    ],
  });

/** A source: a text, database, post or person's remarks that evidence is read in or traces to. */
export const SourceSchema = z
  .strictObject({
    type: z.literal('source'),
    id: slug,
    title: text,
    publisher: text,
    kind: z.enum(SOURCE_KINDS),
    speaks_for: z.array(entity).optional().meta({ description: 'Entities whose own voice this source is' }),
    url: url.optional(),
    published: isoDate.optional(),
    retrieved: isoDate.optional(),
    archive_url: url.optional(),
    cites: z.array(slug).optional().meta({ description: 'Ids of the sources this one relays' }),
    notes: z.string().optional(),
    reliability: z.enum(RELIABILITY).optional().meta({ description: 'Admiralty-code source reliability: A completely reliable … E unreliable, F cannot be judged (default)' }),
    reliability_note: text.optional().meta({ description: 'One line: why this reliability grade' }),
    position: text.optional().meta({ description: 'For anonymous sources: what they are in a position to know' }),
    count: z.union([z.int().min(1), z.literal('multiple')]).optional().meta({ description: 'For anonymous sources: how many (a number, or "multiple" for at least two)' }),
    snapshot: datasetPath.optional().meta({ description: 'Local copy of the source text, relative to the dataset root (e.g. snapshots/<id>.txt)' }),
    snapshot_sha256: matching(/^[0-9a-f]{64}$/, 'must be the SHA-256 of the snapshot file: 64 lowercase hexadecimal digits, as `claims snapshot` writes it')
      .optional()
      .meta({ description: 'SHA-256 (hex) of the snapshot file, set by `claims snapshot`: a snapshot that no longer matches it has changed' }),
  })
  .meta({ title: 'Source', description: 'A source that evidence is read in or traces to' });

/** The fields of each kind of record, in the schemas' (canonical) order: the one definition the loader, `fmt` and `new` use. */
export const CLAIM_KEYS: readonly string[] = Object.keys(ClaimSchema.shape);
export const SOURCE_KEYS: readonly string[] = Object.keys(SourceSchema.shape);
export const EVIDENCE_KEYS: readonly string[] = Object.keys(EvidenceSchema.shape);

export type Claim = z.infer<typeof ClaimSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
export type Status = (typeof STATUSES)[number];
export type Reliability = (typeof RELIABILITY)[number];
export type Category = (typeof CATEGORIES)[number];
export type Assertion = (typeof ASSERTIONS)[number];
