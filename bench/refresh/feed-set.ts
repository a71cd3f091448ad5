/**
 * The refresh benchmark's feeds, generated in memory: N feeds of M items in the parse corpus'
 * mix (about 60 % RSS 2.0 and 40 % Atom, 30 % Chinese, 1 in 20 GBK, 1 in 10 with xml:base,
 * bodies of 1–5 KB), from the same generators (bench/parse/feed-xml.ts). Each feed is written
 * with M + K items, K = max(1, round(M / 10)), and served as a window of M items: before the
 * churn the oldest M, after it the newest M, so a churned feed shows K new items at its top
 * and drops K old ones off its end, as a real feed does. 10 % of the feeds churn (chosen by
 * the seed). Item ids and links are unique over all feeds (a feed is redrawn on a collision),
 * so every tool must store exactly N × M articles cold and C × K after the churn.
 */
import { createHash } from 'node:crypto';
import { encodeGbk } from '../lib/gbk-encoder.ts';
import { createPrng } from '../lib/prng.ts';
import { createTextSource, type CorpusLanguage } from '../parse/corpus-text.ts';
import { joinFeedParts, writeFeedParts, type FeedParts, type FeedSpec } from '../parse/feed-xml.ts';
import { createFeedDealer, type DealtFeed } from '../parse/generate-corpus.ts';

/** Size and seed of a feed set; equal options give byte-identical feeds. */
export interface FeedSetOptions {
  feeds: number;
  items: number;
  seed: number;
}

/** One rendering of a feed: its bytes and the strong ETag naming them. */
export interface FeedVersion {
  bytes: Buffer;
  etag: string;
}

/** One feed as served: its file name, headers and the bytes before and (if it churns) after the churn. */
export interface ServedFeed {
  /** `0001.xml`, …: the path under /feeds/. */
  name: string;
  contentType: string;
  language: CorpusLanguage;
  format: FeedSpec['format'];
  encoding: FeedSpec['encoding'];
  before: FeedVersion;
  /** Set only for the feeds that churn. */
  after?: FeedVersion;
}

/** All feeds, with the counts the tools' results are checked against. */
export interface FeedSet {
  feeds: ServedFeed[];
  itemsPerFeed: number;
  /** New items a churned feed gains. */
  churnItems: number;
  churnFeeds: number;
  totalBytes: number;
  mix: Record<string, number>;
}

/** The share of feeds that get new items in the churn round (the issue's 10 %). */
export const CHURN_SHARE = 0.1;

/** Returns the keys a reader may identify an item by: its id (RSS guid, Atom id) and its link, as written. */
export function listItemKeys(item: string): string[] {
  const id = /<guid[^>]*>([^<]*)<\/guid>|<id>([^<]*)<\/id>/.exec(item)?.slice(1).find(Boolean) ?? '';
  const link =
    /<link>([^<]*)<\/link>|<link rel="alternate"[^>]* href="([^"]*)"/.exec(item)?.slice(1).find(Boolean) ?? '';
  return [`id:${id}`, `link:${link}`];
}

/**
 * Returns a feed's parts with M + K items whose ids and links appear nowhere in `seen` (all
 * feeds so far) nor twice in the feed, redrawing the feed on a collision, then adds them to
 * `seen`. Globally distinct, because newsboat looks items up by guid across all feeds.
 */
function writeDistinctFeed(seed: number, index: number, dealt: DealtFeed, seen: Set<string>): FeedParts {
  for (let attempt = 0; ; attempt++) {
    const prng = createPrng((seed ^ Math.imul(index, 0x9e3779b1)) + attempt * 7919);
    const parts = writeFeedParts(prng, createTextSource(prng, dealt.language), dealt.spec);
    const keys = parts.items.flatMap(listItemKeys);
    if (keys.some((key) => key.endsWith(':') || seen.has(key)) || new Set(keys).size !== keys.length) continue;
    for (const key of keys) seen.add(key);
    return parts;
  }
}

/** Returns `xml` encoded as the feed declares, with a strong ETag over the bytes. */
function renderVersion(xml: string, encoding: FeedSpec['encoding']): FeedVersion {
  const bytes = encoding === 'utf-8' ? Buffer.from(xml) : encodeGbk(xml);
  return { bytes, etag: `"${createHash('sha1').update(bytes).digest('base64url').slice(0, 20)}"` };
}

/** Returns the indexes (0-based) of the feeds that churn: CHURN_SHARE of them, chosen by `seed`. */
function pickChurnFeeds(count: number, seed: number): Set<number> {
  const prng = createPrng(seed + 1);
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = prng.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return new Set(order.slice(0, Math.max(1, Math.round(count * CHURN_SHARE))));
}

/** Returns the generated feed set, every version pre-rendered (GBK feeds already encoded). */
export function generateFeedSet(options: FeedSetOptions): FeedSet {
  const churnItems = Math.max(1, Math.round(options.items * CHURN_SHARE));
  const churning = pickChurnFeeds(options.feeds, options.seed);
  const dealFeed = createFeedDealer(createPrng(options.seed), () => options.items + churnItems);
  const mix: Record<string, number> = { rss: 0, atom: 0, en: 0, zh: 0, 'zh-tw': 0, gbk: 0, relative: 0 };
  const feeds: ServedFeed[] = [];
  const seen = new Set<string>();
  let totalBytes = 0;
  for (let index = 0; index < options.feeds; index++) {
    const dealt = dealFeed();
    const { language, spec } = dealt;
    const parts = writeDistinctFeed(options.seed, index, dealt, seen);
    const before = renderVersion(joinFeedParts(parts, churnItems, churnItems + options.items), spec.encoding);
    const after = churning.has(index)
      ? renderVersion(joinFeedParts(parts, 0, options.items), spec.encoding)
      : undefined;
    const charset = spec.encoding === 'utf-8' ? 'utf-8' : spec.encoding;
    const contentType = `application/${spec.format === 'rss' ? 'rss' : 'atom'}+xml; charset=${charset}`;
    feeds.push({
      name: `${String(index + 1).padStart(4, '0')}.xml`,
      contentType,
      language,
      format: spec.format,
      encoding: spec.encoding,
      before,
      after,
    });
    totalBytes += before.bytes.length;
    mix[spec.format]++;
    mix[language]++;
    if (spec.encoding !== 'utf-8') mix.gbk++;
    if (spec.relative) mix.relative++;
  }
  return { feeds, itemsPerFeed: options.items, churnItems, churnFeeds: churning.size, totalBytes, mix };
}
