/**
 * Reads RSS 1.0 and RSS 0.90 (both RDF: `<rdf:RDF>` holding channel, image, items and
 * textinput as siblings) into the RSS wire types, so rss/adapt-rss.ts adapts all RSS.
 * Items are taken in document order; the channel's rdf:Seq only repeats their URIs.
 */
import { readRssChannel, readRssItem } from '../rss/read-rss.ts';
import type { RssWireChannel } from '../rss/rss-wire.ts';
import { NS } from '../xml/namespaces.ts';
import { getAttrNs } from '../xml/query.ts';
import type { XmlElement } from '../xml/types.ts';

/** Returns the namespace RSS elements use inside an rdf:RDF root (RSS 1.0, 0.90, or none), or undefined when it holds no channel or item. */
export function findRdfCoreNamespace(root: XmlElement): string | undefined {
  let found: string | undefined;
  for (const child of root.children) {
    if (typeof child === 'string' || (child.local !== 'channel' && child.local !== 'item')) continue;
    if (child.ns === NS.RSS10 || child.ns === NS.RSS090) return child.ns;
    found ??= child.ns;
  }
  return found;
}

/** Reads an rdf:RDF root whose RSS elements are in `coreNs`. */
export function readRdfDocument(root: XmlElement, coreNs: string): RssWireChannel {
  let channel: RssWireChannel | undefined;
  let image: XmlElement | undefined;
  const items = [];
  for (const child of root.children) {
    if (typeof child === 'string' || (child.ns !== coreNs && child.ns !== '')) continue;
    switch (child.local) {
      case 'channel':
        channel ??= readRssChannel(child, coreNs);
        break;
      case 'item': {
        const item = readRssItem(child, coreNs);
        const about = getAttrNs(child, 'about', NS.RDF)?.trim();
        if (about) item.about = about;
        items.push(item);
        break;
      }
      case 'image':
        image ??= child;
        break;
    }
  }
  channel ??= { el: root, items: [] };
  const about = channel.el === root ? undefined : getAttrNs(channel.el, 'about', NS.RDF)?.trim();
  if (about) channel.about = about;
  // RSS 1.0 §5.4: the channel's own <image rdf:resource> only points at the sibling image.
  if (image !== undefined && (channel.image === undefined || isEmptyReference(channel.image))) channel.image = image;
  for (const item of items) channel.items.push(item);
  return channel;
}

function isEmptyReference(el: XmlElement): boolean {
  for (const child of el.children) if (typeof child !== 'string') return false;
  return true;
}
