/**
 * The plain text of a cleaned article body, for indexing and snippets. Block elements and
 * line breaks become line breaks; inline elements vanish without a trace, so `中<b>国</b>`
 * stays the one word 中国 a reader sees, not two runs. Script, style and comments go with
 * their content; entities are decoded with fb55's `entities` (already a dependency, full
 * HTML5 table). Regular expressions, not a DOM: the input is sanitized HTML (clean/ ran
 * first), and this runs over every indexed article.
 */
import { decodeHTML } from 'entities';
import { cutHtml } from '../util/cut-html.ts';

/** The most text of one article body the search index holds (characters); the rest of a longer body is not searchable (docs/search.md). */
export const MAX_INDEXED_TEXT = 500_000;

/** The most HTML of one body read to find that text: markup-heavy bodies give less text, never more work. */
export const MAX_INDEXED_HTML = 4 * MAX_INDEXED_TEXT;

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'iframe',
  'img',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'video',
  'audio',
  'picture',
]);

/** Returns the text of an HTML fragment: tags removed (block tags as line breaks), entities decoded. */
export function htmlToText(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return html;
  const stripped = html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, '\n')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>/g, (_tag, name: string) =>
      BLOCK_TAGS.has(name.toLowerCase()) ? '\n' : '',
    );
  return stripped.includes('&') ? decodeHTML(stripped) : stripped;
}

/** Returns the text of a body as the search index and its snippets see it: of its first MAX_INDEXED_HTML characters, at most MAX_INDEXED_TEXT. */
export function indexedText(html: string): string {
  const text = htmlToText(cutHtml(html, MAX_INDEXED_HTML));
  return text.length > MAX_INDEXED_TEXT ? cutHtml(text, MAX_INDEXED_TEXT) : text;
}
