/**
 * The hostile-input suite's files, shared by `hostile.test.ts` (each gets its diagnostic, nothing throws or hangs) and
 * `fast-path-differential.test.ts` (the loader's fast path reads each exactly as `yaml` does, or leaves it to `yaml`).
 */
import { claim } from './helpers.js';

function billionLaughs(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const cur = String.fromCharCode(97 + i);
    lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return lines.join('\n') + '\ntype: claim\n';
}

export const HOSTILE: Record<string, string | Buffer> = {
  'alias-bomb.yaml': billionLaughs(),
  'huge-line.yaml': `type: claim\nid: huge-line\nstatement: ${'x'.repeat(1_000_000)}\n`,
  'deep.yaml': `type: claim\nid: deep\nstatement: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
  'binary.yaml': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
  'bad-utf8.yaml': Buffer.concat([Buffer.from('type: claim\nid: bad-utf8\nstatement: caf'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]),
  'empty.yaml': '',
  'two-docs.yaml': `${claim('two-docs')}---\n${claim('two-docs')}`,
  'tabs.yaml': 'type: claim\nevidence:\n\t- source: x\n',
  'dup-keys.yaml': claim('dup-keys').replace('subject: Acme\n', 'subject: Acme\nsubject: Other\n'),
  'proto.yaml': claim('proto').replace('status:', '__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}\nstatus:'),
  'tag.yaml': claim('tag').replace('statement: Acme has revenue.', 'statement: !!js/function "function () { globalThis.pwned = true }"'),
  'many-evidence.yaml': `type: claim\nid: many-evidence\nsubject: Acme\ncategory: arr\nstatement: S.\nstatus: rumored\nevidence:\n${Array.from({ length: 3000 }, (_, i) => `  - source: nowhere-${i}\n    quote: q\n`).join('')}`,
};

/** 20 MB of valid YAML in one file (made on demand: it is large). */
export const BIG_FILE = (): string => `type: claim\nid: big\nnotes:\n${'  - padding line of text to make the file large\n'.repeat(420_000)}`;

/** Claim files nested thousands of levels deep, in flow lists, flow mappings and block mappings. */
export const DEEP_FILES: Record<string, string> = {
  'deep-flow.yaml': `type: claim\nid: deep-flow\nstatement: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
  'deep-map.yaml': `type: claim\nid: deep-map\nstatement: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n`,
  'deep-block.yaml': `type: claim\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:\n`).join('')}`,
};
