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
    .option('--since <date>', 'as_of on or after this period (2025, 2025-01, 2025-01-15)')
    .option('--until <date>', 'as_of on or before this period')
    .option('--min-independent <n>', 'at least n distinct independent or party origins')
    .option('--support <list>', 'derived support: rumored, company-reported, independent')
    .option('--search <text>', 'case-insensitive text in statement, subject, parties, tags')
    .option('--credibility <list>', 'derived credibility 1-6, comma-separated (1 confirmed … 6 cannot be judged)');
}

