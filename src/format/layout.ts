/** Terminal text layout: the visible width of a string that may hold colour codes, and word wrapping by that width. */
import type { ChalkInstance } from 'chalk';

/** One colour code (SGR escape sequence), as this tool's colours write them. */
// eslint-disable-next-line no-control-regex
export const ANSI_CODE = /\u001b\[[0-9;]*m/;
const ANSI = new RegExp(ANSI_CODE.source, 'g');

/** The columns a string takes on a terminal: code points, colour codes left out. */
export function visible(s: string): number {
  return [...s.replace(ANSI, '')].length;
}

/**
 * Wraps text to `width` visible columns: the first line starts with `indent`, the others with `hanging`. Each line
 * break of the text starts a new line; trailing spaces are trimmed. Words longer than a line are broken, unless
 * `breakWords` is false: then they stand whole on a line of their own (a URL a reader copies).
 */
export function wrap(text: string, width: number, indent = '', hanging = indent, { breakWords = true } = {}): string {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let lead = lines.length === 0 ? indent : hanging;
    const room = () => Math.max(8, width - visible(lead));
    for (let word of para.split(/\s+/).filter((w) => w !== '')) {
      while (breakWords && visible(word) > room()) {
        if (line !== '') {
          lines.push(lead + line);
          lead = hanging;
          line = '';
        }
        const chars = [...word];
        lines.push(lead + chars.slice(0, room()).join(''));
        lead = hanging;
        word = chars.slice(room()).join('');
      }
      if (line !== '' && visible(line) + 1 + visible(word) > room()) {
        lines.push(lead + line);
        lead = hanging;
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    lines.push(lead + line);
  }
  return lines.map((l) => l.replace(/\s+$/, '')).join('\n');
}

/** Dims each line on its own, so no colour code spans a line break. */
export function dimLines(c: ChalkInstance, s: string): string {
  return s.split('\n').map((l) => (l === '' ? l : c.dim(l))).join('\n');
}

/** One colour code, or one code point. */
const TOKEN = new RegExp(`${ANSI_CODE.source}|[\\s\\S]`, 'gu');

/** The SGR codes that end each kind of style: bold and dim, italic, underline, inverse, hidden, strikethrough, foreground, background. */
const CLOSES: Record<number, (n: number) => boolean> = {
  22: (n) => n === 1 || n === 2,
  23: (n) => n === 3,
  24: (n) => n === 4,
  27: (n) => n === 7,
  28: (n) => n === 8,
  29: (n) => n === 9,
  39: (n) => (n >= 30 && n <= 38) || (n >= 90 && n <= 97),
  49: (n) => (n >= 40 && n <= 48) || (n >= 100 && n <= 107),
};

/**
 * Closes, at the end of each line, the colours still open there, and opens them again at the start of the next line,
 * so no colour code spans a line break (a pager, or a line cut out of the output, keeps its colours).
 */
export function balanceCodes(text: string): string {
  if (!ANSI_CODE.test(text)) return text;
  let open: string[] = [];
  return text.split('\n').map((line) => {
    const start = open.join('');
    for (const [code] of line.matchAll(ANSI)) {
      const n = Number(code.slice(2, -1).split(';')[0] || '0');
      const close = CLOSES[n];
      if (n === 0) open = [];
      else if (close) open = open.filter((o) => !close(Number(o.slice(2, -1).split(';')[0])));
      else open.push(code);
    }
    return `${start}${line}${open.length > 0 ? '\u001b[0m' : ''}`;
  }).join('\n');
}

/** A line no wider than `width`: its indent shrinks as far as needed, and a word wider than the whole width is broken. */
function fitLine(line: string, width: number): string[] {
  if (visible(line) <= width) return [line];
  const body = line.replace(/^ +/, '');
  const room = width - visible(body);
  if (room >= 0) return [' '.repeat(room) + body];
  const out: string[] = [];
  let cur = '';
  let n = 0;
  for (const [token] of body.matchAll(TOKEN)) {
    if (token.length === 1 || token.charCodeAt(0) !== 0x1b) {
      if (n === width) {
        out.push(cur);
        cur = '';
        n = 0;
      }
      n++;
    }
    cur += token;
  }
  out.push(cur);
  return out;
}

/**
 * Wraps text as `wrap` does, keeping words (ids, URLs) whole, and then makes every line fit `width`: a line whose
 * indent leaves no room for its word starts further left, and only a word wider than the whole width is broken.
 * Colour codes in the text are closed and reopened around each line break.
 */
export function fitWrap(text: string, width: number, indent = '', hanging = indent): string {
  const lines = wrap(text, width, indent, hanging, { breakWords: false }).split('\n');
  return balanceCodes(lines.flatMap((l) => fitLine(l, width)).join('\n'));
}
