// Duplicate keys are found by the loader in linear time; it must report exactly what the yaml library's own
// quadratic check (`uniqueKeys: true`) reports: the same keys, at the same offsets.
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { duplicateKeyErrors, parseFile } from '../src/load/parse.js';

/** What yaml itself says about duplicate keys: the offsets it reports them at. */
function yamlOwn(text: string): number[] {
  return parseDocument(text, { uniqueKeys: true }).errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.pos[0]);
}

function ours(text: string): number[] {
  return duplicateKeyErrors(parseDocument(text, { uniqueKeys: false })).map((e) => e.pos[0]);
}

const key = fc.constantFrom('a', 'b', '"a"', "'b'", '1', '1.0', '"1"', '~', 'null', 'true', '.nan', '0x1', '&k a', '!!str b', 'type', 'id', '? a');
const scalar = fc.constantFrom('x', '1', '"q"', '[1, 2]', '{a: 1, a: 2}', '{b: 1, "b": 2}', '*k', '');

/** Small YAML documents full of repeated keys: block maps, flow maps, nested lists and maps. */
const doc = fc
  .array(fc.tuple(key, scalar, fc.boolean(), fc.array(fc.tuple(key, scalar), { maxLength: 4 })), { minLength: 1, maxLength: 8 })
  .map((entries) =>
    entries
      .map(([k, v, nested, inner]) =>
        nested && inner.length > 0 ? `${k}:\n${inner.map(([ik, iv]) => `  - ${ik}: ${iv}`).join('\n')}` : `${k}: ${v}`,
      )
      .join('\n') + '\n',
  );

describe('duplicate keys', () => {
  it('are reported at the offsets yaml itself reports them (generated documents)', () => {
    fc.assert(
      fc.property(doc, (text) => {
        const mine = ours(text);
        const theirs = yamlOwn(text).sort((a, b) => a - b);
        expect(mine.length).toBe(theirs.length);
        // The same key: where a key follows an empty value, yaml points at the line break before the key and the
        // loader at the key itself (a better line for the reader); nothing but whitespace lies between the two.
        mine.forEach((at, i) => {
          expect(at).toBeGreaterThanOrEqual(theirs[i]!);
          expect(text.slice(theirs[i], at).trim()).toBe('');
        });
      }),
      { seed: 20261125, numRuns: 3000 },
    );
  });

  it('are reported in hand-written cases: flow maps, nesting, quoting, numbers and null', () => {
    for (const text of [
      'a: 1\na: 2\n',
      'a: 1\n"a": 2\n',
      '1: x\n"1": y\n1.0: z\n',
      '~: 1\nnull: 2\n',
      'x: {a: 1, b: 2, a: 3}\n',
      'list:\n  - k: 1\n    k: 2\n  - k: 3\n',
      '.nan: 1\n.nan: 2\n',
    ]) {
      expect(ours(text), text).toEqual(yamlOwn(text));
    }
    expect(ours('a: 1\na: 2\n')).toEqual([5]);
  });

  it('give one diagnostic each in a file with very many keys, without quadratic work', () => {
    const lines = Array.from({ length: 60_000 }, (_, i) => `k${i}: v`);
    lines.push('k7: again', 'k59999: again');
    const result = parseFile(`type: claim\n${lines.join('\n')}\n`);
    const dups = result.problems.filter((p) => p.messageId === 'duplicateKey');
    expect(dups.map((p) => p.range.line)).toEqual([60_002, 60_003]);
  });
});
