/** Entity names compared the way readers mean them: after Unicode NFC normalisation, case-insensitively and through declared aliases. */

/**
 * The comparable form of a name: NFC (so `é` typed as e + combining accent, as macOS copy and paste gives, equals the
 * precomposed `é`), trimmed, inner whitespace collapsed, lower-cased (then NFC again: lower-casing can decompose).
 */
export const normalizeName = (s: string): string => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase().normalize('NFC');

/** Compares entity names; `aliases` maps an alias to its canonical name, e.g. {"France's job agency": "France Travail"}. */
export class Entities {
  private readonly canon = new Map<string, string>();

  constructor(aliases: Record<string, string> = {}) {
    for (const [alias, name] of Object.entries(aliases)) this.canon.set(normalizeName(alias), normalizeName(name));
  }

  /** The canonical, normalised form of a name. */
  key(name: string): string {
    const n = normalizeName(name);
    return this.canon.get(n) ?? n;
  }

  /** True when two names denote one entity. */
  same(a: string, b: string): boolean {
    return this.key(a) === this.key(b);
  }

  /** True when `name` is one of `list`. */
  includes(list: readonly string[] | undefined, name: string): boolean {
    const k = this.key(name);
    return (list ?? []).some((x) => this.key(x) === k);
  }
}

/** Zero-width characters that make two names look identical on screen: U+200B..U+200D, U+2060 word joiner, U+FEFF. */
export const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * Cyrillic and Greek letters that look like Latin ones, for the common letters only (a small, deliberate subset of
 * Unicode's confusables list; digits such as 0/O and 1/l are left out: they are too often meant).
 */
export const LOOKALIKES: ReadonlyMap<string, string> = new Map([
  // Cyrillic lower case
  ['а', 'a'], ['в', 'b'], ['е', 'e'], ['һ', 'h'], ['і', 'i'], ['ј', 'j'], ['к', 'k'], ['ӏ', 'l'], ['м', 'm'], ['о', 'o'],
  ['р', 'p'], ['ԛ', 'q'], ['ѕ', 's'], ['т', 't'], ['ս', 'u'], ['ԝ', 'w'], ['х', 'x'], ['у', 'y'], ['с', 'c'], ['ԁ', 'd'],
  // Cyrillic upper case
  ['А', 'A'], ['В', 'B'], ['С', 'C'], ['Е', 'E'], ['Н', 'H'], ['І', 'I'], ['Ј', 'J'], ['К', 'K'], ['М', 'M'], ['О', 'O'],
  ['Р', 'P'], ['Ѕ', 'S'], ['Т', 'T'], ['Х', 'X'], ['У', 'Y'], ['Ԛ', 'Q'], ['Ԝ', 'W'],
  // Greek lower case
  ['α', 'a'], ['ε', 'e'], ['ι', 'i'], ['κ', 'k'], ['ν', 'v'], ['ο', 'o'], ['ρ', 'p'], ['τ', 't'], ['υ', 'u'], ['χ', 'x'],
  // Greek upper case
  ['Α', 'A'], ['Β', 'B'], ['Ε', 'E'], ['Ζ', 'Z'], ['Η', 'H'], ['Ι', 'I'], ['Κ', 'K'], ['Μ', 'M'], ['Ν', 'N'], ['Ο', 'O'],
  ['Ρ', 'P'], ['Τ', 'T'], ['Υ', 'Y'], ['Χ', 'X'],
]);

const LOOKALIKE_CHARS = new RegExp(`[${[...LOOKALIKES.keys()].join('')}]`, 'g');

/** What a name looks like on screen: NFKC (fullwidth and ligature forms folded), zero-width characters dropped, lookalike letters read as Latin. */
export function nameSkeleton(name: string): string {
  return normalizeName(name.normalize('NFKC').replace(ZERO_WIDTH, '').replace(LOOKALIKE_CHARS, (c) => LOOKALIKES.get(c)!));
}

/** The characters of `name` that make it look like another: zero-width ones and lookalike letters, as `U+0430 (looks like "a")`. */
export function deceptiveCharacters(name: string): string[] {
  const out: string[] = [];
  for (const c of name) {
    const code = `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    if (/^[\u200b-\u200d\u2060\ufeff]$/.test(c)) out.push(`${code} (zero-width)`);
    else if (LOOKALIKES.has(c)) out.push(`${code} (looks like "${LOOKALIKES.get(c)}")`);
  }
  return [...new Set(out)];
}
