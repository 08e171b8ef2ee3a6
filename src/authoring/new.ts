/** Authoring new claim and source files: options to a record in canonical order, ids, and the YAML text. Pure: no I/O. */
import { Document, isMap, isSeq, type Pair } from 'yaml';
import { ASSERTIONS, CATEGORIES, OUTCOMES, RELIABILITY, SOURCE_KINDS, STATUSES } from '../model/schema.js';
import { CLAIM_KEYS, EVIDENCE_KEYS, SOURCE_KEYS, STRINGIFY_OPTIONS, canonicalize } from './fmt.js';

export type Kind = 'claim' | 'source';

/** Options as commander parses them: each field's flag in camelCase (`--as-of` is `asOf`); lists may repeat. */
export type NewOptions = Record<string, string | string[] | boolean | undefined>;

/** The first line of a file in this repository's bundled dataset: points editors at the JSON Schema (see modelineFor for any other dataset). */
export const MODELINES: Record<Kind, string> = {
  claim: '# yaml-language-server: $schema=../../schemas/claim.schema.json',
  source: '# yaml-language-server: $schema=../../schemas/source.schema.json',
};

/** Fields given as comma lists (and repeatable flags). */
const LIST_FIELDS = new Set(['parties', 'tags', 'value', 'via', 'speaks_for', 'cites']);
/** Fields written as a number when the flag is all digits. */
const NUMERIC_FIELDS = new Set(['locator', 'count']);
/** Fields that are not flags: `type` is implied by the command, `evidence` is built from the evidence flags. */
const NOT_FLAGS = new Set(['type', 'evidence']);

/** The flag for a schema field: `as_of` is `--as-of`. */
export const flagOf = (field: string): string => `--${field.replace(/_/g, '-')}`;
/** Commander's option name for a schema field: `as_of` is `asOf`. */
export const optionOf = (field: string): string => field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The schema fields a `claims new <kind>` command has a flag for, in canonical order; a claim's evidence fields last. */
export function fieldsOf(kind: Kind): string[] {
  const top = (kind === 'claim' ? CLAIM_KEYS : SOURCE_KEYS).filter((k) => !NOT_FLAGS.has(k));
  return kind === 'claim' ? [...top, ...EVIDENCE_KEYS] : top;
}

/** Allowed values of enumerated fields, for prompts and help. */
export const CHOICES: Record<string, readonly string[]> = {
  category: CATEGORIES,
  assertion: ASSERTIONS,
  status: STATUSES,
  outcome: OUTCOMES,
  kind: SOURCE_KINDS,
  reliability: RELIABILITY,
};

/** A slug of lowercase ASCII letters, digits and hyphens: `Mistral AI` is `mistral-ai`, `Société Générale` is `societe-generale`. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Splits comma lists, keeping thousands separators in values (`$1,500M` is one value); drops empty items. */
export function splitList(raw: string | string[] | undefined, field: string): string[] {
  const parts = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const sep = field === 'value' ? /,(?!\d{3}(?:\D|$))/ : /,/;
  return parts.flatMap((p) => p.split(sep)).map((s) => s.trim()).filter((s) => s !== '');
}

function scalarOf(raw: string | string[] | boolean | undefined): string | undefined {
  if (raw === undefined || typeof raw === 'boolean') return undefined;
  const s = (Array.isArray(raw) ? raw[raw.length - 1] : raw)?.trim();
  return s === undefined || s === '' ? undefined : s;
}

/** One field's value from the options, in the shape the file holds; undefined when not given. */
function fieldValue(field: string, opts: NewOptions): unknown {
  const raw = opts[optionOf(field)];
  // A switch: `--unattributed` writes `unattributed: true`; without it the field is left out.
  if (field === 'unattributed') return raw === true ? true : undefined;
  if (LIST_FIELDS.has(field)) {
    const list = splitList(typeof raw === 'boolean' ? undefined : raw, field);
    if (list.length === 0) return undefined;
    return field === 'value' && list.length === 1 ? list[0] : list;
  }
  const s = scalarOf(raw);
  if (s !== undefined && NUMERIC_FIELDS.has(field) && /^\d{1,15}$/.test(s)) return Number(s);
  return s;
}

/** The record a new file holds, its keys in the schema's order (`Object.keys(ClaimSchema.shape)`). */
export function buildRecord(kind: Kind, opts: NewOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of kind === 'claim' ? CLAIM_KEYS : SOURCE_KEYS) {
    if (key === 'type') out.type = kind;
    else if (key === 'evidence') {
      const item: Record<string, unknown> = {};
      for (const k of EVIDENCE_KEYS) {
        const v = fieldValue(k, opts);
        if (v !== undefined) item[k] = v;
      }
      if (Object.keys(item).length > 0) out.evidence = [item];
    } else {
      const v = fieldValue(key, opts);
      if (v !== undefined) out[key] = v;
    }
  }
  return out;
}

/** The fields a new file cannot do without (the id can be derived), in the order they are asked for. */
export function requiredFields(kind: Kind, opts: NewOptions): string[] {
  if (kind === 'source') return ['title', 'publisher', 'kind'];
  const required = ['subject', 'category', 'statement', 'status', 'source'];
  if (scalarOf(opts.assertion) === 'forecast') required.splice(4, 0, 'due');
  return required;
}

/** The required fields that have no value in `opts`. */
export function missingFields(kind: Kind, opts: NewOptions): string[] {
  return requiredFields(kind, opts).filter((f) => fieldValue(f, opts) === undefined);
}

/** `base`, else `base-2`, `base-3`… the first that is not taken. */
export function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

/** Cuts a slug to at most `max` characters at a hyphen. */
function shorten(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const at = cut.lastIndexOf('-');
  return (at > 0 ? cut.slice(0, at) : slug.slice(0, max)).replace(/-+$/, '');
}

/**
 * The id of a new file when none is given: for a claim, subject, category and date (`as_of`, else `due`),
 * e.g. `mistral-ai-arr-2026-02`; for a source, its title. `-2`, `-3`… is added when the id is taken.
 */
export function deriveId(kind: Kind, record: Record<string, unknown>, taken: (id: string) => boolean): string {
  const parts = kind === 'claim'
    ? [record.subject, record.category, record.as_of ?? record.due].filter((p) => p !== undefined).map(String)
    : [String(record.title ?? '')];
  const base = shorten(slugify(parts.join(' ')), 60) || kind;
  return uniqueId(base, taken);
}

/** Where a new file goes, relative to the dataset folder: `<subject-slug>/<id>.yaml` or `sources/<id>.yaml`. */
export function relativePathOf(kind: Kind, record: Record<string, unknown>): string {
  const id = String(record.id);
  if (kind === 'source') return `sources/${id}.yaml`;
  return `${slugify(String(record.subject ?? '')) || 'unknown'}/${id}.yaml`;
}

/** The file text: the schema modeline (by default the bundled dataset's), then the fields in canonical order and quoting; short lists as `[a, b]`. */
export function toYaml(kind: Kind, record: Record<string, unknown>, modeline: string = MODELINES[kind]): string {
  const doc = new Document(record);
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items as Pair[]) {
      if (isSeq(pair.value) && pair.value.items.every((i) => !isMap(i) && !isSeq(i))) pair.value.flow = true;
      if (isSeq(pair.value)) {
        for (const item of pair.value.items) {
          if (!isMap(item)) continue;
          for (const p of item.items as Pair[]) if (isSeq(p.value)) p.value.flow = true;
        }
      }
    }
  }
  canonicalize(doc);
  return `${modeline}\n${doc.toString(STRINGIFY_OPTIONS)}`;
}
