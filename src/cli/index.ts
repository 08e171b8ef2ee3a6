/** The `claims` command line: commander wiring; `run(argv, io)` returns the exit code and never exits the process. */
import { Command, CommanderError, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { escapeControls } from '../format/escape.js';
import { ConfigError } from '../errors.js';
import { type Io, UsageError } from './io.js';
import type { GlobalOptions } from './settings.js';
import type { ValidateOptions } from './validate.js';
import type { ListOptions } from './list.js';
import type { ReportOptions } from './report.js';
import type { ExportOptions } from './export.js';
import type { GraphOptions } from './graph.js';
import { withFilters } from './filter-options.js';
import { withFieldFlags, CLAIM_FLAGS, SOURCE_FLAGS } from './new-options.js';
import type { FmtOptions } from './fmt.js';

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
      .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json', 'github', 'sarif', 'junit', 'gitlab']).default('stylish'))
      .option('--changed-since <rev>', 'check the whole dataset but report only files changed since this git revision')
      .option('--base-path <dir>', 'paths in sarif, gitlab and junit output relative to this folder (default: the root of the git repository holding each file)')
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
    ).addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'markdown', 'json', 'html']).default('text')),
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
  withGlobals(
    withFilters(
      program
        .command('export')
        .description('export claims for other tools: schema.org ClaimReview JSON-LD, JSON Lines, CSV, or one CSV row per evidence item (the list filters apply)'),
    )
      .addOption(new Option('-f, --format <format>', 'output format').choices(['claimreview', 'jsonld', 'jsonl', 'csv', 'csv-evidence']).default('claimreview'))
      .option('--sort <key>', 'as_of, -as_of, id, status or value (prefix - for descending)', 'as_of')
      .option('--limit <n>', 'at most n claims'),
  ).action(async (opts: ExportOptions & GlobalOptions) => {
    const { resolveSettings, exportClaims } = await commands();
    setCode(exportClaims(opts, resolveSettings(opts, io.cwd()), io));
  });

  withGlobals(
    program
      .command('graph')
      .description('the provenance graph of one claim (or --all): origins → relays → sources → claims, as Mermaid or DOT')
      .argument('[id]', 'claim id')
      .option('--all', 'the whole dataset: every source and claim')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['mermaid', 'dot']).default('mermaid')),
  ).action(async (id: string | undefined, opts: GraphOptions & GlobalOptions) => {
    const { resolveSettings, graph } = await commands();
    setCode(graph(id, opts, resolveSettings(opts, io.cwd()), io));
  });
  const newCommand = program
    .command('new')
    .description('write a new claim or source file, checked against the whole dataset before it is written');
  for (const [kind, flags] of [['claim', CLAIM_FLAGS], ['source', SOURCE_FLAGS]] as const) {
    withGlobals(
      withFieldFlags(
        newCommand
          .command(kind)
          .description(`write ${kind === 'claim' ? 'claims/<subject-slug>/<id>.yaml' : 'claims/sources/<id>.yaml'}: a flag for every field; missing required ones are asked for on a terminal`),
        flags,
      ),
    ).action(async (opts: Record<string, string | string[] | boolean | undefined> & GlobalOptions) => {
      const { resolveSettings, newFile } = await commands();
      setCode(await newFile(kind, opts, resolveSettings(opts, io.cwd()), io));
    });
  }

  withGlobals(
    program
      .command('fmt')
      .description('rewrite files into canonical key order and quoting, keeping comments (default: the dataset folder)')
      .argument('[paths...]', 'folders or files to format (default: ./claims)')
      .option('--check', 'list the files that would change and exit 1 if any, without writing'),
  ).action(async (paths: string[], opts: FmtOptions & GlobalOptions) => {
    const { resolveSettings, fmt } = await commands();
    setCode(fmt(paths, opts, resolveSettings(opts, io.cwd()), io));
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
      io.stderr.write(`claims: ${escapeControls(err.message)}\n`);
      return 2;
    }
    io.stderr.write(`claims: internal error: ${escapeControls(err instanceof Error ? err.message : String(err))}\n`);
    if (io.env.CLAIMS_DEBUG) io.stderr.write(`${err instanceof Error ? err.stack : ''}\n`);
    return 2;
  }
}
