/** Possible hidden relays among a claim's independent origins, for `claims show`. */
import { SnapshotReader } from '../load/snapshot.js';
import { RelayDetector, relayReasonText, type RelayReason } from '../provenance/relay.js';
import type { Explanation } from './explain.js';
import type { QueryContext } from './view.js';

/** Two independent origins of a claim that may be one, as `show` prints it (the JSON key `possible_relays`). */
export interface RelayView {
  /** The two origin ids, the earlier in evidence order first. */
  origins: [string, string];
  /** The evidence items (numbered from 1, as `show` numbers them) that suggest it. */
  evidence: [number, number];
  reason: RelayReason;
  /** The reason in words. */
  why: string;
}

/** What `claims show` prints: the explanation and the possible relays among its independent origins. */
export type ShowData = Explanation & { possible_relays?: RelayView[] };

/** The possible relays of one claim, its snapshots read through the same safe reader `validate` uses; empty for an unknown id. */
export function claimRelays(ctx: QueryContext, id: string): RelayView[] {
  const rec = ctx.index.claims.get(id);
  const provenance = ctx.provenance.get(id);
  if (!rec || !provenance) return [];
  const reader = new SnapshotReader(ctx.dataset.root);
  const detector = new RelayDetector(ctx.index, (path) => reader.read(path));
  return detector.find(rec.data, provenance).map((r) => ({
    origins: r.origins,
    evidence: [r.evidence[0] + 1, r.evidence[1] + 1],
    reason: r.reason,
    why: relayReasonText(r.reason),
  }));
}
