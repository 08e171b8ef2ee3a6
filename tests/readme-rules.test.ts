import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/rules/index.js';

/** The rows of the README's rule table (section "### Rules"): rule id, default severity, "fires when" text. */
function readmeRules(): { id: string; severity: string; firesWhen: string }[] {
  const readme = readFileSync(resolve(__dirname, '../README.md'), 'utf8');
  const section = readme.split('\n### Rules\n')[1]!.split('\n### ')[0]!;
  return section
    .split('\n')
    .filter((line) => /^\| `[a-z-]+` \|/.test(line))
    .map((line) => {
      const [, id, severity, firesWhen] = /^\| `([a-z-]+)` \| (\w+) \| (.*) \|$/.exec(line)!;
      return { id: id!, severity: severity!, firesWhen: firesWhen! };
    });
}

describe("the README's rule table", () => {
  const rows = readmeRules();

  it('lists exactly the registered rules, in their order', () => {
    expect(rows.map((r) => r.id)).toEqual(rules.map((r) => r.id));
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s: default severity and "fires when" as in the rule\'s meta', (id, rule) => {
    const row = rows.find((r) => r.id === id);
    expect(row, `${id} has a row`).toBeDefined();
    expect(row!.severity).toBe(rule.meta.defaultSeverity);
    // The README may say more (examples, message ids); it starts with the description, first letter in lower case.
    const description = rule.meta.description.charAt(0).toLowerCase() + rule.meta.description.slice(1);
    expect(row!.firesWhen.startsWith(description), `README: ${row!.firesWhen}\nmeta:   ${description}`).toBe(true);
  });
});
