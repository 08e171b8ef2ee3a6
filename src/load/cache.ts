/** A cache of per-file load results (parse + schema), like ESLint's --cache: keyed by content hash, written atomically. */
import { createHash } from 'node:crypto';
import { writeAtomically } from '../util/atomic.js';
import { MAX_BYTES, safeReadFile } from '../util/safe-read.js';
import { isProblemId } from './problems.js';
import { ClaimSchema, SourceSchema } from '../model/schema.js';

/** What loading one file produced, minus paths (which the loader recomputes). */
export interface CachedFile {
  type?: 'claim' | 'source';
  id?: string;
  valid: boolean;
  problems: unknown[];
  data?: unknown;
}

interface CacheFile {
  key: string;
  files: Record<string, { hash: string; result: CachedFile }>;
}

/** The content hash the cache is keyed by. */
export function contentHash(buf: Buffer): string {
  return createHash('sha1').update(buf).digest('base64');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isCount = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 1;

function isProblem(p: unknown): boolean {
  // An id this version does not report would stop the run (a rule's unknown message id is a bug): such an entry is a miss.
  if (!isObject(p) || !isProblemId(p.kind, p.messageId) || !Array.isArray(p.path)) return false;
  if (!isObject(p.data) || !Object.values(p.data).every((v) => typeof v === 'string' || typeof v === 'number')) return false;
  if (!p.path.every((s) => typeof s === 'string' || typeof s === 'number')) return false;
  const r = p.range;
  return isObject(r) && isCount(r.line) && isCount(r.column) && isCount(r.endLine) && isCount(r.endColumn);
}

/**
 * A check that a cached entry has the shape this version writes, so a damaged or hand-edited cache entry is a miss
 * (the file is read again), never a crash or a silently wrong answer further on. The data of a valid file is checked
 * whole, with the schema of its type, as the file itself was: a `parties` that is not a list, a `status` outside the
 * list or an `as_of` that is not a date is a miss like any other.
 */
function isCachedFile(r: unknown): r is CachedFile {
  if (!isObject(r) || typeof r.valid !== 'boolean' || !Array.isArray(r.problems) || !r.problems.every(isProblem)) return false;
  if (r.type !== undefined && r.type !== 'claim' && r.type !== 'source') return false;
  if (r.id !== undefined && typeof r.id !== 'string') return false;
  if (r.data === undefined) return !r.valid;
  const d = r.data;
  if (!r.valid || !isObject(d) || d.type !== r.type || d.id !== r.id || typeof d.id !== 'string') return false;
  return (r.type === 'claim' ? ClaimSchema : SourceSchema).safeParse(d).success;
}

/** Per-file results from a previous run; anything unreadable, corrupt or made under another key is ignored. */
export class LoadCache {
  private readonly old: CacheFile['files'];
  private readonly next: CacheFile['files'] = {};
  hits = 0;
  misses = 0;

  /** `key` covers everything besides content that changes results: the tool's version and the configuration. */
  constructor(private readonly location: string, private readonly key: string) {
    let old: CacheFile['files'] = {};
    // Only a regular file under the size cap is read: a cache linked to /dev/zero or a FIFO is ignored and rebuilt.
    const read = safeReadFile(location, { maxBytes: MAX_BYTES.cache });
    if (read.ok) {
      try {
        const parsed = JSON.parse(read.buf.toString('utf8')) as CacheFile;
        if (isObject(parsed) && parsed.key === key && isObject(parsed.files) && !Array.isArray(parsed.files)) old = parsed.files;
      } catch {
        // A corrupt cache: start afresh.
      }
    }
    this.old = old;
  }

  /** The cached result for a file whose content hashes to `hash`, if any. */
  get(abs: string, hash: string): CachedFile | undefined {
    const entry = Object.hasOwn(this.old, abs) ? this.old[abs] : undefined;
    if (entry && entry.hash === hash && isCachedFile(entry.result)) {
      this.hits++;
      this.next[abs] = entry;
      return entry.result;
    }
    this.misses++;
    return undefined;
  }

  set(abs: string, hash: string, result: CachedFile): void {
    this.next[abs] = { hash, result };
  }

  /** True when this run found exactly what the cache held: nothing to write. */
  private unchanged(): boolean {
    return this.misses === 0 && Object.keys(this.old).length === this.hits;
  }

  /** Writes the cache atomically: a temporary file renamed over the old one, so a killed run never leaves it half-written. */
  save(): void {
    if (this.unchanged()) return;
    try {
      writeAtomically(this.location, JSON.stringify({ key: this.key, files: this.next }));
    } catch {
      // A cache that cannot be written only costs speed next time.
    }
  }
}
