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

/** An iTunes category with its subcategories (Technology › Podcasting). */
export interface ItunesCategory {
  text: string;
  subcategories?: ItunesCategory[];
}

/** iTunes podcast tags of a channel or an item (each only where the feed gives it). */
export interface ItunesInfo {
  author?: string;
  block?: boolean;
  categories?: ItunesCategory[];
  explicit?: boolean;
  image?: string;
  keywords?: string[];
  owner?: { name?: string; email?: string };
  summary?: string;
  subtitle?: string;
  title?: string;
  /** Channel: "episodic" or "serial"; item: "full", "trailer" or "bonus". */
  type?: string;
  complete?: boolean;
  newFeedUrl?: string;
  /** Item duration in seconds, from "HH:MM:SS", "MM:SS" or seconds. */
  duration?: number;
  durationRaw?: string;
  episode?: number;
  season?: number;
}

/** A Media RSS thumbnail. */
export interface MediaThumbnail {
  url: string;
  width?: number;
  height?: number;
  time?: string;
}

/** Media RSS metadata (media:title, description, keywords, credits, player, ratings, thumbnails), shared by a feed, an item, a group or a content. */
export interface MediaMetadata {
  title?: string;
  description?: string;
  descriptionType?: TextType;
  keywords?: string[];
  credits?: Array<{ name: string; role?: string; scheme?: string }>;
  player?: { url: string; width?: number; height?: number };
  ratings?: Array<{ value: string; scheme?: string }>;
  thumbnails?: MediaThumbnail[];
}

/** One media:content with its attributes and own metadata. */
export interface MediaContent extends MediaMetadata {
  url?: string;
  type?: string;
  medium?: string;
  fileSize?: number;
  duration?: number;
  bitrate?: number;
  framerate?: number;
  width?: number;
  height?: number;
  lang?: string;
  isDefault?: boolean;
  expression?: string;
}

/** Media RSS of a feed or item: its contents, groups of alternative contents, and metadata. */
export interface MediaInfo extends MediaMetadata {
  contents?: MediaContent[];
  groups?: Array<MediaMetadata & { contents: MediaContent[] }>;
}

/** Podcasting 2.0 (podcast: namespace) tags of a channel or an item. */
export interface PodcastInfo {
  guid?: string;
  locked?: boolean;
  funding?: Array<{ url: string; text?: string }>;
  transcripts?: Array<{ url: string; type?: string; language?: string; rel?: string }>;
  chapters?: { url: string; type?: string };
  persons?: Array<{ name: string; role?: string; group?: string; img?: string; href?: string }>;
  season?: number;
  episode?: number;
}

/** A chapter mark (Podlove Simple Chapters). */
export interface Chapter {
  /** The start as written, "HH:MM:SS.mmm". */
  start: string;
  startSeconds?: number;
  title?: string;
  href?: string;
  image?: string;
}

/** A GeoRSS / W3C geo location: a point, a line, a polygon or a box, as [latitude, longitude] pairs. */
export interface GeoLocation {
  type: 'point' | 'line' | 'polygon' | 'box';
  coordinates: Array<[number, number]>;
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
  itunes?: ItunesInfo;
  podcast?: PodcastInfo;
  media?: MediaInfo;
  geo?: GeoLocation;
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
  itunes?: ItunesInfo;
  podcast?: PodcastInfo;
  media?: MediaInfo;
  chapters?: Chapter[];
  geo?: GeoLocation;
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
