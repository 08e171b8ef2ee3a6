/** JSON Schema generation from the zod schemas, for editors and peers such as ajv. */
import { z } from 'zod';
import { ClaimSchema, SourceSchema } from './schema.js';

/** The committed schema files, by file name, as the exact text to write. */
export function jsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, schema] of [['claim', ClaimSchema], ['source', SourceSchema]] as const) {
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
    const ordered = { $schema: json.$schema, title: json.title, ...json };
    out[`${name}.schema.json`] = JSON.stringify(ordered, null, 2) + '\n';
  }
  return out;
}
