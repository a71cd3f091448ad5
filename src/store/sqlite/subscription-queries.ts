/**
 * SQLite subscriptions: which users follow which global feed, with each user's own title
 * and category. The feed row stays the one thing fetched; a subscription is a user's view
 * of it. Blank overrides are stored as NULL (the feed's own value shows through).
 */
import type {
  AddSubscriptionResult,
  NewSubscription,
  Subscription,
  SubscriptionLabel,
  SubscriptionPatch,
} from '../account-types.ts';
import { rowToFeed } from '../map-rows.ts';
import type { FeedRow } from '../rows.ts';
import type { SqliteContext } from './statements.ts';
import { dropUndefined } from '../../util/drop-undefined.ts';

type SubscriptionRow = FeedRow & {
  sub_user_id: number;
  sub_title: string | null;
  sub_category: string | null;
  sub_added_at: number;
};

const SELECT = `SELECT f.*, s.user_id AS sub_user_id, s.title AS sub_title, s.category AS sub_category, s.added_at AS sub_added_at
  FROM subscriptions s JOIN feeds f ON f.id = s.feed_id`;

/** The SQL of a subscription's effective category, over aliases `s` (subscriptions) and `f` (feeds). */
export const EFFECTIVE_CATEGORY = 'coalesce(s.category, f.category)';

// Feeds by category (uncategorized last), then title, both ignoring case.
const ORDER = `ORDER BY ${EFFECTIVE_CATEGORY} IS NULL, ${EFFECTIVE_CATEGORY} COLLATE NOCASE, coalesce(s.title, f.title, f.url) COLLATE NOCASE, f.id`;

/** Returns the SQL condition "effective category is `?` or one of its subfolders" and its two parameters. */
export function categoryCondition(category: string): { where: string; params: Array<string | number> } {
  const name = category.trim().replace(/\/+$/, '');
  return {
    where: `(${EFFECTIVE_CATEGORY} = ? OR substr(${EFFECTIVE_CATEGORY}, 1, ?) = ?)`,
    // substr counts characters, not UTF-16 units.
    params: [name, [...name].length + 1, `${name}/`],
  };
}

function rowToSubscription(row: SubscriptionRow): Subscription {
  const feed = rowToFeed(row);
  const title = row.sub_title ?? undefined;
  const category = row.sub_category ?? undefined;
  return dropUndefined<Subscription>({
    userId: row.sub_user_id,
    feedId: feed.id,
    title,
    category,
    addedAt: row.sub_added_at,
    feed,
    displayTitle: title ?? feed.title ?? feed.url,
    displayCategory: category ?? feed.category,
  });
}

function blankToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value.trim();
}

/** Returns the subscription functions over one connection. */
export function createSubscriptionQueries({ db, sql }: SqliteContext) {
  const getSubscription = (userId: number, feedId: number): Subscription | undefined => {
    const row = sql(`${SELECT} WHERE s.user_id = ? AND s.feed_id = ?`).get(userId, feedId) as
      | SubscriptionRow
      | undefined;
    return row === undefined ? undefined : rowToSubscription(row);
  };

  const addSubscription = db.transaction((input: NewSubscription): AddSubscriptionResult => {
    const existing = getSubscription(input.userId, input.feedId);
    if (existing !== undefined) return { kind: 'exists', subscription: existing };
    if (sql('SELECT 1 FROM users WHERE id = ?').get(input.userId) === undefined) return { kind: 'not-found' };
    if (sql('SELECT 1 FROM feeds WHERE id = ?').get(input.feedId) === undefined) return { kind: 'not-found' };
    sql('INSERT INTO subscriptions (user_id, feed_id, title, category, added_at) VALUES (?, ?, ?, ?, ?)').run(
      input.userId,
      input.feedId,
      blankToNull(input.title),
      blankToNull(input.category),
      input.at ?? Date.now(),
    );
    return { kind: 'added', subscription: getSubscription(input.userId, input.feedId)! };
  });

  const updateSubscription = db.transaction((userId: number, feedId: number, patch: SubscriptionPatch): boolean => {
    const row = sql('SELECT title, category FROM subscriptions WHERE user_id = ? AND feed_id = ?').get(
      userId,
      feedId,
    ) as { title: string | null; category: string | null } | undefined;
    if (row === undefined) return false;
    sql('UPDATE subscriptions SET title = ?, category = ? WHERE user_id = ? AND feed_id = ?').run(
      patch.title === undefined ? row.title : blankToNull(patch.title),
      patch.category === undefined ? row.category : blankToNull(patch.category),
      userId,
      feedId,
    );
    return true;
  });

  return {
    addSubscription: (input: NewSubscription) => addSubscription.immediate(input),
    getSubscription,
    listSubscriptions: (userId: number, includeRemovedFeeds: boolean): Subscription[] =>
      (
        sql(`${SELECT}
      WHERE s.user_id = ? ${includeRemovedFeeds ? '' : 'AND f.removed_at IS NULL'}
      ${ORDER}`).all(userId) as SubscriptionRow[]
      ).map(rowToSubscription),
    // Three columns as arrays instead of the feed's thirty as objects: every timeline page lists every subscription
    // (bench/README.md, "Reader pages: where a timeline page's CPU went").
    listSubscriptionLabels: (userId: number): SubscriptionLabel[] =>
      (
        sql(`SELECT s.feed_id, coalesce(s.title, f.title, f.url),
        ${EFFECTIVE_CATEGORY} FROM subscriptions s JOIN feeds f ON f.id = s.feed_id WHERE s.user_id = ? AND f.removed_at IS NULL
      ${ORDER}`)
          .raw(true)
          .all(userId) as Array<[number, string, string | null]>
      ).map(([feedId, displayTitle, category]) =>
        category === null ? { feedId, displayTitle } : { feedId, displayTitle, displayCategory: category },
      ),
    updateSubscription: (userId: number, feedId: number, patch: SubscriptionPatch) =>
      updateSubscription.immediate(userId, feedId, patch),
    removeSubscription: (userId: number, feedId: number): boolean =>
      sql('DELETE FROM subscriptions WHERE user_id = ? AND feed_id = ?').run(userId, feedId).changes === 1,
    countSubscribers: (feedId: number): number =>
      sql('SELECT count(*) FROM subscriptions WHERE feed_id = ?').pluck().get(feedId) as number,
  };
}
