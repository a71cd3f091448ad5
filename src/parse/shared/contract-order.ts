/**
 * Puts the keys of a feed's metadata and items in the order docs/parse-json.md lists them (id,
 * title, titleType, link, links, …), so that `tidings parse --pretty` reads like the contract.
 * The adapters fill values in whatever order the formats and their extensions allow (lists
 * first, gaps filled from extensions last), so the order is set once here, at the end. It
 * copies references only, so it costs little even for bench:parse's tens of thousands of items.
 */
import type { ParsedFeedMeta, ParsedItem } from '../../domain/parsed-feed.ts';

// Typed as records over every key, so a field added to the model without a place here fails to compile.
const FEED_ORDER: Record<keyof ParsedFeedMeta, true> = {
  id: true,
  title: true,
  titleType: true,
  link: true,
  links: true,
  subtitle: true,
  subtitleType: true,
  rights: true,
  rightsType: true,
  language: true,
  updated: true,
  updatedRaw: true,
  published: true,
  publishedRaw: true,
  authors: true,
  contributors: true,
  image: true,
  icon: true,
  logo: true,
  generator: true,
  categories: true,
  ttl: true,
  docs: true,
  itunes: true,
  podcast: true,
  media: true,
  geo: true,
};
const ITEM_ORDER: Record<keyof ParsedItem, true> = {
  id: true,
  title: true,
  titleType: true,
  link: true,
  links: true,
  published: true,
  publishedRaw: true,
  updated: true,
  updatedRaw: true,
  authors: true,
  contributors: true,
  summary: true,
  summaryType: true,
  content: true,
  contentType: true,
  categories: true,
  enclosures: true,
  comments: true,
  rights: true,
  rightsType: true,
  language: true,
  source: true,
  itunes: true,
  podcast: true,
  media: true,
  chapters: true,
  geo: true,
};
const FEED_KEYS = Object.keys(FEED_ORDER) as (keyof ParsedFeedMeta)[];
const ITEM_KEYS = Object.keys(ITEM_ORDER) as (keyof ParsedItem)[];

function copyInOrder<T extends object>(value: T, keys: readonly (keyof T)[]): T {
  const ordered: Partial<T> = {};
  for (const key of keys) {
    const field = value[key];
    if (field !== undefined) ordered[key] = field;
  }
  return ordered as T;
}

/** Returns the feed metadata with its keys in contract order (the same values). */
export function orderFeedMeta(feed: ParsedFeedMeta): ParsedFeedMeta {
  return copyInOrder(feed, FEED_KEYS);
}

/** Returns the item with its keys in contract order (the same values). */
export function orderItem(item: ParsedItem): ParsedItem {
  return copyInOrder(item, ITEM_KEYS);
}
