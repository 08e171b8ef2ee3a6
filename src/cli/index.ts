/** The `claims` command line: commander wiring; `run(argv, io)` returns the exit code and never exits the process. */
import { Command, CommanderError, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { ConfigError } from '../errors.js';
import { type Io, UsageError } from './io.js';
import type { GlobalOptions } from './settings.js';
import type { ValidateOptions } from './validate.js';
import type { ListOptions } from './list.js';
import type { ReportOptions } from './report.js';
import { withFilters } from './filter-options.js';

/** The command implementations, imported on first use. */
const commands = () => import('./commands.js');

export type { Io } from './io.js';

function buildProgram(io: Io, setCode: (n: number) => void): Command {
  const program = new Command('claims')
    .description('Track where claims about companies come from, and check that each is as well sourced as it says.')
    .version(pkg.version, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`claims: ${s.replace(/^error: /, '')}`),
    })
    .showSuggestionAfterError(true);

  const withGlobals = (cmd: Command): Command =>
    cmd
      .option('--dir <folder>', 'dataset folder', undefined)
      .option('--today <date>', 'the date time-dependent rules measure against (YYYY-MM-DD)')
      .option('--config <file>', 'configuration file (default: claims.config.yaml if present)')
      .option('--cache', 'reuse per-file results of earlier runs for files whose content has not changed')
      .option('--cache-location <file>', 'where --cache keeps its file (default: .claimscache)');

  withGlobals(
    program
      .command('validate')
      .description('lint claim and source files: schema, references, provenance and dates')
      .argument('[paths...]', 'folders or files to check (default: ./claims); files are checked within their whole dataset')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json', 'github']).default('stylish'))
      .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
      .option('--quiet', 'report errors only'),
  ).action(async (paths: string[], opts: ValidateOptions & GlobalOptions) => {
    const { resolveSettings, validate } = await commands();
    setCode(validate(paths, opts, resolveSettings(opts, io.cwd()), io));
  });
  withGlobals(
    withFilters(
      program
        .command('list')
        .description('list claims, filtered and sorted, with derived support and origin counts'),
    )
      .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'csv', 'markdown', 'yaml', 'ids']).default('table'))
      .option('--sort <key>', 'as_of, -as_of, id, status or value (prefix - for descending)', 'as_of')
      .option('--limit <n>', 'at most n claims'),
  ).action(async (opts: ListOptions & GlobalOptions) => {
    const { resolveSettings, list } = await commands();
    setCode(list(opts, resolveSettings(opts, io.cwd()), io));
  });
  withGlobals(
    withFilters(
      program
        .command('report')
        .description('the report: overview, how well sourced, rumored vs confirmed, watchlist, conflicts, source concentration, timelines'),
    ).addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text')),
  ).action(async (opts: ReportOptions & GlobalOptions) => {
    const { resolveSettings, report } = await commands();
    setCode(report(opts, resolveSettings(opts, io.cwd()), io));
  });

  withGlobals(
    program
      .command('show')
      .description('explain one claim: value, status against derived support, provenance tree, related claims')
      .argument('<id>', 'claim id')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text')),
  ).action(async (id: string, opts: { format: string } & GlobalOptions) => {
    const { resolveSettings, show } = await commands();
    setCode(show(id, opts, resolveSettings(opts, io.cwd()), io));
  });

  withGlobals(
    program
      .command('sources')
      .description('list sources: kind, publisher, date, how many claims read, relay and originate from each')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'csv', 'markdown', 'yaml', 'ids']).default('table')),
  ).action(async (opts: { format: string } & GlobalOptions) => {
    const { resolveSettings, sources } = await commands();
    setCode(sources(opts, resolveSettings(opts, io.cwd()), io));
  });
  return program;
}

/** Runs the CLI with `argv` as process.argv gives it; returns the exit code: 0 ok, 1 lint failures, 2 the run failed. */
export async function run(argv: string[], io: Io): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (n) => (code = n));
  try {
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? 0 : 2;
    }
    if (err instanceof UsageError || err instanceof ConfigError) {
      io.stderr.write(`claims: ${err.message}\n`);
      return 2;
    }
    io.stderr.write(`claims: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    if (io.env.CLAIMS_DEBUG) io.stderr.write(`${err instanceof Error ? err.stack : ''}\n`);
    return 2;
  }
}
