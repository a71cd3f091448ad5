/**
 * Adapts the RSS wire types (0.90–2.0 and 1.0) to the ParsedFeed model. RSS titles are
 * plain text, descriptions and content:encoded are HTML (RSS 2.0 spec: "entity-encoded
 * HTML is allowed"), dates come from pubDate/lastBuildDate with Dublin Core and dcterms
 * as fallbacks; extensions fill only what RSS itself left empty.
 */
import type { FeedImage, ItemSource, ParsedFeedMeta, ParsedItem } from '../../domain/parsed-feed.ts';
import { applyFeedExtensions, applyItemExtensions, fillSummaryFromContent } from '../shared/apply-extensions.ts';
import { setPublished, setUpdated, textOf } from '../shared/dates.ts';
import { findLink, pickAlternate, pushTextCategory, readLinks } from '../shared/links.ts';
import { pushEnclosure, pushLinkEnclosures, readRssEnclosure } from '../shared/media.ts';
import { parseNumber } from '../shared/numbers.ts';
import { pushPerson, readPersonText } from '../shared/persons.ts';
import { readHtml, readOpenText, readTitle, toPlainText } from '../shared/text.ts';
import { NS } from '../xml/namespaces.ts';
import { getAttrNs, langOf, textContent } from '../xml/query.ts';
import type { XmlElement } from '../xml/types.ts';
import { isAbsoluteUrl, resolveUrl } from '../../util/resolve-url.ts';
import type { RssWireChannel, RssWireItem } from './rss-wire.ts';

/** Returns the feed metadata and items of an RSS channel. */
export function adaptRss(wire: RssWireChannel): { feed: ParsedFeedMeta; items: ParsedItem[] } {
  const items: ParsedItem[] = [];
  for (const item of wire.items) items.push(adaptRssItem(item));
  return { feed: adaptRssChannel(wire), items };
}

function trimmedText(el: XmlElement | undefined): string | undefined {
  if (el === undefined) return undefined;
  const value = textContent(el).trim();
  return value === '' ? undefined : value;
}

function adaptRssChannel(wire: RssWireChannel): ParsedFeedMeta {
  const feed: ParsedFeedMeta = { links: readLinks(wire.links, false), authors: [], contributors: [], categories: [] };
  if (wire.about !== undefined) feed.id = wire.about;
  const title = wire.title && readTitle(wire.title);
  if (title !== undefined) {
    feed.title = title.value;
    feed.titleType = title.type;
  }
  const link = pickAlternate(feed.links);
  if (link !== undefined) feed.link = link;
  // RSS 2.0: the description is HTML ("entity-encoded HTML is allowed"), as feedparser reads it.
  const subtitle = wire.description && readHtml(wire.description);
  if (subtitle !== undefined) {
    feed.subtitle = subtitle;
    feed.subtitleType = 'html';
  }
  const rights = wire.copyright && readOpenText(wire.copyright, true);
  if (rights !== undefined) {
    feed.rights = rights.value;
    feed.rightsType = rights.type;
  }
  const language = trimmedText(wire.language) ?? langOf(wire.el);
  if (language !== undefined) feed.language = language;
  setUpdated(feed, textOf(wire.lastBuildDate));
  setPublished(feed, textOf(wire.pubDate));
  if (wire.managingEditor !== undefined) pushPerson(feed.authors, readPersonText(wire.managingEditor));
  if (wire.image !== undefined) {
    const image = readRssImage(wire.image);
    if (image !== undefined) feed.image = image;
  }
  const generator = trimmedText(wire.generator);
  if (generator !== undefined) feed.generator = isAbsoluteUrl(generator) ? { url: generator } : { name: generator };
  if (wire.categories !== undefined) for (const el of wire.categories) pushTextCategory(feed.categories, el);
  const ttl = parseNumber(textOf(wire.ttl));
  if (ttl !== undefined) feed.ttl = ttl;
  const docs = trimmedText(wire.docs);
  if (docs !== undefined && wire.docs !== undefined) feed.docs = resolveUrl(docs, wire.docs.base);
  applyFeedExtensions(feed, wire);
  return feed;
}

/** Reads `<image>` (url, title, link, width, height), or undefined when it holds nothing. */
function readRssImage(el: XmlElement): FeedImage | undefined {
  const image: FeedImage = {};
  for (const child of el.children) {
    if (typeof child === 'string') continue;
    const value = textContent(child).trim();
    if (value === '') continue;
    switch (child.local) {
      case 'url':
        image.url = resolveUrl(value, child.base);
        break;
      case 'title': {
        const t = toPlainText(value);
        if (t !== undefined) image.title = t;
        break;
      }
      case 'link':
        image.link = resolveUrl(value, child.base);
        break;
      case 'width': {
        const n = parseNumber(value);
        if (n !== undefined) image.width = n;
        break;
      }
      case 'height': {
        const n = parseNumber(value);
        if (n !== undefined) image.height = n;
        break;
      }
    }
  }
  // RSS 1.0 §5.4: the image's URL may also be its rdf:resource / rdf:about.
  if (image.url === undefined) {
    const about = getAttrNs(el, 'about', NS.RDF) ?? getAttrNs(el, 'resource', NS.RDF);
    if (about !== undefined && about.trim() !== '') image.url = resolveUrl(about, el.base);
  }
  return Object.keys(image).length === 0 ? undefined : image;
}

const HTTP_URL = /^https?:\/\//i;

function adaptRssItem(wire: RssWireItem): ParsedItem {
  const item: ParsedItem = {
    links: readLinks(wire.links, false),
    authors: [],
    contributors: [],
    categories: [],
    enclosures: [],
  };
  const guid = trimmedText(wire.guid);
  const id = guid ?? wire.about;
  if (id !== undefined) item.id = id;
  const title = wire.title && readTitle(wire.title);
  if (title !== undefined) {
    item.title = title.value;
    item.titleType = title.type;
  }
  const link = pickAlternate(item.links) ?? permalinkOf(wire.guid, guid);
  if (link !== undefined) item.link = link;
  const summary = wire.description && readHtml(wire.description);
  if (summary !== undefined) {
    item.summary = summary;
    item.summaryType = 'html';
  }
  setPublished(item, textOf(wire.pubDate));
  if (wire.authors !== undefined) for (const el of wire.authors) pushPerson(item.authors, readPersonText(el));
  if (wire.categories !== undefined) for (const el of wire.categories) pushTextCategory(item.categories, el);
  if (wire.enclosures !== undefined)
    for (const el of wire.enclosures) pushEnclosure(item.enclosures, readRssEnclosure(el));
  const comments = trimmedText(wire.comments);
  if (comments !== undefined && wire.comments !== undefined) item.comments = resolveUrl(comments, wire.comments.base);
  else {
    const replies = findLink(item.links, 'replies', true);
    if (replies !== undefined) item.comments = replies;
  }
  const language = wire.el.attrs['xml:lang']?.trim();
  if (language) item.language = language;
  if (wire.source !== undefined) {
    const source = readRssSource(wire.source);
    if (source !== undefined) item.source = source;
  }
  pushLinkEnclosures(item.enclosures, item.links);
  applyItemExtensions(item, wire);
  if (item.content === undefined && wire.secondDescription !== undefined) {
    const content = readOpenText(wire.secondDescription, true);
    if (content !== undefined) {
      item.content = content.value;
      item.contentType = content.type;
    }
  }
  fillSummaryFromContent(item);
  return item;
}

/** RSS 2.0: a guid is a permalink unless isPermaLink="false"; only http(s) guids are used as links. */
function permalinkOf(el: XmlElement | undefined, guid: string | undefined): string | undefined {
  if (el === undefined || guid === undefined) return undefined;
  if (el.attrs.isPermaLink?.trim().toLowerCase() === 'false') return undefined;
  return HTTP_URL.test(guid) ? guid : undefined;
}

/** RSS 2.0 `<source url="feed URL">Title</source>`. */
function readRssSource(el: XmlElement): ItemSource | undefined {
  const source: ItemSource = {};
  const title = toPlainText(textContent(el));
  if (title !== undefined) source.title = title;
  const url = el.attrs.url?.trim();
  if (url) source.url = resolveUrl(url, el.base);
  return source.title === undefined && source.url === undefined ? undefined : source;
}
