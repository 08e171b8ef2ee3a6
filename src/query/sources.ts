/** `claims sources`: each source with how the dataset uses it. */
import { compareById } from '../util/compare.js';
import { parsePartialDate } from '../model/date.js';
import { originClass, originId, type OriginClass } from '../provenance/index.js';
import { publisherKey } from './filter.js';
import type { QueryContext } from './view.js';
import { trackRecordsOf, type SourceTrackRecord } from '../history/stats.js';

/** One source as `claims sources` shows it (the JSON shape is a public contract). */
export interface SourceView {
  id: string;
  file: string;
  title: string;
  publisher: string;
  kind: string;
  published: string | null;
  url: string | null;
  speaks_for: string[];
  cites: string[];
  /** Claims whose evidence was read in it. */
  read_by: number;
  /** Claims whose evidence it relays (in `via`). */
  relayed_for: number;
  /** Claims whose evidence originates from it. */
  origin_of: number;
  /** Its class toward each subject of the claims it originates: {"Mistral AI": "self"}. */
  class_by_subject: Record<string, OriginClass>;
  /** Admiralty reliability grade, A–F (F when ungraded). */
  reliability: string;
  reliability_note: string | null;
  /** Of the claims it originates, how many were later confirmed, retracted, disputed, superseded, or are still open rumors. */
  track_record: SourceTrackRecord;
}

/** Builds every source's view, sorted by id; track records from the dataset's links unless given (with the git history). */
export function sourceViews(ctx: QueryContext, records: ReadonlyMap<string, SourceTrackRecord> = trackRecordsOf(ctx)): SourceView[] {
  const read = new Map<string, Set<string>>();
  const relayed = new Map<string, Set<string>>();
  const origin = new Map<string, Set<string>>();
  // Maps, not objects: a subject named `__proto__` is a plain key.
  const classes = new Map<string, Map<string, OriginClass>>();
  const add = (m: Map<string, Set<string>>, sid: string, cid: string) => {
    const s = m.get(sid) ?? new Set<string>();
    s.add(cid);
    m.set(sid, s);
  };
  for (const { data: c } of ctx.index.claims.values()) {
    for (const ev of c.evidence) {
      add(read, ev.source, c.id);
      for (const v of ev.via ?? []) add(relayed, v, c.id);
      const oid = originId(ev);
      add(origin, oid, c.id);
      const src = ctx.index.sources.get(oid)?.data;
      if (src) {
        let byS = classes.get(oid);
        if (!byS) classes.set(oid, (byS = new Map()));
        const seen = byS.get(c.subject);
        // A text that states a figure without attribution for one claim may be on record for another: that class wins.
        if (seen === undefined || seen === 'unattributed') byS.set(c.subject, originClass(c, src, ctx.entities, ev.unattributed === true));
      }
    }
  }
  return [...ctx.index.sources.values()]
    .map(({ file, data: s }): SourceView => ({
      id: s.id, file, title: s.title, publisher: s.publisher, kind: s.kind,
      published: parsePartialDate(s.published)?.text ?? null, url: s.url ?? null,
      speaks_for: s.speaks_for ?? [], cites: s.cites ?? [],
      read_by: read.get(s.id)?.size ?? 0, relayed_for: relayed.get(s.id)?.size ?? 0, origin_of: origin.get(s.id)?.size ?? 0,
      class_by_subject: Object.fromEntries([...(classes.get(s.id) ?? [])].sort(([a], [b]) => a.localeCompare(b))),
      reliability: s.reliability ?? 'F', reliability_note: s.reliability_note ?? null,
      track_record: records.get(s.id) ?? { claims: 0, confirmed: 0, retracted: 0, disputed: 0, superseded: 0, open_rumors: 0, method: 'dataset' },
    }))
    .sort(compareById);
}

/** `claims sources` filters: AND across fields, OR within one field's list. */
export interface SourceFilters {
  /** Publisher names, compared case-insensitively. */
  publisher?: string[];
  kind?: string[];
  /** Reliability grades A–F; an ungraded source is F. */
  reliability?: string[];
}

/** The source views the filters keep, in their order. */
export function filterSources(views: readonly SourceView[], f: SourceFilters): SourceView[] {
  const publishers = f.publisher ? new Set(f.publisher.map(publisherKey)) : undefined;
  return views.filter((s) =>
    (!publishers || publishers.has(publisherKey(s.publisher)))
    && (!f.kind || f.kind.includes(s.kind))
    && (!f.reliability || f.reliability.includes(s.reliability)));
}
