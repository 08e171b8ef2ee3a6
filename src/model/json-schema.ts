/** JSON Schema generation from the zod schemas, for editors and peers such as ajv. */
import { z } from 'zod';
import { ClaimSchema, SourceSchema } from './schema.js';

/** Keywords that apply to values of one JSON type only (and annotations that go with them). */
const TYPE_KEYWORDS: Record<string, ReadonlySet<string>> = {
  number: new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']),
  integer: new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']),
  string: new Set(['pattern', 'patternErrorMessage', 'minLength', 'maxLength', 'format']),
  array: new Set(['items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems', 'contains']),
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An `anyOf` whose branches each have a different `type` and only keywords of that type is the same schema as one
 * schema with a list of types: `pattern` applies to strings only, `minimum` to numbers only, `items` to arrays only.
 * Editors explain the merged form far better: yaml-language-server reports an `anyOf` mismatch as "Incorrect type"
 * and drops the string branch's pattern message.
 */
function mergeTypeUnion(branches: unknown[]): Json | undefined {
  const merged: Json = {};
  const types: string[] = [];
  for (const b of branches) {
    if (!isObject(b) || typeof b.type !== 'string' || !(b.type in TYPE_KEYWORDS) || types.includes(b.type)) return undefined;
    if (b.type === 'number' && types.includes('integer')) return undefined;
    if (b.type === 'integer' && types.includes('number')) return undefined;
    types.push(b.type);
    for (const [k, v] of Object.entries(b)) {
      if (k === 'type') continue;
      if (!TYPE_KEYWORDS[b.type]!.has(k) || k in merged) return undefined;
      merged[k] = v;
    }
  }
  return { type: types, ...merged };
}

/** Rewrites the generated schema bottom-up: nested `anyOf`s flattened, type unions merged. */
function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) out[k] = simplify(v);
  if (Array.isArray(out.anyOf)) {
    const flat = out.anyOf.flatMap((b) => (isObject(b) && Object.keys(b).length === 1 && Array.isArray(b.anyOf) ? b.anyOf : [b]));
    const merged = mergeTypeUnion(flat);
    const { anyOf: _anyOf, ...rest } = out;
    if (merged !== undefined && !Object.keys(merged).some((k) => k in rest)) return { ...rest, ...merged };
    out.anyOf = flat;
  }
  return out;
}

/** The committed schema files, by file name, as the exact text to write. */
export function jsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, schema] of [['claim', ClaimSchema], ['source', SourceSchema]] as const) {
    const json = simplify(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' })) as Json;
    const ordered = { $schema: json.$schema, title: json.title, ...json };
    out[`${name}.schema.json`] = JSON.stringify(ordered, null, 2) + '\n';
  }
  return out;
}
