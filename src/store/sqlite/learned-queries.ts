/**
 * SQLite side of per-feed cleaning state (migration 004): the learned boilerplate rules, the
 * count of articles since they were learned, the feed's generator, and the raw bodies rules
 * are learned from. The rules are one JSON list per feed, read and written whole.
 */
import type { FeedCleaning, FeedCleaningPatch, StoredLearnedRule } from '../cleaning-types.ts';
import type { SqliteContext } from './statements.ts';

interface FeedCleaningRow {
  feed_id: number;
  learned_rules: string;
  learned_at: number | null;
  new_since_learning: number;
  generator: string | null;
}

/** Returns the cleaning-state functions over one connection. */
export function createLearnedQueries({ db, sql }: SqliteContext) {
  const getRow = (feedId: number) =>
    sql('SELECT * FROM feed_cleaning WHERE feed_id = ?').get(feedId) as FeedCleaningRow | undefined;

  const update = db.transaction((feedId: number, patch: FeedCleaningPatch): boolean => {
    if (sql('SELECT 1 FROM feeds WHERE id = ?').get(feedId) === undefined) return false;
    const row = getRow(feedId) ?? {
      feed_id: feedId,
      learned_rules: '[]',
      learned_at: null,
      new_since_learning: 0,
      generator: null,
    };
    const next: FeedCleaningRow = { ...row };
    if (patch.learnedRules !== undefined) {
      next.learned_rules = JSON.stringify(
        patch.learnedRules.map(({ edge, key, text, share, sample }) => ({ edge, key, text, share, sample })),
      );
      next.learned_at = patch.at ?? Date.now();
      next.new_since_learning = 0;
    }
    if (patch.addNewArticles !== undefined) next.new_since_learning += Math.max(0, Math.trunc(patch.addNewArticles));
    if (patch.generator !== undefined) next.generator = patch.generator;
    sql(`
      INSERT INTO feed_cleaning (feed_id, learned_rules, learned_at, new_since_learning, generator) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (feed_id) DO UPDATE SET learned_rules = excluded.learned_rules, learned_at = excluded.learned_at,
        new_since_learning = excluded.new_since_learning, generator = excluded.generator`).run(
      feedId,
      next.learned_rules,
      next.learned_at,
      next.new_since_learning,
      next.generator,
    );
    return true;
  });

  return {
    getFeedCleaning(feedId: number): FeedCleaning {
      const row = getRow(feedId);
      if (row === undefined) return { feedId, learnedRules: [], newSinceLearning: 0 };
      const cleaning: FeedCleaning = {
        feedId,
        learnedRules: parseRules(row.learned_rules),
        newSinceLearning: row.new_since_learning,
      };
      if (row.learned_at !== null) cleaning.learnedAt = row.learned_at;
      if (row.generator !== null) cleaning.generator = row.generator;
      return cleaning;
    },
    updateFeedCleaning: (feedId: number, patch: FeedCleaningPatch): boolean => update.immediate(feedId, patch),
    /** The latest revision's raw body of the feed's `limit` most recent articles that are not deleted, newest first. */
    recentRawBodies(feedId: number, limit: number): string[] {
      return sql(`
        SELECT (SELECT r.raw_body FROM revisions r WHERE r.article_id = a.id ORDER BY r.number DESC LIMIT 1) AS body
        FROM articles a WHERE a.feed_id = ? AND a.deleted_at IS NULL AND a.revision_count > 0
        ORDER BY a.sort_time DESC, a.id DESC LIMIT ?`)
        .pluck()
        .all(feedId, limit)
        .filter((b): b is string => typeof b === 'string');
    },
  };
}

function parseRules(json: string): StoredLearnedRule[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? (value as StoredLearnedRule[]) : [];
  } catch {
    return [];
  }
}
