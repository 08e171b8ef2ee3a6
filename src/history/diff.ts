/**
 * `claims diff`: what changed in how well sourced the dataset is between two revisions, as plain data. Both sides are
 * loaded, derived (support, grade, origins), linted and reported on the same way; this module only compares them.
 *
 * Identity: a claim or source is its id. The same id in another file is a move; an id that disappears while a new id
 * of the same kind appears with the same content otherwise (references to its own id rewritten, as `claims rename`
 * leaves it) is a rename; an id that disappears while the references to it now name another id that was already there
 * is a merge (`claims merge`). Renames and merges are applied to the base side before evidence, origins, diagnostics
 * and concentration are compared, so renaming a source is not "evidence removed, evidence added".
 */
import type { Diagnostic, LintResult } from '../diagnostic.js';
import type { Dataset } from '../load/dataset.js';
import type { Claim, Evidence, Status } from '../model/schema.js';
import { originClass, SUPPORT_RANK, statusRank, type OriginClass, type Provenance, type Support } from '../provenance/index.js';
import type { QueryContext } from '../query/view.js';
import type { ConcentrationEntry } from '../report/types.js';
import { compareText } from '../util/compare.js';

/** One side of the comparison, loaded and derived. */
export interface DiffSide {
  /** The revision as the user named it (`HEAD`, `main`), or null for the working tree. */
  rev: string | null;
  /** The commit, or null for the working tree. */
  commit: string | null;
  date: string | null;
  subject: string | null;
  ctx: QueryContext;
  lint: LintResult;
  /** The report's source concentration over every claim (`concentration()` of src/report/build.ts, as the report computes it). */
  concentration: readonly ConcentrationEntry[];
}

/** A revision as the diff names it. */
export interface DiffRevision {
  rev: string | null;
  commit: string | null;
  date: string | null;
  subject: string | null;
}

/** A record that is on one side only. */
export interface RecordEntry {
  id: string;
  file: string;
  /** Claims only: declared status, derived support and grade on that side. */
  status?: Status;
  support?: Support;
  grade?: string;
  statement?: string;
  title?: string;
}

/** The records of one kind that were added, removed, renamed, moved, merged, or no longer pass the schema. */
export interface RecordChanges {
  added: RecordEntry[];
  removed: RecordEntry[];
  renamed: { from: string; to: string; file_before: string; file_after: string }[];
  moved: { id: string; file_before: string; file_after: string }[];
  merged: { from: string; into: string }[];
  /** Valid before, and their file still declares the id but no longer passes the schema (see diagnostics). */
  unreadable: { id: string; file: string }[];
}

/** The direction of a change: `up` is better sourced, `down` worse, `other` neither (e.g. retracted → rumored). */
export type Direction = 'up' | 'down' | 'other';

/** A declared status that changed. */
export interface StatusChange {
  id: string;
  before: Status;
  after: Status;
  direction: Direction;
  /** Origins of a class that can support the new status which the claim did not have before. */
  new_origins: string[];
  /** An upgrade with no new origin of a class that supports the new status: the loud warning. */
  without_new_origin: boolean;
  /** The support the evidence gives after the change (an upgrade past it is also a `status-unsupported` finding). */
  support_after: Support;
}

/** An origin and its class toward the claim. */
export interface OriginEntry {
  id: string;
  class: OriginClass;
}

/** Derived support and grade of one claim on one side. */
export interface Sourcing {
  support: Support;
  grade: string;
  credibility: number;
  reliability: string;
  origins: OriginEntry[];
}

/** A claim whose derived support or grade changed, with the origins that caused it. */
export interface SupportChange {
  id: string;
  before: Sourcing;
  after: Sourcing;
  direction: Direction;
  origins_added: OriginEntry[];
  origins_removed: OriginEntry[];
  /** The same origin, another class (a source's `speaks_for`, a claim's `parties` or `unattributed` changed). */
  origins_reclassified: { id: string; before: OriginClass; after: OriginClass }[];
}

/** A value or `as_of` that changed. */
export interface ValueChange {
  id: string;
  field: 'value' | 'as_of';
  before: string | null;
  after: string | null;
}

/** One evidence item, as the diff shows it. */
export interface EvidenceEntry {
  source: string;
  origin: string;
  via: string[];
  quote: string | null;
  unattributed: boolean;
}

/** Who an evidence item credits, and the class that gives the item toward its claim (null: the origin names no source). */
export interface Attribution {
  origin: string;
  via: string[];
  unattributed: boolean;
  class: OriginClass | null;
}

/**
 * An evidence item that kept its source and quote but credits another origin, relay chain or `unattributed` flag: one
 * change, not an item removed and another added.
 */
export interface Reattribution {
  source: string;
  quote: string | null;
  before: Attribution;
  after: Attribution;
  /**
   * The item's class rose (anonymous or unattributed → self, party or independent; self → party or independent) with the
   * same quote: the text did not change, only what the dataset says about it.
   */
  upward: boolean;
}

/** Evidence items added to, removed from and re-attributed in one claim. */
export interface EvidenceChange {
  id: string;
  added: EvidenceEntry[];
  removed: EvidenceEntry[];
  reattributed: Reattribution[];
}

/** A re-attribution upward, with its claim: the loud warning. */
export interface ReattributionUpward extends Reattribution {
  id: string;
}

/** A forecast that gained (or changed) its outcome. */
export interface ForecastResolved {
  id: string;
  outcome: string;
  resolved_by: string | null;
  /** The outcome before, when it was changed rather than first recorded. */
  before: string | null;
}

/** A claim newly retracted or disputed. */
export interface Correction {
  id: string;
  before: Status;
  after: Status;
  reason: string | null;
  date: string | null;
}

/** A claim newly superseded, or superseded by another claim than before. */
export interface SupersededChange {
  id: string;
  by: string;
  before: string | null;
}

/** One diagnostic as the diff lists it (the line on the side where it is). */
export interface DiagnosticEntry {
  rule: string;
  severity: Diagnostic['severity'];
  file: string;
  line: number;
  message: string;
}

/** An origin that crossed the report's concentration flag. */
export interface ConcentrationChange {
  origin: string;
  direction: 'now-concentrated' | 'no-longer-concentrated';
  before: { claims: number; share: number };
  after: { claims: number; share: number };
}

/** Why a claim counts as a downgrade. */
export interface Downgrade {
  id: string;
  /** `status`: declared rank fell, or became disputed/retracted; `support`: derived support fell; `credibility`: worsened (1–5). */
  what: 'status' | 'support' | 'credibility';
  before: string;
  after: string;
}

/** Everything `claims diff` reports (the JSON shape is a public contract). */
export interface DatasetDiff {
  base: DiffRevision;
  head: DiffRevision;
  /** True when a declared status went up with no new origin that supports it. */
  upgrade_without_new_origin: boolean;
  upgrades_without_new_origin: StatusChange[];
  /** True when an evidence item kept its source and quote while its origin was re-attributed to a stronger class. */
  reattributed_upward: boolean;
  reattributions_upward: ReattributionUpward[];
  downgrades: Downgrade[];
  /** How many changes the sections below list (0: nothing changed). */
  changes: number;
  claims: RecordChanges;
  sources: RecordChanges;
  status: StatusChange[];
  support: SupportChange[];
  values: ValueChange[];
  evidence: EvidenceChange[];
  forecasts_resolved: ForecastResolved[];
  corrections: Correction[];
  superseded: SupersededChange[];
  diagnostics: { appeared: DiagnosticEntry[]; disappeared: DiagnosticEntry[] };
  concentration: { threshold: number; crossed: ConcentrationChange[] };
}

type Kind = 'claim' | 'source';
interface Rec {
  file: string;
  data: { id: string };
}

const SELF = '\u0000self\u0000';

/** The record's content with its own id replaced by a marker everywhere (a renamed snapshot path included). */
function renameKey(data: { id: string }, refs: ReadonlyMap<string, string> = new Map()): string {
  const { id, ...rest } = data as Record<string, unknown> & { id: string };
  return JSON.stringify(rest, (_k, v: unknown) => (typeof v === 'string' ? (refs.get(v) ?? v).split(id).join(SELF) : v));
}

/** The ids a record refers to (evidence of a claim, `cites` of a source). */
function referencesOf(kind: Kind, data: { id: string }): string[] {
  if (kind === 'source') return ((data as { cites?: string[] }).cites ?? []);
  const c = data as Claim;
  const out = c.evidence.flatMap((e) => [e.source, ...(e.via ?? []), ...(e.origin ? [e.origin] : [])]);
  for (const k of ['supersedes', 'resolved_by'] as const) if (c[k] !== undefined) out.push(c[k]);
  return out;
}

/** Compares the records of one kind: what was added, removed, renamed, moved or merged; and the base→head id map. */
function compareRecords(
  kind: Kind,
  base: Map<string, Rec>,
  head: Map<string, Rec>,
  headDs: Dataset,
  baseRefs: (id: string) => readonly Rec[],
  describe: (side: 'base' | 'head', r: Rec) => RecordEntry,
  /** Ids of the other kind renamed or merged, base → head: a claim renamed with the source it cites is still a rename. */
  refs: ReadonlyMap<string, string> = new Map(),
  /** The claims in head, where a merged source's users are found. */
  headClaims: ReadonlyMap<string, Rec> = head,
): { changes: RecordChanges; map: Map<string, string> } {
  const changes: RecordChanges = { added: [], removed: [], renamed: [], moved: [], merged: [], unreadable: [] };
  const map = new Map<string, string>();
  const gone = [...base.keys()].filter((id) => !head.has(id));
  const fresh = [...head.keys()].filter((id) => !base.has(id));
  // Renames: same content but the id.
  const freshByKey = new Map<string, string[]>();
  for (const id of fresh) {
    const key = renameKey(head.get(id)!.data);
    freshByKey.set(key, [...(freshByKey.get(key) ?? []), id]);
  }
  const renamedTo = new Set<string>();
  for (const id of gone) {
    const candidates = freshByKey.get(renameKey(base.get(id)!.data, refs))?.filter((c) => !renamedTo.has(c));
    if (!candidates || candidates.length === 0) continue;
    const to = candidates[0]!;
    renamedTo.add(to);
    map.set(id, to);
    changes.renamed.push({ from: id, to, file_before: base.get(id)!.file, file_after: head.get(to)!.file });
  }
  for (const id of gone) {
    if (map.has(id)) continue;
    const broken = headDs.ids.get(id)?.find((f) => !f.valid && (f.type === undefined || f.type === kind));
    if (broken) {
      changes.unreadable.push({ id, file: broken.file });
      map.set(id, id);
      continue;
    }
    const into = mergedInto(kind, id, base, head, baseRefs, headClaims);
    if (into !== undefined) {
      map.set(id, into);
      changes.merged.push({ from: id, into });
      continue;
    }
    changes.removed.push(describe('base', base.get(id)!));
  }
  for (const id of fresh) {
    if (renamedTo.has(id)) continue;
    // A file that did not pass the schema before and does now is listed as added, as the claim is new to readers.
    changes.added.push(describe('head', head.get(id)!));
  }
  for (const [id, rec] of head) {
    const before = base.get(id);
    if (before && before.file !== rec.file) changes.moved.push({ id, file_before: before.file, file_after: rec.file });
  }
  for (const list of [changes.added, changes.removed]) list.sort((a, b) => compareText(a.id, b.id));
  changes.renamed.sort((a, b) => compareText(a.from, b.from));
  changes.moved.sort((a, b) => compareText(a.id, b.id));
  changes.merged.sort((a, b) => compareText(a.from, b.from));
  changes.unreadable.sort((a, b) => compareText(a.id, b.id));
  return { changes, map };
}

/**
 * The id that `id` (gone from head) was merged into, if any: an id on both sides that takes its place. For a source,
 * every claim that referred to it in base refers in head to one same id it did not refer to before; for a claim, its
 * evidence items all appear in one claim that existed before and did not have them.
 */
function mergedInto(
  kind: Kind, id: string, base: Map<string, Rec>, head: Map<string, Rec>, baseRefs: (id: string) => readonly Rec[], headClaims: ReadonlyMap<string, Rec>,
): string | undefined {
  if (kind === 'source') {
    // Every claim that referred to it in base has, in head, each of those evidence items with one same id in its place.
    const users = baseRefs(id);
    if (users.length === 0) return undefined;
    let candidates: string[] | undefined;
    for (const u of users) {
      const now = headClaims.get(u.data.id);
      if (!now) return undefined;
      const have = new Set((now.data as Claim).evidence.map((e) => evidenceKey(e, (x) => x)));
      const items = (u.data as Claim).evidence.filter((e) => evidenceKeyRaw(e).includes(`"${id}"`));
      const fits = [...new Set(referencesOf('claim', now.data))]
        .filter((y) => y !== id && base.has(y) && head.has(y))
        .filter((y) => items.every((e) => have.has(evidenceKey(e, (x) => (x === id ? y : x)))));
      candidates = candidates === undefined ? fits : candidates.filter((y) => fits.includes(y));
      if (candidates.length === 0) return undefined;
    }
    return candidates?.sort(compareText)[0];
  }
  const mine = (base.get(id)!.data as Claim).evidence.map(evidenceKeyRaw);
  for (const [other, rec] of head) {
    const was = base.get(other);
    if (!was || other === id) continue;
    const had = new Set((was.data as Claim).evidence.map(evidenceKeyRaw));
    const has = new Set((rec.data as Claim).evidence.map(evidenceKeyRaw).map((k) => k.split(`"${id}"`).join(`"${other}"`)));
    if (mine.every((k) => has.has(k.split(`"${id}"`).join(`"${other}"`)) && !had.has(k))) return other;
  }
  return undefined;
}

function evidenceKeyRaw(e: Evidence): string {
  return JSON.stringify([e.source, e.via ?? [], e.origin ?? null, e.quote ?? null, e.locator ?? null, e.unattributed === true]);
}

/** An evidence item's key with the base side's ids mapped to the head's. */
function evidenceKey(e: Evidence, map: (id: string) => string): string {
  return JSON.stringify([map(e.source), (e.via ?? []).map(map), e.origin === undefined ? null : map(e.origin), e.quote ?? null, e.locator ?? null, e.unattributed === true]);
}

/** How strongly an origin class speaks for a claim: anonymous and unattributed, then the company itself, then others. */
const CLASS_RANK: Record<OriginClass, number> = { anonymous: 0, unattributed: 0, self: 1, party: 2, independent: 2 };

/** The class one evidence item gives its claim on one side, or null when its origin names no source there. */
function itemClass(claim: Claim, e: Evidence, ctx: QueryContext): OriginClass | null {
  const origin = ctx.index.sources.get(e.origin ?? e.source)?.data;
  return origin === undefined ? null : originClass(claim, origin, ctx.entities, e.unattributed === true);
}

/**
 * Pairs the items added with the items removed that keep their source and quote but credit another origin, relays or
 * `unattributed` flag; returns the pairs and what is left added and removed. An item whose locator alone changed is
 * left as added and removed.
 */
function pairReattributed(
  plus: readonly { e: Evidence }[], minus: readonly { e: Evidence }[], mapSource: (id: string) => string,
  hClaim: Claim, bClaim: Claim, h: QueryContext, b: QueryContext,
): { reattributed: Reattribution[]; plus: { e: Evidence }[]; minus: { e: Evidence }[] } {
  const used = new Set<number>();
  const reattributed: Reattribution[] = [];
  const rest: { e: Evidence }[] = [];
  for (const p of plus) {
    const after = evidenceEntry(p.e);
    const i = minus.findIndex((m, j) => {
      if (used.has(j)) return false;
      const before = evidenceEntry(m.e, mapSource);
      return before.source === after.source && before.quote === after.quote
        && (before.origin !== after.origin || before.unattributed !== after.unattributed || JSON.stringify(before.via) !== JSON.stringify(after.via));
    });
    if (i < 0) {
      rest.push(p);
      continue;
    }
    used.add(i);
    const before = evidenceEntry(minus[i]!.e, mapSource);
    const bClass = itemClass(bClaim, minus[i]!.e, b);
    const hClass = itemClass(hClaim, p.e, h);
    reattributed.push({
      source: after.source,
      quote: after.quote,
      before: { origin: before.origin, via: before.via, unattributed: before.unattributed, class: bClass },
      after: { origin: after.origin, via: after.via, unattributed: after.unattributed, class: hClass },
      upward: bClass !== null && hClass !== null && CLASS_RANK[hClass] > CLASS_RANK[bClass],
    });
  }
  return { reattributed, plus: rest, minus: minus.filter((_, j) => !used.has(j)) };
}

function evidenceEntry(e: Evidence, map: (id: string) => string = (x) => x): EvidenceEntry {
  return { source: map(e.source), origin: map(e.origin ?? e.source), via: (e.via ?? []).map(map), quote: e.quote ?? null, unattributed: e.unattributed === true };
}

/** Items of `a` not in `b`, as multisets by key. */
function multisetMinus<T>(a: readonly T[], b: readonly T[], key: (x: T) => string): T[] {
  const counts = new Map<string, number>();
  for (const x of b) counts.set(key(x), (counts.get(key(x)) ?? 0) + 1);
  const out: T[] = [];
  for (const x of a) {
    const k = key(x);
    const n = counts.get(k) ?? 0;
    if (n > 0) counts.set(k, n - 1);
    else out.push(x);
  }
  return out;
}

function originsOf(p: Provenance, map: (id: string) => string = (x) => x): OriginEntry[] {
  const out: OriginEntry[] = [];
  for (const [cls, ids] of Object.entries(p.byClass) as [OriginClass, string[]][]) for (const id of ids) out.push({ id: map(id), class: cls });
  return out.sort((a, b) => compareText(a.id, b.id));
}

/** The origin classes that can support a status: the company's own word supports `company-reported`, only others `independent`. */
function supportingClasses(status: Status): readonly OriginClass[] {
  if (status === 'independent') return ['independent', 'party'];
  if (status === 'company-reported') return ['independent', 'party', 'self'];
  return [];
}

function statusDirection(before: Status, after: Status): Direction {
  const a = statusRank(before);
  const b = statusRank(after);
  if (a !== undefined && b !== undefined) return b > a ? 'up' : b < a ? 'down' : 'other';
  if (after === 'retracted' || (after === 'disputed' && before !== 'retracted')) return 'down';
  return 'other';
}

const valueText = (v: Claim['value']): string | null => (v === undefined ? null : Array.isArray(v) ? v.map(String).join(' | ') : String(v));
const dateText = (v: unknown): string | null => (v === undefined || v === null ? null : String(v));

function diagnosticKey(d: Pick<Diagnostic, 'rule' | 'file' | 'message'>): string {
  return `${d.rule}\u0000${d.file}\u0000${d.message}`;
}

const diagnosticEntry = (d: Diagnostic, file = d.file): DiagnosticEntry => ({ rule: d.rule, severity: d.severity, file, line: d.line, message: d.message });

/** Compares two loaded, derived and linted sides of the dataset. */
export function diffDatasets(base: DiffSide, head: DiffSide, threshold: number): DatasetDiff {
  const b = base.ctx;
  const h = head.ctx;
  // The claims of base that refer to each id, for merge detection.
  const refsInBase = new Map<string, Rec[]>();
  for (const rec of b.index.claims.values()) {
    for (const r of new Set(referencesOf('claim', rec.data))) refsInBase.set(r, [...(refsInBase.get(r) ?? []), rec]);
  }
  const baseRefs = (id: string) => refsInBase.get(id) ?? [];
  const claimRecord = (ctx: QueryContext) => (_side: 'base' | 'head', r: Rec): RecordEntry => {
    const v = ctx.viewById.get(r.data.id)!;
    return { id: v.id, file: v.file, status: v.status, support: v.support, grade: v.grade, statement: v.statement };
  };
  const sourceRecord = (side: 'base' | 'head', r: Rec): RecordEntry => {
    const data = (side === 'base' ? b : h).index.sources.get(r.data.id)!.data;
    return { id: data.id, file: r.file, title: data.title };
  };
  const src = compareRecords('source', b.index.sources, h.index.sources, h.dataset, baseRefs, sourceRecord, new Map(), h.index.claims);
  const cl = compareRecords('claim', b.index.claims, h.index.claims, h.dataset, baseRefs, (side, r) => claimRecord(side === 'base' ? b : h)(side, r), src.map);
  const mapSource = (id: string) => src.map.get(id) ?? cl.map.get(id) ?? id;
  const mapClaim = (id: string) => cl.map.get(id) ?? id;
  // Origins compare through renames only: a source merged into another is an origin gone, as it is to the grade.
  const renamed = new Map([...src.changes.renamed, ...cl.changes.renamed].map((r) => [r.from, r.to]));
  const mapRenamed = (id: string) => renamed.get(id) ?? id;
  const mergedClaims = new Set(cl.changes.merged.map((m) => m.from));
  // Head claim id → base claim id, for claims on both sides (renamed ones under their new id).
  const pairs: [string, string][] = [];
  for (const id of h.index.claims.keys()) {
    if (b.index.claims.has(id)) pairs.push([id, id]);
  }
  for (const r of cl.changes.renamed) pairs.push([r.to, r.from]);
  pairs.sort((x, y) => compareText(x[0], y[0]));

  const status: StatusChange[] = [];
  const support: SupportChange[] = [];
  const values: ValueChange[] = [];
  const evidence: EvidenceChange[] = [];
  const forecasts: ForecastResolved[] = [];
  const corrections: Correction[] = [];
  const superseded: SupersededChange[] = [];
  const downgrades: Downgrade[] = [];
  for (const [hid, bid] of pairs) {
    if (mergedClaims.has(bid)) continue;
    const bc = b.index.claims.get(bid)!.data;
    const hc = h.index.claims.get(hid)!.data;
    const bv = b.viewById.get(bid)!;
    const hv = h.viewById.get(hid)!;
    const bp = b.provenance.get(bid)!;
    const hp = h.provenance.get(hid)!;
    const bOrigins = originsOf(bp, mapRenamed);
    const hOrigins = originsOf(hp);
    const bClassOf = new Map(bOrigins.map((o) => [o.id, o.class]));
    const hClassOf = new Map(hOrigins.map((o) => [o.id, o.class]));

    if (bc.status !== hc.status) {
      const direction = statusDirection(bc.status, hc.status);
      const classes = supportingClasses(hc.status);
      const newOrigins = hOrigins.filter((o) => classes.includes(o.class) && !classes.includes(bClassOf.get(o.id) ?? 'anonymous')).map((o) => o.id);
      const change: StatusChange = {
        id: hid, before: bc.status, after: hc.status, direction, new_origins: newOrigins,
        without_new_origin: direction === 'up' && newOrigins.length === 0, support_after: hv.support,
      };
      status.push(change);
      if (direction === 'down') downgrades.push({ id: hid, what: 'status', before: bc.status, after: hc.status });
      if (hc.status === 'retracted' || hc.status === 'disputed') {
        corrections.push({ id: hid, before: bc.status, after: hc.status, reason: hc.status_reason ?? null, date: dateText(hv.status_date) });
      }
    }
    if (bv.support !== hv.support || bv.grade !== hv.grade) {
      const direction: Direction = SUPPORT_RANK[hv.support] !== SUPPORT_RANK[bv.support]
        ? (SUPPORT_RANK[hv.support] > SUPPORT_RANK[bv.support] ? 'up' : 'down')
        : credibilityDirection(bv.credibility, hv.credibility);
      support.push({
        id: hid,
        before: { support: bv.support, grade: bv.grade, credibility: bv.credibility, reliability: bv.reliability, origins: bOrigins },
        after: { support: hv.support, grade: hv.grade, credibility: hv.credibility, reliability: hv.reliability, origins: hOrigins },
        direction,
        origins_added: hOrigins.filter((o) => !bClassOf.has(o.id)),
        origins_removed: bOrigins.filter((o) => !hClassOf.has(o.id)),
        origins_reclassified: hOrigins.filter((o) => bClassOf.has(o.id) && bClassOf.get(o.id) !== o.class).map((o) => ({ id: o.id, before: bClassOf.get(o.id)!, after: o.class })),
      });
      if (SUPPORT_RANK[hv.support] < SUPPORT_RANK[bv.support]) downgrades.push({ id: hid, what: 'support', before: bv.support, after: hv.support });
      else if (credibilityDirection(bv.credibility, hv.credibility) === 'down') downgrades.push({ id: hid, what: 'credibility', before: bv.grade, after: hv.grade });
    }
    const [bVal, hVal] = [valueText(bc.value), valueText(hc.value)];
    if (bVal !== hVal) values.push({ id: hid, field: 'value', before: bVal, after: hVal });
    if (bv.as_of !== hv.as_of) values.push({ id: hid, field: 'as_of', before: bv.as_of, after: hv.as_of });
    const hKeys = hc.evidence.map((e) => ({ e, k: evidenceKey(e, (x) => x) }));
    const bKeys = bc.evidence.map((e) => ({ e, k: evidenceKey(e, mapSource) }));
    const paired = pairReattributed(multisetMinus(hKeys, bKeys, (x) => x.k), multisetMinus(bKeys, hKeys, (x) => x.k), mapSource, hc, bc, h, b);
    if (paired.plus.length + paired.minus.length + paired.reattributed.length > 0) {
      evidence.push({
        id: hid, added: paired.plus.map((x) => evidenceEntry(x.e)), removed: paired.minus.map((x) => evidenceEntry(x.e, mapSource)), reattributed: paired.reattributed,
      });
    }
    if (hc.outcome !== undefined && hc.outcome !== bc.outcome) {
      forecasts.push({ id: hid, outcome: hc.outcome, resolved_by: hc.resolved_by ?? null, before: bc.outcome ?? null });
    }
    const bBy = bv.superseded_by === null ? null : mapClaim(bv.superseded_by);
    if (hv.superseded_by !== null && hv.superseded_by !== bBy) superseded.push({ id: hid, by: hv.superseded_by, before: bBy });
  }

  // Diagnostics, keyed by rule, file and message (not the line); base files renamed or moved are named as in head.
  const fileMap = new Map<string, string>();
  for (const c of [src.changes, cl.changes]) {
    for (const r of c.renamed) fileMap.set(r.file_before, r.file_after);
    for (const m of c.moved) fileMap.set(m.file_before, m.file_after);
  }
  const bDiag = base.lint.diagnostics.map((d) => ({ d, file: fileMap.get(d.file) ?? d.file }));
  const hDiag = head.lint.diagnostics.map((d) => ({ d, file: d.file }));
  const dKey = (x: { d: Diagnostic; file: string }) => diagnosticKey({ ...x.d, file: x.file });
  const appeared = multisetMinus(hDiag, bDiag, dKey).map((x) => diagnosticEntry(x.d));
  const disappeared = multisetMinus(bDiag, hDiag, dKey).map((x) => diagnosticEntry(x.d, x.d.file));

  // Origins that crossed the concentration flag.
  const bConc = new Map(base.concentration.map((e) => [mapRenamed(e.origin), e]));
  const hConc = new Map(head.concentration.map((e) => [e.origin, e]));
  const crossed: ConcentrationChange[] = [];
  for (const origin of new Set([...bConc.keys(), ...hConc.keys()])) {
    const was = bConc.get(origin);
    const is = hConc.get(origin);
    const wasFlag = was?.concentrated ?? false;
    const isFlag = is?.concentrated ?? false;
    if (wasFlag === isFlag) continue;
    crossed.push({
      origin,
      direction: isFlag ? 'now-concentrated' : 'no-longer-concentrated',
      before: { claims: was?.claims ?? 0, share: was?.share ?? 0 },
      after: { claims: is?.claims ?? 0, share: is?.share ?? 0 },
    });
  }
  crossed.sort((x, y) => compareText(x.origin, y.origin));

  const loud = status.filter((s) => s.without_new_origin);
  const upward = evidence.flatMap((e) => e.reattributed.filter((r) => r.upward).map((r) => ({ id: e.id, ...r })));
  const diff: DatasetDiff = {
    base: revision(base),
    head: revision(head),
    upgrade_without_new_origin: loud.length > 0,
    upgrades_without_new_origin: loud,
    reattributed_upward: upward.length > 0,
    reattributions_upward: upward,
    downgrades,
    changes: 0,
    claims: cl.changes,
    sources: src.changes,
    status,
    support,
    values,
    evidence,
    forecasts_resolved: forecasts,
    corrections,
    superseded,
    diagnostics: { appeared, disappeared },
    concentration: { threshold, crossed },
  };
  diff.changes = countChanges(diff);
  return diff;
}

/** Credibility 1 (confirmed) … 5 (improbable) worsens when its number rises; 6 (cannot be judged) is neither. */
function credibilityDirection(before: number, after: number): Direction {
  if (before === after || before === 6 || after === 6) return 'other';
  return after > before ? 'down' : 'up';
}

function revision(s: DiffSide): DiffRevision {
  return { rev: s.rev, commit: s.commit, date: s.date, subject: s.subject };
}

/** How many entries the diff lists (a claim can count in several sections; each evidence item added, removed or re-attributed counts). */
export function countChanges(d: Omit<DatasetDiff, 'changes'>): number {
  const records = (r: RecordChanges) => r.added.length + r.removed.length + r.renamed.length + r.moved.length + r.merged.length + r.unreadable.length;
  const evidence = d.evidence.reduce((n, e) => n + e.added.length + e.removed.length + e.reattributed.length, 0);
  return records(d.claims) + records(d.sources) + d.status.length + d.support.length + d.values.length + evidence
    + d.forecasts_resolved.length + d.corrections.length + d.superseded.length + d.diagnostics.appeared.length
    + d.diagnostics.disappeared.length + d.concentration.crossed.length;
}

/** What `--fail-on` can fail on. */
export const FAIL_ON = ['downgrade', 'upgrade-without-evidence', 'reattribution', 'any'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/**
 * True when the diff holds what `failOn` names. `upgrade-without-evidence` counts a status raised with no new origin and
 * an evidence item re-attributed upward with the same quote; `reattribution` only the latter.
 */
export function failsOn(d: DatasetDiff, failOn: FailOn): boolean {
  if (failOn === 'downgrade') return d.downgrades.length > 0;
  if (failOn === 'upgrade-without-evidence') return d.upgrade_without_new_origin || d.reattributed_upward;
  if (failOn === 'reattribution') return d.reattributed_upward;
  return d.changes > 0;
}
