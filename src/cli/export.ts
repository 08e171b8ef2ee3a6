/** `claims export`: the filtered claims as ClaimReview JSON-LD (an array or one `@graph`), JSON Lines, or CSV. */
import type { Tables } from '../warehouse/tables.js';
import { CLAIMREVIEW_FORMATS, exportFormatters, publishingGaps } from '../format/export.js';
import { existsSync, lstatSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { EXPORT_FILE_FORMATS, type ExportFileFormat, type ExportFormat } from '../format/names.js';
import { writeAtomically } from '../util/atomic.js';
import { shown } from './filter-names.js';
import { type Io, UsageError } from './io.js';
import { selectViews, type FilterOptions } from './query-options.js';
import type { RunSettings } from './settings.js';

export interface ExportOptions extends FilterOptions {
  format: ExportFormat | ExportFileFormat;
  /** Where to write: a file (written atomically); required for the file formats. */
  out?: string;
}

/** True for the formats written to `--out` rather than printed. */
const isFileFormat = (f: string): f is ExportFileFormat => (EXPORT_FILE_FORMATS as readonly string[]).includes(f);

/** `--out` as an absolute path to a file: not a folder, in a folder that exists (else a UsageError). */
export function outFile(io: Io, out: string): string {
  if (out.trim() === '') throw new UsageError('--out: give a file path');
  const abs = resolve(io.cwd(), out);
  let st: Stats | undefined;
  try {
    st = lstatSync(abs);
  } catch {
    st = undefined;
  }
  // The file is replaced by a rename: never over a device, FIFO or socket (/dev/null would become a file), nor a link.
  if (st?.isSymbolicLink()) throw new UsageError(`--out: "${shown(out)}" is a symbolic link; give the path of the file itself`);
  if (st && !st.isFile() && !st.isDirectory()) {
    throw new UsageError(`--out: "${shown(out)}" is a device, FIFO or socket, not a file; give a file path (or leave out --out to print text formats)`);
  }
  if (existsSync(abs) && statSync(abs).isDirectory()) throw new UsageError(`--out: "${shown(out)}" is a folder; give a file path, e.g. ${shown(out).replace(/\/+$/, '')}/claims.db`);
  const parent = dirname(abs);
  if (!existsSync(parent) || !statSync(parent).isDirectory()) throw new UsageError(`--out: no folder "${shown(dirname(out))}" to write "${shown(out)}" in`);
  return abs;
}

/** What an export wrote, in a few words: `76 claims, 24 sources, 138 evidence items`. */
function wroteWhat(tables: Tables): string {
  const n = (x: number, one: string, many: string) => `${x.toLocaleString('en-US')} ${x === 1 ? one : many}`;
  return `${n(tables.claims.length, 'claim', 'claims')}, ${n(tables.sources.length, 'source', 'sources')}, ${n(tables.evidence.length, 'evidence item', 'evidence items')}`;
}

/** Writes one Parquet file per table into the folder `--out` (created, or replacing an earlier Parquet export whole); exit 0. */
async function exportParquet(opts: ExportOptions, settings: RunSettings, io: Io): Promise<number> {
  if (opts.out === undefined || opts.out.trim() === '') throw new UsageError('--format parquet writes a folder: give --out <folder>, e.g. claims export --format parquet --out parquet/');
  const dir = resolve(io.cwd(), opts.out);
  const { parquetFiles, parquetTargetProblem, writeFolderAtomically } = await import('../warehouse/parquet.js');
  const problem = parquetTargetProblem(dir);
  if (problem !== null) throw new UsageError(`--out: "${shown(opts.out)}" ${problem}`);
  const parent = dirname(dir);
  if (!existsSync(parent) || !statSync(parent).isDirectory()) throw new UsageError(`--out: no folder "${shown(dirname(opts.out))}" to write "${shown(opts.out)}" in`);
  const { selectTables } = await import('./sql.js');
  const tables = selectTables(opts, settings, io, true);
  writeFolderAtomically(dir, parquetFiles(tables));
  io.stderr.write(`claims: wrote ${shown(opts.out)}: ${wroteWhat(tables)}, one Parquet file per table\n`);
  return 0;
}

/** Writes a file format to `--out`; exit 0. */
async function exportFile(format: ExportFileFormat, opts: ExportOptions, settings: RunSettings, io: Io): Promise<number> {
  if (format === 'parquet') return exportParquet(opts, settings, io);
  if (opts.out === undefined) throw new UsageError(`--format ${format} writes a file: give --out <file>, e.g. claims export --format ${format} --out claims.db`);
  const file = outFile(io, opts.out);
  const { selectTables } = await import('./sql.js');
  const tables = selectTables(opts, settings, io, true);
  const { sqliteFile } = await import('../warehouse/sqlite.js');
  writeOut(file, opts.out, await sqliteFile(tables));
  io.stderr.write(`claims: wrote ${shown(opts.out)}: ${wroteWhat(tables)}\n`);
  return 0;
}

/** Writes `--out` atomically; a failure the user can fix (no permission, a read-only or full disk) is one line, exit 2. */
function writeOut(file: string, out: string, data: string | Uint8Array): void {
  try {
    writeAtomically(file, data);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw err;
    throw new UsageError(`--out: cannot write "${shown(out)}" (${code}); check the path and that its folder is writable`);
  }
}

/** Runs `claims export`; exit 0. With --out the output goes to that file, written atomically. ClaimReview output without a publisher or URL template gets a one-line note on stderr. */
export async function exportClaims(opts: ExportOptions, settings: RunSettings, io: Io): Promise<number> {
  if (isFileFormat(opts.format)) return exportFile(opts.format, opts, settings, io);
  const format = opts.format;
  const file = opts.out === undefined ? undefined : outFile(io, opts.out);
  const { ctx, views } = selectViews(opts, settings, io);
  const publishing = settings.config.claimreview;
  const text = exportFormatters[format](views, { ...ctx, publishing });
  if (file === undefined) io.stdout.write(text);
  else writeOut(file, opts.out!, text);
  const gaps = CLAIMREVIEW_FORMATS.has(format) ? publishingGaps(publishing) : [];
  if (gaps.length > 0) {
    io.stderr.write(`claims: note: this ClaimReview output is not ready for publishing: set ${gaps.join(' and ')} in ${settings.config.file ?? 'claims.config.yaml'}\n`);
  }
  return 0;
}
