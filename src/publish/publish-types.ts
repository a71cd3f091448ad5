/**
 * What a feed document is written from: the feed's own metadata and its items, already
 * resolved to absolute URLs and cleaned HTML by the caller. Times are epoch milliseconds.
 */
import type { Enclosure, Person } from '../domain/parsed-feed.ts';

/** The document formats Tidings writes. */
export type PublishFormat = 'rss' | 'atom' | 'json';

/** Every publish format, in the order documents list them. */
export const PUBLISH_FORMATS: readonly PublishFormat[] = ['rss', 'atom', 'json'];

/** Returns true when `value` names a publish format. */
export function isPublishFormat(value: unknown): value is PublishFormat {
  return typeof value === 'string' && (PUBLISH_FORMATS as readonly string[]).includes(value);
}

/** One item of a written feed. */
export interface PublishedItem {
  /** A stable, unique id (a URI): the guid, Atom id and JSON Feed id. */
  id: string;
  /** Plain text. */
  title?: string;
  /** The article's own absolute URL. */
  link?: string;
  /** The cleaned full text, HTML. */
  contentHtml?: string;
  /** A short summary, HTML. */
  summaryHtml?: string;
  authors: Person[];
  /** Category terms. */
  categories: string[];
  enclosures: Enclosure[];
  language?: string;
  publishedAt?: number;
  updatedAt?: number;
}

/** A feed to write. */
export interface PublishedFeed {
  /** Plain text. */
  title: string;
  /** The absolute URL this document is served at (the self link). */
  selfUrl: string;
  /** The absolute URL of the site the feed is about. */
  siteUrl?: string;
  /** Plain text. */
  description?: string;
  language?: string;
  /** When the feed last changed; default the newest item time, else the epoch. */
  updatedAt?: number;
  generator?: { name: string; version?: string; url?: string };
  items: PublishedItem[];
}
