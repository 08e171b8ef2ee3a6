/** The rules' metadata as the lint formatters receive it: read from the rule registry and its help, once per run. */
import { rules } from '../rules/index.js';
import { helpMarkdown, helpText, ruleAnchor, ruleHelp } from '../rules/help.js';
import type { RuleMeta } from '../format/types.js';

/** Every rule's id, description, default severity, README anchor and rendered help, in registry order. */
export function ruleMetadata(): RuleMeta[] {
  return rules.map((r) => {
    const help = ruleHelp[r.id];
    return {
      id: r.id,
      description: r.meta.description,
      defaultSeverity: r.meta.defaultSeverity,
      anchor: ruleAnchor(r.id),
      ...(help ? { help: { name: help.name, checks: help.checks, text: helpText(r.id, help), markdown: helpMarkdown(help) } } : {}),
    };
  });
}
