/**
 * The schema modeline of a claim or source file (`# yaml-language-server: $schema=…`), computed for the file's own
 * place in its dataset so the editor finds the JSON Schema from there, in this repository or any other dataset.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The JSON Schema file of each kind of file, as `schemas/` and a dataset's `.schemas/` name them. */
export const SCHEMA_FILES = { claim: 'claim.schema.json', source: 'source.schema.json' } as const;

/** Where `claims init` copies the JSON Schemas inside a dataset: hidden, so the dataset walker never enters it. */
export const DATASET_SCHEMAS_DIR = '.schemas';

const MODELINE_PREFIX = '# yaml-language-server: $schema=';

const hasSchemas = (dir: string): boolean => {
  try {
    return statSync(join(dir, SCHEMA_FILES.claim)).isFile() && statSync(join(dir, SCHEMA_FILES.source)).isFile();
  } catch {
    return false;
  }
};

/**
 * The folder holding the JSON Schemas that files of the dataset at `root` link to: `<root>/.schemas/` (what `claims
 * init` writes), else a `schemas/` folder beside the dataset (this repository's layout: `claims/` and `schemas/`), else
 * `<root>/.schemas/` all the same, the place `claims init` fills when run again for this dataset.
 */
export function schemasFolderOf(root: string): string {
  const inside = join(root, DATASET_SCHEMAS_DIR);
  if (hasSchemas(inside)) return inside;
  const beside = join(dirname(root), 'schemas');
  if (hasSchemas(beside)) return beside;
  return inside;
}

/** The modeline for a `kind` file at `file` (absolute) in the dataset at `root` (absolute): a `/`-separated relative link. */
export function modelineFor(kind: keyof typeof SCHEMA_FILES, file: string, root: string): string {
  const target = join(schemasFolderOf(root), SCHEMA_FILES[kind]);
  const rel = relative(dirname(file), target).split(sep).join('/');
  return `${MODELINE_PREFIX}${rel}`;
}

/** The schema link of a modeline, or undefined when `line` is not one. */
export function modelineTarget(line: string): string | undefined {
  const m = /^#\s*yaml-language-server:\s*\$schema=(\S+)\s*$/.exec(line);
  return m?.[1];
}

/**
 * `text` with its first line replaced by the modeline `wanted(kind)` gives, when that line is a modeline linking to
 * `claim.schema.json` or `source.schema.json` by a relative path that does not resolve from `file`'s folder (a file
 * copied from another dataset) and the new link does; else `text` unchanged. A working link, even to another place, is
 * the author's choice and stays; a file without a modeline gets none.
 */
export function repairModeline(text: string, file: string, wanted: (kind: keyof typeof SCHEMA_FILES) => string): string {
  const bom = text.startsWith('\ufeff') ? '\ufeff' : '';
  const body = text.slice(bom.length);
  const end = body.search(/\r\n|\r|\n|$/);
  const target = modelineTarget(body.slice(0, end));
  if (target === undefined || target.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(target)) return text;
  const kind = target.endsWith(`/${SCHEMA_FILES.claim}`) || target === SCHEMA_FILES.claim ? 'claim'
    : target.endsWith(`/${SCHEMA_FILES.source}`) || target === SCHEMA_FILES.source ? 'source' : undefined;
  const resolves = (link: string): boolean => existsSync(join(dirname(file), ...link.split('/')));
  if (kind === undefined || resolves(target)) return text;
  const line = wanted(kind);
  const link = modelineTarget(line);
  return link !== undefined && resolves(link) ? `${bom}${line}${body.slice(end)}` : text;
}

/** The JSON Schemas this copy of the tool ships (`schemas/` at the package root), or undefined when they cannot be found. */
export function packageSchemasDir(): string | undefined {
  // From src/authoring/ (tests, tsx) or dist/ and dist/chunks/ (the built CLI): the package root is a few levels up.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++, dir = dirname(dir)) {
    const candidate = join(dir, 'schemas');
    if (existsSync(join(dir, 'package.json')) && hasSchemas(candidate)) return candidate;
  }
  return undefined;
}
