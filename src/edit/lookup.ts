/** Finding the claims and sources a writing command names, with the nearest ids when one does not exist. */
import { UsageError } from '../cli/io.js';
import type { ClaimRecord, Dataset, FileRecord, SourceRecord } from '../load/dataset.js';
import { Entities } from '../provenance/index.js';
import { claimViewById, type ClaimView } from '../query/view.js';
import { nearest } from '../util/suggest.js';

const suggestion = (id: string, candidates: Iterable<string>): string => {
  const near = nearest(id, candidates);
  return near.length > 0 ? `; did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : '';
};

/** The file record of a claim or source, as loaded. */
export function fileOf(ds: Dataset, file: string): FileRecord {
  const f = ds.files.find((r) => r.file === file);
  if (!f) throw new Error(`no file record for ${file}`);
  return f;
}

/** A valid claim by id, or a usage error naming the nearest claim ids. */
export function requireClaim(ds: Dataset, id: string): ClaimRecord & { abs: string } {
  const c = ds.claims.find((r) => r.data.id === id);
  if (!c) {
    const broken = ds.ids.get(id)?.find((f) => f.type === 'claim' && !f.valid);
    if (broken) throw new UsageError(`${broken.file} does not pass the schema: run \`claims validate\` and fix it first`);
    const what = ds.sources.some((s) => s.data.id === id) ? ` ("${id}" is a source; this command works on claims)` : '';
    throw new UsageError(`no claim "${id}"${what}${suggestion(id, ds.claims.map((r) => r.data.id))}`);
  }
  return { ...c, abs: fileOf(ds, c.file).abs };
}

/**
 * A valid source by id, or a usage error naming the nearest source ids; `flag` names the option that gave the id
 * (`--origin`), or null when it is the command's argument.
 */
export function requireSource(ds: Dataset, id: string, flag: string | null = 'source'): SourceRecord & { abs: string } {
  const s = ds.sources.find((r) => r.data.id === id);
  if (!s) {
    const broken = ds.ids.get(id)?.find((f) => f.type === 'source' && !f.valid);
    if (broken) throw new UsageError(`${broken.file} does not pass the schema: run \`claims validate\` and fix it first`);
    const what = ds.claims.some((c) => c.data.id === id) ? ` ("${id}" is a claim)` : '';
    throw new UsageError(`${flag === null ? '' : `--${flag}: `}no source "${id}"${what}${suggestion(id, ds.sources.map((r) => r.data.id))}`);
  }
  return { ...s, abs: fileOf(ds, s.file).abs };
}

/** A claim or source by id. */
export function requireRecord(ds: Dataset, id: string): { kind: 'claim' | 'source'; record: ClaimRecord | SourceRecord; abs: string } {
  const c = ds.claims.find((r) => r.data.id === id);
  if (c) return { kind: 'claim', record: c, abs: fileOf(ds, c.file).abs };
  const s = ds.sources.find((r) => r.data.id === id);
  if (s) return { kind: 'source', record: s, abs: fileOf(ds, s.file).abs };
  const all = [...ds.claims.map((r) => r.data.id), ...ds.sources.map((r) => r.data.id)];
  throw new UsageError(`no claim or source "${id}"${suggestion(id, all)}`);
}

/** One claim's derived view (support, grade, origins) in a dataset. */
export function viewOf(ds: Dataset, id: string, aliases: Record<string, string>, today: string): ClaimView | undefined {
  return claimViewById(ds, id, new Entities(aliases), today);
}

/** "support company-reported → independent; grade C3 → B2", or "support and grade unchanged (…)". */
export function supportChange(before: ClaimView | undefined, after: ClaimView | undefined): string {
  if (!before || !after) return '';
  if (before.support === after.support && before.grade === after.grade) return `support and grade unchanged (${after.support}, ${after.grade})`;
  const support = before.support === after.support ? `support ${after.support}` : `support ${before.support} → ${after.support}`;
  const grade = before.grade === after.grade ? `grade ${after.grade}` : `grade ${before.grade} → ${after.grade}`;
  return `${support}; ${grade}`;
}
