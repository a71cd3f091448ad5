/**
 * The "auto" full-text heuristic: does this feed carry only summaries? An item looks like a
 * summary when its body is missing or short (under 280 characters of text, a CJK character
 * counting double: a tweet's worth), when its text ends in an ellipsis (…, ..., [...],
 * [&hellip;]), or when it ends with a "read more" link ("Continue reading", "阅读全文" …).
 * The feed is summary-only when at least half of its (up to 20 most recent) items look so;
 * one long item among teasers, or one teaser among full articles, does not flip the verdict.
 * Pure, and deliberately without an HTML parser: a tag strip is enough to measure text.
 */
import { decodeHTML } from 'entities';

/** The parts of a feed item the heuristic looks at (ParsedItem fits). */
export interface SummaryProbeItem {
  summary?: string;
  content?: string;
  link?: string;
}

const SHORT_TEXT = 280;
const SAMPLE = 20;
const ELLIPSIS_END = /(?:…|\.{3}|\[\s*(?:…|\.{3})\s*\]|\(\s*(?:…|\.{3})\s*\)|»)\s*$/u;
const READ_MORE =
  /(?:continue reading|read (?:the )?(?:more|full|rest)|read on|full (?:story|article)|more\s*»|→\s*$|阅读全文|阅读更多|查看全文|继续阅读|閱讀全文|繼續閱讀|全文|点击查看|點擊查看|展开全文)/i;
const LAST_LINK = /<a\b[^>]*>((?:(?!<a\b)[\s\S])*?)<\/a>\s*(?:<\/[a-z0-9]+>\s*)*$/i;
const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/gu;

function textOf(html: string): string {
  return decodeHTML(html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

function weightedLength(text: string): number {
  return text.length + (text.match(CJK)?.length ?? 0);
}

/** Returns true when one item's body looks like a summary rather than the article. */
export function isSummaryItem(item: SummaryProbeItem): boolean {
  const html = item.content?.trim() || item.summary?.trim() || '';
  const text = textOf(html);
  if (weightedLength(text) < SHORT_TEXT) return true;
  if (ELLIPSIS_END.test(text)) return true;
  const lastLink = LAST_LINK.exec(html);
  return lastLink !== null && READ_MORE.test(textOf(lastLink[1]));
}

/** Returns true when at least half of the recent items (the first 20 given) look like summaries; false for no items. */
export function looksLikeSummaryOnly(items: readonly SummaryProbeItem[]): boolean {
  const sample = items.slice(0, SAMPLE);
  if (sample.length === 0) return false;
  const summaries = sample.filter(isSummaryItem).length;
  return summaries * 2 >= sample.length;
}
