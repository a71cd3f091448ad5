/**
 * The WHERE clauses that narrow a list of articles (alias `a`) by feed, removed feeds, deleted
 * articles, time, language and a keyset position, shared by article lists and searches so
 * that a filter means the same thing in both.
 */

/** What to keep; every field left out keeps everything. */
export interface ArticleFilter {
  feedId?: number;
  /** Leave out the articles of removed (unsubscribed) feeds. */
  excludeRemovedFeeds: boolean;
  includeDeleted?: boolean;
  /** Inclusive lower bound on `sort_time`. */
  since?: number;
  /** Exclusive upper bound on `sort_time`. */
  until?: number;
  /** Language tags; `zh` also matches `zh-CN`… (the article's language, else its feed's, alias `f`). */
  languages?: readonly string[];
  /** Only articles before this keyset position, newest first: `(sort_time, id) < (time, id)`. */
  before?: { time: number; id: number };
}

/** The clauses to join with AND, their parameters in order, and whether they read the feed (alias `f`). */
export interface ArticleFilterSql {
  where: string[];
  params: Array<string | number>;
  needsFeed: boolean;
}

/** Returns the clauses and parameters of `filter` over `articles a` (and `feeds f` when `needsFeed`). */
export function articleFilterSql(filter: ArticleFilter): ArticleFilterSql {
  const where: string[] = [];
  const params: Array<string | number> = [];
  if (filter.includeDeleted !== true) where.push('a.deleted_at IS NULL');
  if (filter.excludeRemovedFeeds) where.push('a.feed_id NOT IN (SELECT id FROM feeds WHERE removed_at IS NOT NULL)');
  if (filter.feedId !== undefined) {
    where.push('a.feed_id = ?');
    params.push(filter.feedId);
  }
  if (filter.since !== undefined) {
    where.push('a.sort_time >= ?');
    params.push(filter.since);
  }
  if (filter.until !== undefined) {
    where.push('a.sort_time < ?');
    params.push(filter.until);
  }
  const languages = filter.languages ?? [];
  if (languages.length > 0) {
    const lang = "replace(lower(coalesce(a.language, f.language, '')), '_', '-')";
    where.push(`(${languages.map(() => `${lang} = ? OR ${lang} LIKE ?`).join(' OR ')})`);
    for (const tag of languages) params.push(tag.toLowerCase(), `${tag.toLowerCase()}-%`);
  }
  if (filter.before !== undefined) {
    where.push('(a.sort_time, a.id) < (?, ?)');
    params.push(filter.before.time, filter.before.id);
  }
  return { where, params, needsFeed: languages.length > 0 };
}
