/**
 * Measures over time: how long rumors took to be confirmed, the rumors still open and for how long, and each source's
 * track record. Each figure comes from the dataset's own links (`supersedes`, `resolved_by`, status, the sources'
 * `published` dates, `as_of`) where it has them, and from the git history (when a claim's `status:` line changed, and in
 * which commit) where it does not; every figure says which it used. Pure over a QueryContext and the status timelines,
 * so `claims stats` and the report can both show it.
 */
import type { Category, Reliability, Status } from '../model/schema.js';
import { parsePartialDate } from '../model/date.js';
import { SUPPORT_RANK, type Support } from '../provenance/index.js';
import type { ClaimView, QueryContext } from '../query/view.js';
import { compareText } from '../util/compare.js';
import type { GitHistory } from './git.js';

/** Where a figure comes from: the dataset's own fields and links, or the git history of its files. */
export type Method = 'dataset' | 'git';

/** One claim file's life in git: the ids it had, when it was added, and its `status:` after each commit that set it. */
export interface StatusTimeline {
  ids: string[];
  added: { commit: string; date: string } | null;
  removed: { commit: string; date: string } | null;
  /** Oldest first. */
  statuses: Array<{ commit: string; date: string; status: string }>;
}

/** A rumor later confirmed. */
export interface Confirmation {
  /** The rumor, and the claim that confirmed it (null when the rumor itself was raised to independent). */
  rumor: string;
  confirmed_by: string | null;
  category: Category;
  /** How it was confirmed: superseded by a better-supported claim, a forecast resolved as met, or its status raised. */
  how: 'superseded' | 'resolved' | 'raised';
  /** The dates measured between (YYYY-MM-DD), and the days. */
  from: string | null;
  to: string | null;
  days: number | null;
  /** Where each date came from: the sources' `published`, `as_of`, or the commit that added or changed the claim. */
  from_method: Method | null;
  to_method: Method | null;
  /** `git` when any date, or the confirmation itself, came from the history. */
  method: Method;
  /** For `raised`: the commit that set the status to independent. */
  commit: string | null;
}

/** A rumor still unconfirmed. */
export interface OpenRumor {
  id: string;
  category: Category;
  since: string | null;
  days_open: number | null;
  method: Method | null;
}

/** A source's track record over the claims whose origin it is. */
export interface TrackRecord {
  source: string;
  reliability: Reliability;
  /** The claims whose origins include it. */
  claims: number;
  /** Later confirmed: superseded by a better-supported claim, resolved as met, or raised to independent. */
  confirmed: number;
  retracted: number;
  disputed: number;
  /** Superseded by a claim that is not better supported (a newer figure, not a confirmation). */
  superseded: number;
  /** Still rumored (declared, or by their evidence), not superseded. */
  open_rumors: number;
}

/** The figures per category. */
export interface CategoryFigure {
  category: Category;
  confirmed: number;
  median_days: number | null;
}

/** Everything `claims stats` shows. */
export interface OverTimeStats {
  today: string;
  /** Whether the git history was read, and why not when it was not. */
  history: { used: boolean; reason: string | null };
  confirmations: Confirmation[];
  median_days_to_confirmation: number | null;
  by_category: CategoryFigure[];
  open_rumors: OpenRumor[];
  median_days_open: number | null;
  track_records: TrackRecord[];
  /** Per figure, what it was computed from, in words. */
  methods: Record<'confirmations' | 'open_rumors' | 'track_records', string>;
}

const MARK = '\u0001\u0002claims-status\u0002';
const FORMAT = `--format=${MARK.replace(/\u0001/g, '%x01').replace(/\u0002/g, '%x02')}%H%x00%aI`;
const STATUS_LINE = /^([+-])(status|id):\s*["']?([A-Za-z0-9-]+)["']?\s*(?:#.*)?$/;
const isYaml = (p: string): boolean => /\.ya?ml$/i.test(p);

/** Undoes git's quoting of a path with special characters (`core.quotePath=false` leaves only quotes, backslashes and controls). */
function unquote(p: string): string {
  if (!p.startsWith('"')) return p;
  return p.slice(1, -1).replace(/\\([\\"tnr]|[0-7]{3})/g, (_, e: string) => (e === 't' ? '\t' : e === 'n' ? '\n' : e === 'r' ? '\r' : /\d/.test(e) ? String.fromCharCode(parseInt(e, 8)) : e));
}

/**
 * Every claim file's status timeline, by every id it had (a later file wins an id used twice): one `git log -p -U0 -M`
 * over the dataset folder, oldest commit first, reading only the top-level `id:` and `status:` lines.
 */
export function statusTimelines(git: GitHistory): Map<string, StatusTimeline> {
  const out = git.git(['-c', 'core.quotePath=false', 'log', '--reverse', FORMAT, '-p', '-U0', '-M', '--no-color', '--no-ext-diff', '--no-textconv', 'HEAD', '--', git.datasetRel === '' ? '.' : git.datasetRel]);
  return parseTimelines(out);
}

/** Parses the output of `statusTimelines`' git log. */
export function parseTimelines(out: string): Map<string, StatusTimeline> {
  const byPath = new Map<string, StatusTimeline>();
  const all: StatusTimeline[] = [];
  let commit = '';
  let date = '';
  let from: string | null = null;
  let to: string | null = null;
  let current: StatusTimeline | undefined;
  let inHeader = false;
  let isNew = false;
  const open = () => {
    // Called once the file's header is read: find or start its timeline, and follow a rename.
    if (to === null && from === null) return;
    const deleted = to === null;
    const path = (deleted ? from : to)!;
    if (!isYaml(path)) {
      current = undefined;
      return;
    }
    current = !isNew && from !== null ? byPath.get(from) : undefined;
    if (!current) {
      current = { ids: [], added: { commit, date }, removed: null, statuses: [] };
      all.push(current);
    }
    if (from !== null && from !== to) byPath.delete(from);
    if (deleted) current.removed = { commit, date };
    else byPath.set(to!, current);
  };
  for (const line of out.split('\n')) {
    if (inHeader && (line.startsWith(MARK) || line.startsWith('diff --git '))) {
      inHeader = false;
      open();
    }
    if (line.startsWith(MARK)) {
      [commit = '', date = ''] = line.slice(MARK.length).split('\0');
      continue;
    }
    if (line.startsWith('diff --git ')) {
      from = null;
      to = null;
      current = undefined;
      inHeader = true;
      isNew = false;
      continue;
    }
    if (inHeader) {
      if (line.startsWith('new file mode')) isNew = true;
      else if (line.startsWith('rename from ')) from = unquote(line.slice(12));
      else if (line.startsWith('rename to ')) to = unquote(line.slice(10));
      else if (line.startsWith('--- ')) from = line === '--- /dev/null' ? null : unquote(line.slice(4)).replace(/^a\//, '');
      else if (line.startsWith('+++ ')) {
        to = line === '+++ /dev/null' ? null : unquote(line.slice(4)).replace(/^b\//, '');
        inHeader = false;
        open();
      } else if (line.startsWith('@@') || line === '') {
        // A pure rename has no hunks: its header ends at the next file or commit.
        inHeader = false;
        open();
      }
      continue;
    }
    if (!current) continue;
    const m = STATUS_LINE.exec(line);
    if (!m || m[1] !== '+') continue;
    if (m[2] === 'status') current.statuses.push({ commit, date, status: m[3]! });
    else if (!current.ids.includes(m[3]!)) current.ids.push(m[3]!);
  }
  if (inHeader) open();
  const byId = new Map<string, StatusTimeline>();
  for (const t of all) if (t.statuses.length > 0) for (const id of t.ids) byId.set(id, t);
  return byId;
}

/** Days from `a` to `b` (YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.UTC(+b.slice(0, 4), +b.slice(5, 7) - 1, +b.slice(8, 10)) - Date.UTC(+a.slice(0, 4), +a.slice(5, 7) - 1, +a.slice(8, 10))) / 86_400_000);
}

/** The median of `xs`, or null for none. */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A dated figure and where the date came from. */
interface Dated {
  date: string;
  method: Method;
}

/**
 * When a claim's statement first appeared, as the dataset says it: the earliest `published` of the sources its evidence
 * was read in (leaving out `except`), else its `as_of`; the start of a partial date.
 */
function datasetDate(ctx: QueryContext, v: ClaimView, except: ReadonlySet<string> = new Set()): string | null {
  let best: string | null = null;
  for (const sid of v.sources) {
    if (except.has(sid)) continue;
    const d = parsePartialDate(ctx.index.sources.get(sid)?.data.published);
    if (d && (best === null || d.start < best)) best = d.start;
  }
  if (best !== null) return best;
  return parsePartialDate(ctx.index.claims.get(v.id)?.data.as_of)?.start ?? null;
}

/** The claim's date from the dataset, else the day the commit that added its file was written. */
function claimDate(ctx: QueryContext, v: ClaimView, timelines: ReadonlyMap<string, StatusTimeline> | undefined, except?: ReadonlySet<string>): Dated | null {
  const d = datasetDate(ctx, v, except);
  if (d !== null) return { date: d, method: 'dataset' };
  const added = timelines?.get(v.id)?.added;
  return added ? { date: added.date.slice(0, 10), method: 'git' } : null;
}

const isRumor = (v: ClaimView): boolean => v.status === 'rumored' || (v.support === 'rumored' && v.status !== 'retracted' && v.status !== 'disputed');
const live = (s: Status): boolean => s !== 'retracted' && s !== 'disputed';

/**
 * The measures over time. `timelines` is what `statusTimelines` read, or undefined when there is no usable history
 * (`reason` says why): the figures then come from the dataset alone, and say so.
 */
export function overTimeStats(ctx: QueryContext, timelines: ReadonlyMap<string, StatusTimeline> | undefined, reason: string | null = null): OverTimeStats {
  const confirmations: Confirmation[] = [];
  const confirmed = new Set<string>();
  const measure = (rumor: ClaimView, by: ClaimView | null, how: Confirmation['how'], to: Dated | null, commit: string | null, viaGit: boolean): void => {
    const from = claimDate(ctx, rumor, timelines);
    // A confirmation dated before its rumor (sources dated inconsistently) has no meaningful duration: none is given.
    const span = from && to ? daysBetween(from.date, to.date) : null;
    const days = span !== null && span >= 0 ? span : null;
    confirmations.push({
      rumor: rumor.id, confirmed_by: by?.id ?? null, category: rumor.category, how,
      from: from?.date ?? null, to: to?.date ?? null, days, from_method: from?.method ?? null, to_method: to?.method ?? null,
      method: viaGit || from?.method === 'git' || to?.method === 'git' ? 'git' : 'dataset', commit,
    });
    confirmed.add(rumor.id);
  };
  // From the dataset's links: a rumor superseded by a better-supported claim, or a rumored forecast resolved as met.
  for (const v of ctx.views) {
    if (!isRumor(v)) continue;
    const data = ctx.index.claims.get(v.id)?.data;
    const successor = v.superseded_by === null ? undefined : ctx.viewById.get(v.superseded_by);
    const better = (b: ClaimView | undefined): b is ClaimView => b !== undefined && live(b.status) && SUPPORT_RANK[b.support] > SUPPORT_RANK[v.support as Support];
    if (better(successor)) {
      measure(v, successor, 'superseded', claimDate(ctx, successor, timelines, new Set(v.sources)) ?? claimDate(ctx, successor, timelines), null, false);
      continue;
    }
    const resolver = data?.outcome === 'met' && data.resolved_by ? ctx.viewById.get(data.resolved_by) : undefined;
    if (resolver && live(resolver.status)) {
      measure(v, resolver, 'resolved', claimDate(ctx, resolver, timelines, new Set(v.sources)) ?? claimDate(ctx, resolver, timelines), null, false);
    }
  }
  // From the history: a claim whose status went from rumored to independent.
  if (timelines) {
    for (const v of ctx.views) {
      // A status raised with no new independent origin is not a confirmation: the evidence must support it now.
      if (confirmed.has(v.id) || v.support !== 'independent' || !live(v.status)) continue;
      const t = timelines.get(v.id);
      if (!t) continue;
      const firstRumor = t.statuses.findIndex((s) => s.status === 'rumored');
      if (firstRumor < 0) continue;
      const raised = t.statuses.slice(firstRumor + 1).find((s) => s.status === 'independent');
      if (!raised) continue;
      const from = t.statuses[firstRumor]!;
      confirmations.push({
        rumor: v.id, confirmed_by: null, category: v.category, how: 'raised', from: from.date.slice(0, 10), to: raised.date.slice(0, 10),
        days: Math.max(0, daysBetween(from.date.slice(0, 10), raised.date.slice(0, 10))), from_method: 'git', to_method: 'git', method: 'git', commit: raised.commit,
      });
      confirmed.add(v.id);
    }
  }
  confirmations.sort((a, b) => compareText(a.category, b.category) || compareText(a.rumor, b.rumor));
  const days = (list: readonly Confirmation[]) => list.flatMap((c) => (c.days === null ? [] : [c.days]));
  const categories = [...new Set(confirmations.map((c) => c.category))].sort(compareText);
  const by_category = categories.map((category) => {
    const list = confirmations.filter((c) => c.category === category);
    return { category, confirmed: list.length, median_days: median(days(list)) };
  });

  const open: OpenRumor[] = [];
  for (const v of ctx.views) {
    if (!isRumor(v) || v.superseded_by !== null || confirmed.has(v.id)) continue;
    const since = claimDate(ctx, v, timelines);
    open.push({ id: v.id, category: v.category, since: since?.date ?? null, days_open: since && since.date <= ctx.today ? daysBetween(since.date, ctx.today) : null, method: since?.method ?? null });
  }
  open.sort((a, b) => (b.days_open ?? -1) - (a.days_open ?? -1) || compareText(a.id, b.id));

  const track_records = trackRecords(ctx, confirmed);
  const git = timelines !== undefined;
  return {
    today: ctx.today,
    history: { used: git, reason: git ? null : reason },
    confirmations,
    median_days_to_confirmation: median(days(confirmations)),
    by_category,
    open_rumors: open,
    median_days_open: median(open.flatMap((o) => (o.days_open === null ? [] : [o.days_open]))),
    track_records,
    methods: {
      confirmations: `superseded by a better-supported claim (supersedes) and forecasts resolved as met (resolved_by): the dataset's links; dated by the sources' published dates, else as_of, else the commit that added the claim. Raised from rumored to independent (with evidence that now supports it): ${git ? 'the git history of each file\'s status line' : `not measured (${reason ?? 'no git history'})`}`,
      open_rumors: `status rumored, or live with evidence that supports only rumored, and not superseded; open since the earliest published date of its sources, else as_of${git ? ', else the commit that added it' : ''}`,
      track_records: `the claims whose origins include the source, counted by what became of them (as in confirmations; retracted and disputed from the current status)`,
    },
  };
}

/** Each source's track record over the claims whose origin it is, in source-id order; `confirmed` holds the confirmed rumors. */
export function trackRecords(ctx: QueryContext, confirmed: ReadonlySet<string>): TrackRecord[] {
  const bySource = new Map<string, TrackRecord>();
  for (const { data } of ctx.index.sources.values()) {
    bySource.set(data.id, { source: data.id, reliability: data.reliability ?? 'F', claims: 0, confirmed: 0, retracted: 0, disputed: 0, superseded: 0, open_rumors: 0 });
  }
  for (const v of ctx.views) {
    for (const sid of v.origin_ids) {
      const r = bySource.get(sid);
      if (!r) continue;
      r.claims++;
      if (confirmed.has(v.id)) r.confirmed++;
      else if (v.superseded_by !== null) r.superseded++;
      if (v.status === 'retracted') r.retracted++;
      if (v.status === 'disputed') r.disputed++;
      if (isRumor(v) && v.superseded_by === null && !confirmed.has(v.id)) r.open_rumors++;
    }
  }
  return [...bySource.values()].sort((a, b) => compareText(a.source, b.source));
}

/** A source's track record as `claims sources` shows it beside the reliability grade. */
export type SourceTrackRecord = Omit<TrackRecord, 'source' | 'reliability'> & {
  /** `dataset`: from the dataset's links alone; `dataset+git`: the history of status lines was read too. */
  method: 'dataset' | 'dataset+git';
};

/**
 * The track records as `claims sources` shows them, by source id: from the dataset's links, and from the history of
 * status lines when `timelines` is given.
 */
export function trackRecordsOf(ctx: QueryContext, timelines?: ReadonlyMap<string, StatusTimeline>): Map<string, SourceTrackRecord> {
  const stats = overTimeStats(ctx, timelines);
  const method = timelines ? 'dataset+git' : 'dataset';
  return new Map(stats.track_records.map(({ source, reliability: _, ...r }) => [source, { ...r, method }]));
}
