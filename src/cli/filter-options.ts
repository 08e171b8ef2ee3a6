/** The filter options `list` and `report` share, declared without loading the query code (start-up stays fast). */
import type { Command } from 'commander';

/** Adds the filter options shared by `list` and `report`. */
export function withFilters(cmd: Command): Command {
  return cmd
    .option('--status <list>', 'declared status, comma-separated: rumored,company-reported,independent,disputed,retracted')
    .option('--category <list>', 'categories, comma-separated (arr, valuation, funding-round, …)')
    .option('--subject <names>', 'subject, comma-separated (case-insensitive, aliases apply)')
    .option('--party <names>', 'counterparty, comma-separated (case-insensitive, aliases apply)')
    .option('--assertion <list>', 'fact, forecast, opinion')
    .option('--source <ids>', 'claims whose evidence reads, relays or originates from these source ids')
    .option('--publisher <names>', 'claims whose evidence reads, relays or originates from a source of these publishers, comma-separated (case-insensitive)')
    .option('--depends-on <source-id>', 'claims whose derived support would drop, or that would lose all their evidence, without this source (as `claims impact`)')
    .option('--since <date>', 'as_of on or after this period (2025, 2025-01, 2025-01-15)')
    .option('--until <date>', 'as_of on or before this period')
    .option('--due-before <date>', 'due before this period (2026, 2026-07, 2026-07-01); a partial due date counts as its last day')
    .option('--due-after <date>', 'due after this period; a partial due date counts as its last day')
    .option('--has-value', 'claims with a value')
    .option('--no-has-value', 'claims without a value')
    .option('--min-independent <n>', 'at least n distinct independent or party origins')
    .option('--support <list>', 'derived support: rumored, company-reported, independent')
    .option('--search <text>', 'case-insensitive text in statement, subject, parties, tags')
    .option('--credibility <list>', 'derived credibility 1-6, comma-separated (1 confirmed … 6 cannot be judged)');
}

