/**
 * Pure conversions between database rows (rows.ts) and the store's shapes, shared by
 * every back end: null ↔ absent, 0/1 ↔ boolean, JSON text ↔ lists (written in a fixed key
 * order so equal lists store equal text), and revision rows → archive records.
 */
import type { Category, Enclosure, FeedFormat, Person } from '../domain/parsed-feed.ts';
import { articleFileNameForKey } from '../domain/archive-record.ts';
import type { ArchiveFeed, ArchiveRecord } from '../domain/archive-record.ts';
import type { ArticleSummary, Revision } from './article-types.ts';
import type { Feed, FetchLogEntry, FetchOutcomeKind, FullTextMode } from './feed-types.ts';
import type { ArticleRow, FeedRow, FetchLogRow, RevisionRow } from './rows.ts';
import { dropUndefined } from '../util/drop-undefined.ts';

/** Returns undefined for null. */
export function opt<T>(value: T | null): T | undefined {
  return value === null ? undefined : value;
}

/** Returns the persons as canonical JSON text. */
export function personsJson(list: Person[]): string {
  return JSON.stringify(list.map((p) => dropUndefined({ name: p.name, email: p.email, url: p.url })));
}

/** Returns the categories as canonical JSON text. */
export function categoriesJson(list: Category[]): string {
  return JSON.stringify(list.map((c) => dropUndefined({ term: c.term, scheme: c.scheme, label: c.label })));
}

/** Returns the enclosures as canonical JSON text. */
export function enclosuresJson(list: Enclosure[]): string {
  return JSON.stringify(list.map((e) => dropUndefined({ url: e.url, type: e.type, length: e.length })));
}

/** Returns the feed of a `feeds` row. */
export function rowToFeed(row: FeedRow): Feed {
  return dropUndefined<Feed>({
    id: row.id,
    url: row.url,
    title: opt(row.title),
    titleFromUser: row.title_from_user === 1,
    siteUrl: opt(row.site_url),
    description: opt(row.description),
    category: opt(row.category),
    format: opt(row.format) as FeedFormat | undefined,
    language: opt(row.language),
    validators: dropUndefined({ etag: opt(row.etag), lastModified: opt(row.last_modified) }),
    nextCheckAt: row.next_check_at,
    checkIntervalMs: opt(row.check_interval_ms),
    postingIntervalMs: opt(row.posting_interval_ms),
    errorCount: row.error_count,
    lastError:
      row.last_error_code === null ? undefined : { code: row.last_error_code, message: row.last_error_message ?? '' },
    lastStatus: opt(row.last_status),
    lastFetchedAt: opt(row.last_fetched_at),
    lastSuccessAt: opt(row.last_success_at),
    createdAt: row.created_at,
    removedAt: opt(row.removed_at),
    settings: dropUndefined({
      encodingOverride: opt(row.encoding_override),
      fullText: row.full_text as FullTextMode,
      minIntervalSeconds: opt(row.min_interval_s),
      maxIntervalSeconds: opt(row.max_interval_s),
      retentionDays: opt(row.retention_days),
      learnedBoilerplate: row.learned_boilerplate === 1,
    }),
  });
}

/** Returns the summary of an `articles` row. */
export function rowToArticleSummary(row: ArticleRow): ArticleSummary {
  return dropUndefined<ArticleSummary>({
    id: row.id,
    feedId: row.feed_id,
    identity: row.identity,
    key: row.archive_key,
    guid: opt(row.guid),
    link: opt(row.link),
    title: opt(row.title),
    authors: JSON.parse(row.authors) as Person[],
    categories: JSON.parse(row.categories) as Category[],
    enclosures: JSON.parse(row.enclosures) as Enclosure[],
    language: opt(row.language),
    publishedAt: opt(row.published_at),
    updatedAt: opt(row.updated_at),
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    time: row.sort_time,
    revisionCount: row.revision_count,
    deletedAt: opt(row.deleted_at),
  });
}

/** Returns the revision of a `revisions` row. */
export function rowToRevision(row: RevisionRow): Revision {
  return dropUndefined<Revision>({
    id: row.id,
    articleId: row.article_id,
    number: row.number,
    title: opt(row.title),
    link: opt(row.link),
    guid: opt(row.guid),
    summary: opt(row.summary),
    authors: JSON.parse(row.authors) as Person[],
    categories: JSON.parse(row.categories) as Category[],
    enclosures: JSON.parse(row.enclosures) as Enclosure[],
    publishedAt: opt(row.published_at),
    updatedAt: opt(row.updated_at),
    feedTitle: opt(row.feed_title),
    rawBody: row.raw_body,
    cleanedBody: opt(row.cleaned_body),
    fingerprint: opt(row.fingerprint),
    titleKey: opt(row.title_key),
    seenAt: row.seen_at,
    archivedAt: opt(row.archived_at),
  });
}

/** Returns the fetch log entry of a `fetch_log` row. */
export function rowToFetchLog(row: FetchLogRow): FetchLogEntry {
  return dropUndefined<FetchLogEntry>({
    id: row.id,
    feedId: row.feed_id,
    startedAt: row.started_at,
    durationMs: row.duration_ms,
    outcome: row.outcome as FetchOutcomeKind,
    httpStatus: opt(row.http_status),
    bytes: opt(row.bytes),
    itemCount: opt(row.item_count),
    newArticles: opt(row.new_articles),
    newRevisions: opt(row.new_revisions),
    error: row.error_code === null ? undefined : { code: row.error_code, message: row.error_message ?? '' },
  });
}

/** Returns the archive's view of a feed row. */
export function rowToArchiveFeed(row: Pick<FeedRow, 'url' | 'title' | 'site_url' | 'category'>): ArchiveFeed {
  return dropUndefined<ArchiveFeed>({
    url: row.url,
    title: opt(row.title),
    siteUrl: opt(row.site_url),
    category: opt(row.category),
  });
}

/** The article columns an archive record needs besides its revision. */
export type RecordArticleColumns = Pick<ArticleRow, 'identity' | 'archive_key' | 'first_seen_at'>;

/** Returns the archive record of one revision; the file holds the cleaned body unless `fileBody` is raw or there is none. */
export function rowToArchiveRecord(
  revision: RevisionRow,
  article: RecordArticleColumns,
  feedUrl: string,
  fileBody: 'cleaned' | 'raw' = 'cleaned',
): ArchiveRecord {
  const cleaned = opt(revision.cleaned_body);
  return dropUndefined<ArchiveRecord>({
    file: articleFileNameForKey(article.archive_key, revision.number),
    key: article.archive_key,
    identity: article.identity,
    revision: revision.number,
    feedUrl,
    feedTitle: opt(revision.feed_title),
    guid: opt(revision.guid),
    link: opt(revision.link),
    title: revision.title ?? '',
    authors: JSON.parse(revision.authors) as Person[],
    categories: JSON.parse(revision.categories) as Category[],
    enclosures: JSON.parse(revision.enclosures) as Enclosure[],
    publishedAt: opt(revision.published_at),
    updatedAt: opt(revision.updated_at),
    seenAt: revision.seen_at,
    firstSeenAt: article.first_seen_at < revision.seen_at ? article.first_seen_at : undefined,
    fingerprint: opt(revision.fingerprint),
    fileBody: fileBody === 'cleaned' && cleaned !== undefined ? 'cleaned' : 'raw',
    rawBody: revision.raw_body,
    cleanedBody: cleaned,
  });
}
