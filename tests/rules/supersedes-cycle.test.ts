import { claim, sources } from '../helpers.js';
import { ruleTester } from '../rule-tester.js';

const superseding = (id: string, older: string): string => claim(id, 'src-a', `supersedes: ${older}\n`);
const selfSuperseding = { ...sources('src-a'), 'acme/a.yaml': superseding('a', 'a') };
const LONG_LOOP = 2000;
const longLoop = (n: number) => {
  const files: Record<string, string> = sources('src-a');
  for (let i = 0; i < n; i++) files[`acme/c${i}.yaml`] = superseding(`c${i}`, `c${(i + 1) % n}`);
  return files;
};

ruleTester.run('supersedes-cycle', {
  valid: [
    {
      name: 'is silent for a chain that ends (c supersedes b supersedes a)',
      files: { ...sources('src-a'), 'acme/a.yaml': claim('a'), 'acme/b.yaml': superseding('b', 'a'), 'acme/c.yaml': superseding('c', 'b') },
    },
  ],
  invalid: [
    {
      name: 'reports a claim that supersedes itself at `supersedes`',
      files: selfSuperseding,
      errors: [
        {
          messageId: 'self', severity: 'error', file: 'acme/a.yaml', path: 'supersedes', line: 7, column: 13,
          message: '`supersedes` names this claim itself ("a"): name the older claim this one replaces, or remove the field.',
        },
      ],
    },
    {
      name: 'reports each claim of a two-claim loop, naming the loop',
      files: { ...sources('src-a'), 'acme/a.yaml': superseding('a', 'b'), 'acme/b.yaml': superseding('b', 'a') },
      errors: [
        { messageId: 'cycle', file: 'acme/a.yaml', line: 7, messageIncludes: 'a → b → a' },
        { messageId: 'cycle', file: 'acme/b.yaml', line: 7 },
      ],
    },
    {
      name: 'reports each claim of a longer loop, and not a claim that only points into it',
      files: { ...sources('src-a'), 'acme/a.yaml': superseding('a', 'c'), 'acme/b.yaml': superseding('b', 'a'), 'acme/c.yaml': superseding('c', 'b'), 'acme/d.yaml': superseding('d', 'a') },
      errors: ['a', 'b', 'c'].map((id) => ({ messageId: 'cycle' as const, file: `acme/${id}.yaml` })),
    },
    {
      name: 'stays linear and bounded on a long loop',
      files: longLoop(LONG_LOOP),
      errors: Array.from({ length: LONG_LOOP }, () => ({ messageId: 'cycle' as const, messageMaxLength: 399 })),
    },
  ],
});

ruleTester.run('unknown-reference', {
  valid: [{ name: 'a claim that supersedes itself names a claim that exists', files: selfSuperseding }],
  invalid: [],
});
