/**
 * Reads an Atom 1.0 or 0.3 `<feed>` into wire types in one pass over each element's
 * children; Atom's own elements are matched in the feed element's namespace, everything
 * else goes to the extension slots (media:group in YouTube feeds, feedburner, dc).
 */
import { readExtension } from '../shared/extensions.ts';
import type { XmlElement } from '../xml/types.ts';
import type { AtomWireEntry, AtomWireFeed } from './atom-wire.ts';

/** Reads a `<feed>` root; `atom03` selects the 0.3 vocabulary. */
export function readAtomDocument(root: XmlElement, atom03: boolean): AtomWireFeed {
  const wire: AtomWireFeed = { el: root, coreNs: root.ns, atom03, entries: [] };
  const coreNs = root.ns;
  for (const child of root.children) {
    if (typeof child === 'string') continue;
    if (child.ns !== coreNs) {
      readExtension(wire, child);
      continue;
    }
    switch (child.local) {
      case 'entry':
        wire.entries.push(readAtomEntry(child, coreNs));
        break;
      case 'id':
        wire.id ??= child;
        break;
      case 'title':
        wire.title ??= child;
        break;
      case 'link':
        (wire.links ??= []).push(child);
        break;
      case 'subtitle':
      case 'tagline':
        wire.subtitle ??= child;
        break;
      case 'rights':
      case 'copyright':
        wire.rights ??= child;
        break;
      case 'updated':
      case 'modified':
        wire.updated ??= child;
        break;
      case 'published':
      case 'issued':
        wire.published ??= child;
        break;
      case 'author':
        (wire.authors ??= []).push(child);
        break;
      case 'contributor':
        (wire.contributors ??= []).push(child);
        break;
      case 'category':
        (wire.categories ??= []).push(child);
        break;
      case 'generator':
        wire.generator ??= child;
        break;
      case 'icon':
        wire.icon ??= child;
        break;
      case 'logo':
        wire.logo ??= child;
        break;
    }
  }
  return wire;
}

/** Reads one `<entry>` (or the feed-like `<source>` of one, whose entry fields stay empty). */
export function readAtomEntry(el: XmlElement, coreNs: string): AtomWireEntry {
  const wire: AtomWireEntry = { el };
  for (const child of el.children) {
    if (typeof child === 'string') continue;
    if (child.ns !== coreNs) {
      readExtension(wire, child);
      continue;
    }
    switch (child.local) {
      case 'id':
        wire.id ??= child;
        break;
      case 'title':
        wire.title ??= child;
        break;
      case 'link':
        (wire.links ??= []).push(child);
        break;
      case 'updated':
      case 'modified':
        wire.updated ??= child;
        break;
      case 'published':
      case 'issued':
        wire.published ??= child;
        break;
      case 'created':
        wire.created ??= child;
        break;
      case 'summary':
        wire.summary ??= child;
        break;
      case 'content':
        (wire.contents ??= []).push(child);
        break;
      case 'author':
        (wire.authors ??= []).push(child);
        break;
      case 'contributor':
        (wire.contributors ??= []).push(child);
        break;
      case 'category':
        (wire.categories ??= []).push(child);
        break;
      case 'rights':
      case 'copyright':
        wire.rights ??= child;
        break;
      case 'source':
        wire.source ??= child;
        break;
    }
  }
  return wire;
}
