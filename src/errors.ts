/** Errors that end a run with exit 2 and a one-line reason (no stack trace). Kept tiny: the CLI loads it at start-up. */

/** A configuration that cannot be used. */
export class ConfigError extends Error {}
