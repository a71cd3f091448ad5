/**
 * Small text helpers for the use cases: a feed or item title typed as HTML becomes plain
 * text for storage and the archive's title line, and plain text becomes safe HTML. A
 * regex pass plus the `entities` HTML5 table, not an HTML parser: titles are short and
 * rarely hold more than `<b>` or an entity.
 */
import { decodeHTML } from 'entities';

const MARKUP = /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<[a-zA-Z/!?][^>]*(?:>|$)/gi;

/** Returns `value` as one line of plain text (tags removed and entities decoded when `type` is html). */
export function plainText(value: string, type: 'text' | 'html' = 'html'): string {
  const text = type === 'html' ? decodeHTML(value.replace(MARKUP, ' ')) : value;
  return text.replace(/\s+/g, ' ').trim();
}
