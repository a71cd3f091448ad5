/**
 * The wire types of Atom 1.0 (RFC 4287) and Atom 0.3 (the 2003 draft): the elements each
 * defines, held as elements; 0.3 names (tagline, copyright, modified, issued, created) are
 * filed under their 1.0 counterparts. Extension elements sit in the ExtensionWire slots.
 */
import type { ExtensionWire } from '../shared/extensions.ts';
import type { XmlElement } from '../xml/types.ts';

/** One `<entry>`; `links` (from ExtensionWire) holds its atom:link elements in order. */
export interface AtomWireEntry extends ExtensionWire {
  el: XmlElement;
  id?: XmlElement;
  title?: XmlElement;
  updated?: XmlElement;
  published?: XmlElement;
  /** Atom 0.3 `created`: a publication date of last resort. */
  created?: XmlElement;
  summary?: XmlElement;
  /** Atom 0.3 allows several (multipart/alternative); 1.0 one. */
  contents?: XmlElement[];
  authors?: XmlElement[];
  contributors?: XmlElement[];
  categories?: XmlElement[];
  rights?: XmlElement;
  source?: XmlElement;
}

/** The `<feed>` with its entries. */
export interface AtomWireFeed extends ExtensionWire {
  el: XmlElement;
  /** The namespace Atom's own elements are in (1.0, 0.3, or '' when undeclared). */
  coreNs: string;
  atom03: boolean;
  id?: XmlElement;
  title?: XmlElement;
  subtitle?: XmlElement;
  rights?: XmlElement;
  updated?: XmlElement;
  published?: XmlElement;
  authors?: XmlElement[];
  contributors?: XmlElement[];
  categories?: XmlElement[];
  generator?: XmlElement;
  icon?: XmlElement;
  logo?: XmlElement;
  entries: AtomWireEntry[];
}
