/**
 * The report's wording, shared by its text, markdown and HTML formats: section and tier titles, the sentences that
 * explain a claim's sourcing, what would confirm a rumor, and the counts each section opens with.
 */
import type { ConcentrationEntry, Report, RumorEntry, SourcingEntry, SourcingTier, Timeline } from '../report/types.js';
import { CONCENTRATION_THRESHOLD } from '../report/types.js';
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
  'anonymous-only': 'Nobody on record stands behind these: they rest on anonymous sources, on texts that do not say where the figure comes from, or on no resolvable origin.',
  'company-only': "Every origin is the company's own voice: no one independent of it has confirmed these.",
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

/** The first line of section 2. */
export const sourcingIntro = (r: Report): string => `${plural(r.sourcing.length, 'claim')} with a value, weakest support first.`;
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
export function sourcingSentence(e: SourcingEntry): string {
  const o = e.origins;
  const indep = o.independent + o.party;
  const plusSelf = o.self > 0 ? `, plus ${possessive(e.subject)} own word` : '';
  switch (e.tier) {
    case 'anonymous-only':
      if (o.anonymous > 0 && o.unattributed > 0) {
        return `Rests on anonymous sources and unattributed statements only (${plural(o.anonymous, 'anonymous origin')}, ${plural(o.unattributed, 'unattributed origin')})`;
      }
      if (o.anonymous > 0) return `Rests on anonymous sources only (${plural(o.anonymous, 'anonymous origin')})`;
      if (o.unattributed > 0) return `Rests on unattributed statements only (${plural(o.unattributed, 'text')} stating the figure without saying where it comes from)`;
      return 'No origin of its evidence could be resolved';
    case 'company-only':
      return `Rests on ${possessive(e.subject)} own word only (${plural(o.self, 'origin')})`;
    case 'one-independent':
      return o.party === 1
        ? `One origin, a party to it rather than ${e.subject} itself${plusSelf}; a second independent origin would meet the two-source rule`
        : `One origin independent of ${e.subject}${plusSelf}; a second would meet the two-source rule`;
    case 'two-plus-independent':
      return `${indep} origins independent of ${e.subject}${o.party > 0 ? ` (${plural(o.party, 'party', 'parties')})` : ''}${plusSelf}: meets the two-source rule`;
  }
}

/** Origin counts in a compact, readable form: `1 independent, 1 self`. */
export function originCounts(e: SourcingEntry): string {
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
  if (r.candidates.length === 0) return `${want} No independent ${m.text(category)} claim on ${m.text(subject)} yet.`;
  return listCandidates ? `${want} Candidates: ${r.candidates.map(m.id).join(', ')}.` : want;
}

/** A forecast's state: its outcome, else overdue or open. */
export function forecastState(f: Report['watchlist']['forecasts'][number]): string {
  return f.outcome ?? (f.overdue ? 'overdue' : 'open');
}

/** An origin as a reader knows it: its title, with publisher and kind. */
export function sourceLabel(e: ConcentrationEntry): string {
  const facts = [e.publisher, e.kind].filter((x): x is string => x !== null).join(', ');
  return `${e.title ?? e.origin}${facts ? ` (${facts})` : ''}`;
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
