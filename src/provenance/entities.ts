/** Entity names compared the way readers mean them: case-insensitively and through declared aliases. */

const norm = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** Compares entity names; `aliases` maps an alias to its canonical name, e.g. {"France's job agency": "France Travail"}. */
export class Entities {
  private readonly canon = new Map<string, string>();

  constructor(aliases: Record<string, string> = {}) {
    for (const [alias, name] of Object.entries(aliases)) this.canon.set(norm(alias), norm(name));
  }

  /** The canonical, normalised form of a name. */
  key(name: string): string {
    const n = norm(name);
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
