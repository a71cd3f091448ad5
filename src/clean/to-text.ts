/**
 * HTML → readable plain text, for `tidings show --text`, the text exports and search
 * snippets. Paragraph-level elements are separated by a blank line, list items get `- ` or
 * `1. ` (indented per level), table cells a tab, `<br>` a line break, images their alt text
 * in brackets; whitespace collapses as a browser shows it, except inside `pre`. Lines are not
 * wrapped: Chinese has no spaces to wrap at, and terminals and editors wrap anyway.
 */
import { type ChildNode, isElement, isText, parseFragment, type ParentNode, PREFORMATTED_TAGS } from './dom.ts';
import { DROP_WITH_CONTENT } from './sanitize-html.ts';

const SKIPPED = new Set([...DROP_WITH_CONTENT, 'noscript']);
const PARAGRAPHS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'main',
  'nav',
  'blockquote',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'table',
  'ul',
  'ol',
  'dl',
  'hr',
  'details',
  'address',
  'center',
  'caption',
]);
const LINES = new Set(['li', 'tr', 'dt', 'dd', 'summary']);

/** Accumulates text with pending line breaks, so separators never pile up. */
class TextOut {
  private readonly parts: string[] = [];
  private pending = 0;
  private atLineStart = true;

  /** Asks for `count` line breaks before the next text (2 = a blank line). */
  breakLines(count: number): void {
    if (this.parts.length > 0) this.pending = Math.max(this.pending, count);
  }

  /** Writes a line break now (for `<br>`). */
  lineBreak(): void {
    if (this.pending > 0) this.flush();
    this.parts.push('\n');
    this.atLineStart = true;
  }

  private flush(): void {
    if (this.pending > 0 && this.parts.length > 0) this.parts.push('\n'.repeat(this.pending));
    if (this.pending > 0) this.atLineStart = true;
    this.pending = 0;
  }

  write(text: string, preformatted = false): void {
    let value = preformatted ? text : text.replace(/[ \t\n\r\f]+/g, ' ');
    if (value === '') return;
    this.flush();
    if (!preformatted && this.atLineStart) value = value.replace(/^ +/, '');
    if (!preformatted && value.startsWith(' ') && this.parts[this.parts.length - 1]?.endsWith(' '))
      value = value.slice(1);
    if (value === '') return;
    this.parts.push(value);
    this.atLineStart = value.endsWith('\n');
  }

  finish(): string {
    return this.parts
      .join('')
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }
}

interface Walk {
  out: TextOut;
  lists: Array<{ ordered: boolean; index: number }>;
  pre: boolean;
}

function walkChildren(parent: ParentNode, walk: Walk): void {
  for (const child of parent.children) walkNode(child, walk);
}

function walkNode(node: ChildNode, walk: Walk): void {
  if (isText(node)) {
    walk.out.write(node.data, walk.pre);
    return;
  }
  if (!isElement(node) || SKIPPED.has(node.name)) return;
  const { name } = node;
  if (name === 'br') {
    walk.out.lineBreak();
    return;
  }
  if (name === 'img') {
    const alt = node.attribs.alt?.trim();
    if (alt) walk.out.write(`[${alt}]`);
    return;
  }
  if (name === 'td' || name === 'th') {
    if (node.prev !== null && node.parent?.children.indexOf(node) !== 0) walk.out.write('\t', true);
    walkChildren(node, walk);
    return;
  }
  const paragraph = PARAGRAPHS.has(name);
  const line = LINES.has(name);
  if (paragraph) walk.out.breakLines(walk.lists.length > 0 && (name === 'ul' || name === 'ol') ? 1 : 2);
  if (line) walk.out.breakLines(1);
  if (name === 'li') {
    const list = walk.lists[walk.lists.length - 1];
    const indent = '  '.repeat(Math.max(0, walk.lists.length - 1));
    walk.out.write(`${indent}${list?.ordered ? `${++list.index}. ` : '- '}`, true);
  }
  if (name === 'ul' || name === 'ol')
    walk.lists.push({ ordered: name === 'ol', index: Number(node.attribs.start ?? 1) - 1 || 0 });
  const pre = walk.pre;
  if (PREFORMATTED_TAGS.has(name)) walk.pre = true;
  walkChildren(node, walk);
  walk.pre = pre;
  if (name === 'ul' || name === 'ol') walk.lists.pop();
  if (paragraph) walk.out.breakLines(2);
  if (line) walk.out.breakLines(1);
}

/** Returns the readable plain text of an HTML fragment. */
export function toText(html: string): string {
  const walk: Walk = { out: new TextOut(), lists: [], pre: false };
  walkChildren(parseFragment(html), walk);
  return walk.out.finish();
}
