import { describe, expect, it } from 'vitest';
import { claim, lintFiles, ofRule, source } from '../helpers.js';

const srcs = { 'sources/src-a.yaml': source('src-a') };
const superseding = (id: string, older: string): string => claim(id, 'src-a', `supersedes: ${older}\n`);

describe('supersedes-cycle', () => {
  it('is silent for a chain that ends (c supersedes b supersedes a)', () => {
    const d = lintFiles({ ...srcs, 'acme/a.yaml': claim('a'), 'acme/b.yaml': superseding('b', 'a'), 'acme/c.yaml': superseding('c', 'b') });
    expect(ofRule(d, 'supersedes-cycle')).toEqual([]);
  });

  it('reports a claim that supersedes itself at `supersedes`', () => {
    const d = lintFiles({ ...srcs, 'acme/a.yaml': superseding('a', 'a') });
    expect(ofRule(d, 'supersedes-cycle')).toMatchObject([
      { messageId: 'self', severity: 'error', file: 'acme/a.yaml', path: 'supersedes', line: 7, column: 13, message: '`supersedes` names this claim itself ("a"): name the older claim this one replaces, or remove the field.' },
    ]);
    expect(ofRule(d, 'unknown-reference')).toEqual([]);
  });

  it('reports each claim of a two-claim loop, and of a longer one, naming the loop once', () => {
    const two = lintFiles({ ...srcs, 'acme/a.yaml': superseding('a', 'b'), 'acme/b.yaml': superseding('b', 'a') });
    const found = ofRule(two, 'supersedes-cycle');
    expect(found.map((f) => [f.file, f.messageId, f.line])).toEqual([['acme/a.yaml', 'cycle', 7], ['acme/b.yaml', 'cycle', 7]]);
    expect(found[0]!.message).toContain('a → b → a');

    const three = lintFiles({ ...srcs, 'acme/a.yaml': superseding('a', 'c'), 'acme/b.yaml': superseding('b', 'a'), 'acme/c.yaml': superseding('c', 'b'), 'acme/d.yaml': superseding('d', 'a') });
    const loop = ofRule(three, 'supersedes-cycle');
    expect(loop.map((f) => f.file).sort()).toEqual(['acme/a.yaml', 'acme/b.yaml', 'acme/c.yaml']);
  });

  it('stays linear and bounded on a long loop', () => {
    const files: Record<string, string> = { ...srcs };
    const n = 2000;
    for (let i = 0; i < n; i++) files[`acme/c${i}.yaml`] = superseding(`c${i}`, `c${(i + 1) % n}`);
    const found = ofRule(lintFiles(files), 'supersedes-cycle');
    expect(found).toHaveLength(n);
    for (const f of found) expect(f.message.length).toBeLessThan(400);
  });
});
