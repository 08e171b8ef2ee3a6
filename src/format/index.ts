/** The `claims validate` output formats by name: adding one is a new file and one line here (and its name in names.ts). */
import type { LintFormat } from './names.js';
import type { LintFormatter } from './types.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { github } from './github.js';
import { sarif } from './sarif.js';
import { junit } from './junit.js';
import { gitlab } from './gitlab.js';

export type { LintFormatter, LintFormatContext, RuleMeta } from './types.js';

export const lintFormatters: Record<LintFormat, LintFormatter> = { stylish, json, github, sarif, junit, gitlab };
