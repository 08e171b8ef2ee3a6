/**
 * Terminal safety: text from the dataset (a statement, a key, a file name) must never drive the terminal.
 * Control characters are shown as visible escapes (`\x1b`, `\u202e`) before any colour of our own is added.
 */

// C0 controls, DEL, C1 controls, the bidi marks, embeddings, overrides and isolates, and the Unicode line/paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function visibleEscape(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  if (ch === '\t') return '\\t';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Shows every control character of `text` as a visible escape (`\x1b`, `\u202e`, `\n`), except the characters in `keep`:
 * `'\n'` where a text's own line breaks are part of the layout (a multi-line statement in a table cell).
 */
export function escapeControls(text: string, keep = ''): string {
  return text.replace(CONTROLS, (ch) => (keep !== '' && keep.includes(ch) ? ch : visibleEscape(ch)));
}

/**
 * A copy of plain data (objects, arrays, strings) with every string passed through `escapeControls`, keeping line feeds.
 * Terminal formatters apply it to their whole input once, so no field from the dataset can be forgotten.
 */
export function escapeDeep<T>(value: T): T {
  if (typeof value === 'string') return escapeControls(value, '\n') as T;
  if (Array.isArray(value)) return value.map((v) => escapeDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    // defineProperty, not assignment: a key from the dataset such as `__proto__` stays a plain key.
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, escapeControls(k, '\n'), { value: escapeDeep(v), enumerable: true, writable: true, configurable: true });
    return out as T;
  }
  return value;
}
