/** The streams and environment a command runs with, passed in so tests need no real process. */
export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(s: string): unknown };
  cwd(): string;
  env: Record<string, string | undefined>;
  /** Forces colour on or off; when absent it follows FORCE_COLOR, NO_COLOR and whether stdout is a terminal. */
  color?: boolean;
  /** Where `claims new` reads answers to its prompts; it prompts only when this is a terminal. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** A run that cannot go on (bad option, unreadable path, invalid config): exit 2 with this one-line reason. */
export class UsageError extends Error {}

/** Whether to colour stdout, by the rules people expect: FORCE_COLOR wins, then NO_COLOR, then a terminal. */
export function wantsColor(io: Io): boolean {
  if (io.color !== undefined) return io.color;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return Boolean(io.stdout.isTTY) && io.env.TERM !== 'dumb';
}
