/** The writing commands besides `new`, `cite` and `fmt`: each builds its change and hands it to the one edit flow. */
import { buildResolve, buildSet, buildStatusChange, buildSupersede } from '../edit/lifecycle.js';
import { buildMerge, type Prefer } from '../edit/merge.js';
import { buildRename } from '../edit/rename.js';
import { buildRm } from '../edit/rm.js';
import { runEdit, type WriteOptions } from '../edit/run.js';
import { type Io, UsageError } from './io.js';
import type { RunSettings } from './settings.js';

/** `claims resolve <forecast-id> --outcome … --by <claim-id>`. */
export function resolveForecast(id: string, opts: WriteOptions & { outcome?: string; by?: string }, settings: RunSettings, io: Io): number {
  return runEdit(opts, settings, io, (ctx) => buildResolve(ctx, id, opts.outcome, opts.by));
}

/** `claims retract <id> --reason "…"`. */
export function retract(id: string, opts: WriteOptions & { reason?: string }, settings: RunSettings, io: Io): number {
  return runEdit(opts, settings, io, (ctx) => buildStatusChange(ctx, id, 'retracted', opts.reason));
}

/** `claims dispute <id> --reason "…"`. */
export function dispute(id: string, opts: WriteOptions & { reason?: string }, settings: RunSettings, io: Io): number {
  return runEdit(opts, settings, io, (ctx) => buildStatusChange(ctx, id, 'disputed', opts.reason));
}

/** `claims supersede <old-id> --by <new-id>`. */
export function supersede(id: string, opts: WriteOptions & { by?: string }, settings: RunSettings, io: Io): number {
  return runEdit(opts, settings, io, (ctx) => buildSupersede(ctx, id, opts.by));
}

/** `claims set <id> key=value …`. */
export function setFields(id: string, assignments: string[], opts: WriteOptions, settings: RunSettings, io: Io): number {
  return runEdit(opts, settings, io, (ctx) => buildSet(ctx, id, assignments));
}

/** `claims rename <old-id> <new-id>`. */
export function rename(from: string, to: string, opts: WriteOptions, settings: RunSettings, io: Io): number {
  return runEdit(opts, settings, io, (ctx) => buildRename(ctx, from, to));
}

/** `claims merge <from-id> <into-id> [--prefer from|into]`. */
export function merge(from: string, into: string, opts: WriteOptions & { prefer?: string }, settings: RunSettings, io: Io): number {
  if (opts.prefer !== undefined && opts.prefer !== 'from' && opts.prefer !== 'into') throw new UsageError(`--prefer must be from or into, not "${opts.prefer}"`);
  return runEdit(opts, settings, io, (ctx) => buildMerge(ctx, from, into, opts.prefer as Prefer | undefined));
}

/** `claims rm <id>`. */
export function rm(id: string, opts: WriteOptions, settings: RunSettings, io: Io): number {
  return runEdit(opts, settings, io, (ctx) => buildRm(ctx, id));
}
