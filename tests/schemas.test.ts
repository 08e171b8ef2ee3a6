import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../src/model/json-schema.js';

describe('schemas/ (generated JSON Schema)', () => {
  for (const [name, text] of Object.entries(jsonSchemas())) {
    it(`${name} matches the zod schema (run \`npm run schemas\` if this fails)`, () => {
      const committed = readFileSync(resolve(__dirname, '..', 'schemas', name), 'utf8');
      expect(committed).toBe(text);
    });
  }

  it('describes the claim format editors complete', () => {
    const claim = JSON.parse(jsonSchemas()['claim.schema.json']!);
    expect(claim.required).toEqual(expect.arrayContaining(['type', 'id', 'subject', 'category', 'statement', 'status', 'evidence']));
    expect(claim.additionalProperties).toBe(false);
    expect(claim.properties.status.enum).toEqual(['rumored', 'company-reported', 'independent', 'disputed', 'retracted']);
  });
});
