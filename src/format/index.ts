/** The lint output formats by name. */
import type { Formatter } from './types.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { github } from './github.js';
import { sarif } from './sarif.js';
import { junit } from './junit.js';
import { gitlab } from './gitlab.js';

export type { Formatter, FormatContext } from './types.js';

export const lintFormatters: Record<string, Formatter> = { stylish, json, github, sarif, junit, gitlab };
