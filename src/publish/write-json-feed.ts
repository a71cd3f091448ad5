/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): `feed_url` as the self link, the
 * full cleaned text as `content_html`, RFC 3339 dates, `authors` (1.1's replacement of
 * `author`), tags, and attachments (whose `mime_type` is required, so an unknown type is
 * `application/octet-stream`). JSON.stringify does the escaping; lone surrogates are removed
 * so the document is valid UTF-8.
 */
import { outboundFeed } from './outbound-feed.ts';
import { outboundUrl } from '../domain/outbound-url.ts';
import type { Person } from '../domain/parsed-feed.ts';
import { formatRfc3339 } from './feed-dates.ts';
import type { PublishedFeed, PublishedItem } from './publish-types.ts';
import { xmlSafeText } from './xml-text.ts';

type Json = string | number | boolean | Json[] | { [key: string]: Json | undefined } | undefined;

// JSON Feed 1.1: an author needs at least one of name, url, avatar.
function writeAuthor(person: Person): Record<string, Json> | undefined {
  const name = person.name ?? person.email;
  const url = person.url ?? outboundUrl(person.email === undefined ? undefined : `mailto:${person.email}`, 'contact');
  return name === undefined && url === undefined ? undefined : { name, url };
}

function optionalList<T extends Json>(list: T[]): T[] | undefined {
  return list.length === 0 ? undefined : list;
}

function writeItem(item: PublishedItem): Record<string, Json> {
  return {
    id: item.id,
    url: item.link,
    title: item.title,
    content_html: item.contentHtml ?? item.summaryHtml ?? '',
    date_published: item.publishedAt === undefined ? undefined : formatRfc3339(item.publishedAt),
    date_modified: item.updatedAt === undefined ? undefined : formatRfc3339(item.updatedAt),
    authors: optionalList(item.authors.flatMap((person) => writeAuthor(person) ?? [])),
    tags: optionalList(item.categories),
    language: item.language,
    attachments:
      item.enclosures.length === 0
        ? undefined
        : item.enclosures.map((e) => ({
            url: e.url,
            mime_type: e.type ?? 'application/octet-stream',
            size_in_bytes: e.length,
          })),
  };
}

/** Returns the feed (every URL that may not leave Tidings left out: outbound-feed.ts) as a JSON Feed 1.1 document. */
export function writeJsonFeed(given: PublishedFeed): string {
  const feed = outboundFeed(given);
  const document: Record<string, Json> = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.siteUrl,
    feed_url: feed.selfUrl,
    description: feed.description,
    language: feed.language,
    items: feed.items.map(writeItem),
  };
  // Lone surrogates cannot be encoded as UTF-8; the XML rule also drops C0 controls, which JSON would escape anyway.
  return `${JSON.stringify(document, (_key, value: unknown) => (typeof value === 'string' ? xmlSafeText(value) : value), 2)}\n`;
}
