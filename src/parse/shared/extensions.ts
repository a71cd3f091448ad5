/**
 * The wire slots of the namespaced extensions feeds mix into RSS, RSS 1.0 and Atom:
 * content, Dublin Core (elements and terms), atom:link and dates inside RSS, Media RSS,
 * iTunes, XHTML body and FeedBurner. Readers hand every element outside their core
 * namespace to `readExtension`, which files it by (namespace, local name) in one switch.
 */
import { NS } from '../xml/namespaces.ts';
import type { XmlElement } from '../xml/types.ts';

/** Extension elements found on a channel, feed, item or entry (first of each, or all where repeatable). */
export interface ExtensionWire {
  /** Links in document order: the format's own and atom:link elements. */
  links?: XmlElement[];
  contentEncoded?: XmlElement;
  xhtmlBody?: XmlElement;
  dcTitle?: XmlElement;
  dcDescription?: XmlElement;
  dcCreators?: XmlElement[];
  dcContributors?: XmlElement[];
  dcSubjects?: XmlElement[];
  dcDate?: XmlElement;
  dcRights?: XmlElement;
  dcLanguage?: XmlElement;
  dcIdentifier?: XmlElement;
  dctermsIssued?: XmlElement;
  dctermsCreated?: XmlElement;
  dctermsModified?: XmlElement;
  atomCategories?: XmlElement[];
  atomUpdated?: XmlElement;
  atomPublished?: XmlElement;
  mediaContents?: XmlElement[];
  mediaThumbnails?: XmlElement[];
  mediaTitle?: XmlElement;
  mediaDescription?: XmlElement;
  itunesAuthor?: XmlElement;
  itunesImage?: XmlElement;
  itunesSummary?: XmlElement;
  itunesSubtitle?: XmlElement;
  itunesCategories?: XmlElement[];
  feedburnerOrigLink?: XmlElement;
  /** Every element of these namespaces, in document order, for shared/podcast-media.ts. */
  itunesElements?: XmlElement[];
  mediaElements?: XmlElement[];
  podcastElements?: XmlElement[];
  geoElements?: XmlElement[];
  pscChapters?: XmlElement;
}

/** Files `el` into its slot on `wire` when it is a known extension element; ignores it otherwise. */
export function readExtension(wire: ExtensionWire, el: XmlElement): void {
  switch (el.ns) {
    case NS.CONTENT:
      if (el.local === 'encoded') wire.contentEncoded ??= el;
      return;
    case NS.DC:
      readDublinCore(wire, el);
      return;
    case NS.DCTERMS:
      readDcTerms(wire, el);
      return;
    case NS.ATOM10:
      if (el.local === 'link') (wire.links ??= []).push(el);
      else if (el.local === 'category') (wire.atomCategories ??= []).push(el);
      else if (el.local === 'updated') wire.atomUpdated ??= el;
      else if (el.local === 'published') wire.atomPublished ??= el;
      return;
    case NS.MEDIA:
      (wire.mediaElements ??= []).push(el);
      readMedia(wire, el);
      return;
    case NS.ITUNES:
      (wire.itunesElements ??= []).push(el);
      readItunes(wire, el);
      return;
    case NS.PODCAST:
      (wire.podcastElements ??= []).push(el);
      return;
    case NS.PSC:
      if (el.local === 'chapters') wire.pscChapters ??= el;
      return;
    case NS.GEORSS:
    case NS.GEO:
      (wire.geoElements ??= []).push(el);
      return;
    case NS.XHTML:
      if (el.local === 'body') wire.xhtmlBody = el;
      else if (el.local === 'div') wire.xhtmlBody ??= el;
      return;
    case NS.FEEDBURNER:
      if (el.local === 'origLink') wire.feedburnerOrigLink ??= el;
      return;
  }
}

function readDublinCore(wire: ExtensionWire, el: XmlElement): void {
  switch (el.local) {
    case 'title':
      wire.dcTitle ??= el;
      return;
    case 'description':
      wire.dcDescription ??= el;
      return;
    case 'creator':
      (wire.dcCreators ??= []).push(el);
      return;
    case 'contributor':
      (wire.dcContributors ??= []).push(el);
      return;
    case 'subject':
      (wire.dcSubjects ??= []).push(el);
      return;
    case 'date':
      wire.dcDate ??= el;
      return;
    case 'rights':
      wire.dcRights ??= el;
      return;
    case 'language':
      wire.dcLanguage ??= el;
      return;
    case 'identifier':
      wire.dcIdentifier ??= el;
      return;
  }
}

function readDcTerms(wire: ExtensionWire, el: XmlElement): void {
  switch (el.local) {
    case 'issued':
    case 'available':
      wire.dctermsIssued ??= el;
      return;
    case 'created':
      wire.dctermsCreated ??= el;
      return;
    case 'modified':
      wire.dctermsModified ??= el;
      return;
    // dcterms refines dc: the same element names mean the same things.
    default:
      readDublinCore(wire, el);
  }
}

function readMedia(wire: ExtensionWire, el: XmlElement): void {
  switch (el.local) {
    case 'content':
      (wire.mediaContents ??= []).push(el);
      return;
    case 'thumbnail':
      (wire.mediaThumbnails ??= []).push(el);
      return;
    case 'title':
      wire.mediaTitle ??= el;
      return;
    case 'description':
      wire.mediaDescription ??= el;
      return;
    case 'group':
      for (const child of el.children) if (typeof child !== 'string' && child.ns === NS.MEDIA) readMedia(wire, child);
      return;
  }
}

function readItunes(wire: ExtensionWire, el: XmlElement): void {
  switch (el.local) {
    case 'author':
      wire.itunesAuthor ??= el;
      return;
    case 'image':
      wire.itunesImage ??= el;
      return;
    case 'summary':
      wire.itunesSummary ??= el;
      return;
    case 'subtitle':
      wire.itunesSubtitle ??= el;
      return;
    case 'category':
      (wire.itunesCategories ??= []).push(el);
      return;
  }
}
