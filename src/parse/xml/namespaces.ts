/**
 * Namespace URIs feeds use, in canonical form. Real feeds spell some of them several ways
 * (trailing slash, https, upper case); `canonicalNamespace` folds those spellings, and
 * `WELL_KNOWN_PREFIXES` supplies a URI for a conventional prefix a feed forgot to declare.
 */

/** Canonical namespace URIs. */
export const NS = {
  XML: 'http://www.w3.org/XML/1998/namespace',
  XMLNS: 'http://www.w3.org/2000/xmlns/',
  ATOM10: 'http://www.w3.org/2005/Atom',
  ATOM03: 'http://purl.org/atom/ns#',
  RDF: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  RSS10: 'http://purl.org/rss/1.0/',
  RSS090: 'http://my.netscape.com/rdf/simple/0.9/',
  CONTENT: 'http://purl.org/rss/1.0/modules/content/',
  DC: 'http://purl.org/dc/elements/1.1/',
  DCTERMS: 'http://purl.org/dc/terms/',
  MEDIA: 'http://search.yahoo.com/mrss/',
  ITUNES: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  XHTML: 'http://www.w3.org/1999/xhtml',
  FEEDBURNER: 'http://rssnamespace.org/feedburner/ext/1.0',
  SLASH: 'http://purl.org/rss/1.0/modules/slash/',
  WFW: 'http://wellformedweb.org/CommentAPI/',
  GOOGLEPLAY: 'http://www.google.com/schemas/play-podcasts/1.0',
  PODCAST: 'https://podcastindex.org/namespace/1.0',
  PSC: 'http://podlove.org/simple-chapters',
  GEORSS: 'http://www.georss.org/georss',
  GEO: 'http://www.w3.org/2003/01/geo/wgs84_pos#',
  GML: 'http://www.opengis.net/gml',
} as const;

const ALIASES: Record<string, string> = {
  'http://search.yahoo.com/mrss': NS.MEDIA,
  'https://search.yahoo.com/mrss/': NS.MEDIA,
  'https://search.yahoo.com/mrss': NS.MEDIA,
  'http://www.rssboard.org/media-rss': NS.MEDIA,
  'http://www.rssboard.org/media-rss/': NS.MEDIA,
  'https://www.itunes.com/dtds/podcast-1.0.dtd': NS.ITUNES,
  'http://www.itunes.com/dtds/podcast-1.0.dtd/': NS.ITUNES,
  'http://www.itunes.com/DTDs/Podcast-1.0.dtd': NS.ITUNES,
  'http://www.w3.org/2005/atom': NS.ATOM10,
  'https://www.w3.org/2005/Atom': NS.ATOM10,
  'http://www.w3.org/2005/Atom/': NS.ATOM10,
  'http://purl.org/atom/ns': NS.ATOM03,
  'http://purl.org/rss/1.0': NS.RSS10,
  'http://purl.org/rss/1.0/modules/content': NS.CONTENT,
  'http://purl.org/dc/elements/1.1': NS.DC,
  'http://purl.org/dc/terms': NS.DCTERMS,
  'http://my.netscape.com/rdf/simple/0.9': NS.RSS090,
  'http://purl.org/rss/1.0/modules/slash': NS.SLASH,
  'http://www.w3.org/1999/xhtml/': NS.XHTML,
  'https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md': NS.PODCAST,
  'http://podcastindex.org/namespace/1.0': NS.PODCAST,
  'http://podlove.org/simple-chapters/': NS.PSC,
  'http://www.georss.org/georss/': NS.GEORSS,
  'http://www.opengis.net/gml/': NS.GML,
  'https://purl.org/dc/elements/1.1/': NS.DC,
  'http://purl.org/dc/elements/1.0/': NS.DC,
  'http://purl.org/rss/1.0/modules/content/#': NS.CONTENT,
  'http://www.w3.org/2005/Atom#': NS.ATOM10,
};

/** The namespaces of the Atom drafts before RFC 4287 (draft-ietf-atompub-format-NN), read as Atom 1.0. */
const ATOM_DRAFT = 'http://purl.org/atom/ns#draft-ietf-atompub-format-';

/** Returns the canonical spelling of a namespace URI (unknown URIs are returned as given). */
export function canonicalNamespace(uri: string): string {
  const alias = ALIASES[uri];
  if (alias !== undefined) return alias;
  if (uri.startsWith(ATOM_DRAFT)) return NS.ATOM10;
  return uri;
}

/** Conventional prefixes and the namespace a feed means when it uses one undeclared. */
export const WELL_KNOWN_PREFIXES: Readonly<Record<string, string>> = {
  xml: NS.XML,
  atom: NS.ATOM10,
  rdf: NS.RDF,
  content: NS.CONTENT,
  dc: NS.DC,
  dcterms: NS.DCTERMS,
  media: NS.MEDIA,
  itunes: NS.ITUNES,
  xhtml: NS.XHTML,
  feedburner: NS.FEEDBURNER,
  slash: NS.SLASH,
  wfw: NS.WFW,
  podcast: NS.PODCAST,
  psc: NS.PSC,
  georss: NS.GEORSS,
  geo: NS.GEO,
  gml: NS.GML,
};
