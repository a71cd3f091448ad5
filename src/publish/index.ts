// publish/ owns writing feed documents (RSS 2.0, Atom 1.0, JSON Feed 1.1) from items: pure
// functions, items → document string. It imports only domain/ types; never store, web or anything above.
export type { PublishedFeed, PublishedItem, PublishFormat } from './publish-types.ts';
export { PUBLISH_FORMATS, isPublishFormat } from './publish-types.ts';
export { escapeXml, xmlSafeText } from './xml-text.ts';
export { formatRfc822, formatRfc3339 } from './feed-dates.ts';
export { writeRss } from './write-rss.ts';
export { writeAtom } from './write-atom.ts';
export { writeJsonFeed } from './write-json-feed.ts';
export { writeFeed, FEED_CONTENT_TYPES } from './write-feed.ts';
export type { WrittenFeed } from './write-feed.ts';
