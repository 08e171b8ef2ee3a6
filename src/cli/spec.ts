/** The shape of one command in the CLI's table: what `--help` shows and the implementation it runs (loaded on first use). */
import type { Command } from 'commander';
import type { Io } from './io.js';
import type { GlobalOptions, RunSettings } from './settings.js';

/** The command implementations, as `commands.ts` exports them. */
export type Commands = typeof import('./commands.js');

/**
 * An option of a command, in help order: the shared filters, `-f, --format` with the command's formats, `--as-known-on`
 * and `--at` (the dataset as committed then), or a flag of its own.
 */
export type OptionSpec = 'filters' | 'format' | 'revision' | [flags: string, description: string, defaultValue?: string];

/** One command: what `--help` shows, and the implementation it runs (loaded on first use). */
export interface CommandSpec {
  name: string;
  description: string;
  args?: ReadonlyArray<[name: string, description: string]>;
  /** The `--format` choices; the first is the default. */
  formats?: readonly string[];
  options?: readonly OptionSpec[];
  /** Value options that may be given more than once (every other one given twice is a usage error). */
  repeatable?: ReadonlySet<string>;
  /** Options declared elsewhere, added after `options` (`claims new`: a flag for every field). */
  more?: (cmd: Command) => Command;
  /** Runs the command on its positional arguments and options (and the raw argv, for flags whose order matters); returns the exit code. */
  run(c: Commands, args: unknown[], opts: GlobalOptions, settings: RunSettings, io: Io, argv: readonly string[]): number | Promise<number>;
}

