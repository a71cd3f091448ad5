/**
 * The sidecar records of an archive folder: `feed.json` (the feed's own metadata) and one
 * `index.jsonl` line per article revision file, holding everything the five-line article
 * file cannot (docs/archive-format.md "A folder of articles"), so the database can be rebuilt
 * from the folder alone. Serialization is canonical (fixed key order, absent values
 * omitted, U+2028/U+2029 escaped so no line-splitter breaks a record) so that export →
 * import → export is byte-identical. Times are epoch milliseconds, like the article file.
 */
import { articleFileNameForKey, articleKey, type ArchiveFeed, type ArchiveRecord } from '../domain/archive-record.ts';
import type { ArticleFile } from './article-file.ts';

export { checkRecord, compareRecords } from '../domain/archive-record.ts';
export type { ArchiveFeed, ArchiveProblem, ArchiveRecord } from '../domain/archive-record.ts';

/** Returns a record with `key` and `file` derived from `identity` and `revision`. */
export function buildArchiveRecord(input: Omit<ArchiveRecord, 'file' | 'key'>): ArchiveRecord {
  const key = articleKey(input.identity);
  return { ...input, file: articleFileNameForKey(key, input.revision), key };
}

/** Returns the article file content of a record: time is published, else first-seen time. */
export function articleFileOf(record: ArchiveRecord): ArticleFile {
  const published = record.publishedAt;
  const time =
    published !== undefined && Number.isSafeInteger(published) && published >= 0
      ? published
      : (record.firstSeenAt ?? record.seenAt);
  const body = record.fileBody === 'cleaned' && record.cleanedBody !== undefined ? record.cleanedBody : record.rawBody;
  return { time, title: record.title, url: record.link ?? '', body };
}

/** Returns the record as one canonical JSON line ending in '\n'. */
export function serializeRecord(r: ArchiveRecord): string {
  const ordered = {
    file: r.file,
    key: r.key,
    identity: r.identity,
    revision: r.revision,
    feedUrl: r.feedUrl,
    feedTitle: r.feedTitle,
    guid: r.guid,
    link: r.link,
    title: r.title,
    authors: r.authors.map((p) => ({ name: p.name, email: p.email, url: p.url })),
    categories: r.categories.map((c) => ({ term: c.term, scheme: c.scheme, label: c.label })),
    enclosures: r.enclosures.map((e) => ({ url: e.url, type: e.type, length: e.length })),
    publishedAt: r.publishedAt,
    updatedAt: r.updatedAt,
    seenAt: r.seenAt,
    firstSeenAt: r.firstSeenAt,
    fingerprint: r.fingerprint,
    fileBody: r.fileBody,
    rawBody: r.rawBody,
    cleanedBody: r.cleanedBody,
  };
  return `${escapeLineSeparators(JSON.stringify(ordered))}\n`;
}

/** Returns the feed as canonical, indented `feed.json` text. */
export function serializeFeed(feed: ArchiveFeed): string {
  const ordered = { url: feed.url, title: feed.title, siteUrl: feed.siteUrl, category: feed.category };
  return `${escapeLineSeparators(JSON.stringify(ordered, null, 2))}\n`;
}

// Checked first: nearly every record has neither, and a search finds that faster than a replace scan.
function escapeLineSeparators(json: string): string {
  if (!json.includes('\u2028') && !json.includes('\u2029')) return json;
  return json.replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}
