/**
 * Adapts the Atom wire types (1.0 and 0.3) to the ParsedFeed model: typed text constructs
 * (xhtml reported as html), persons, links with the main alternate chosen, dates from
 * published/updated (0.3: issued/modified/created). An entry without authors takes its
 * `<source>`'s (RFC 4287 §4.2.1); the feed's authors are left on the feed.
 */
import type { ItemSource, ParsedFeedMeta, ParsedItem, Person } from '../../domain/parsed-feed.ts';
import { applyFeedExtensions, applyItemExtensions, fillSummaryFromContent } from '../shared/apply-extensions.ts';
import { setPublished, setUpdated, textOf } from '../shared/dates.ts';
import { findLink, pickAlternate, pushAtomCategory, readLinks } from '../shared/links.ts';
import { pushLinkEnclosures } from '../shared/media.ts';
import { pushPerson, readAtomPerson } from '../shared/persons.ts';
import { readAtomText, readAtomTitle, toPlainText, type TypedText } from '../shared/text.ts';
import { langOf, textContent } from '../xml/query.ts';
import type { XmlElement } from '../xml/types.ts';
import { resolveUrl } from '../../util/resolve-url.ts';
import type { AtomWireEntry, AtomWireFeed } from './atom-wire.ts';
import { readAtomDocument } from './read-atom.ts';

/** Returns the feed metadata and items of an Atom feed. */
export function adaptAtom(wire: AtomWireFeed): { feed: ParsedFeedMeta; items: ParsedItem[] } {
  const items: ParsedItem[] = [];
  for (const entry of wire.entries) items.push(adaptAtomEntry(entry, wire));
  return { feed: adaptAtomFeed(wire), items };
}

function trimmedText(el: XmlElement | undefined): string | undefined {
  if (el === undefined) return undefined;
  const value = textContent(el).trim();
  return value === '' ? undefined : value;
}

function readPersons(els: XmlElement[] | undefined, coreNs: string): Person[] {
  const out: Person[] = [];
  if (els !== undefined) for (const el of els) pushPerson(out, readAtomPerson(el, coreNs));
  return out;
}

function adaptAtomFeed(wire: AtomWireFeed): ParsedFeedMeta {
  const { atom03, coreNs } = wire;
  const feed: ParsedFeedMeta = {
    links: readLinks(wire.links, true),
    authors: readPersons(wire.authors, coreNs),
    contributors: readPersons(wire.contributors, coreNs),
    categories: [],
  };
  const id = trimmedText(wire.id);
  if (id !== undefined) feed.id = id;
  setText(wire.title && readAtomTitle(wire.title, atom03), (v, t) => {
    feed.title = v;
    feed.titleType = t;
  });
  const link = pickAlternate(feed.links);
  if (link !== undefined) feed.link = link;
  setText(wire.subtitle && readAtomText(wire.subtitle, atom03), (v, t) => {
    feed.subtitle = v;
    feed.subtitleType = t;
  });
  setText(wire.rights && readAtomText(wire.rights, atom03), (v, t) => {
    feed.rights = v;
    feed.rightsType = t;
  });
  const language = langOf(wire.el);
  if (language !== undefined) feed.language = language;
  setUpdated(feed, textOf(wire.updated));
  setPublished(feed, textOf(wire.published));
  if (wire.categories !== undefined) for (const el of wire.categories) pushAtomCategory(feed.categories, el);
  if (wire.generator !== undefined) {
    const generator = readGenerator(wire.generator);
    if (generator !== undefined) feed.generator = generator;
  }
  const icon = trimmedText(wire.icon);
  if (icon !== undefined && wire.icon !== undefined) feed.icon = resolveUrl(icon, wire.icon.base);
  const logo = trimmedText(wire.logo);
  if (logo !== undefined && wire.logo !== undefined) feed.logo = resolveUrl(logo, wire.logo.base);
  applyFeedExtensions(feed, wire);
  return feed;
}

function setText(text: TypedText | undefined, assign: (value: string, type: TypedText['type']) => void): void {
  if (text !== undefined) assign(text.value, text.type);
}

/** `<generator uri version>Name</generator>` (0.3: `url`). */
function readGenerator(el: XmlElement): ParsedFeedMeta['generator'] {
  const generator: NonNullable<ParsedFeedMeta['generator']> = {};
  const name = toPlainText(textContent(el));
  if (name !== undefined) generator.name = name;
  const version = el.attrs.version?.trim();
  if (version) generator.version = version;
  const url = (el.attrs.uri ?? el.attrs.url)?.trim();
  if (url) generator.url = resolveUrl(url, el.base);
  return Object.keys(generator).length === 0 ? undefined : generator;
}

const HTTP_URL = /^https?:\/\//i;

function adaptAtomEntry(wire: AtomWireEntry, feedWire: AtomWireFeed): ParsedItem {
  const { atom03, coreNs } = feedWire;
  const item: ParsedItem = {
    links: readLinks(wire.links, true),
    authors: readPersons(wire.authors, coreNs),
    contributors: readPersons(wire.contributors, coreNs),
    categories: [],
    enclosures: [],
  };
  const id = trimmedText(wire.id);
  if (id !== undefined) item.id = id;
  setText(wire.title && readAtomTitle(wire.title, atom03), (v, t) => {
    item.title = v;
    item.titleType = t;
  });
  const link = pickAlternate(item.links) ?? (id !== undefined && HTTP_URL.test(id) ? id : undefined);
  if (link !== undefined) item.link = link;
  setPublished(item, textOf(wire.published)) || setPublished(item, textOf(wire.created));
  setUpdated(item, textOf(wire.updated));
  setText(wire.summary && readAtomText(wire.summary, atom03), (v, t) => {
    item.summary = v;
    item.summaryType = t;
  });
  const content = pickContent(wire.contents, atom03);
  if (content !== undefined) {
    item.content = content.value;
    item.contentType = content.type;
  }
  if (wire.categories !== undefined) for (const el of wire.categories) pushAtomCategory(item.categories, el);
  pushLinkEnclosures(item.enclosures, item.links);
  const replies = findLink(item.links, 'replies', true);
  if (replies !== undefined) item.comments = replies;
  const rights = wire.rights && readAtomText(wire.rights, atom03);
  if (rights !== undefined) {
    item.rights = rights.value;
    item.rightsType = rights.type;
  }
  const language = wire.el.attrs['xml:lang']?.trim();
  if (language) item.language = language;
  if (wire.source !== undefined) {
    const itemSource = adaptSource(wire.source, atom03);
    if (itemSource !== undefined) {
      item.source = itemSource;
      if (item.authors.length === 0 && itemSource.authors !== undefined) item.authors = itemSource.authors;
    }
  }
  applyItemExtensions(item, wire);
  fillSummaryFromContent(item);
  return item;
}

/** Chooses among an entry's contents (Atom 0.3 may give several): the first HTML one, else the first readable. */
function pickContent(contents: XmlElement[] | undefined, atom03: boolean): TypedText | undefined {
  if (contents === undefined) return undefined;
  let fallback: TypedText | undefined;
  for (const el of contents) {
    // RFC 4287 §4.1.3.2: content with src is out of line; there is nothing to read here.
    if (el.attrs.src !== undefined) continue;
    // Atom 0.3 §3.1.2: multipart/alternative content holds the alternatives as child contents.
    if (el.attrs.type?.trim().toLowerCase().startsWith('multipart/')) {
      const nested = pickContent(childContents(el), atom03);
      if (nested !== undefined && nested.type === 'html') return nested;
      fallback ??= nested;
      continue;
    }
    const text = readAtomText(el, atom03);
    if (text === undefined) continue;
    if (text.type === 'html' || contents.length === 1) return text;
    fallback ??= text;
  }
  return fallback;
}

function childContents(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of el.children)
    if (typeof child !== 'string' && child.local === 'content' && child.ns === el.ns) out.push(child);
  return out;
}

/** Atom `<source>` (RFC 4287 §4.2.11): the metadata of the feed the entry came from, every child read as on a feed. */
function adaptSource(el: XmlElement, atom03: boolean): ItemSource | undefined {
  const meta = adaptAtomFeed(readAtomDocument(el, atom03));
  const out: ItemSource = {};
  if (meta.id !== undefined) out.id = meta.id;
  if (meta.title !== undefined) {
    out.title = meta.title;
    out.titleType = meta.titleType;
  }
  const self = findLink(meta.links, 'self');
  if (self !== undefined) out.url = self;
  if (meta.link !== undefined) out.link = meta.link;
  if (meta.links.length > 0) out.links = meta.links;
  if (meta.subtitle !== undefined) {
    out.subtitle = meta.subtitle;
    out.subtitleType = meta.subtitleType;
  }
  if (meta.rights !== undefined) {
    out.rights = meta.rights;
    out.rightsType = meta.rightsType;
  }
  if (meta.updatedRaw !== undefined) {
    if (meta.updated !== undefined) out.updated = meta.updated;
    out.updatedRaw = meta.updatedRaw;
  }
  if (meta.publishedRaw !== undefined) {
    if (meta.published !== undefined) out.published = meta.published;
    out.publishedRaw = meta.publishedRaw;
  }
  if (meta.authors.length > 0) out.authors = meta.authors;
  if (meta.contributors.length > 0) out.contributors = meta.contributors;
  if (meta.categories.length > 0) out.categories = meta.categories;
  if (meta.generator !== undefined) out.generator = meta.generator;
  if (meta.icon !== undefined) out.icon = meta.icon;
  if (meta.logo !== undefined) out.logo = meta.logo;
  return Object.keys(out).length === 0 ? undefined : out;
}
