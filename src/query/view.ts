/** A claim with its derived facts: what every machine format of `list`, `show` and `report` carries. */
import { compareById } from '../util/compare.js';
import type { Dataset } from '../load/dataset.js';
import type { Assertion, Category, Claim, Status } from '../model/schema.js';
import { parsePartialDate } from '../model/date.js';
import { parseValues, type ParsedValue } from '../model/value.js';
import { conflictsByClaim, pairsOf, type Conflict } from '../provenance/conflicts.js';
import { gradeClaim, type Credibility, type Grade } from '../provenance/grade.js';
import {
  SUPPORT_RANK,
  buildIndex, claimProvenance, isOverdue, supersededBy, type Entities, type Index, type OriginCounts, type Provenance, type Support,
} from '../provenance/index.js';

/** One claim as the querier shows it (the JSON shape is a public contract). */
export interface ClaimView {
  id: string;
  file: string;
  subject: string;
  parties: string[];
  category: Category;
  assertion: Assertion;
  statement: string;
  /** Parsed value, a list for equivalent forms, or null. */
  value: ParsedValue | ParsedValue[] | null;
  as_of: string | null;
  due: string | null;
  outcome: string | null;
  status: Status;
  support: Support;
  origins: OriginCounts;
  origin_ids: string[];
  sources: string[];
  overdue: boolean;
  superseded_by: string | null;
  tags: string[];
  /** Admiralty reliability of the best origin, A–F. */
  reliability: Grade['reliability'];
  /** Derived credibility, 1 (confirmed) – 6 (cannot be judged). */
  credibility: Credibility;
  /** Combined grade, e.g. `B2`. */
  grade: string;
  /** Why the claim was retracted or disputed (`claims retract`, `claims dispute`), and when; null otherwise. */
  status_reason: string | null;
  status_date: string | null;
}

/** Everything the querier and report need, derived once from a dataset. */
export interface QueryContext {
  dataset: Dataset;
  index: Index;
  entities: Entities;
  today: string;
  superseded: Map<string, string>;
  views: ClaimView[];
  /** Provenance by claim id. */
  provenance: Map<string, Provenance>;
  /** Grades by claim id. */
  grades: Map<string, Grade>;
  /** Views by claim id. */
  viewById: Map<string, ClaimView>;
  /** Value conflicts among live facts, found once: each claim paired with the few it is first found to clash with. */
  conflicts: Conflict[];
}

const dateText = (d: unknown): string | null => parsePartialDate(d)?.text ?? null;

/** Derives one claim's view. */
export function claimView(file: string, c: Claim, p: Provenance, today: string, superseded: Map<string, string>, g: Grade): ClaimView {
  const values = parseValues(c.value);
  return {
    id: c.id,
    file,
    subject: c.subject,
    parties: c.parties ?? [],
    category: c.category,
    assertion: c.assertion ?? 'fact',
    statement: c.statement,
    value: values.length === 0 ? null : Array.isArray(c.value) ? values : values[0]!,
    as_of: dateText(c.as_of),
    due: dateText(c.due),
    outcome: c.outcome ?? null,
    status: c.status,
    support: p.support,
    origins: p.origins,
    origin_ids: p.originIds,
    sources: p.sources,
    overdue: isOverdue(c, today),
    superseded_by: superseded.get(c.id) ?? null,
    tags: c.tags ?? [],
    reliability: g.reliability,
    credibility: g.credibility,
    grade: g.grade,
    status_reason: c.status_reason ?? null,
    status_date: dateText(c.status_date),
  };
}

/** Builds the query context: every valid claim's view, sorted by id. */
export function queryContext(dataset: Dataset, entities: Entities, today: string): QueryContext {
  const index = buildIndex(dataset);
  const superseded = supersededBy(index);
  const provenance = new Map<string, Provenance>();
  for (const { data } of index.claims.values()) provenance.set(data.id, claimProvenance(data, index, entities));
  // A claim is contradicted when a live claim with stronger support gives an incompatible value.
  const contradicted = new Set<string>();
  const rank = (id: string) => SUPPORT_RANK[provenance.get(id)!.support];
  // Per claim, not per pair: a group of claims that all disagree costs no more memory than the claims themselves.
  const byClaim = conflictsByClaim([...index.claims.values()], superseded, entities, (rec) => rank(rec.data.id));
  for (const c of byClaim) if (c.strongest > rank(c.rec.data.id)) contradicted.add(c.rec.data.id);
  const conflicts = pairsOf(byClaim);
  const grades = new Map<string, Grade>();
  const views: ClaimView[] = [];
  for (const { file, data } of index.claims.values()) {
    const p = provenance.get(data.id)!;
    const g = gradeClaim(data, p, index, today, contradicted.has(data.id));
    grades.set(data.id, g);
    views.push(claimView(file, data, p, today, superseded, g));
  }
  views.sort(compareById);
  return { dataset, index, entities, today, superseded, views, provenance, grades, conflicts, viewById: new Map(views.map((v) => [v.id, v])) };
}

/**
 * One claim's view, derived without deriving every other claim's: the writing commands print what a change did to one
 * claim. Its grade needs only the claims it could conflict with (same category), so only those are looked at.
 */
export function claimViewById(dataset: Dataset, id: string, entities: Entities, today: string): ClaimView | undefined {
  const index = buildIndex(dataset);
  const rec = index.claims.get(id);
  if (!rec) return undefined;
  const superseded = supersededBy(index);
  const peers = [...index.claims.values()].filter((c) => c.data.category === rec.data.category);
  const provenance = new Map(peers.map((c) => [c.data.id, claimProvenance(c.data, index, entities)]));
  const rank = (cid: string) => SUPPORT_RANK[provenance.get(cid)!.support];
  const mine = conflictsByClaim(peers, superseded, entities, (r) => rank(r.data.id)).find((c) => c.rec.data.id === id);
  const p = provenance.get(id)!;
  const g = gradeClaim(rec.data, p, index, today, mine !== undefined && mine.strongest > rank(id));
  return claimView(rec.file, rec.data, p, today, superseded, g);
}

/** The values of a view as a list. */
export function valueList(v: ClaimView): ParsedValue[] {
  return v.value === null ? [] : Array.isArray(v.value) ? v.value : [v.value];
}
