/**
 * "CST" in a Chinese feed. RFC 822 defines CST as US Central time (−6, what time-zones.ts
 * reads everywhere else), but Chinese sites print dates with Java's `Date.toString()` or
 * `EEE, dd MMM yyyy HH:mm:ss zzz` in the Asia/Shanghai or Asia/Taipei zone, and that writes
 * CST for China (or Chungyuan) Standard Time, +8. Read as −6, every article of such a feed is
 * dated fourteen hours late, in the future for a reader in China. So in a feed or item whose
 * language is Chinese (`zh`, `zh-CN`, `zh-TW`, `zh-Hant` …), a date whose zone is the name CST
 * is read as +08:00. An explicit offset beside it (`+0800 (CST)`, `GMT+8`) is already read as
 * given and is left alone.
 */
import type { ParsedFeedMeta, ParsedItem } from '../../domain/parsed-feed.ts';
import { parseDate } from './parse-date.ts';

// CST as a whole word, not inside a "(comment)" after an offset.
const CST_ZONE = /(?<![\p{L}(])CST(?![\p{L})])/iu;
// US Central is 14 hours behind China: a date read both ways differs by exactly that when CST was its zone.
const CENTRAL_TO_CHINA_MS = 14 * 3_600_000;

/** Returns true when `language` (a BCP 47 tag or an RSS language code) is Chinese. */
export function isChineseLanguage(language: string | undefined): boolean {
  if (language === undefined) return false;
  const lower = language.trim().toLowerCase();
  return lower === 'zh' || lower.startsWith('zh-') || lower.startsWith('zh_') || lower === 'chinese';
}

/** Returns the ISO UTC value of a raw date whose zone is CST, read as China Standard Time (+08:00); undefined when CST is not its zone. */
export function parseChinaStandardTime(raw: string): string | undefined {
  if (!CST_ZONE.test(raw)) return undefined;
  const central = parseDate(raw);
  const china = parseDate(raw.replace(CST_ZONE, '+0800'));
  if (central === undefined || china === undefined) return undefined;
  return Date.parse(central) - Date.parse(china) === CENTRAL_TO_CHINA_MS ? china : undefined;
}

/** Re-reads CST dates of the feed and its items as China Standard Time where the item's (else the feed's) language is Chinese; changes `feed` and `items` in place. */
export function readChineseCst(feed: ParsedFeedMeta, items: readonly ParsedItem[]): void {
  const feedChinese = isChineseLanguage(feed.language);
  if (feedChinese) rereadDates(feed);
  for (const item of items) {
    if (item.language === undefined ? feedChinese : isChineseLanguage(item.language)) rereadDates(item);
  }
}

function rereadDates(target: {
  published?: string;
  publishedRaw?: string;
  updated?: string;
  updatedRaw?: string;
}): void {
  if (target.publishedRaw !== undefined) {
    const iso = parseChinaStandardTime(target.publishedRaw);
    if (iso !== undefined) target.published = iso;
  }
  if (target.updatedRaw !== undefined) {
    const iso = parseChinaStandardTime(target.updatedRaw);
    if (iso !== undefined) target.updated = iso;
  }
}
