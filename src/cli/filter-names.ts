/**
 * Filter values that name nothing are usage errors: `--subject`, `--party`, `--source`, `--publisher` and `--depends-on`
 * must name something in the loaded dataset, else the run stops with one line giving the nearest names.
 */
import { escapeControls } from '../format/escape.js';
import { publisherKey, type Filters } from '../query/filter.js';
import type { QueryContext } from '../query/view.js';
import { editDistance, nearest } from '../util/suggest.js';
import { UsageError } from './io.js';

/** At most this many names are suggested in one message. */
const MAX_SUGGESTIONS = 5;

/** A value from the command line or the dataset as a message shows it: one line, at most `max` characters. */
export function shown(value: string, max = 60): string {
  const flat = escapeControls(value);
  return [...flat].length > max ? `${[...flat].slice(0, max - 1).join('')}…` : flat;
}

const quoted = (names: readonly string[]): string => names.map((n) => `"${shown(n, 40)}"`).join(', ');

/** The value as a shell word, for a command the message suggests. */
function shellWord(value: string): string {
  const v = shown(value);
  return /^[\w.@%+=:,/-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}

/**
 * The names nearest to `word`: typos of the whole name first, then names that contain it or that it contains, then names
 * that begin with a typo of it (`techcrunh` → `techcrunch-profile`, `Mistrall` → `Mistral AI`); case-insensitive.
 */
function suggestions(word: string, candidates: readonly string[]): string[] {
  const lower = word.toLowerCase();
  const out = new Set(nearest(word, candidates, MAX_SUGGESTIONS));
  if (lower.length >= 3) {
    const sorted = [...candidates].sort();
    const contains = (c: string) => {
      const cl = c.toLowerCase();
      return cl.includes(lower) || (cl.length >= 3 && lower.includes(cl));
    };
    const typoPrefix = (c: string) => lower.length >= 4 && editDistance(lower, c.toLowerCase().slice(0, lower.length)) <= 1;
    for (const test of [contains, typoPrefix]) for (const c of sorted) if (out.size < MAX_SUGGESTIONS && test(c)) out.add(c);
  }
  return [...out];
}

/** `; did you mean …?`, else a few of the known names, else a note that there are none. */
function hint(word: string, candidates: readonly string[], plural: string): string {
  const near = suggestions(word, candidates);
  if (near.length > 0) return `; did you mean ${quoted(near)}?`;
  if (candidates.length === 0) return `; the dataset has no ${plural}`;
  const some = [...candidates].sort().slice(0, MAX_SUGGESTIONS);
  return `; ${plural} include ${quoted(some)}${candidates.length > some.length ? ` (${candidates.length} in all)` : ''}`;
}

const unique = (names: Iterable<string>): string[] => [...new Set(names)];

/** Checks the names and ids `filters` give against the dataset; throws a one-line UsageError for the first that names nothing. */
export function checkFilterNames(ctx: QueryContext, filters: Filters): void {
  const { entities } = ctx;
  const subjects = unique(ctx.views.map((v) => v.subject));
  const parties = unique(ctx.views.flatMap((v) => v.parties));
  const subjectKeys = new Set(subjects.map((n) => entities.key(n)));
  const partyKeys = new Set(parties.map((n) => entities.key(n)));
  for (const name of filters.subject ?? []) {
    if (subjectKeys.has(entities.key(name))) continue;
    const other = partyKeys.has(entities.key(name)) ? `; it is a party: use --party ${shellWord(name)}` : hint(name, subjects, 'subjects');
    throw new UsageError(`--subject: "${shown(name)}" is the subject of no claim${other}`);
  }
  for (const name of filters.party ?? []) {
    if (partyKeys.has(entities.key(name))) continue;
    const other = subjectKeys.has(entities.key(name)) ? `; it is a subject: use --subject ${shellWord(name)}` : hint(name, parties, 'parties');
    throw new UsageError(`--party: "${shown(name)}" is a party to no claim${other}`);
  }

  const sources = [...ctx.index.sources.values()].map((s) => s.data);
  const sourceIds = sources.map((s) => s.id);
  const idsOfPublisher = (name: string): string[] => sources.filter((s) => publisherKey(s.publisher) === publisherKey(name)).map((s) => s.id).sort();
  // A reference to a source without a file is still something `--source` can match (validate reports the reference).
  const referenced = new Set(sourceIds);
  for (const { data: c } of ctx.index.claims.values()) {
    for (const ev of c.evidence) {
      referenced.add(ev.source);
      if (ev.origin !== undefined) referenced.add(ev.origin);
      for (const v of ev.via ?? []) referenced.add(v);
    }
  }
  /** `--source` may point to `--publisher`; `--depends-on` takes one source, so it only names the publisher's. */
  const notASource = (flag: string, id: string, orPublisher: boolean): UsageError => {
    if (ctx.index.claims.has(id)) return new UsageError(`${flag}: "${shown(id)}" is a claim, not a source; give a source id (see \`claims sources --format ids\`)`);
    const theirs = idsOfPublisher(id);
    if (theirs.length > 0) {
      const some = theirs.slice(0, MAX_SUGGESTIONS);
      const ids = `${quoted(some)}${theirs.length > some.length ? ` (${theirs.length} in all)` : ''}`;
      return new UsageError(orPublisher
        ? `${flag}: "${shown(id)}" names no source id; it is a publisher: use --publisher ${shellWord(id)}, or one of its source ids: ${ids}`
        : `${flag}: "${shown(id)}" names no source id; it is a publisher, whose source ids are ${ids}`);
    }
    return new UsageError(`${flag}: "${shown(id)}" names no source id${hint(id, sourceIds, 'source ids')}`);
  };
  for (const id of filters.source ?? []) if (!referenced.has(id)) throw notASource('--source', id, true);
  if (filters.dependsOn !== undefined && !ctx.index.sources.has(filters.dependsOn)) {
    if (filters.dependsOn.includes(',')) throw new UsageError(`--depends-on: "${shown(filters.dependsOn)}": give one source id`);
    throw notASource('--depends-on', filters.dependsOn, false);
  }

  checkPublishers(ctx, filters.publisher ?? []);
}

/** Checks that each name is some source's publisher (case-insensitive); throws a one-line UsageError for the first that is not. */
export function checkPublishers(ctx: Pick<QueryContext, 'index'>, names: readonly string[]): void {
  // One name per publisher however its files spell it ("TechCrunch", "Techcrunch"): the spelling most files use.
  const spellings = new Map<string, Map<string, number>>();
  for (const { data } of ctx.index.sources.values()) {
    const byKey = spellings.get(publisherKey(data.publisher)) ?? new Map<string, number>();
    byKey.set(data.publisher, (byKey.get(data.publisher) ?? 0) + 1);
    spellings.set(publisherKey(data.publisher), byKey);
  }
  const publishers = [...spellings.values()].map((byKey) => [...byKey].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]);
  const publisherKeys = new Set(spellings.keys());
  for (const name of names) {
    if (publisherKeys.has(publisherKey(name))) continue;
    const isId = ctx.index.sources.get(name)?.data;
    const other = isId ? `; it is a source id (published by "${shown(isId.publisher, 40)}"): use --source ${shellWord(name)}` : hint(name, publishers, 'publishers');
    throw new UsageError(`--publisher: "${shown(name)}" publishes no source${other}`);
  }
}
