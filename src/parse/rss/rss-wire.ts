/**
 * The wire types of RSS 0.9x, 2.0 and 1.0 (RDF): the elements each spec defines, held as
 * elements so the adapter can read text, markup and xml:base from them. Extension
 * elements (content, dc, media, itunes, atom:link…) sit in the ExtensionWire slots.
 */
import type { ExtensionWire } from '../shared/extensions.ts';
import type { XmlElement } from '../xml/types.ts';

/** One `<item>`. `links` (from ExtensionWire) holds `<link>` and atom:link in document order. */
export interface RssWireItem extends ExtensionWire {
  title?: XmlElement;
  description?: XmlElement;
  /** A second `<description>`: the item's content when it has no other. */
  secondDescription?: XmlElement;
  authors?: XmlElement[];
  categories?: XmlElement[];
  comments?: XmlElement;
  enclosures?: XmlElement[];
  guid?: XmlElement;
  pubDate?: XmlElement;
  source?: XmlElement;
  /** RSS 1.0 / 0.90: the item's rdf:about URI. */
  about?: string;
  /** The item element itself (xml:lang, base). */
  el: XmlElement;
}

/** One `<channel>` with its items (in RSS 1.0 the items and image are the channel's siblings). */
export interface RssWireChannel extends ExtensionWire {
  title?: XmlElement;
  description?: XmlElement;
  language?: XmlElement;
  copyright?: XmlElement;
  managingEditor?: XmlElement;
  pubDate?: XmlElement;
  lastBuildDate?: XmlElement;
  categories?: XmlElement[];
  generator?: XmlElement;
  docs?: XmlElement;
  ttl?: XmlElement;
  image?: XmlElement;
  /** RSS 1.0 / 0.90: the channel's rdf:about URI. */
  about?: string;
  el: XmlElement;
  items: RssWireItem[];
}
