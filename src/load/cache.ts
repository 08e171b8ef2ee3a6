/** A cache of per-file load results (parse + schema), like ESLint's --cache: keyed by content hash, written atomically. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeAtomically } from '../util/atomic.js';

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

/** Per-file results from a previous run; anything unreadable, corrupt or made under another key is ignored. */
export class LoadCache {
  private readonly old: CacheFile['files'];
  private readonly next: CacheFile['files'] = {};
  hits = 0;
  misses = 0;

  /** `key` covers everything besides content that changes results: the tool's version and the configuration. */
  constructor(private readonly location: string, private readonly key: string) {
    let old: CacheFile['files'] = {};
    try {
      const parsed = JSON.parse(readFileSync(location, 'utf8')) as CacheFile;
      if (parsed && parsed.key === key && typeof parsed.files === 'object' && parsed.files !== null) old = parsed.files;
    } catch {
      // No cache yet, or a corrupt one: start afresh.
    }
    this.old = old;
  }

  /** The cached result for a file whose content hashes to `hash`, if any. */
  get(abs: string, hash: string): CachedFile | undefined {
    const entry = this.old[abs];
    if (entry && entry.hash === hash) {
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
