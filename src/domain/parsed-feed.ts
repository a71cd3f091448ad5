/**
 * The normalized shape of one parsed feed document: the parser's contract, printed by
 * `tidings parse --json` exactly as docs/parse-json.md specifies. Absent values are
 * omitted (never `undefined` in output), lists are always present.
 */

/** Feed formats and versions, as codes. */
export type FeedFormat =
  | 'rss090'
  | 'rss091u'
  | 'rss091n'
  | 'rss092'
  | 'rss093'
  | 'rss094'
  | 'rss20'
  | 'rss10'
  | 'atom03'
  | 'atom10'
  | 'json10'
  | 'json11'
  | 'cdf';

/** How a text value is to be read: plain text, or HTML (xhtml is serialized to HTML). */
export type TextType = 'text' | 'html';

/** A person: author or contributor. */
export interface Person {
  name?: string;
  email?: string;
  url?: string;
}

/** A link with its relation; RSS `<link>` is `{rel: "alternate", type: "text/html"}`. */
export interface Link {
  href: string;
  rel: string;
  type?: string;
  title?: string;
  hreflang?: string;
  length?: number;
}

/** A category or tag. */
export interface Category {
  term: string;
  scheme?: string;
  label?: string;
}

/** A media file attached to an item. */
export interface Enclosure {
  url: string;
  type?: string;
  length?: number;
}

/** The feed's image (RSS image, iTunes image, media:thumbnail on the channel). */
export interface FeedImage {
  url?: string;
  title?: string;
  link?: string;
  width?: number;
  height?: number;
}

/** Feed-level metadata. */
export interface ParsedFeedMeta {
  id?: string;
  title?: string;
  titleType?: TextType;
  link?: string;
  links: Link[];
  subtitle?: string;
  subtitleType?: TextType;
  rights?: string;
  rightsType?: TextType;
  language?: string;
  updated?: string;
  updatedRaw?: string;
  published?: string;
  publishedRaw?: string;
  authors: Person[];
  contributors: Person[];
  image?: FeedImage;
  icon?: string;
  logo?: string;
  generator?: { name?: string; version?: string; url?: string };
  categories: Category[];
  ttl?: number;
  docs?: string;
}

/**
 * Where an item was first published: RSS `<source url>Title</source>`, or an Atom `<source>`
 * with the metadata of the feed the entry was copied from (RFC 4287 §4.2.11). `url` is that
 * feed's own (self) URL, `link` its main alternate link. Lists are omitted when empty.
 */
export interface ItemSource {
  id?: string;
  title?: string;
  titleType?: TextType;
  url?: string;
  link?: string;
  links?: Link[];
  subtitle?: string;
  subtitleType?: TextType;
  rights?: string;
  rightsType?: TextType;
  updated?: string;
  updatedRaw?: string;
  published?: string;
  publishedRaw?: string;
  authors?: Person[];
  contributors?: Person[];
  categories?: Category[];
  generator?: { name?: string; version?: string; url?: string };
  icon?: string;
  logo?: string;
}

/** One entry of a feed. */
export interface ParsedItem {
  id?: string;
  title?: string;
  titleType?: TextType;
  link?: string;
  links: Link[];
  published?: string;
  publishedRaw?: string;
  updated?: string;
  updatedRaw?: string;
  authors: Person[];
  contributors: Person[];
  summary?: string;
  summaryType?: TextType;
  content?: string;
  contentType?: TextType;
  categories: Category[];
  enclosures: Enclosure[];
  comments?: string;
  rights?: string;
  rightsType?: TextType;
  language?: string;
  source?: ItemSource;
}

/** A whole parsed document: what `tidings parse --json` prints. */
export interface ParsedFeed {
  format: FeedFormat;
  wellFormed: boolean;
  problems: string[];
  encoding: string;
  feed: ParsedFeedMeta;
  items: ParsedItem[];
}
