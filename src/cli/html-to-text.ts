/**
 * HTML → plain text for `tidings show --text`: simple and decent, not a renderer. Block
 * elements become line breaks, list items get "- ", links keep their URL in angle brackets
 * when it differs from their text, entities are decoded, runs of blank lines collapse.
 * Regex passes over already-sanitized HTML; issue 4 adds proper Markdown output.
 */
import { decodeHTML } from 'entities';

const DROP = /<(script|style|template)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<!--[\s\S]*?(?:-->|$)/gi;
const LINK = /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>([\s\S]*?)<\/a\s*>/gi;
const BLOCK = /<\/?(p|div|h[1-6]|blockquote|pre|table|tr|ul|ol|dl|dt|dd|figure|figcaption|section|article|header|footer|hr)\b[^>]*>/gi;
const TAG = /<[a-zA-Z/!?][^>]*(?:>|$)/g;

/** Returns readable plain text for an HTML fragment. */
export function htmlToText(html: string): string {
  let text = html.replace(DROP, '');
  text = text.replace(LINK, (_m, d: string | undefined, s: string | undefined, u: string | undefined, inner: string) => {
    const href = decodeHTML(d ?? s ?? u ?? '').trim();
    const label = inner.replace(TAG, '');
    return href === '' || decodeHTML(label).trim() === href || !/^https?:/i.test(href) ? label : `${label} <${href}>`;
  });
  text = text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/(td|th)\s*>/gi, '\t')
    .replace(/<img\b[^>]*\balt\s*=\s*"([^"]+)"[^>]*>/gi, '[$1]')
    .replace(BLOCK, '\n\n')
    .replace(TAG, '');
  return decodeHTML(text)
    .replace(/\u00a0/g, ' ')
    .split('\n').map((line) => line.replace(/[ \t]+/g, ' ').trim()).join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
