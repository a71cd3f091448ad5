/**
 * Every URL of a feed to write, through the one rule for URLs that leave Tidings
 * (domain/outbound-url.ts): item and site links, enclosures and author URLs. A refused link
 * is left out, an enclosure without a usable URL is dropped, and an author keeps a
 * `mailto:` or web URL only. Applied by `writeFeed`, so every writer and every caller gets it.
 */
import { outboundEnclosures, outboundPerson, outboundUrl } from '../domain/outbound-url.ts';
import type { PublishedFeed, PublishedItem } from './publish-types.ts';

/** Returns the feed with every URL that may not leave Tidings left out. */
export function outboundFeed(feed: PublishedFeed): PublishedFeed {
  const { siteUrl, generator, ...rest } = feed;
  const site = outboundUrl(siteUrl);
  const generatorUrl = outboundUrl(generator?.url);
  return {
    ...rest,
    ...(site === undefined ? {} : { siteUrl: site }),
    ...(generator === undefined
      ? {}
      : { generator: { name: generator.name, version: generator.version, url: generatorUrl } }),
    items: feed.items.map(outboundItem),
  };
}

function outboundItem(item: PublishedItem): PublishedItem {
  const { link, ...rest } = item;
  const safeLink = outboundUrl(link);
  return {
    ...rest,
    ...(safeLink === undefined ? {} : { link: safeLink }),
    authors: item.authors.map(outboundPerson),
    enclosures: outboundEnclosures(item.enclosures),
  };
}
