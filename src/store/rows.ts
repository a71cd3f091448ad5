/**
 * Database row shapes (`XxxRow`), one per table, with the column names every back end
 * uses. Times are epoch milliseconds, booleans 0/1, lists JSON text, absent values null.
 */

/** A `feeds` row. */
export interface FeedRow {
  id: number;
  url: string;
  title: string | null;
  title_from_user: number;
  site_url: string | null;
  description: string | null;
  category: string | null;
  format: string | null;
  language: string | null;
  etag: string | null;
  last_modified: string | null;
  next_check_at: number;
  check_interval_ms: number | null;
  posting_interval_ms: number | null;
  error_count: number;
  last_error_code: string | null;
  last_error_message: string | null;
  last_status: number | null;
  last_fetched_at: number | null;
  last_success_at: number | null;
  created_at: number;
  removed_at: number | null;
  encoding_override: string | null;
  full_text: string;
  min_interval_s: number | null;
  max_interval_s: number | null;
  retention_days: number | null;
  learned_boilerplate: number;
}

/** An `articles` row; `sort_time` is derived (published, else first seen). */
export interface ArticleRow {
  id: number;
  feed_id: number;
  identity: string;
  archive_key: string;
  guid: string | null;
  link: string | null;
  title: string | null;
  authors: string;
  categories: string;
  enclosures: string;
  language: string | null;
  published_at: number | null;
  updated_at: number | null;
  first_seen_at: number;
  last_seen_at: number;
  sort_time: number;
  revision_count: number;
  deleted_at: number | null;
}

/** A `revisions` row. */
export interface RevisionRow {
  id: number;
  article_id: number;
  number: number;
  title: string | null;
  link: string | null;
  guid: string | null;
  summary: string | null;
  authors: string;
  categories: string;
  enclosures: string;
  published_at: number | null;
  updated_at: number | null;
  feed_title: string | null;
  raw_body: string;
  cleaned_body: string | null;
  fingerprint: string | null;
  title_key: string | null;
  seen_at: number;
  archived_at: number | null;
}

/** A `fetch_log` row. */
export interface FetchLogRow {
  id: number;
  feed_id: number;
  started_at: number;
  duration_ms: number;
  outcome: string;
  http_status: number | null;
  bytes: number | null;
  item_count: number | null;
  new_articles: number | null;
  new_revisions: number | null;
  error_code: string | null;
  error_message: string | null;
}
