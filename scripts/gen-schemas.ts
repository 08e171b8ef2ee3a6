// Writes schemas/claim.schema.json and schemas/source.schema.json from the zod schemas.
import { writeFileSync, mkdirSync } from 'node:fs';
import { jsonSchemas } from '../src/model/json-schema.js';

mkdirSync('schemas', { recursive: true });
for (const [name, text] of Object.entries(jsonSchemas())) {
  writeFileSync(`schemas/${name}`, text);
  console.log(`wrote schemas/${name}`);
}
