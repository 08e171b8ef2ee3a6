/** The flags of `claims new claim` and `claims new source`, declared without loading the schemas (start-up stays fast). A test checks them against the zod schemas. */
import { Option, type Command } from 'commander';

/** Repeatable flags collect every occurrence; each may also be a comma list. */
const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

type Flag = [flags: string, description: string, choices?: readonly string[]];

/** The `claims new` flags that may be given more than once (lists), and the evidence flags that each `--source` starts anew. */
export function repeatableNewFlags(): Set<string> {
  const out = new Set(['--source', '--quote', '--via', '--origin', '--locator', '--unattributed']);
  for (const [spec] of [...CLAIM_FLAGS, ...SOURCE_FLAGS]) if (spec.endsWith('...>')) out.add(spec.split(' ')[0]!);
  return out;
}

/** Claim fields, in the schema's order, then the fields of one evidence item. */
export const CLAIM_FLAGS: readonly Flag[] = [
  ['--id <id>', 'id and file name (default: derived from subject, category and date, e.g. mistral-ai-arr-2026-02)'],
  ['--subject <name>', 'the entity the claim is about, e.g. "Mistral AI" (required)'],
  ['--parties <names...>', 'counterparties: partner, investor, acquired company (comma list or repeated)'],
  ['--category <category>', 'what kind of claim (required)', ['arr', 'revenue', 'valuation', 'funding-round', 'funding-total', 'investment', 'partnership', 'acquisition', 'infrastructure', 'product', 'people', 'market', 'other']],
  ['--assertion <assertion>', 'fact (default), forecast or opinion', ['fact', 'forecast', 'opinion']],
  ['--statement <text>', "one sentence in the dataset's own words (required)"],
  ['--value <value...>', 'value shorthand, e.g. ">$400M"; repeat it or use a comma list for equivalent forms ("€385M,~$415M")'],
  ['--as-of <date>', 'when it holds: 2026, 2026-02 or 2026-02-15'],
  ['--due <date>', 'when a forecast should come true (required for forecasts)'],
  ['--outcome <outcome>', 'how a forecast turned out', ['met', 'missed', 'withdrawn']],
  ['--resolved-by <id>', 'id of the claim that shows the outcome'],
  ['--status <status>', 'declared verification status (required)', ['rumored', 'company-reported', 'independent', 'disputed', 'retracted']],
  ['--status-reason <text>', 'why the claim is retracted or disputed (usually set by claims retract / claims dispute)'],
  ['--status-date <date>', 'when the status was set to retracted or disputed'],
  ['--supersedes <id>', 'id of the claim this one replaces'],
  ['--tags <tags...>', 'tags (comma list or repeated)'],
  ['--metric-note <text>', 'how the source defines the metric (arr and revenue claims only)'],
  ['--source <id>', 'evidence: id of the source the quote was read in (required)'],
  ['--via <ids...>', 'evidence: ids of the relays between origin and source, from the origin outward (comma list or repeated)'],
  ['--origin <id>', 'evidence: id of the source the statement ultimately traces to (default: the source)'],
  ['--quote <text>', 'evidence: a verbatim excerpt of the source'],
  ['--locator <where>', 'evidence: where in the source (paragraph, table row, page)'],
  ['--unattributed', 'evidence: the text states the figure without saying where it comes from (supports at most rumored)'],
];

/** Source fields, in the schema's order. */
export const SOURCE_FLAGS: readonly Flag[] = [
  ['--id <id>', 'id and file name (default: derived from the title)'],
  ['--title <text>', 'title of the text, post, database or remarks (required)'],
  ['--publisher <name>', 'who published it (required)'],
  ['--kind <kind>', 'what kind of source (required)', ['news', 'analysis', 'primary', 'database', 'filing', 'social', 'interview', 'anonymous']],
  ['--speaks-for <names...>', 'entities whose own voice this source is (comma list or repeated)'],
  ['--url <url>', 'http(s) address; never invented'],
  ['--published <date>', 'publication date: 2026, 2026-02 or 2026-02-15'],
  ['--retrieved <date>', 'when it was read'],
  ['--archive-url <url>', 'address of an archived copy'],
  ['--cites <ids...>', 'ids of the sources this one relays (comma list or repeated)'],
  ['--notes <text>', 'free notes'],
  ['--reliability <grade>', 'Admiralty-code reliability: A completely reliable … F cannot be judged', ['A', 'B', 'C', 'D', 'E', 'F']],
  ['--reliability-note <text>', 'one line: why this reliability grade'],
  ['--position <text>', 'anonymous sources: what they are in a position to know'],
  ['--count <n>', 'anonymous sources: how many (a number, or "multiple")'],
  ['--snapshot <path>', 'local copy of the source text, relative to the dataset folder (snapshots/<id>.txt)'],
  ['--snapshot-sha256 <hex>', 'SHA-256 of the snapshot file (usually set by claims snapshot)'],
];

/** Adds the field flags of `claims new claim` or `claims new source`. */
export function withFieldFlags(cmd: Command, flags: readonly Flag[]): Command {
  for (const [spec, description, choices] of flags) {
    const repeatable = spec.endsWith('...>');
    const option = new Option(repeatable ? spec.replace('...>', '>') : spec, description);
    if (choices) option.choices(choices);
    if (repeatable) option.argParser(collect);
    cmd.addOption(option);
  }
  return cmd;
}
