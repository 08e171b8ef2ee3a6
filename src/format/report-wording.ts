/**
 * The report's wording, shared by its text, markdown and HTML formats: section and tier titles, the sentences that
 * explain a claim's sourcing, what would confirm a rumor, and the counts each section opens with.
 */
import type {
  ConcentrationEntry, LoweredClaim, Report, RumorEntry, SinglePointEntry, SourcingEntry, SourcingTier, Timeline, TimelinePoint,
  UnvaluedSourcingEntry,
} from '../report/types.js';
import { CONCENTRATION_THRESHOLD, SPOF_CLAIMS_NAMED } from '../report/types.js';
import { plural } from './values.js';

/** Section titles, in order. */
export const REPORT_SECTIONS = [
  'Overview',
  'How well sourced',
  'Rumored vs confirmed',
  'Watchlist',
  'Conflicts',
  'Source concentration',
  'Timelines',
  'Single points of failure',
  'Measures over time',
] as const;

/** Section-2 tier titles. */
export const TIER_TITLE: Record<SourcingTier, string> = {
  'anonymous-only': 'Anonymous or unattributed only',
  'company-only': 'Company only',
  'one-independent': 'One independent origin',
  'two-plus-independent': 'Two or more independent origins',
};

/** One line under each tier title. */
export const TIER_BLURB: Record<SourcingTier, string> = {
  'anonymous-only': 'Nobody on record stands behind these: they rest on anonymous sources, on texts that do not say where what they state comes from, or on no resolvable origin.',
  'company-only': "The company's own voice is the strongest origin: no one independent of it has confirmed these.",
  'one-independent': 'One origin independent of the company (or a party to the deal): one short of the two-source rule.',
  'two-plus-independent': 'Two or more origins independent of the company: these meet the two-source rule.',
};

/** How a format marks up the data inside a sentence: free text (escaped for HTML) and claim ids (linked, in code). */
export interface Marks {
  text: (s: string) => string;
  id: (id: string) => string;
}

/** Sentences as plain text. */
export const PLAIN: Marks = { text: (s) => s, id: (id) => id };

export const pct = (share: number): string => `${Math.round(share * 100)}%`;
const possessive = (name: string): string => (name.endsWith('s') ? `${name}'` : `${name}'s`);

/** The note on a report over filtered claims. */
export const FILTERS_NOTE = 'Filters applied: this report covers the matching claims only.';
/** The note after the overview's counts when filters apply. */
export const FILTERS_COUNTED = ' Filters applied: only the matching claims are counted.';
export const NO_RUMORS = 'No rumored or disputed claims.';
export const NO_FIGURES = 'No figures to chart.';

/** A row of section 2: a claim with a value or without one. */
export type TierEntry = SourcingEntry | UnvaluedSourcingEntry;

/** Section 2's claims in one tier: those with a value, then those without, each in the report's order. */
export function tierEntries(r: Report, tier: SourcingTier): TierEntry[] {
  return [...r.sourcing.filter((e) => e.tier === tier), ...r.sourcing_without_value.filter((e) => e.tier === tier)];
}

/** What a claim without a value shows where others show their value. */
export const NO_VALUE = 'no value';

/** The first line of section 2: which claims it covers. */
export function sourcingIntro(r: Report): string {
  const withValue = r.sourcing.length;
  const without = r.sourcing_without_value.length;
  return `Every claim reported on (${withValue + without}), weakest support first: ${withValue} with a value and ${without} without (“${NO_VALUE}”).`;
}
/** The first line of section 3. */
export const rumorsIntro = (r: Report): string => `${plural(r.rumors.length, 'claim')} rumored or disputed, with what would confirm each.`;
/** The forecasts' title: how many, and how many overdue. */
export function forecastsTitle(r: Report): string {
  const w = r.watchlist;
  const overdue = w.forecasts.filter((f) => f.overdue).length;
  return `Forecasts (${w.forecasts.length}${overdue ? `, ${overdue} overdue` : ''})`;
}
/** The first line of section 6. */
export const concentrationIntro = (r: Report): string => `${plural(r.concentration.length, 'origin')} carry the ${plural(r.overview.total, 'claim')}; the most-used first.`;
/** The warning under an origin that carries too much of the report. */
export const heavyOrigin = (e: ConcentrationEntry, r: Report, origin: string): string =>
  `▲ ${origin} carries ${pct(e.share)} of the claims (${e.claims} of ${r.overview.total}): much of this report rests on one origin.`;
/** The line when no origin carries too much of the report. */
export const NO_HEAVY_ORIGIN = `No origin carries ${pct(CONCENTRATION_THRESHOLD)} or more of the claims.`;

/** One plain-language sentence on why a claim sits in its sourcing tier. */
export function sourcingSentence(e: TierEntry): string {
  const o = e.origins;
  const indep = o.independent + o.party;
  const plusSelf = o.self > 0 ? `, plus ${possessive(e.subject)} own word` : '';
  switch (e.tier) {
    case 'anonymous-only':
      if (o.anonymous > 0 && o.unattributed > 0) {
        return `Rests on anonymous sources and unattributed statements only (${plural(o.anonymous, 'anonymous origin')}, ${plural(o.unattributed, 'unattributed origin')})`;
      }
      if (o.anonymous > 0) return `Rests on anonymous sources only (${plural(o.anonymous, 'anonymous origin')})`;
      if (o.unattributed > 0) return `Rests on unattributed statements only (${plural(o.unattributed, 'text')} stating ${e.value === null ? 'it' : 'the figure'} without saying where it comes from)`;
      return 'No origin of its evidence could be resolved';
    case 'company-only':
      return o.anonymous + o.unattributed === 0
        ? `Rests on ${possessive(e.subject)} own word only (${plural(o.self, 'origin')})`
        : `Rests on ${possessive(e.subject)} own word (${plural(o.self, 'origin')}); the rest is ${[o.anonymous > 0 ? plural(o.anonymous, 'anonymous origin') : '', o.unattributed > 0 ? plural(o.unattributed, 'unattributed text') : ''].filter(Boolean).join(' and ')}, which supports no more than a rumor`;
    case 'one-independent':
      return o.party === 1
        ? `One origin, a party to it rather than ${e.subject} itself${plusSelf}; a second independent origin would meet the two-source rule`
        : `One origin independent of ${e.subject}${plusSelf}; a second would meet the two-source rule`;
    case 'two-plus-independent':
      return `${indep} origins independent of ${e.subject}${o.party > 0 ? ` (${plural(o.party, 'party', 'parties')})` : ''}${plusSelf}: meets the two-source rule`;
  }
}

/** Origin counts in a compact, readable form: `1 independent, 1 self`. */
export function originCounts(e: TierEntry): string {
  const o = e.origins;
  const parts = [[o.independent, 'independent'], [o.party, 'party'], [o.self, 'self'], [o.anonymous, 'anonymous'], [o.unattributed, 'unattributed']] as const;
  const text = parts.filter(([n]) => n > 0).map(([n, w]) => `${n} ${w}`).join(', ');
  return text === '' ? 'none' : text;
}

/** What would confirm a rumor; with `listCandidates`, the candidate claims too (HTML lists them in a column of their own). */
export function confirmSentence(r: RumorEntry, m: Marks = PLAIN, listCandidates = true): string {
  if (r.superseded_by) return `Already superseded by ${m.id(r.superseded_by)}.`;
  const { subject, category } = r.confirm_with;
  const want = `Would be confirmed by an independently sourced ${m.text(subject)} ${m.text(category)} claim that supersedes it.`;
  if (r.candidates.length === 0) {
    if (r.value === null && r.parties.length === 0) return `${want} It states no figure and names no party, so no candidate can be matched to it.`;
    return `${want} No independent ${m.text(category)} claim on ${m.text(subject)} agrees with it yet.`;
  }
  return listCandidates ? `${want} Candidates: ${r.candidates.map(m.id).join(', ')}.` : want;
}

/** A forecast's state: its outcome, else overdue or open. */
export function forecastState(f: Report['watchlist']['forecasts'][number]): string {
  return f.outcome ?? (f.overdue ? 'overdue' : 'open');
}

/** What the report knows of a source besides its id. */
type SourceFacts = Pick<ConcentrationEntry, 'title' | 'publisher' | 'kind'>;

/** An origin (section 6) or a source (section 8) as a reader knows it: its title, with publisher and kind. */
export function sourceLabel(e: SourceFacts & ({ origin: string } | { source: string })): string {
  const facts = [e.publisher, e.kind].filter((x): x is string => x !== null).join(', ');
  return `${e.title ?? ('origin' in e ? e.origin : e.source)}${facts ? ` (${facts})` : ''}`;
}

/** The marks a timeline point can carry: a letter each, legible without colour, explained by TIMELINE_LEGEND. */
export const TIMELINE_MARKS = [
  { key: 'rumored', letter: 'R', words: 'rumored' },
  { key: 'anonymous-only', letter: 'A', words: 'anonymous or unattributed only' },
  { key: 'company-only', letter: 'C', words: 'company only' },
] as const;
/** One of TIMELINE_MARKS. */
export type TimelineMark = (typeof TIMELINE_MARKS)[number];

/** The marks of a point: rumored (its declared status), then its weak sourcing tier, if any. */
export function pointMarks(p: Pick<TimelinePoint, 'status' | 'tier'>): TimelineMark[] {
  return TIMELINE_MARKS.filter((m) => (m.key === 'rumored' ? p.status === 'rumored' : m.key === p.tier));
}

/** What an unmarked point is: the legend's last sentence. */
export const UNMARKED = 'Unmarked points are not rumored and have at least one origin independent of the company.';
/** The legend over the timelines, with each mark shown by `mark` (plain: its letter). */
export function timelineLegend(mark: (m: TimelineMark) => string = (m) => m.letter, text: (s: string) => string = (s) => s): string {
  return `Marks: ${TIMELINE_MARKS.map((m) => `${mark(m)} ${text(m.words)}`).join(' · ')}. ${text(UNMARKED)}`;
}

/** The unit a timeline's amounts are in: its currency, else `percent` or `number`. */
export function timelineUnit(t: Timeline): string {
  return t.currency ?? t.unit;
}

/** The note under a timeline on the claims with no value in its unit. */
export const leftOut = (t: Timeline, ids: string, m: Marks = PLAIN): string => `Not in ${m.text(timelineUnit(t))}, left out: ${ids}`;

/** Bar length for an amount, scaled to the timeline's largest (at least 1 block for a positive amount). */
export function barLength(amount: number, max: number, room: number): number {
  if (max <= 0 || amount <= 0) return 0;
  return Math.max(1, Math.round((amount / max) * room));
}

/** The line under section 8's title. */
export const SPOF_BLURB = 'If one of these sources were wrong, these claims would lose support: their derived support would drop, or no evidence would be left.';
/** Section 8 when no source's loss would lower a claim. */
export const noSinglePoint = (r: Report): string =>
  (r.overview.total === 0 ? 'No claims: no source to weigh.' : 'No single source: every claim keeps its support without any one of them.');

/** The first line of section 8: how many sources would lower a claim, and how many are shown. */
export function spofIntro(r: Report): string {
  const s = r.single_points_of_failure;
  const shown = s.sources.length < s.total ? `; the ${s.sources.length} that would lower the most` : '';
  return `${plural(s.total, 'source')} would each lower at least one claim if discarded${shown}, most first.`;
}

/** What losing a source would do, in numbers: `lowers 12 claims, 5 would lose all their evidence`. */
export function spofCounts(e: SinglePointEntry): string {
  const lost = e.lost_all_evidence > 0 ? `, ${e.lost_all_evidence} would lose all ${e.lost_all_evidence === 1 ? 'its' : 'their'} evidence` : '';
  return `lowers ${plural(e.claims, 'claim')}${lost}`;
}

/** A lowered claim's fall: `independent → company-reported (B2 → C3)`, or `no evidence left (was independent, B2)`. */
export function loweredFall(c: LoweredClaim): string {
  return c.after === null
    ? `no evidence left (was ${c.before.support}, ${c.before.grade})`
    : `${c.before.support} → ${c.after.support} (${c.before.grade} → ${c.after.grade})`;
}

/** The claims of one source that a format names (at most SPOF_CLAIMS_NAMED), and how many more there are. */
export function namedClaims(e: SinglePointEntry): { named: LoweredClaim[]; more: number } {
  const named = e.lowered.slice(0, SPOF_CLAIMS_NAMED);
  return { named, more: e.lowered.length - named.length };
}

/** The line after the named claims. */
export const andMore = (n: number): string => `and ${n} more`;
