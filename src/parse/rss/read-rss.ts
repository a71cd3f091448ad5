/**
 * Reads RSS 0.91–2.0 (and, for rdf/, the RSS 1.0 / 0.90 channel and items) into wire types
 * in one pass over each element's children, dispatching on (namespace, local name).
 * `coreNs` is the namespace RSS's own elements are in: '' for RSS 0.9x/2.0 (or whatever
 * default namespace the rss element declared), the RSS 1.0 or 0.90 URI for RDF feeds.
 */
import { readExtension } from '../shared/extensions.ts';
import type { XmlElement } from '../xml/types.ts';
import type { RssWireChannel, RssWireItem } from './rss-wire.ts';

/** Reads an `<rss>` root (or a bare `<channel>` root) into a channel with its items. */
export function readRssDocument(root: XmlElement): RssWireChannel {
  const coreNs = root.ns;
  if (root.local === 'channel') return readRssChannel(root, coreNs);
  let channel: RssWireChannel | undefined;
  const strayItems: RssWireItem[] = [];
  for (const child of root.children) {
    if (typeof child === 'string' || (child.ns !== coreNs && child.ns !== '')) continue;
    if (child.local === 'channel') channel ??= readRssChannel(child, coreNs);
    // Seen in the wild: items as siblings of the channel instead of its children.
    else if (child.local === 'item') strayItems.push(readRssItem(child, coreNs));
  }
  channel ??= { el: root, items: [] };
  for (const item of strayItems) channel.items.push(item);
  return channel;
}

/** Reads a `<channel>` and the items inside it. */
export function readRssChannel(el: XmlElement, coreNs: string): RssWireChannel {
  const wire: RssWireChannel = { el, items: [] };
  for (const child of el.children) {
    if (typeof child === 'string') continue;
    if (child.ns === coreNs || child.ns === '') fileChannelElement(wire, child, child.local, coreNs);
    else readExtension(wire, child);
  }
  return wire;
}

function fileChannelElement(wire: RssWireChannel, el: XmlElement, local: string, coreNs: string): void {
  switch (local) {
    case 'item':
      wire.items.push(readRssItem(el, coreNs));
      return;
    case 'title':
      wire.title ??= el;
      return;
    case 'link':
      (wire.links ??= []).push(el);
      return;
    case 'description':
      wire.description ??= el;
      return;
    case 'language':
      wire.language ??= el;
      return;
    case 'copyright':
      wire.copyright ??= el;
      return;
    case 'managingEditor':
      wire.managingEditor ??= el;
      return;
    case 'pubDate':
      wire.pubDate ??= el;
      return;
    case 'lastBuildDate':
      wire.lastBuildDate ??= el;
      return;
    case 'category':
      (wire.categories ??= []).push(el);
      return;
    case 'generator':
      wire.generator ??= el;
      return;
    case 'docs':
      wire.docs ??= el;
      return;
    case 'ttl':
      wire.ttl ??= el;
      return;
    case 'image':
      wire.image ??= el;
      return;
    default: {
      // Some feeds write <pubdate> or <lastbuilddate>; retry once case-insensitively.
      const lower = local.toLowerCase();
      if (lower === 'pubdate') wire.pubDate ??= el;
      else if (lower === 'lastbuilddate') wire.lastBuildDate ??= el;
      else if (lower === 'managingeditor') wire.managingEditor ??= el;
    }
  }
}

/** Reads one `<item>`. */
export function readRssItem(el: XmlElement, coreNs: string): RssWireItem {
  const wire: RssWireItem = { el };
  for (const child of el.children) {
    if (typeof child === 'string') continue;
    if (child.ns === coreNs || child.ns === '') fileItemElement(wire, child, child.local);
    else readExtension(wire, child);
  }
  return wire;
}

function fileItemElement(wire: RssWireItem, el: XmlElement, local: string): void {
  switch (local) {
    case 'title':
      wire.title ??= el;
      return;
    case 'link':
      (wire.links ??= []).push(el);
      return;
    case 'description':
      // feedparser: a second description, when there is no content yet, is the content.
      if (wire.description === undefined) wire.description = el;
      else wire.secondDescription ??= el;
      return;
    case 'author':
      (wire.authors ??= []).push(el);
      return;
    case 'category':
      (wire.categories ??= []).push(el);
      return;
    case 'comments':
      wire.comments ??= el;
      return;
    case 'enclosure':
      (wire.enclosures ??= []).push(el);
      return;
    case 'guid':
      wire.guid ??= el;
      return;
    case 'pubDate':
      wire.pubDate ??= el;
      return;
    case 'source':
      wire.source ??= el;
      return;
    default: {
      const lower = local.toLowerCase();
      if (lower === 'pubdate') wire.pubDate ??= el;
      else if (lower === 'guid' || lower === 'title' || lower === 'link' || lower === 'description') {
        if (lower !== local) fileItemElement(wire, el, lower);
      }
    }
  }
}
