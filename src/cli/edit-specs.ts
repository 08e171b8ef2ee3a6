/** The commands that keep a dataset: each writes through the one edit flow (checked, `--dry-run`, all or nothing). */
import type { GlobalOptions } from './settings.js';
import type { CommandSpec, OptionSpec } from './spec.js';
import type { CiteOptions } from './cite.js';
import type { InitOptions } from './init.js';
import type { SnapshotOptions } from './snapshot.js';
import type { WriteOptions } from '../edit/run.js';

const DRY_RUN: OptionSpec = ['--dry-run', 'print the change as a unified diff, and write nothing'];
const REASON: OptionSpec = ['--reason <text>', 'why, in a sentence (recorded in the file with the date)'];

type Opts<T = object> = T & WriteOptions & GlobalOptions;

/** `init`, `cite`, the lifecycle commands, `set`, `rename`, `merge`, `rm` and `snapshot`, in help order. */
export const EDIT_COMMANDS: readonly CommandSpec[] = [
  {
    name: 'init',
    description: 'set up a dataset: claims.config.yaml, the dataset folder with sources/ and snapshots/, and the JSON Schemas its files link to',
    args: [['[folder]', 'project folder (default: .; created if missing)']],
    run: (c, [folder]: [string | undefined], opts: Opts<InitOptions>, _s, io) => c.init(folder, { dir: opts.dir }, undefined, io),
  },
  {
    name: 'cite',
    description: 'add one evidence item to a claim: "this article repeats figure X, from origin Y"; prints what it changed in support and grade',
    args: [['<claim-id>', 'the claim']],
    options: [
      ['--source <id>', 'the source the quote is read in (required)'],
      ['--quote <text>', 'a verbatim excerpt of the source'],
      ['--via <ids...>', 'relays between origin and source, from the origin outward (comma list or repeated)'],
      ['--origin <id>', 'the source the statement ultimately traces to (default: the source)'],
      ['--locator <where>', 'where in the source (paragraph, table row, page)'],
      ['--unattributed', 'the text states the figure without saying where it comes from (supports at most rumored)'],
      DRY_RUN,
    ],
    run: (c, [id]: [string], opts: Opts<CiteOptions>, s, io) => c.cite(id, opts, s, io),
  },
  {
    name: 'resolve',
    description: 'record how a forecast turned out, and the claim that shows it',
    args: [['<forecast-id>', 'the forecast']],
    options: [['--outcome <outcome>', 'met, missed or withdrawn'], ['--by <claim-id>', 'the claim that shows the outcome'], DRY_RUN],
    run: (c, [id]: [string], opts: Opts<{ outcome?: string; by?: string }>, s, io) => c.resolveForecast(id, opts, s, io),
  },
  {
    name: 'retract',
    description: 'set a claim retracted, recording why and when',
    args: [['<id>', 'the claim']],
    options: [REASON, DRY_RUN],
    run: (c, [id]: [string], opts: Opts<{ reason?: string }>, s, io) => c.retract(id, opts, s, io),
  },
  {
    name: 'dispute',
    description: 'set a claim disputed, recording why and when',
    args: [['<id>', 'the claim']],
    options: [REASON, DRY_RUN],
    run: (c, [id]: [string], opts: Opts<{ reason?: string }>, s, io) => c.dispute(id, opts, s, io),
  },
  {
    name: 'supersede',
    description: 'record that a newer claim replaces an older one',
    args: [['<old-id>', 'the claim that is replaced']],
    options: [['--by <new-id>', 'the claim that replaces it'], DRY_RUN],
    run: (c, [id]: [string], opts: Opts<{ by?: string }>, s, io) => c.supersede(id, opts, s, io),
  },
  {
    name: 'set',
    description: 'set any other field of a claim or source, checked through the schema: claims set anon-tip position="people familiar with the round" count=multiple',
    args: [['<id>', 'the claim or source'], ['<assignments...>', 'key=value (the value read as YAML; key= removes the field)']],
    options: [DRY_RUN],
    run: (c, [id, assignments]: [string, string[]], opts: Opts, s, io) => c.setFields(id, assignments, opts, s, io),
  },
  {
    name: 'rename',
    description: 'rename a claim or source: its file, its id, every reference across the dataset, and a snapshot named after it',
    args: [['<old-id>', 'the current id'], ['<new-id>', 'the new id']],
    options: [DRY_RUN],
    run: (c, [from, to]: [string, string], opts: Opts, s, io) => c.rename(from, to, opts, s, io),
  },
  {
    name: 'merge',
    description: 'merge two sources or two claims: references to <from-id> name <into-id>, evidence is united, <from-id> is deleted',
    args: [['<from-id>', 'the duplicate to remove'], ['<into-id>', 'the one to keep']],
    options: [['--prefer <side>', 'where the two disagree on a field: from or into wins (default: refuse, naming the fields)'], DRY_RUN],
    run: (c, [from, into]: [string, string], opts: Opts<{ prefer?: string }>, s, io) => c.merge(from, into, opts, s, io),
  },
  {
    name: 'rm',
    description: 'delete a claim or source that nothing refers to (otherwise lists each reference as file:line)',
    args: [['<id>', 'the claim or source']],
    options: [DRY_RUN],
    run: (c, [id]: [string], opts: Opts, s, io) => c.rm(id, opts, s, io),
  },
  {
    name: 'snapshot',
    description: "store a source's text in snapshots/<id>.txt (from a file, - for stdin, or an http(s) address; a web page keeps its article text) and record its SHA-256",
    args: [['<source-id>', 'the source']],
    options: [['--from <file|-|url>', 'where the text comes from'], DRY_RUN],
    run: (c, [id]: [string], opts: Opts<SnapshotOptions>, s, io) => c.snapshot(id, opts, s, io),
  },
];
