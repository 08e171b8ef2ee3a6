/**
 * Several evidence items on one `claims new claim` command line: each `--source` starts an item, and the `--quote`,
 * `--via`, `--origin` and `--locator` that follow it belong to that item. Commander keeps the values of one option in
 * order but not the order between options, so the items are read from the raw arguments. No flag is ever dropped: an
 * evidence flag before any `--source`, or given twice for one item, is a usage error that names it.
 */
import { UsageError } from '../cli/io.js';
import { CLAIM_FLAGS } from '../cli/new-options.js';
import { checkUnattributed, type EvidenceInput } from './cite.js';

/** The flags of one evidence item. */
export const EVIDENCE_FLAGS = ['--source', '--quote', '--via', '--origin', '--locator', '--unattributed'] as const;
type EvidenceFlag = (typeof EVIDENCE_FLAGS)[number];

/**
 * Flags other than the evidence ones that take a value: their value is skipped, so a statement that reads
 * "--quote" is never taken for a flag. The field flags of `new claim`, and the options every command takes.
 */
export const VALUE_FLAGS: ReadonlySet<string> = new Set([
  ...CLAIM_FLAGS.map(([spec]) => spec.split(' ')[0]!).filter((f) => !(EVIDENCE_FLAGS as readonly string[]).includes(f)),
  '--dir', '--today', '--config', '--cache-location', '--format', '-f',
]);

const isEvidenceFlag = (f: string): f is EvidenceFlag => (EVIDENCE_FLAGS as readonly string[]).includes(f);

/** Where an item is, for messages: `evidence item 2 (--source techcrunch)`. */
const itemName = (n: number, item: EvidenceInput): string => (n === 0 ? 'the evidence item' : `evidence item ${n} (--source ${item.source})`);

/**
 * The evidence items of a raw argument list (the arguments of `claims new claim`, with or without what comes before
 * them), in order. Forms: `--flag value` and `--flag=value`; `--via` takes a comma list and may repeat within an item
 * (the relays add up, in order). `--` ends the options.
 *
 * With no `--source` at all, the evidence flags describe the one item whose source is still to come (asked for on a
 * terminal, else reported missing): they are checked the same way (none twice) and the result is empty, so the caller
 * builds that item from its options, as commander gives them, exactly as before.
 */
export function evidenceItems(argv: readonly string[], valueFlags: ReadonlySet<string> = VALUE_FLAGS): EvidenceInput[] {
  // Index 0 collects the flags given before any --source; items[i] (i >= 1) is the i-th item.
  const items: EvidenceInput[] = [{ source: '' }];
  // Which single-valued flags each item has had, to name a repeat; the first flag given before any --source.
  const seen: Array<Set<EvidenceFlag>> = [new Set()];
  let early: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') break;
    const eq = token.startsWith('--') ? token.indexOf('=') : -1;
    const flag = eq > 0 ? token.slice(0, eq) : token;
    if (!isEvidenceFlag(flag)) {
      // Skip the value of another flag that takes one (unless given as --flag=value).
      if (eq < 0 && valueFlags.has(flag)) i++;
      continue;
    }
    if (flag === '--unattributed') {
      // A switch: it takes no value, and belongs to the item it follows.
      if (eq > 0) throw new UsageError('--unattributed takes no value');
      const n = items.length - 1;
      if (n === 0) early ??= flag;
      if (seen[n]!.has(flag)) throw new UsageError(`--unattributed is given twice for ${itemName(n, items[n]!)}`);
      seen[n]!.add(flag);
      items[n]!.unattributed = true;
      continue;
    }
    let value: string;
    if (eq > 0) value = token.slice(eq + 1);
    else {
      if (i + 1 >= argv.length) throw new UsageError(`${flag} needs a value`);
      value = argv[++i]!;
    }
    const trimmed = value.trim();
    if (flag === '--source') {
      if (trimmed === '') throw new UsageError(`--source needs a source id (evidence item ${items.length})`);
      items.push({ source: trimmed });
      seen.push(new Set(['--source']));
      continue;
    }
    const n = items.length - 1;
    const item = items[n]!;
    if (n === 0) early ??= flag;
    const had = seen[n]!;
    if (flag === '--via') {
      const ids = value.split(',').map((v) => v.trim()).filter((v) => v !== '');
      if (ids.length === 0) throw new UsageError(`--via needs one or more source ids (${itemName(n, item)})`);
      item.via = [...(item.via ?? []), ...ids];
      continue;
    }
    if (had.has(flag)) {
      throw new UsageError(`${flag} is given twice for ${itemName(n, item)}: an item has one ${flag}; start another item with --source <id> for a second one`);
    }
    had.add(flag);
    if (trimmed === '') throw new UsageError(`${flag} is empty (${itemName(n, item)})`);
    if (flag === '--quote') item.quote = trimmed;
    else if (flag === '--origin') item.origin = trimmed;
    else item.locator = trimmed;
  }
  if (items.length > 1 && early !== undefined) {
    throw new UsageError(`${early} comes before any --source: each evidence item starts with --source <id>, and its --quote, --via, --origin and --locator follow it`);
  }
  items.slice(1).forEach((item, i) => checkUnattributed(item, ` (evidence item ${i + 1}, --source ${item.source})`));
  return items.slice(1);
}
