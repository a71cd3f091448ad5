/**
 * The sidecar records of an archive folder: `feed.json` (the feed's own metadata) and one
 * `index.jsonl` line per article revision file, holding everything the five-line article
 * file cannot (ARCHIVE-FORMAT.md "A folder of articles"), so the database can be rebuilt
 * from the folder alone. Serialization is canonical (fixed key order, absent values
 * omitted, U+2028/U+2029 escaped so no line-splitter breaks a record) so that export →
 * import → export is byte-identical. Times are epoch milliseconds, like the article file.
 */
import type { Category, Enclosure, Person } from '../domain/parsed-feed.ts';
import type { ArticleFile } from './article-file.ts';
import { articleFileNameForKey, articleKey } from './archive-layout.ts';

/** A feed's own metadata, kept in the folder's `feed.json`. */
export interface ArchiveFeed { url: string; title?: string; siteUrl?: string; category?: string }

/** One article revision: an `index.jsonl` line. A later line for the same `file` supersedes earlier ones. */
export interface ArchiveRecord {
  /** The article file's name, `NNN_KEY.txt`; always `articleFileNameForKey(key, revision)`. */
  file: string;
  /** 16 hex digits; `articleKey(identity)` for articles the store wrote, the file's own key for imported bare files. */
  key: string;
  /** The store's identity key of the article (the same for all its revisions). */
  identity: string;
  /** 0 for the first version. */
  revision: number;
  feedUrl: string;
  /** The feed's title when this revision was written. */
  feedTitle?: string;
  guid?: string;
  link?: string;
  title: string;
  authors: Person[];
  categories: Category[];
  enclosures: Enclosure[];
  publishedAt?: number;
  updatedAt?: number;
  /** When the archive first saw this revision. */
  seenAt: number;
  /** When the archive first saw the article, when earlier than `seenAt` (revisions after the first). */
  firstSeenAt?: number;
  /** The store's content fingerprint used to compare revisions. */
  fingerprint?: string;
  /** Which body the article file holds: the cleaned one (default) or the one as received. */
  fileBody: 'cleaned' | 'raw';
  rawBody: string;
  cleanedBody?: string;
}

/** Something that could not be read or written, by path relative to the archive root. */
export interface ArchiveProblem { file: string; reason: string }

/** Returns a record with `key` and `file` derived from `identity` and `revision`. */
export function buildArchiveRecord(input: Omit<ArchiveRecord, 'file' | 'key'>): ArchiveRecord {
  const key = articleKey(input.identity);
  return { ...input, file: articleFileNameForKey(key, input.revision), key };
}

/** Returns the article file content of a record: time is published, else first-seen time. */
export function articleFileOf(record: ArchiveRecord): ArticleFile {
  const published = record.publishedAt;
  const time = published !== undefined && Number.isSafeInteger(published) && published >= 0
    ? published
    : (record.firstSeenAt ?? record.seenAt);
  const body = record.fileBody === 'cleaned' && record.cleanedBody !== undefined ? record.cleanedBody : record.rawBody;
  return { time, title: record.title, url: record.link ?? '', body };
}

/** Orders records by revision, then key: the canonical order of an exported index and of read records. */
export function compareRecords(a: ArchiveRecord, b: ArchiveRecord): number {
  return a.revision - b.revision || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Returns the record as one canonical JSON line ending in '\n'. */
export function serializeRecord(r: ArchiveRecord): string {
  const ordered = {
    file: r.file, key: r.key, identity: r.identity, revision: r.revision,
    feedUrl: r.feedUrl, feedTitle: r.feedTitle, guid: r.guid, link: r.link, title: r.title,
    authors: r.authors.map((p) => ({ name: p.name, email: p.email, url: p.url })),
    categories: r.categories.map((c) => ({ term: c.term, scheme: c.scheme, label: c.label })),
    enclosures: r.enclosures.map((e) => ({ url: e.url, type: e.type, length: e.length })),
    publishedAt: r.publishedAt, updatedAt: r.updatedAt, seenAt: r.seenAt, firstSeenAt: r.firstSeenAt,
    fingerprint: r.fingerprint, fileBody: r.fileBody, rawBody: r.rawBody, cleanedBody: r.cleanedBody,
  };
  return `${escapeLineSeparators(JSON.stringify(ordered))}\n`;
}

/** Returns the feed as canonical, indented `feed.json` text. */
export function serializeFeed(feed: ArchiveFeed): string {
  const ordered = { url: feed.url, title: feed.title, siteUrl: feed.siteUrl, category: feed.category };
  return `${escapeLineSeparators(JSON.stringify(ordered, null, 2))}\n`;
}

/** Returns why a record breaks the archive's rules, or undefined when it is sound. */
export function checkRecord(r: ArchiveRecord): string | undefined {
  if (!/^[0-9a-f]{16}$/.test(r.key)) return `key is not 16 hex digits: ${r.key}`;
  if (!Number.isSafeInteger(r.revision) || r.revision < 0) return `revision is not a non-negative integer: ${r.revision}`;
  if (r.file !== articleFileNameForKey(r.key, r.revision)) return `file ${r.file} does not match key and revision`;
  if (r.identity === '') return 'identity is empty';
  if (r.feedUrl === '') return 'feedUrl is empty';
  for (const name of ['publishedAt', 'updatedAt', 'seenAt', 'firstSeenAt'] as const) {
    const time = r[name];
    if (time !== undefined && !Number.isSafeInteger(time)) return `${name} is not an integer of epoch ms`;
  }
  if (r.seenAt < 0 || (r.firstSeenAt ?? 0) < 0) return 'seenAt/firstSeenAt before 1970';
  if (r.fileBody === 'cleaned' && r.cleanedBody === undefined) return 'fileBody is "cleaned" but there is no cleanedBody';
  return undefined;
}

function escapeLineSeparators(json: string): string {
  return json.replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}
