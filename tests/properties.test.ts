// Property-based tests: mutate valid files at random; the validator never throws, reports every file it was
// given, and positions every diagnostic inside its file. Fixed seed and bounded runs, so CI is reproducible.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/load/parse.js';
import { loadDataset } from '../src/load/dataset.js';
import { lint } from '../src/lint.js';
import { claim, source, writeDataset } from './helpers.js';

const SEED = 20261124;
const VALID_CLAIM = `# yaml-language-server: $schema=../../schemas/claim.schema.json\n${claim('c1', 'src-a', 'parties: [Globex]\nvalue: ["€5M", "~$5.4M"]\nas_of: "2026-02"\ntags: [x]\n')}`;
const VALID_SOURCE = source('src-a', 'speaks_for: [Acme]\npublished: "2026-01"\ncites: []\n');

type Mutation = (lines: string[]) => string[];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((i): Mutation => (ls) => ls.filter((_, k) => k !== i % ls.length)),
  fc.nat().map((i): Mutation => (ls) => { const k = i % ls.length; return [...ls.slice(0, k + 1), ls[k]!, ...ls.slice(k + 1)]; }),
  fc.tuple(fc.nat(), fc.constantFrom('42', 'true', '[]', '{}', '~', '"x"', '- a', '&a b', '*a', '!!binary AAAA', '? k', '|')).map(
    ([i, v]): Mutation => (ls) => ls.map((l, k) => (k === i % ls.length ? l.replace(/:\s.*$/, `: ${v}`) : l)),
  ),
  fc.nat().map((n): Mutation => (ls) => ls.join('\n').slice(0, n % (ls.join('\n').length + 1)).split('\n')),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 12 })).map(([i, bytes]): Mutation => (ls) => {
    const text = ls.join('\n');
    const at = i % (text.length + 1);
    return (text.slice(0, at) + Buffer.from(bytes).toString('latin1') + text.slice(at)).split('\n');
  }),
  fc.nat().map((i): Mutation => (ls) => ls.map((l, k) => (k === i % ls.length ? `\t${l}` : l))),
);

const mutate = (text: string, ms: Mutation[]): string => ms.reduce((ls, m) => m(ls), text.split('\n')).join('\n');

function inside(text: string, d: { line: number; column: number; endLine: number; endColumn: number }): boolean {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  const lineOk = (l: number) => l >= 1 && l <= lines.length;
  return lineOk(d.line) && lineOk(d.endLine) && d.column >= 1 && d.column <= (lines[d.line - 1]!.length + 1) && d.endLine >= d.line;
}

describe('properties of the validator under random mutation', () => {
  it('parseFile never throws and positions every problem inside the text', () => {
    fc.assert(
      fc.property(fc.constantFrom(VALID_CLAIM, VALID_SOURCE), fc.array(mutation, { minLength: 1, maxLength: 4 }), (base, ms) => {
        const text = mutate(base, ms);
        const r = parseFile(text);
        for (const p of r.problems) expect(inside(text, p.range), JSON.stringify({ text, p })).toBe(true);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('lint reports on every file it was given and never throws, whatever the mix', () => {
    fc.assert(
      fc.property(fc.array(fc.array(mutation, { minLength: 0, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (perFile) => {
        const files: Record<string, string> = { 'sources/src-a.yaml': VALID_SOURCE };
        perFile.forEach((ms, i) => (files[`acme/c${i}.yaml`] = mutate(VALID_CLAIM.replace(/\bc1\b/g, `c${i}`), ms)));
        const root = writeDataset(files);
        const ds = loadDataset(root, root);
        expect(ds.files.map((f) => f.file).sort()).toEqual(Object.keys(files).sort());
        const result = lint(ds, { today: '2026-11-24' });
        for (const d of result.diagnostics) expect(inside(files[d.file]!, d), JSON.stringify(d)).toBe(true);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});
