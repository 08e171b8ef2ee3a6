/** Derived provenance: where each claim's evidence comes from, and how well that supports it. */
import type { Claim, Evidence, Source, Status } from '../model/schema.js';
import { parsePartialDate } from '../model/date.js';
import type { ClaimRecord, Dataset, SourceRecord } from '../load/dataset.js';
import { Entities } from './entities.js';

export { Entities } from './entities.js';

/**
 * How an origin stands toward a claim: the company's own voice, a counterparty's, an unnamed one, a text that states
 * the figure without saying where it comes from (`unattributed: true` evidence), or someone else's.
 */
export type OriginClass = 'self' | 'party' | 'anonymous' | 'unattributed' | 'independent';

/** Every origin class, in the order counts are shown. */
export const ORIGIN_CLASSES: readonly OriginClass[] = ['independent', 'party', 'self', 'anonymous', 'unattributed'];
/** The strongest status the evidence supports. */
export type Support = 'rumored' | 'company-reported' | 'independent';

/** Ranks of the statuses that evidence can support; disputed and retracted are editorial and have no rank. */
export const SUPPORT_RANK: Record<Support, number> = { rumored: 0, 'company-reported': 1, independent: 2 };

/** The rank of a declared status, or undefined for disputed/retracted. */
export function statusRank(status: Status): number | undefined {
  return status in SUPPORT_RANK ? SUPPORT_RANK[status as Support] : undefined;
}

/** Lookup tables over a dataset's valid records. */
export interface Index {
  sources: Map<string, SourceRecord>;
  claims: Map<string, ClaimRecord>;
}

/** Builds id lookups; the first file to declare an id wins (duplicate-id reports the rest). */
export function buildIndex(ds: Dataset): Index {
  const sources = new Map<string, SourceRecord>();
  const claims = new Map<string, ClaimRecord>();
  for (const s of ds.sources) if (!sources.has(s.data.id)) sources.set(s.data.id, s);
  for (const c of ds.claims) if (!claims.has(c.data.id)) claims.set(c.data.id, c);
  return { sources, claims };
}

/** The id an evidence item ultimately traces to. */
export function originId(ev: Evidence): string {
  return ev.origin ?? ev.source;
}

/**
 * The class of one origin source toward one claim. `unattributed` is true when the evidence says the text states the
 * figure without attributing it: unless the text speaks for the subject or a party, nobody is on record behind it.
 */
export function originClass(claim: Claim, origin: Source, entities: Entities, unattributed = false): OriginClass {
  const voices = origin.speaks_for ?? [];
  if (voices.some((v) => entities.same(v, claim.subject))) return 'self';
  if ((claim.parties ?? []).some((p) => entities.includes(voices, p))) return 'party';
  if (unattributed) return 'unattributed';
  if (origin.kind === 'anonymous') return 'anonymous';
  return 'independent';
}

/** Counts of distinct origins by class. */
export type OriginCounts = Record<OriginClass, number>;

/** Everything derived about one claim's evidence. */
export interface Provenance {
  support: Support;
  origins: OriginCounts;
  /** Distinct origin ids, in evidence order. */
  originIds: string[];
  /** Origin ids by class. */
  byClass: Record<OriginClass, string[]>;
  /** Distinct ids of the sources the quotes were read in. */
  sources: string[];
  /** Origin ids that name no source (reported by unknown-reference). */
  unresolved: string[];
}

/** Derives a claim's provenance: relays collapse, so ten articles relaying one post are one origin. */
export function claimProvenance(claim: Claim, index: Index, entities: Entities): Provenance {
  const byClass: Record<OriginClass, string[]> = { self: [], party: [], anonymous: [], unattributed: [], independent: [] };
  const originIds: string[] = [];
  const unresolved: string[] = [];
  const classOf = new Map<string, OriginClass>();
  const sources = [...new Set(claim.evidence.map((e) => e.source))];
  for (const ev of claim.evidence) {
    const id = originId(ev);
    if (unresolved.includes(id)) continue;
    const origin = index.sources.get(id)?.data;
    if (!origin) {
      unresolved.push(id);
      continue;
    }
    const cls = originClass(claim, origin, entities, ev.unattributed === true);
    const seen = classOf.get(id);
    if (seen === undefined) {
      originIds.push(id);
      classOf.set(id, cls);
    } else if (seen === 'unattributed' && cls !== 'unattributed') {
      // The same text states the figure once without attribution and once naming itself as the origin: it is on record.
      classOf.set(id, cls);
    }
  }
  for (const id of originIds) byClass[classOf.get(id)!].push(id);
  const origins: OriginCounts = {
    self: byClass.self.length, party: byClass.party.length, anonymous: byClass.anonymous.length,
    unattributed: byClass.unattributed.length, independent: byClass.independent.length,
  };
  const support: Support = origins.independent + origins.party > 0 ? 'independent' : origins.self > 0 ? 'company-reported' : 'rumored';
  return { support, origins, originIds, byClass, sources, unresolved };
}

/** True for a forecast whose due date has wholly passed without an outcome. */
export function isOverdue(claim: Claim, today: string): boolean {
  if (claim.assertion !== 'forecast' || claim.outcome !== undefined) return false;
  const due = parsePartialDate(claim.due);
  return due !== undefined && due.end < today;
}

/** Map from a claim id to the id of the claim that supersedes it; when several do, the latest by `as_of` (then id) wins. */
export function supersededBy(index: Index): Map<string, string> {
  const best = new Map<string, Claim>();
  const later = (a: Claim, b: Claim): boolean => {
    const da = parsePartialDate(a.as_of)?.end ?? '';
    const db = parsePartialDate(b.as_of)?.end ?? '';
    return da !== db ? da > db : a.id < b.id;
  };
  for (const { data: c } of index.claims.values()) {
    if (c.supersedes === undefined || c.supersedes === c.id) continue;
    const cur = best.get(c.supersedes);
    if (!cur || later(c, cur)) best.set(c.supersedes, c);
  }
  return new Map([...best].map(([id, c]) => [id, c.id]));
}
