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
