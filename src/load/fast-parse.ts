/**
 * The loader's fast path: a file in the common shape (`fast-yaml.ts`) that declares `type: claim` or `type: source`
 * and passes its schema is read without `yaml` and without positions (a file with no problem needs none; a
 * cross-file finding re-reads its file for them). A file in the shape with a schema problem (or a missing or unknown
 * `type`) is read a second time with positions, by the fast reader where it gives yaml's positions, and checked as
 * `parseFile` checks it. Anything else is parsed by `parseFile` exactly as before.
 */
import { ClaimSchema, SourceSchema } from '../model/schema.js';
import { fastLocator, fastReadYaml } from './fast-yaml.js';
import { checkRaw, parseFile, type Parsed, type ParseResult } from './parse.js';

/** Whether the fast path is on: `CLAIMS_FAST_PATH=0` turns it off (every file then goes through `yaml`). */
export function fastPathEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CLAIMS_FAST_PATH !== '0';
}

/** `parseFile`, through the fast path where it applies: the same result, without `locate` for a file with no problem. */
export function parseFileFast(text: string, hint?: { underSources?: boolean }): ParseResult {
  const raw = fastReadYaml(text);
  if (raw === undefined) return parseFile(text, hint);
  const type = raw.type;
  if (type === 'claim' || type === 'source') {
    const result = (type === 'claim' ? ClaimSchema : SourceSchema).safeParse(raw);
    if (result.success) {
      // Copied through JSON as parseFile does, so no string keeps the file's text alive.
      const parsed = { type, data: JSON.parse(JSON.stringify(result.data)), raw } as Parsed;
      return { parsed, raw, declaredType: type, problems: [] };
    }
  }
  // A schema problem needs positions: the fast reader's where it can give yaml's, else yaml's own.
  const locate = fastLocator(text);
  return locate !== undefined ? checkRaw(raw, locate, hint) : parseFile(text, hint);
}
