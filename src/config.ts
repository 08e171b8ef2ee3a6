/** `claims.config.yaml`: the date to check against, rule severities and entity aliases. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { parsePartialDate } from './model/date.js';
import { parseFile, formatPath, describe } from './load/parse.js';
import { problemMessage } from './rules/message.js';
import { makeLocate } from './load/locate.js';
import { LineCounter, parseDocument } from 'yaml';
import { ruleById } from './rules/index.js';
import { didYouMean } from './util/suggest.js';
import type { SeveritySetting } from './diagnostic.js';
import { lineBreaksToLf, MAX_BYTES, safeReadFile } from './util/safe-read.js';
import { lineColumn, tooDeepAt } from './load/yaml-depth.js';

/** Nesting beyond this is refused before parsing (the deepest setting, `claimreview.publisher.name`, is at 3). */
const MAX_CONFIG_DEPTH = 32;

/** The default config file name, looked up in the working directory. */
export const CONFIG_FILE = 'claims.config.yaml';

/** A loaded configuration. */
export interface Config {
  /** `YYYY-MM-DD`, when set. */
  today?: string;
  rules: Record<string, SeveritySetting>;
  aliases: Record<string, string>;
  /** Who publishes `claims export --format claimreview|jsonld`, and where each review lives. */
  claimreview?: ClaimReviewConfig;
  /** The dataset folder, relative to the configuration file's folder (`dir:`, `/` separators), when set. */
  dir?: string;
  /** The file it came from, when any. */
  file?: string;
}

import { ConfigError } from './errors.js';

export { ConfigError } from './errors.js';

/** True for an absolute http(s) URL. */
const isHttpUrl = (s: string): boolean => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol);

const ClaimReviewConfigSchema = z.strictObject({
  publisher: z.strictObject({
    name: z.string().trim().min(1, { message: 'must name the publishing organisation' }),
    url: z.string().refine(isHttpUrl, { message: 'must be an absolute http(s) URL' }).optional(),
  }).optional(),
  url: z.string()
    .refine((s) => s.includes('{id}') && isHttpUrl(s.replaceAll('{id}', 'id')), {
      message: 'must be an http(s) URL template with {id}, e.g. https://example.org/claims/{id}',
    })
    .optional(),
});

/** The `claimreview:` settings: the organisation that publishes the reviews, and the URL of each (`{id}` is the claim id). */
export type ClaimReviewConfig = z.infer<typeof ClaimReviewConfigSchema>;

const ConfigSchema = z.strictObject({
  today: z.union([z.string(), z.number()]).optional(),
  rules: z.record(z.string(), z.enum(['error', 'warning', 'off'])).optional(),
  aliases: z.record(z.string(), z.string()).optional(),
  claimreview: ClaimReviewConfigSchema.optional(),
  dir: z.string().optional(),
});

/** The keys each level of the configuration accepts, for "did you mean" on an unknown one. */
const KNOWN_KEYS: Record<string, string[]> = {
  '': ['today', 'rules', 'aliases', 'claimreview', 'dir'],
  claimreview: ['publisher', 'url'],
  'claimreview.publisher': ['name', 'url'],
};

/** What a setting of the wrong kind should be, in words (zod's own wording names its types, not the file's). */
const EXPECTED_SETTING: Record<string, string> = {
  today: 'a date, YYYY-MM-DD',
  dir: 'a folder path relative to the configuration file',
  rules: 'a mapping of rule ids to error, warning or off',
  aliases: 'a mapping of alias to canonical name',
  claimreview: 'a mapping with publisher and url',
  'claimreview.publisher': 'a mapping with name and url',
};

/** The message for one config issue: our own words, never zod's (which can show types or patterns). */
function configIssueText(issue: z.core.$ZodIssue, raw: unknown): string {
  if (issue.code === 'invalid_value') return 'use error, warning or off';
  if (issue.code === 'custom' || issue.code === 'too_small') return issue.message;
  const key = issue.path.filter((p) => typeof p === 'string').join('.');
  const value = issue.path.reduce<unknown>((cur, p) => (cur !== null && typeof cur === 'object' ? (cur as Record<PropertyKey, unknown>)[p as PropertyKey] : undefined), raw);
  const expected = EXPECTED_SETTING[key] ?? (issue.path[0] === 'aliases' ? 'a name (text)' : 'text');
  return `must be ${expected}, not ${describe(value)}`;
}

/** The path of the first `__proto__` key in the configuration's plain data (at most three levels deep), or undefined. */
function protoKeyPath(raw: unknown, path: string[] = []): string[] | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || path.length > 3) return undefined;
  if (Object.hasOwn(raw, '__proto__')) return [...path, '__proto__'];
  for (const [key, value] of Object.entries(raw)) {
    const found = protoKeyPath(value, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A `--today` or `today:` value as `YYYY-MM-DD`, or undefined when it is not a full date. */
export function parseToday(value: unknown): string | undefined {
  const d = parsePartialDate(value);
  return d?.precision === 'day' ? d.text : undefined;
}

/**
 * Why `dir:` cannot name the dataset folder, or undefined when it can. The folder must lie inside the configuration's
 * own folder, written portably: a path that leaves it (`..`), an absolute path, a drive letter or a backslash would
 * make the same configuration name a different folder on another machine.
 */
export function datasetDirProblem(dir: string): string | undefined {
  if (dir.trim() === '') return 'must name a folder, not be blank';
  if (/[\u0000-\u001f\u007f]/.test(dir)) return 'must not contain control characters';
  if (dir.includes('\\')) return 'must use / as the separator, not \\';
  if (dir.startsWith('/') || /^[A-Za-z]:/.test(dir)) return 'must be relative to the folder of the configuration file, not an absolute path';
  if (dir.split('/').includes('..')) return 'must stay inside the folder of the configuration file (no .. segment)';
  return undefined;
}

/** `dir:` in one spelling: `./data/` and `data` are the same folder; `.` is the configuration's own folder. */
function normaliseDatasetDir(dir: string): string {
  const parts = dir.split('/').filter((p) => p !== '' && p !== '.');
  return parts.length === 0 ? '.' : parts.join('/');
}

/** The nearest `claims.config.yaml` in `cwd` or a folder above it (as git finds `.git`), or undefined. */
export function findConfigFile(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Loads `file` (explicit) or `claims.config.yaml` in `cwd` when present. */
export function loadConfig(cwd: string, file?: string): Config {
  const path = resolve(cwd, file ?? CONFIG_FILE);
  const shown = file ?? CONFIG_FILE;
  // Only a regular file under the cap is read: a FIFO or /dev/zero given as the configuration is refused, not waited on.
  const read = safeReadFile(path, { maxBytes: MAX_BYTES.config });
  if (!read.ok) {
    if (read.kind === 'missing') {
      if (file !== undefined) throw new ConfigError(`config file ${file} does not exist`);
      return { rules: {}, aliases: {} };
    }
    throw new ConfigError(`cannot read config ${shown}: it ${read.reason}`);
  }
  let text: string;
  try {
    text = lineBreaksToLf(new TextDecoder('utf-8', { fatal: true }).decode(read.buf));
  } catch {
    throw new ConfigError(`cannot read config ${shown}: it is not UTF-8 text`);
  }
  // A configuration is three levels deep at most; refusing deep nesting before parsing keeps the recursive parser safe.
  const deep = tooDeepAt(text, MAX_CONFIG_DEPTH);
  if (deep !== undefined) {
    const at = lineColumn(text, deep);
    throw new ConfigError(`invalid config ${shown}:${at.line}:${at.column}: nested more than ${MAX_CONFIG_DEPTH} levels deep; a configuration needs three at most`);
  }
  const lineCounter = new LineCounter();
  // The loader's linear duplicate-key check (in parseFile below) stands in for the library's quadratic one.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const locate = makeLocate(doc, lineCounter);
  const fail = (p: (string | number)[], message: string, anchor: 'key' | 'value' = 'value'): never => {
    const r = locate(p, anchor);
    throw new ConfigError(`invalid config ${shown}:${r.line}:${r.column}: ${message}`);
  };
  const syntax = parseFile(text).problems.find((x) => x.kind === 'syntax' && x.messageId !== 'notAMapping' && x.messageId !== 'emptyFile');
  if (syntax) throw new ConfigError(`invalid config ${shown}:${syntax.range.line}:${syntax.range.column}: ${problemMessage(syntax)}`);
  const raw = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as unknown;
  // A `__proto__` key would be dropped by the schema check without a word (it names no rule and no entity).
  const proto = protoKeyPath(raw);
  if (proto !== undefined) {
    const where = proto.slice(0, -1).join('.');
    fail(proto, where === 'rules' ? 'unknown rule "__proto__".' : where === 'aliases' ? '`aliases`: "__proto__" cannot be an alias' : `unknown setting "__proto__"${where === '' ? '' : ` in \`${where}\``}.`, 'key');
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0]!;
      return fail([...(issue.path as string[]), key], `unknown setting "${key}".${didYouMean(key, KNOWN_KEYS[issue.path.join('.')] ?? [])}`, 'key');
    }
    return fail(issue.path as string[], `\`${formatPath(issue.path as string[])}\`: ${configIssueText(issue, raw)}`);
  }
  const cfg = parsed.data;
  for (const id of Object.keys(cfg.rules ?? {})) {
    if (!ruleById.has(id)) fail(['rules', id], `unknown rule "${id}".${didYouMean(id, ruleById.keys())}`, 'key');
  }
  let dir: string | undefined;
  if (cfg.dir !== undefined) {
    const problem = datasetDirProblem(cfg.dir);
    if (problem !== undefined) fail(['dir'], `\`dir\` ${problem}`);
    dir = normaliseDatasetDir(cfg.dir);
  }
  let today: string | undefined;
  if (cfg.today !== undefined) {
    today = parseToday(cfg.today);
    if (today === undefined) fail(['today'], '`today` must be a full date, YYYY-MM-DD');
  }
  return { today, rules: cfg.rules ?? {}, aliases: cfg.aliases ?? {}, ...(cfg.claimreview ? { claimreview: cfg.claimreview } : {}), ...(dir !== undefined ? { dir } : {}), file: shown };
}
