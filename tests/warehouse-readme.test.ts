/** The README documents every table and column: its column reference is the one generated from the spec. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnReference, TABLE_SPECS } from '../src/warehouse/tables.js';

const README = readFileSync(resolve(__dirname, '..', 'README.md'), 'utf8');

describe("the README's column reference", () => {
  it('is exactly what the spec generates (regenerate it from columnReference() after changing a table)', () => {
    const m = /<!-- columns: generated from [^\n]*-->\n([\s\S]*?)<!-- columns end -->/.exec(README);
    expect(m, 'the README has the generated column reference between its markers').not.toBeNull();
    expect(m![1]).toBe(columnReference());
  });

  it('names every table and column', () => {
    for (const t of TABLE_SPECS) {
      expect(README).toContain(`#### \`${t.name}\``);
      for (const c of t.columns) expect(README).toContain(`| \`${c.name}\` |`);
    }
  });
});
