/** The `claims` command line: commander wiring; `run(argv, io)` returns the exit code and never exits the process. */
import { Command, CommanderError, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { escapeControls } from '../format/escape.js';
import { EXPORT_FORMATS, GRAPH_FORMATS, IMPACT_FORMATS, LINT_FORMATS, LIST_FORMATS, REPORT_FORMATS, SHOW_FORMATS, SOURCES_FORMATS } from '../format/names.js';
import { ConfigError } from '../errors.js';
import { type Io, UsageError } from './io.js';
import type { GlobalOptions } from './settings.js';
import type { ValidateOptions } from './validate.js';
import type { ListOptions } from './list.js';
import type { ReportOptions } from './report.js';
import type { ExportOptions } from './export.js';
import type { GraphOptions } from './graph.js';
import type { ImpactOptions } from './impact.js';
import type { HistoryOptions } from './history.js';
import type { StatsOptions } from './stats.js';
import { HISTORY_FORMATS, STATS_FORMATS } from '../format/names.js';
import type { DiffOptions } from './diff.js';
import { DIFF_FORMATS } from '../format/names.js';
import { EXPORT_FILE_FORMATS, SQL_FORMATS } from '../format/names.js';
import type { SqlOptions } from './sql.js';
import type { FmtOptions } from './fmt.js';
import type { ShowFormat } from '../format/names.js';
import type { SourcesOptions } from './sources.js';
import { withFilters } from './filter-options.js';
import { withFieldFlags, CLAIM_FLAGS, SOURCE_FLAGS, repeatableNewFlags } from './new-options.js';
import type { CommandSpec, OptionSpec } from './spec.js';
import { EDIT_COMMANDS } from './edit-specs.js';

/** The command implementations, imported on first use. */
const commands = () => import('./commands.js');

export type { Io } from './io.js';

const SORT: OptionSpec = ['--sort <key>', 'as_of, id, status, value, due, grade (best first) or support (weakest first); prefix - for descending', 'as_of'];
const LIMIT: OptionSpec = ['--limit <n>', 'at most n claims'];

/** Every command, in help order. */
const COMMANDS: ReadonlyArray<CommandSpec | { name: string; description: string; subcommands: readonly CommandSpec[] }> = [
  {
    name: 'validate',
    description: 'lint claim and source files: schema, references, provenance and dates',
    args: [['[paths...]', 'folders or files to check (default: ./claims); files are checked within their whole dataset']],
    formats: LINT_FORMATS,
    options: [
      'format',
      'revision',
      ['--changed-since <rev>', 'check the whole dataset but report only files changed since this git revision'],
      ['--base-path <dir>', 'paths in sarif, gitlab and junit output relative to this folder (default: the root of the git repository holding each file)'],
      ['--max-warnings <n>', 'exit 1 when there are more than n warnings'],
      ['--quiet', 'report errors only'],
    ],
    run: (c, [paths]: [string[]], opts: ValidateOptions & GlobalOptions, s, io) => c.validate(paths, opts, s, io),
  },
  {
    name: 'list',
    description: 'list claims, filtered and sorted, with derived support and origin counts',
    formats: LIST_FORMATS,
    options: ['filters', 'format', SORT, LIMIT, 'revision'],
    run: (c, _, opts: ListOptions & GlobalOptions, s, io) => c.list(opts, s, io),
  },
  {
    name: 'report',
    description: 'the report: overview, how well sourced, rumored vs confirmed, watchlist, conflicts, source concentration, timelines',
    formats: REPORT_FORMATS,
    options: ['filters', 'format', 'revision'],
    run: (c, _, opts: ReportOptions & GlobalOptions, s, io) => c.report(opts, s, io),
  },
  {
    name: 'show',
    description: 'explain one claim: value, status against derived support, provenance tree, related claims',
    args: [['<id>', 'claim id']],
    formats: SHOW_FORMATS,
    options: ['format', 'revision'],
    run: (c, [id]: [string], opts: { format: ShowFormat } & GlobalOptions, s, io) => c.show(id, opts, s, io),
  },
  {
    name: 'sources',
    description: 'list sources: kind, publisher, date, how many claims read, relay and originate from each',
    formats: SOURCES_FORMATS,
    options: [
      ['--publisher <names>', 'sources of these publishers, comma-separated (case-insensitive)'],
      ['--kind <list>', 'kinds, comma-separated: news, analysis, primary, database, filing, social, interview, anonymous'],
      ['--reliability <list>', 'reliability grades A–F, comma-separated (F: cannot be judged, also when ungraded)'],
      'format',
    ],
    run: (c, _, opts: SourcesOptions & GlobalOptions, s, io) => c.sources(opts, s, io),
  },
  {
    name: 'export',
    description: 'export claims for other tools: schema.org ClaimReview JSON-LD, JSON Lines, CSV, one CSV row per evidence item, W3C PROV, or the relational tables as a SQLite file or Parquet files (the list filters apply)',
    formats: [...EXPORT_FORMATS, ...EXPORT_FILE_FORMATS],
    options: ['filters', 'format', SORT, LIMIT, ['--out <path>', 'write to this file (atomically) instead of printing; required for sqlite (a file) and parquet (a folder)'], 'revision'],
    run: (c, _, opts: ExportOptions & GlobalOptions, s, io) => c.exportClaims(opts, s, io),
  },
  {
    name: 'sql',
    description: 'run one SQL query (SQLite) over the claims, values, evidence, origins, sources and diagnostics tables (the list filters apply first; read-only)',
    args: [['<query>', 'one SQL statement, e.g. "SELECT status, count(*) FROM claims GROUP BY status"']],
    formats: SQL_FORMATS,
    options: ['filters', 'format', 'revision'],
    run: (c, [query]: [string], opts: SqlOptions & GlobalOptions, s, io) => c.sql(query, opts, s, io),
  },
  {
    name: 'graph',
    description: 'the provenance graph of one claim (or --all): origins → relays → sources → claims, as Mermaid or DOT',
    args: [['[id]', 'claim id']],
    formats: GRAPH_FORMATS,
    options: [['--all', 'the whole dataset: every source and claim'], 'format'],
    run: (c, [id]: [string | undefined], opts: GraphOptions & GlobalOptions, s, io) => c.graph(id, opts, s, io),
  },
  {
    name: 'impact',
    description: 'what rests on one source: the claims whose support would drop, or that would lose all their evidence, if it were discarded',
    args: [['<source-id>', 'source id (see `claims sources`)']],
    formats: IMPACT_FORMATS,
    options: ['format'],
    run: (c, [id]: [string], opts: ImpactOptions & GlobalOptions, s, io) => c.impact(id, opts, s, io),
  },
  {
    name: 'history',
    description: 'one claim over time: a row per commit that changed it, its evidence or the sources it rests on, following renames',
    args: [['<id>', 'claim id (also an old id, or one since removed)']],
    formats: HISTORY_FORMATS,
    options: ['format'],
    run: (c, [id]: [string], opts: HistoryOptions & GlobalOptions, s, io) => c.history(id, opts, s, io),
  },
  {
    name: 'stats',
    description: 'measures over time: how long rumors took to be confirmed, the rumors still open, and each source\'s track record',
    formats: STATS_FORMATS,
    options: ['format'],
    run: (c, _, opts: StatsOptions & GlobalOptions, s, io) => c.stats(opts, s, io),
  },
  {
    name: 'diff',
    description: 'what changed in how well sourced the dataset is between two git revisions (default: HEAD against the working tree)',
    args: [['[range]', 'base (against the working tree), base..head, or base...head (from where head left base)']],
    formats: DIFF_FORMATS,
    options: ['format', ['--fail-on <what>', 'exit 1 when the diff holds a downgrade, an upgrade-without-evidence (a status raised or an origin re-attributed upward with nothing new), a reattribution (upward), or any change']],
    run: (c, [range]: [string | undefined], opts: DiffOptions & GlobalOptions, s, io) => c.diff(range, opts, s, io),
  },
  {
    name: 'new',
    description: 'write a new claim or source file, checked against the whole dataset before it is written',
    subcommands: ([['claim', CLAIM_FLAGS], ['source', SOURCE_FLAGS]] as const).map(([kind, flags]): CommandSpec => ({
      name: kind,
      description: `write ${kind === 'claim' ? 'claims/<subject-slug>/<id>.yaml' : 'claims/sources/<id>.yaml'}: a flag for every field; missing required ones are asked for on a terminal`,
      more: (cmd) => withFieldFlags(cmd, flags),
      repeatable: repeatableNewFlags(),
      run: (c, _, opts: Record<string, string | string[] | boolean | undefined> & GlobalOptions, s, io, argv) => c.newFile(kind, opts, s, io, argv),
    })),
  },
  {
    name: 'fmt',
    description: 'rewrite files into canonical key order and quoting, keeping comments (default: the dataset folder)',
    args: [['[paths...]', 'folders or files to format (default: ./claims)']],
    options: [['--check', 'list the files that would change and exit 1 if any, without writing']],
    run: (c, [paths]: [string[]], opts: FmtOptions & GlobalOptions, s, io) => c.fmt(paths, opts, s, io),
  },
  ...EDIT_COMMANDS,
];

/** The options every command takes, after its own. */
function withGlobals(cmd: Command): Command {
  return cmd
    .option('--dir <folder>', 'dataset folder', undefined)
    .option('--today <date>', 'the date time-dependent rules measure against (YYYY-MM-DD)')
    .option('--config <file>', 'configuration file (default: claims.config.yaml if present)')
    .option('--cache', 'reuse per-file results of earlier runs for files whose content has not changed')
    .option('--cache-location <file>', 'where --cache keeps its file (default: .claimscache)');
}

/**
 * The first option of `cmd` given more than once in `argv` whose earlier value commander would silently drop, if any.
 * Lists (variadic options, `claims new`'s repeatable flags) and switches may repeat; every other value may not.
 */
function repeatedOption(cmd: Command, argv: readonly string[], repeatable: ReadonlySet<string>): string | undefined {
  const counts = new Map<string, number>();
  for (const token of argv) {
    if (token === '--') break;
    const flag = /^(--?[A-Za-z][\w-]*)(?:=|$)/.exec(token)?.[1];
    if (flag) counts.set(flag, (counts.get(flag) ?? 0) + 1);
  }
  for (const o of cmd.options) {
    if (o.variadic || !(o.required || o.optional) || (o.long && repeatable.has(o.long))) continue;
    const n = (o.long ? counts.get(o.long) ?? 0 : 0) + (o.short ? counts.get(o.short) ?? 0 : 0);
    if (n > 1) return o.long ?? o.short;
  }
  return undefined;
}

/** Adds one command to `parent`: its arguments and options in help order, then the global options, then its lazy action. */
function addCommand(parent: Command, spec: CommandSpec, io: Io, setCode: (n: number) => void, argv: readonly string[]): void {
  let cmd = parent.command(spec.name).description(spec.description);
  for (const [name, description] of spec.args ?? []) cmd = cmd.argument(name, description);
  for (const o of spec.options ?? []) {
    if (o === 'filters') cmd = withFilters(cmd);
    else if (o === 'revision') {
      cmd = cmd
        .option('--as-known-on <date>', 'the dataset as committed at the last commit on or before this date (read from git; nothing is checked out)')
        .option('--at <revision>', 'the dataset as committed at this git revision (a commit, tag or branch)');
    } else if (o === 'format') cmd = cmd.addOption(new Option('-f, --format <format>', 'output format').choices(spec.formats ?? []).default(spec.formats?.[0]));
    else cmd = cmd.option(...o);
  }
  withGlobals(spec.more ? spec.more(cmd) : cmd).action(async (...args: unknown[]) => {
    // commander passes the positional arguments, then the options, then the command itself.
    const opts = args[args.length - 2] as GlobalOptions;
    const repeated = repeatedOption(args[args.length - 1] as Command, argv, spec.repeatable ?? new Set());
    if (repeated) throw new UsageError(`${repeated} is given more than once: give it once (only lists such as --via or --tags repeat)`);
    const c = await commands();
    setCode(await spec.run(c, args.slice(0, -2), opts, c.resolveSettings(opts, io.cwd()), io, argv));
  });
}

function buildProgram(io: Io, setCode: (n: number) => void, argv: readonly string[]): Command {
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
  for (const spec of COMMANDS) {
    if ('subcommands' in spec) {
      const group = program.command(spec.name).description(spec.description);
      for (const sub of spec.subcommands) addCommand(group, sub, io, setCode, argv);
    } else addCommand(program, spec, io, setCode, argv);
  }
  return program;
}

/** Runs the CLI with `argv` as process.argv gives it; returns the exit code: 0 ok, 1 lint failures, 2 the run failed. */
export async function run(argv: string[], io: Io): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (n) => (code = n), argv.slice(2));
  try {
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? 0 : 2;
    }
    if (err instanceof UsageError || err instanceof ConfigError) {
      io.stderr.write(`claims: ${escapeControls(err.message, '\n')}\n`);
      return 2;
    }
    io.stderr.write(`claims: internal error: ${escapeControls(err instanceof Error ? err.message : String(err))}\n`);
    if (io.env.CLAIMS_DEBUG) io.stderr.write(`${err instanceof Error ? err.stack : ''}\n`);
    return 2;
  }
}
