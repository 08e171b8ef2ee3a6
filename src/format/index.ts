/** The lint output formats by name. */
import type { Formatter } from './types.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { github } from './github.js';

export type { Formatter, FormatContext } from './types.js';

export const lintFormatters: Record<string, Formatter> = { stylish, json, github };
