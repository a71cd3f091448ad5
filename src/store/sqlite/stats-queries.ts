/**
 * SQLite statistics for the feed health page: articles per day of one feed, counted by
 * article time (published, else first seen: what lists sort by), in UTC days, deleted
 * articles left out. One range scan of articles_feed_time per feed.
 */
import type { DayCount } from '../store.ts';
import type { SqliteContext } from './statements.ts';

const DAY_MS = 86_400_000;

/** Returns the statistics functions over one connection. */
export function createStatsQueries({ sql }: SqliteContext) {
  return {
    /** Returns `days` counts, oldest first, the last one being the UTC day of `now`; zero-filled. */
    articlesPerDay(feedId: number, days: number, now: number): DayCount[] {
      const count = Math.max(0, Math.floor(days));
      const end = (Math.floor(now / DAY_MS) + 1) * DAY_MS;
      const start = end - count * DAY_MS;
      const rows = sql(`
        SELECT CAST((sort_time - ?) / ${DAY_MS} AS INTEGER) AS day, count(*) AS n FROM articles
        WHERE feed_id = ? AND deleted_at IS NULL AND sort_time >= ? AND sort_time < ?
        GROUP BY day`).all(start, feedId, start, end) as Array<{ day: number; n: number }>;
      const counts = new Array<number>(count).fill(0);
      for (const row of rows) counts[row.day] = row.n;
      return counts.map((n, i) => ({ day: new Date(start + i * DAY_MS).toISOString().slice(0, 10), count: n }));
    },
  };
}
