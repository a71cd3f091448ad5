/**
 * SQLite per-user article state and the timelines built on it. A row in `article_state`
 * exists only while an article is read or starred for a user (never touched = unread,
 * unstarred; a row with neither is deleted), so a new subscription's articles are unread
 * without writing a row per article. Timelines are keyset-paginated like `listArticles`
 * (article time, then id, with the same cursor); `unread` and `all` cover the user's
 * subscriptions to feeds not removed, `starred` every starred article even after
 * unsubscribing. Deleted (tombstoned) articles never show. `listTimelineItems` reads the same
 * page with only the columns a list shows, as arrays (the reader's timeline: a page of 50 full
 * summaries, JSON lists included, cost five times as much).
 */
import { AppError } from '../../domain/errors.ts';
import type {
  ArticleState,
  MarkAllReadOptions,
  TimelineArticle,
  TimelineItem,
  TimelineItemsPage,
  TimelineOptions,
  TimelinePage,
  UnreadCounts,
} from '../account-types.ts';
import { decodeArticleCursor, encodeArticleCursor } from '../article-cursor.ts';
import { opt, rowToArticleSummary } from '../map-rows.ts';
import type { ArticleRow } from '../rows.ts';
import type { SqliteContext } from './statements.ts';
import { categoryCondition, EFFECTIVE_CATEGORY } from './subscription-queries.ts';
import { dropUndefined } from '../../util/drop-undefined.ts';

type TimelineRow = ArticleRow & {
  state_read_at: number | null;
  state_starred_at: number | null;
  state_feed_title: string;
};
type ItemRow = [
  number,
  number,
  string | null,
  string | null,
  string | null,
  number,
  number,
  number | null,
  number | null,
  string,
];
type StateRow = { article_id: number; read_at: number | null; starred_at: number | null };

// The subscribed, not-removed feeds' articles with the user's state; the user id is the first parameter.
// For counting and marking, feed by feed (articles_feed_time).
const SUBSCRIBED = `FROM subscriptions s JOIN feeds f ON f.id = s.feed_id AND f.removed_at IS NULL
  JOIN articles a ON a.feed_id = s.feed_id
  LEFT JOIN article_state st ON st.user_id = s.user_id AND st.article_id = a.id
  WHERE s.user_id = ? AND a.deleted_at IS NULL`;
// For a page, newest first: CROSS JOIN makes SQLite walk articles_time and stop after the page instead of
// sorting every subscribed article (bench/README.md, "Reader pages: where a timeline page's CPU went"); with
// feedId it uses articles_feed_time.
const SUBSCRIBED_BY_TIME = `FROM articles a CROSS JOIN subscriptions s ON s.feed_id = a.feed_id
  JOIN feeds f ON f.id = a.feed_id AND f.removed_at IS NULL
  LEFT JOIN article_state st ON st.user_id = s.user_id AND st.article_id = a.id
  WHERE s.user_id = ? AND a.deleted_at IS NULL`;
const STARRED = `FROM article_state st JOIN articles a ON a.id = st.article_id JOIN feeds f ON f.id = a.feed_id
  LEFT JOIN subscriptions s ON s.user_id = st.user_id AND s.feed_id = a.feed_id
  WHERE st.user_id = ? AND st.starred_at IS NOT NULL AND a.deleted_at IS NULL`;

function stateOf(readAt: number | null, starredAt: number | null): ArticleState {
  return dropUndefined<ArticleState>({
    read: readAt !== null,
    starred: starredAt !== null,
    readAt: opt(readAt),
    starredAt: opt(starredAt),
  });
}

/** Returns the filters shared by timelines and mark-all-read: feed and category. */
function filters(options: { feedId?: number; category?: string }): { where: string; params: Array<string | number> } {
  const where: string[] = [];
  const params: Array<string | number> = [];
  if (options.feedId !== undefined) {
    where.push('a.feed_id = ?');
    params.push(options.feedId);
  }
  if (options.category !== undefined && options.category.trim() !== '') {
    const condition = categoryCondition(options.category);
    where.push(condition.where);
    params.push(...condition.params);
  }
  return { where: where.map((w) => ` AND ${w}`).join(''), params };
}

// FROM … LIMIT of a timeline page (one row more than the page, to know whether another follows) and its parameters.
function timelineQuery(options: TimelineOptions): { from: string; params: Array<string | number> } {
  if (!Number.isSafeInteger(options.limit) || options.limit < 1)
    throw new AppError('input.invalid', 'limit must be a positive integer');
  const filter = filters(options);
  let where = filter.where;
  const params: Array<string | number> = [options.userId, ...filter.params];
  if (options.view === 'unread') where += ' AND st.read_at IS NULL';
  if (options.cursor !== undefined) {
    const cursor = decodeArticleCursor(options.cursor);
    if (cursor === undefined) throw new AppError('input.invalid', 'the page cursor is not valid');
    where += ' AND (a.sort_time, a.id) < (?, ?)';
    params.push(cursor.time, cursor.id);
  }
  return {
    from: `${options.view === 'starred' ? STARRED : SUBSCRIBED_BY_TIME}${where} ORDER BY a.sort_time DESC, a.id DESC LIMIT ?`,
    params: [...params, options.limit + 1],
  };
}

function withCursor<T extends { id: number; time: number }>(
  articles: T[],
  more: boolean,
): { articles: T[]; nextCursor?: string } {
  const last = articles.at(-1);
  return more && last !== undefined
    ? { articles, nextCursor: encodeArticleCursor({ time: last.time, id: last.id }) }
    : { articles };
}

/** Returns the article-state functions over one connection. */
export function createArticleStateQueries({ db, sql }: SqliteContext) {
  const dropEmpty = (userId: number, articleId: number) =>
    sql(
      'DELETE FROM article_state WHERE user_id = ? AND article_id = ? AND read_at IS NULL AND starred_at IS NULL',
    ).run(userId, articleId);

  const markRead = db.transaction(
    (userId: number, articleIds: readonly number[], read: boolean, at: number): number => {
      let changed = 0;
      for (const id of new Set(articleIds)) {
        if (read) {
          changed +=
            sql(`INSERT INTO article_state (user_id, article_id, read_at) SELECT ?, id, ? FROM articles WHERE id = ?
          ON CONFLICT (user_id, article_id) DO UPDATE SET read_at = excluded.read_at WHERE read_at IS NULL`).run(
              userId,
              at,
              id,
            ).changes;
        } else {
          changed += sql(
            'UPDATE article_state SET read_at = NULL WHERE user_id = ? AND article_id = ? AND read_at IS NOT NULL',
          ).run(userId, id).changes;
          dropEmpty(userId, id);
        }
      }
      return changed;
    },
  );

  const setStarred = db.transaction((userId: number, articleId: number, starred: boolean, at: number): boolean => {
    if (sql('SELECT 1 FROM articles WHERE id = ?').get(articleId) === undefined) return false;
    if (starred) {
      sql(`INSERT INTO article_state (user_id, article_id, starred_at) VALUES (?, ?, ?)
        ON CONFLICT (user_id, article_id) DO UPDATE SET starred_at = coalesce(starred_at, excluded.starred_at)`).run(
        userId,
        articleId,
        at,
      );
    } else {
      sql('UPDATE article_state SET starred_at = NULL WHERE user_id = ? AND article_id = ?').run(userId, articleId);
      dropEmpty(userId, articleId);
    }
    return true;
  });

  return {
    /** Throws AppError `input.invalid` for a limit that is not a positive integer or a cursor this store did not make. */
    listTimeline(options: TimelineOptions): TimelinePage {
      const { from, params } = timelineQuery(options);
      const rows = sql(`SELECT a.*, st.read_at AS state_read_at, st.starred_at AS state_starred_at,
          coalesce(s.title, f.title, f.url) AS state_feed_title ${from}`).all(...params) as TimelineRow[];
      const articles = rows.slice(0, options.limit).map(
        (row): TimelineArticle => ({
          ...rowToArticleSummary(row),
          ...stateOf(row.state_read_at, row.state_starred_at),
          feedTitle: row.state_feed_title,
        }),
      );
      return withCursor(articles, rows.length > options.limit);
    },
    /** Throws as listTimeline. */
    listTimelineItems(options: TimelineOptions): TimelineItemsPage {
      const { from, params } = timelineQuery(options);
      const rows =
        sql(`SELECT a.id, a.feed_id, a.title, a.link, a.language, a.sort_time, a.revision_count, st.read_at, st.starred_at,
          coalesce(s.title, f.title, f.url) ${from}`)
          .raw(true)
          .all(...params) as ItemRow[];
      const articles = rows
        .slice(0, options.limit)
        .map(([id, feedId, title, link, language, time, revisionCount, readAt, starredAt, feedTitle]) => {
          const item: TimelineItem = {
            id,
            feedId,
            feedTitle,
            time,
            revisionCount,
            read: readAt !== null,
            starred: starredAt !== null,
          };
          if (title !== null) item.title = title;
          if (link !== null) item.link = link;
          if (language !== null) item.language = language;
          return item;
        });
      return withCursor(articles, rows.length > options.limit);
    },
    markRead: (userId: number, articleIds: readonly number[], read: boolean, at: number) =>
      markRead.immediate(userId, articleIds, read, at),
    markAllRead(userId: number, options: MarkAllReadOptions, at: number): number {
      const filter = filters(options);
      const before = options.before === undefined ? '' : ' AND a.first_seen_at < ?';
      return sql(`INSERT INTO article_state (user_id, article_id, read_at)
        SELECT s.user_id, a.id, ? ${SUBSCRIBED} AND st.read_at IS NULL${filter.where}${before}
        ON CONFLICT (user_id, article_id) DO UPDATE SET read_at = excluded.read_at`).run(
        at,
        userId,
        ...filter.params,
        ...(options.before === undefined ? [] : [options.before]),
      ).changes;
    },
    setStarred: (userId: number, articleId: number, starred: boolean, at: number) =>
      setStarred.immediate(userId, articleId, starred, at),
    articleStates(userId: number, articleIds: readonly number[]): Map<number, ArticleState> {
      const rows = sql(
        'SELECT article_id, read_at, starred_at FROM article_state WHERE user_id = ? AND article_id IN (SELECT value FROM json_each(?))',
      ).all(userId, JSON.stringify(articleIds)) as StateRow[];
      const found = new Map(rows.map((r) => [r.article_id, stateOf(r.read_at, r.starred_at)]));
      return new Map(articleIds.map((id) => [id, found.get(id) ?? { read: false, starred: false }]));
    },
    unreadCounts(userId: number): UnreadCounts {
      // Kept by triggers (migration 2026-11-26-008-unread-counts; store-unread-counts.test.ts checks them against a recount).
      // Rows as arrays: every page asks, and 400 row objects cost more than the query.
      const feeds = sql(`SELECT s.feed_id, ${EFFECTIVE_CATEGORY}, s.unread_count FROM subscriptions s
        JOIN feeds f ON f.id = s.feed_id AND f.removed_at IS NULL WHERE s.user_id = ? ORDER BY s.feed_id`)
        .raw(true)
        .all(userId) as Array<[number, string | null, number]>;
      return rollUp(feeds.map(([feedId, category, unread]) => ({ feedId, category, unread })));
    },
  };
}

// A category's count includes its subfolders: News/World adds to News/World and News.
function rollUp(feeds: Array<{ feedId: number; category: string | null; unread: number }>): UnreadCounts {
  const categories = new Map<string, number>();
  for (const feed of feeds) {
    if (feed.category === null) continue;
    const parts = feed.category.split('/').filter((p) => p !== '');
    for (let i = 1; i <= parts.length; i++) {
      const name = parts.slice(0, i).join('/');
      categories.set(name, (categories.get(name) ?? 0) + feed.unread);
    }
  }
  return {
    total: feeds.reduce((sum, f) => sum + f.unread, 0),
    feeds: feeds.map(({ feedId, unread }) => ({ feedId, unread })),
    categories: [...categories.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([category, unread]) => ({ category, unread })),
  };
}
