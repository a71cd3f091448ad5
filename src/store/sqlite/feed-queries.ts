/**
 * SQLite feed queries: subscribe, read, change, remove, the due list, and `recordFetch`,
 * which updates the feed row and appends the fetch log row in one transaction (`recordFetches`
 * does the same for many feeds in one transaction: a round of 304s pays one commit, not one each). Changes
 * read the row, merge in JS and write every editable column with one fixed statement, so
 * the statement cache stays small and the merge rules live in one readable place.
 */
import { checkFeedUrl, checkSettings } from '../check-input.ts';
import type {
  AddFeedResult,
  Feed,
  FeedPatch,
  FeedWithStats,
  FetchLogEntry,
  FetchRecord,
  FetchRecordOf,
  NewFeed,
  RecordFetchResult,
  RemoveFeedResult,
  UpdateFeedResult,
} from '../feed-types.ts';
import { rowToFeed, rowToFetchLog } from '../map-rows.ts';
import type { FeedRow, FetchLogRow } from '../rows.ts';
import type { SqliteContext } from './statements.ts';

const EDITABLE = [
  'url',
  'title',
  'title_from_user',
  'site_url',
  'description',
  'category',
  'format',
  'language',
  'etag',
  'last_modified',
  'next_check_at',
  'check_interval_ms',
  'posting_interval_ms',
  'error_count',
  'last_error_code',
  'last_error_message',
  'last_status',
  'last_fetched_at',
  'last_success_at',
  'removed_at',
  'encoding_override',
  'full_text',
  'min_interval_s',
  'max_interval_s',
  'retention_days',
  'learned_boilerplate',
] as const;
const UPDATE_FEED = `UPDATE feeds SET ${EDITABLE.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`;

/** Returns the feed functions over one connection. */
export function createFeedQueries({ db, sql }: SqliteContext) {
  const getRow = (id: number) => sql('SELECT * FROM feeds WHERE id = ?').get(id) as FeedRow | undefined;
  const getRowByUrl = (url: string) => sql('SELECT * FROM feeds WHERE url = ?').get(url) as FeedRow | undefined;
  const writeRow = (row: FeedRow) => sql(UPDATE_FEED).run(row);

  const addFeed = db.transaction((input: NewFeed): AddFeedResult => {
    const invalid = checkFeedUrl(input.url) ?? checkSettings(input.settings ?? {});
    if (invalid !== undefined) return { kind: 'invalid', reason: invalid };
    const now = input.now ?? Date.now();
    const existing = getRowByUrl(input.url);
    if (existing !== undefined && existing.removed_at === null) return { kind: 'exists', feed: rowToFeed(existing) };
    if (existing !== undefined) {
      writeRow({ ...existing, removed_at: null, next_check_at: now });
      return { kind: 'restored', feed: rowToFeed(getRow(existing.id)!) };
    }
    const s = input.settings ?? {};
    const { lastInsertRowid } = sql(`
      INSERT INTO feeds (url, title, title_from_user, category, site_url, next_check_at, created_at,
        encoding_override, full_text, min_interval_s, max_interval_s, retention_days, learned_boilerplate)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      input.url,
      input.title ?? null,
      input.title === undefined ? 0 : 1,
      input.category ?? null,
      input.siteUrl ?? null,
      now,
      now,
      s.encodingOverride ?? null,
      s.fullText ?? 'off',
      s.minIntervalSeconds ?? null,
      s.maxIntervalSeconds ?? null,
      s.retentionDays ?? null,
      s.learnedBoilerplate === false ? 0 : 1,
    );
    return { kind: 'added', feed: rowToFeed(getRow(Number(lastInsertRowid))!) };
  });

  const updateFeed = db.transaction((id: number, patch: FeedPatch): UpdateFeedResult => {
    const row = getRow(id);
    if (row === undefined) return { kind: 'not-found' };
    const invalid =
      (patch.url === undefined ? undefined : checkFeedUrl(patch.url)) ?? checkSettings(patch.settings ?? {});
    if (invalid !== undefined) return { kind: 'invalid', reason: invalid };
    if (patch.url !== undefined && patch.url !== row.url) {
      const other = getRowByUrl(patch.url);
      if (other !== undefined) return { kind: 'url-taken', feedId: other.id };
    }
    const s = patch.settings ?? {};
    const next: FeedRow = {
      ...row,
      url: patch.url ?? row.url,
      title: patch.title === undefined ? row.title : patch.title,
      title_from_user: patch.title === undefined ? row.title_from_user : patch.title === null ? 0 : 1,
      category: keep(patch.category, row.category),
      site_url: keep(patch.siteUrl, row.site_url),
      description: keep(patch.description, row.description),
      next_check_at: patch.nextCheckAt ?? row.next_check_at,
      encoding_override: keep(s.encodingOverride, row.encoding_override),
      full_text: s.fullText ?? row.full_text,
      min_interval_s: keep(s.minIntervalSeconds, row.min_interval_s),
      max_interval_s: keep(s.maxIntervalSeconds, row.max_interval_s),
      retention_days: keep(s.retentionDays, row.retention_days),
      learned_boilerplate: s.learnedBoilerplate === undefined ? row.learned_boilerplate : s.learnedBoilerplate ? 1 : 0,
    };
    if (next.min_interval_s !== null && next.max_interval_s !== null && next.min_interval_s > next.max_interval_s) {
      return { kind: 'invalid', reason: 'minIntervalSeconds is greater than maxIntervalSeconds' };
    }
    writeRow(next);
    return { kind: 'updated', feed: rowToFeed(getRow(id)!) };
  });

  const removeFeed = db.transaction((id: number, purge: boolean, at: number): RemoveFeedResult => {
    const row = getRow(id);
    if (row === undefined) return { kind: 'not-found' };
    if (purge) {
      sql('DELETE FROM feeds WHERE id = ?').run(id);
      return { kind: 'purged' };
    }
    if (row.removed_at === null) writeRow({ ...row, removed_at: at });
    return { kind: 'removed', feed: rowToFeed(getRow(id)!) };
  });

  const recordOne = (feedId: number, fetch: FetchRecord): RecordFetchResult => {
    const row = getRow(feedId);
    if (row === undefined) return { kind: 'not-found' };
    const next = applyFetch(row, fetch);
    writeRow(next);
    sql(`
      INSERT INTO fetch_log (feed_id, started_at, duration_ms, outcome, http_status, bytes, item_count,
        new_articles, new_revisions, error_code, error_message)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      feedId,
      fetch.startedAt,
      fetch.durationMs,
      fetch.outcome,
      fetch.httpStatus ?? null,
      fetch.bytes ?? null,
      fetch.itemCount ?? null,
      fetch.newArticles ?? null,
      fetch.newRevisions ?? null,
      fetch.error?.code ?? null,
      fetch.error?.message ?? null,
    );
    // The row as written (no trigger changes a feed row): reading it back cost a query per fetch.
    return { kind: 'recorded', feed: rowToFeed(next) };
  };
  const recordFetch = db.transaction(recordOne);
  const recordFetches = db.transaction((batch: readonly FetchRecordOf[]): RecordFetchResult[] =>
    batch.map((item) => recordOne(item.feedId, item.fetch)),
  );

  return {
    addFeed: (input: NewFeed) => addFeed.immediate(input),
    getFeed: (id: number): Feed | undefined => mapOptional(getRow(id)),
    findFeedByUrl: (url: string): Feed | undefined => mapOptional(getRowByUrl(url)),
    listFeeds(includeRemoved: boolean): FeedWithStats[] {
      const rows = sql(`
        SELECT f.*, coalesce(s.article_count, 0) AS article_count, coalesce(s.revision_count, 0) AS revisions_total,
          s.latest_time AS latest_time
        FROM feeds f LEFT JOIN (
          SELECT feed_id, count(*) AS article_count, sum(revision_count) AS revision_count, max(sort_time) AS latest_time
          FROM articles WHERE deleted_at IS NULL GROUP BY feed_id
        ) s ON s.feed_id = f.id
        WHERE ? = 1 OR f.removed_at IS NULL
        ORDER BY f.id`).all(includeRemoved ? 1 : 0) as Array<
        FeedRow & { article_count: number; revisions_total: number; latest_time: number | null }
      >;
      return rows.map((row) => {
        const stats = { articleCount: row.article_count, revisionCount: row.revisions_total };
        return {
          ...rowToFeed(row),
          stats: row.latest_time === null ? stats : { ...stats, latestArticleAt: row.latest_time },
        };
      });
    },
    updateFeed: (id: number, patch: FeedPatch) => updateFeed.immediate(id, patch),
    removeFeed: (id: number, purge: boolean, at: number) => removeFeed.immediate(id, purge, at),
    dueFeeds(now: number, limit: number): Feed[] {
      const rows = sql(
        'SELECT * FROM feeds WHERE removed_at IS NULL AND next_check_at <= ? ORDER BY next_check_at, id LIMIT ?',
      ).all(now, limit) as FeedRow[];
      return rows.map(rowToFeed);
    },
    recordFetch: (feedId: number, fetch: FetchRecord) => recordFetch.immediate(feedId, fetch),
    recordFetches: (batch: readonly FetchRecordOf[]) => recordFetches.immediate(batch),
    listFetchLog(feedId: number, limit: number): FetchLogEntry[] {
      const rows = sql('SELECT * FROM fetch_log WHERE feed_id = ? ORDER BY started_at DESC, id DESC LIMIT ?').all(
        feedId,
        limit,
      ) as FetchLogRow[];
      return rows.map(rowToFetchLog);
    },
  };
}

/** Returns the feed row after a fetch: success resets the error state, failure counts, rate limiting only notes the error. */
function applyFetch(row: FeedRow, fetch: FetchRecord): FeedRow {
  const succeeded = fetch.outcome === 'ok' || fetch.outcome === 'not-modified';
  const next: FeedRow = {
    ...row,
    last_fetched_at: fetch.startedAt,
    last_status: fetch.httpStatus ?? null,
    next_check_at: fetch.schedule.nextCheckAt,
    check_interval_ms: fetch.schedule.checkIntervalMs ?? row.check_interval_ms,
    posting_interval_ms: fetch.schedule.postingIntervalMs ?? row.posting_interval_ms,
    error_count: succeeded ? 0 : fetch.outcome === 'failed' ? row.error_count + 1 : row.error_count,
    last_error_code: succeeded ? null : (fetch.error?.code ?? row.last_error_code),
    last_error_message: succeeded ? null : (fetch.error?.message ?? row.last_error_message),
    last_success_at: succeeded ? fetch.startedAt : row.last_success_at,
  };
  if (fetch.validators !== undefined) {
    next.etag = fetch.validators.etag ?? null;
    next.last_modified = fetch.validators.lastModified ?? null;
  }
  const doc = fetch.document;
  if (doc !== undefined) {
    if (doc.title !== undefined && row.title_from_user === 0) next.title = doc.title;
    next.site_url = doc.siteUrl ?? row.site_url;
    next.description = doc.description ?? row.description;
    next.format = doc.format ?? row.format;
    next.language = doc.language ?? row.language;
  }
  return next;
}

function keep<T>(patched: T | null | undefined, current: T | null): T | null {
  return patched === undefined ? current : patched;
}

function mapOptional(row: FeedRow | undefined): Feed | undefined {
  return row === undefined ? undefined : rowToFeed(row);
}
