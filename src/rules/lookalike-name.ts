import type { PathSegment } from '../load/locate.js';
import { deceptiveCharacters, nameSkeleton, normalizeName, ZERO_WIDTH } from '../provenance/entities.js';
import { defineRule, type RuleContext } from './types.js';

/** One place a name is used: a claim's subject or party, a source's `speaks_for`. */
interface NameUse {
  file: string;
  path: PathSegment[];
  name: string;
}

/** Longest name a message quotes; names are free text and messages stay bounded. */
const MAX_SHOWN = 80;

/** A name as a message shows it: zero-width characters made visible, cut to MAX_SHOWN characters. */
function shown(name: string): string {
  const visible = name.replace(ZERO_WIDTH, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  const chars = [...visible];
  return chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN).join('')}…` : visible;
}

function usesOf(ctx: RuleContext): NameUse[] {
  const uses: NameUse[] = [];
  for (const { file, data } of ctx.dataset.claims) {
    uses.push({ file, path: ['subject'], name: data.subject });
    data.parties?.forEach((name, i) => uses.push({ file, path: ['parties', i], name }));
  }
  for (const { file, data } of ctx.dataset.sources) {
    data.speaks_for?.forEach((name, i) => uses.push({ file, path: ['speaks_for', i], name }));
  }
  return uses;
}

/**
 * Two spellings of what a reader takes for one name, told apart only by zero-width characters or by Cyrillic or
 * Greek letters that look Latin, count as two entities: a company's own word would read as independent.
 */
export const lookalikeName = defineRule({
  id: 'lookalike-name',
  meta: {
    description: 'An entity name (`subject`, `parties`, `speaks_for`) differs from another name in the dataset only by zero-width characters (U+200B–U+200D, U+2060, U+FEFF), compatibility forms (fullwidth letters) or Cyrillic and Greek letters that look Latin',
    defaultSeverity: 'warning',
    messages: {
      lookalike: '`{{field}}` "{{name}}" looks like "{{other}}" but is another name to the tool: it holds {{chars}}. Retype it, or declare an alias if they really are different entities.',
    },
  },
  check(ctx) {
    const uses = usesOf(ctx);
    // Per skeleton, the distinct entities (by key) that look like it, each with a name to show (a clean one when there is one).
    const groups = new Map<string, Map<string, { name: string; clean: boolean }>>();
    const skeletons = uses.map((u) => nameSkeleton(u.name));
    uses.forEach((u, i) => {
      const skeleton = skeletons[i]!;
      const clean = normalizeName(u.name) === skeleton;
      let group = groups.get(skeleton);
      if (!group) groups.set(skeleton, (group = new Map()));
      const key = ctx.entities.key(u.name);
      const seen = group.get(key);
      if (!seen || (clean && !seen.clean)) group.set(key, { name: u.name, clean });
    });
    uses.forEach((u, i) => {
      const skeleton = skeletons[i]!;
      if (normalizeName(u.name) === skeleton) return;
      const group = groups.get(skeleton)!;
      if (group.size < 2) return;
      const key = ctx.entities.key(u.name);
      const others = [...group].filter(([k]) => k !== key).map(([, v]) => v);
      const other = others.find((o) => o.clean) ?? others[0]!;
      const found = deceptiveCharacters(u.name);
      const chars = found.length === 0 ? 'compatibility forms (fullwidth letters or ligatures)' : found.slice(0, 5).join(', ') + (found.length > 5 ? ` and ${found.length - 5} more` : '');
      const field = u.path.length === 1 ? String(u.path[0]) : `${String(u.path[0])}[${String(u.path[1])}]`;
      ctx.report({ file: u.file, path: u.path, messageId: 'lookalike', data: { field, name: shown(u.name), other: shown(other.name), chars } });
    });
  },
});
