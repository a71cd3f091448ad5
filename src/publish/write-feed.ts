/**
 * One entry point for the three writers: the document and its media type for a format.
 */
import type { PublishedFeed, PublishFormat } from './publish-types.ts';
import { writeAtom } from './write-atom.ts';
import { writeJsonFeed } from './write-json-feed.ts';
import { writeRss } from './write-rss.ts';

/** A written document and the Content-Type to serve it with. */
export interface WrittenFeed {
  body: string;
  contentType: string;
}

/** The media types of the formats (RSS has no registered type; `application/rss+xml` is the one in use). */
export const FEED_CONTENT_TYPES: Readonly<Record<PublishFormat, string>> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

const WRITERS: Readonly<Record<PublishFormat, (feed: PublishedFeed) => string>> = {
  rss: writeRss,
  atom: writeAtom,
  json: writeJsonFeed,
};

/** Returns the feed written in `format` with its Content-Type. */
export function writeFeed(feed: PublishedFeed, format: PublishFormat): WrittenFeed {
  return { body: WRITERS[format](feed), contentType: FEED_CONTENT_TYPES[format] };
}
