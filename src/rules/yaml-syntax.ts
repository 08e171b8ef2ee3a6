import type { SyntaxProblemId } from '../load/problems.js';
import { MAX_MESSAGE_LENGTH } from '../diagnostic.js';
import { defineRule } from './types.js';
import { reportProblems } from './problems.js';

/** The parser's own sentence, as it is, for the errors that need no advice of ours. */
const AS_PARSED = '{{detail}}';

/** One template per id the loader can report (a missing one is a compile error). */
const messages: Record<SyntaxProblemId, string> = {
  aliasProps: AS_PARSED,
  badAlias: AS_PARSED,
  badCollectionType: AS_PARSED,
  badDirective: AS_PARSED,
  badDqEscape: AS_PARSED,
  badIndent: AS_PARSED,
  badPropOrder: AS_PARSED,
  badScalarStart: AS_PARSED,
  blockAsImplicitKey: AS_PARSED,
  blockInFlow: AS_PARSED,
  duplicateKey: '{{detail}}: remove one of the duplicate keys',
  impossible: AS_PARSED,
  keyOver1024Chars: AS_PARSED,
  missingChar: AS_PARSED,
  multilineImplicitKey: AS_PARSED,
  multipleAnchors: AS_PARSED,
  multipleDocuments: 'The file holds more than one YAML document: keep one claim or source per file and remove the `---` separator',
  multipleTags: AS_PARSED,
  nonStringKey: AS_PARSED,
  resourceExhaustion: AS_PARSED,
  tabAsIndent: '{{detail}}: indent with spaces, not tabs',
  unknownTag: '{{detail}}: custom YAML tags are not allowed (nothing is executed); write a plain value',
  unexpectedToken: AS_PARSED,
  yamlError: AS_PARSED,
  emptyFile: 'The file is empty: a claim or source file is a mapping that starts with `type: claim` or `type: source`.',
  notAMapping: 'The file must hold a mapping of fields (`type: claim`, `id: …`), not a list or a single value.',
  aliasBomb: 'Aliases expand beyond the safe bound of {{limit}}: write the values out instead of nesting anchors.',
  invalidYaml: 'The YAML cannot be read: {{detail}}',
  invalidUtf8: 'The file is not valid UTF-8 text (is it binary?): save it as UTF-8.',
  unreadable: 'Cannot read the file ({{reason}}): check that it exists and is readable.',
  unreadablePath: 'Cannot read this path ({{reason}}); it was skipped.',
  notAFile: 'The path {{reason}}; it was not read. Claim and source files must be regular files.',
  tooLarge: 'The file {{reason}}, the most a claim or source file may hold; it was not read.',
};

/** The YAML cannot be read as one mapping: parse errors, duplicate keys, several documents, alias bombs. */
export const yamlSyntax = defineRule({
  id: 'yaml-syntax',
  meta: {
    description: 'The YAML cannot be parsed, has duplicate keys, more than one document, a non-mapping root, unknown tags (`!!js/function`: never executed), or alias expansion beyond a safe bound (100)',
    defaultSeverity: 'error',
    messages,
    // The parser's sentence and a file's own reason are shown whole, bounded by the message limit alone.
    placeholderLength: MAX_MESSAGE_LENGTH,
  },
  check(ctx) {
    reportProblems(ctx, 'syntax');
  },
});
