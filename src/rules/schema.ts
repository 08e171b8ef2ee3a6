import type { SchemaProblemId } from '../load/problems.js';
import { MAX_MESSAGE_LENGTH } from '../diagnostic.js';
import { defineRule } from './types.js';
import { reportProblems } from './problems.js';

/** One template per id the loader can report (a missing one is a compile error). */
const messages: Record<SchemaProblemId, string> = {
  unknownField: 'Unknown field `{{field}}`.{{suggestion}}',
  missingField: 'Missing required field `{{field}}`: add {{addition}}.',
  wrongType: '`{{field}}` {{problem}}.',
  invalidValue: '`{{field}}` {{problem}}',
  invalidFormat: '`{{field}}` {{problem}}.',
  constraint: '`{{field}}` {{problem}}.',
};

/** A field is missing, unknown, of the wrong type or shape: the schema chosen by `type` says which. */
export const schema = defineRule({
  id: 'schema',
  meta: {
    description: 'A field is missing, unknown, of the wrong type or shape (value shorthand, date, slug, URL)',
    defaultSeverity: 'error',
    messages,
    // Field names and values are shown whole (each already bounded by the loader), within the message limit.
    placeholderLength: MAX_MESSAGE_LENGTH,
  },
  check(ctx) {
    reportProblems(ctx, 'schema');
  },
});
