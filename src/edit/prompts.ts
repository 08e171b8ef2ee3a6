/**
 * What `claims new` asks for on a terminal: every required field that is missing, and every field whose absence a rule
 * would warn about right after — a quote for the evidence (quote-missing), `position` and `count` for an anonymous
 * source (anonymous-undescribed), `due` for a forecast (required by the schema). Pure: the prompt loop asks, this says what.
 */
import { CHOICES, type Kind } from '../authoring/new.js';
import { EXPECTED } from '../model/schema.js';
import { parsePartialDate } from '../model/date.js';

/** One field to ask for. */
export interface PromptedField {
  /** The schema field (`as_of`), as `buildRecord` keys it. */
  field: string;
  /** Required: an empty answer asks again. Otherwise an empty answer leaves the field out (the rule will warn). */
  required: boolean;
  /** The allowed answers, when the field is an enumeration. */
  choices?: readonly string[];
  /** Why the field is asked for, when it is not required: shown beside the prompt. */
  why?: string;
  /** What is wrong with an answer (then it is asked again), or undefined when it is fine. */
  problem?(answer: string): string | undefined;
}

const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

const dateProblem = (answer: string): string | undefined => (parsePartialDate(answer.trim()) === undefined ? `must be ${EXPECTED.date}` : undefined);
const countProblem = (answer: string): string | undefined => (/^(?:[1-9]\d{0,8}|multiple)$/.test(answer.trim()) ? undefined : `must be ${EXPECTED.count}`);

const required = (field: string, extra: Partial<PromptedField> = {}): PromptedField => ({ field, required: true, ...(CHOICES[field] ? { choices: CHOICES[field] } : {}), ...extra });

/**
 * The fields to ask for, in order, given the record built so far (`buildRecord(kind, opts)`: schema keys, a claim's
 * evidence as a list of items). Fields in `asked` are left out, so the prompt loop can call this again after each
 * answer (an answer can add fields: `kind: anonymous` brings `position` and `count`) and never ask twice.
 */
export function promptedFields(kind: Kind, record: Record<string, unknown>, asked: ReadonlySet<string> = new Set()): PromptedField[] {
  const out: PromptedField[] = [];
  const want = (f: PromptedField, value: unknown): void => {
    if (!asked.has(f.field) && isBlank(value)) out.push(f);
  };
  if (kind === 'source') {
    for (const f of ['title', 'publisher', 'kind']) want(required(f), record[f]);
    if (record.kind === 'anonymous') {
      want({ field: 'position', required: false, why: 'what the anonymous source is in a position to know, e.g. "people familiar with the round"' }, record.position);
      want({ field: 'count', required: false, why: 'how many people: a number, or "multiple"', problem: countProblem }, record.count);
    }
    return out;
  }
  for (const f of ['subject', 'category', 'statement', 'status']) want(required(f), record[f]);
  if (record.assertion === 'forecast') want(required('due', { problem: dateProblem }), record.due);
  const evidence = Array.isArray(record.evidence) ? (record.evidence as Array<Record<string, unknown>>) : [];
  const first = evidence[0] ?? {};
  want(required('source'), first.source);
  want({ field: 'quote', required: false, why: 'a verbatim excerpt of the source, so a reader can check it' }, first.quote);
  return out;
}
