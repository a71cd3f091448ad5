/**
 * Adapts the JSON Feed wire type to the ParsedFeed model. Decisions: `icon` (the large
 * square image) is the logo and `favicon` the icon; `external_url` is a link with rel
 * "related"; an item's `image` and `banner_image` become image enclosures (after the
 * attachments, no duplicates) since the model has no item image field; `content_html`
 * wins over `content_text`. Relative URLs resolve against the document's base.
 */
import type { Link, ParsedFeedMeta, ParsedItem, Person } from '../../domain/parsed-feed.ts';
import { setPublished, setUpdated } from '../shared/dates.ts';
import { pushCategory } from '../shared/links.ts';
import { imageEnclosure, makeEnclosure, pushEnclosure } from '../shared/media.ts';
import { finishHtml, looseText, toPlainText } from '../shared/text.ts';
import { resolveUrl } from '../../util/resolve-url.ts';
import type { JsonAuthorWire, JsonFeedWire, JsonItemWire } from './json-feed-wire.ts';

/** Returns the feed metadata and items of a JSON Feed; `base` is the document's URL. */
export function adaptJsonFeed(
  wire: JsonFeedWire,
  base: string | undefined,
): { feed: ParsedFeedMeta; items: ParsedItem[] } {
  const items: ParsedItem[] = [];
  for (const item of wire.items) items.push(adaptJsonItem(item, base));
  return { feed: adaptJsonMeta(wire, base), items };
}

function url(raw: string | undefined, base: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const resolved = resolveUrl(raw, base);
  return resolved === '' ? undefined : resolved;
}

function pushLink(links: Link[], href: string | undefined, rel: string, type?: string): void {
  if (href === undefined) return;
  const link: Link = { href, rel };
  if (type !== undefined) link.type = type;
  links.push(link);
}

function readPersons(authors: JsonAuthorWire[], base: string | undefined): Person[] {
  const out: Person[] = [];
  for (const author of authors) {
    const person: Person = {};
    const name = author.name === undefined ? undefined : toPlainText(author.name);
    if (name !== undefined) person.name = name;
    const href = url(author.url, base);
    if (href !== undefined) {
      // JSON Feed allows a mailto: URL as the author's way of contact.
      if (href.startsWith('mailto:')) person.email = href.slice(7);
      else person.url = href;
    }
    if (person.name !== undefined || person.email !== undefined || person.url !== undefined) out.push(person);
  }
  return out;
}

function adaptJsonMeta(wire: JsonFeedWire, base: string | undefined): ParsedFeedMeta {
  const feed: ParsedFeedMeta = {
    links: [],
    authors: readPersons(wire.authors, base),
    contributors: [],
    categories: [],
  };
  const title = wire.title === undefined ? undefined : toPlainText(wire.title);
  if (title !== undefined) {
    feed.title = title;
    feed.titleType = 'text';
  }
  const home = url(wire.home_page_url, base);
  if (home !== undefined) feed.link = home;
  pushLink(feed.links, home, 'alternate', 'text/html');
  pushLink(feed.links, url(wire.feed_url, base), 'self', 'application/feed+json');
  pushLink(feed.links, url(wire.next_url, base), 'next', 'application/feed+json');
  for (const hub of wire.hubs) pushLink(feed.links, url(hub.url, base), 'hub');
  const subtitle = wire.description === undefined ? undefined : looseText(wire.description, base);
  if (subtitle !== undefined) {
    feed.subtitle = subtitle.value;
    feed.subtitleType = subtitle.type;
  }
  const language = wire.language?.trim();
  if (language) feed.language = language;
  const logo = url(wire.icon, base);
  if (logo !== undefined) feed.logo = logo;
  const icon = url(wire.favicon, base);
  if (icon !== undefined) feed.icon = icon;
  return feed;
}

function adaptJsonItem(wire: JsonItemWire, base: string | undefined): ParsedItem {
  const item: ParsedItem = {
    links: [],
    authors: readPersons(wire.authors, base),
    contributors: [],
    categories: [],
    enclosures: [],
  };
  const id = wire.id?.trim();
  if (id) item.id = id;
  const title = wire.title === undefined ? undefined : toPlainText(wire.title);
  if (title !== undefined) {
    item.title = title;
    item.titleType = 'text';
  }
  const link = url(wire.url, base);
  if (link !== undefined) item.link = link;
  pushLink(item.links, link, 'alternate', 'text/html');
  pushLink(item.links, url(wire.external_url, base), 'related');
  setPublished(item, wire.date_published);
  setUpdated(item, wire.date_modified);
  const summary = wire.summary === undefined ? undefined : looseText(wire.summary, base);
  if (summary !== undefined) {
    item.summary = summary.value;
    item.summaryType = summary.type;
  }
  const html = wire.content_html === undefined ? undefined : finishHtml(wire.content_html, base);
  const content =
    html !== undefined
      ? { value: html, type: 'html' as const }
      : wire.content_text === undefined
        ? undefined
        : looseText(wire.content_text, base);
  if (content !== undefined) {
    item.content = content.value;
    item.contentType = content.type;
  }
  for (const tag of wire.tags) pushCategory(item.categories, tag);
  for (const a of wire.attachments)
    pushEnclosure(item.enclosures, makeEnclosure(a.url, base, a.mime_type, a.size_in_bytes));
  pushEnclosure(item.enclosures, imageEnclosure(wire.image, base));
  pushEnclosure(item.enclosures, imageEnclosure(wire.banner_image, base));
  const language = wire.language?.trim();
  if (language) item.language = language;
  return item;
}
