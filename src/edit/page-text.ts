/** A web page or text file as the text a snapshot stores: Readability's article, as plain paragraphs; text decoded and in LF. */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { UsageError } from '../cli/io.js';
import { normaliseText } from '../load/snapshot.js';


/** Whether a text is an HTML page: by the file name, else by how it starts. */
export function looksLikeHtml(text: string, name?: string): boolean {
  if (name !== undefined && /\.html?$/i.test(name)) return true;
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(text.slice(0, 4096));
}

/** The charset a page declares in a `<meta>` within its first bytes, if any. */
function metaCharset(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 2048).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)/i.exec(head)?.[1];
}

/** A decoder for a charset label, or undefined when Node does not know it. */
function decoderFor(label: string | undefined, fatal: boolean): TextDecoder | undefined {
  if (label === undefined) return undefined;
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return undefined;
  }
}

/** Line endings to LF, a byte-order mark dropped. */
const toLf = (text: string): string => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

/**
 * Decodes input bytes. Plain text must be UTF-8; a page may declare another charset (HTTP header or `<meta>`).
 * `name` says what is read, for messages.
 */
export function decodeInput(bytes: Buffer, name: string, opts: { html: boolean; charset?: string }): string {
  if (opts.html) {
    const declared = decoderFor(opts.charset, false) ?? decoderFor(metaCharset(bytes), false);
    if (declared) return toLf(declared.decode(bytes));
  }
  try {
    return toLf(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    if (opts.html) return toLf(new TextDecoder('utf-8').decode(bytes));
    throw new UsageError(`${name} is not valid UTF-8 text: save it as UTF-8 first`);
  }
}

/** Block elements: each starts a new paragraph of the text. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'thead', 'tfoot', 'tr', 'ul', 'caption',
]);
/** Elements whose content is never text a reader sees. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'head', 'button', 'select', 'input', 'textarea']);
/** Page furniture dropped when no article is found and the whole body is used. */
const FURNITURE = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu']);

/** Minimal DOM node shape, as linkedom gives it. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Plain text of a DOM subtree: a blank line between paragraphs, one line per `<br>`, list item or table row. */
export function domText(root: DomNode, drop: ReadonlySet<string> = new Set()): string {
  const paragraphs: string[] = [];
  let line = '';
  // Preformatted text keeps its spacing.
  let preLine = false;
  let lines: string[] = [];
  const endLine = (): void => {
    const l = preLine ? line.trimEnd() : line.replace(/[ \t]+/g, ' ').trim();
    if (l.trim() !== '') lines.push(l);
    line = '';
    preLine = false;
  };
  const endParagraph = (): void => {
    endLine();
    if (lines.length > 0) paragraphs.push(lines.join('\n'));
    lines = [];
  };
  const walk = (node: DomNode, pre: boolean): void => {
    if (node.nodeType === 3) {
      const t = node.textContent ?? '';
      if (pre) {
        const parts = t.split('\n');
        parts.forEach((p, i) => {
          if (i > 0) endLine();
          line += p;
          preLine = true;
        });
      } else line += t.replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeName.toLowerCase();
    if (HIDDEN.has(tag) || drop.has(tag)) return;
    if (tag === 'br') {
      endLine();
      return;
    }
    const block = BLOCKS.has(tag);
    const lineish = tag === 'li' || tag === 'tr' || tag === 'dt' || tag === 'dd';
    if (block) (lineish ? endLine : endParagraph)();
    if (tag === 'td' || tag === 'th') line += ' ';
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i]!, pre || tag === 'pre');
    if (block) (lineish ? endLine : endParagraph)();
  };
  walk(root, false);
  endParagraph();
  return paragraphs.join('\n\n');
}

/** What was kept of a page: its readable text, and whether an article was found (else the page body without its furniture). */
export interface PageText {
  text: string;
  article: boolean;
  title?: string;
}

/** The readable text of an HTML page: the article Readability finds, with its title first; else the body without menus. */
export function readableText(html: string, url?: string): PageText {
  const { document } = parseHTML(html);
  const title = document.title?.trim() || undefined;
  if (url !== undefined) {
    // Readability resolves links against the page's address; a <base> gives it one without a window.location.
    try {
      const base = document.createElement('base');
      base.setAttribute('href', url);
      document.head?.appendChild(base);
    } catch {
      // Relative links stay relative: only the text is kept.
    }
  }
  // Navigation is never article text; Readability judges by class names, which a menu inside the article may lack.
  for (const nav of [...document.querySelectorAll('nav, [role="navigation"]')]) nav.remove();
  let parsed: ReturnType<Readability<string>['parse']> = null;
  try {
    parsed = new Readability(document as unknown as Document).parse();
  } catch {
    parsed = null;
  }
  if (parsed?.content) {
    const { document: articleDoc } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
    const body = domText(articleDoc.body as unknown as DomNode);
    if (body.trim() !== '') {
      const heading = parsed.title?.trim();
      const text = heading && !normaliseText(body).startsWith(normaliseText(heading)) ? `${heading}\n\n${body}` : body;
      return { text, article: true, title: heading || title };
    }
  }
  const { document: whole } = parseHTML(html);
  const body = whole.body ? domText(whole.body as unknown as DomNode, FURNITURE) : '';
  return { text: body, article: false, title };
}

/** The text to store from input bytes: a page's readable text, or plain text as it is. */
export function textFromBytes(bytes: Buffer, name: string, opts: { fileName?: string; contentType?: string; url?: string } = {}): { text: string; html: boolean; article?: boolean } {
  const type = opts.contentType?.split(';')[0]?.trim().toLowerCase();
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(opts.contentType ?? '')?.[1];
  const sniff = bytes.subarray(0, 4096).toString('latin1');
  const html = type === 'text/html' || type === 'application/xhtml+xml' || (type !== 'text/plain' && looksLikeHtml(sniff, opts.fileName));
  const decoded = decodeInput(bytes, name, { html, charset });
  if (!html) return { text: decoded, html: false };
  const page = readableText(decoded, opts.url);
  return { text: page.text === '' ? '' : `${page.text}\n`, html: true, article: page.article };
}
