/**
 * The account half of the SQLite Store (users, sessions, tokens, subscriptions, article
 * state), assembled from its query modules. Kept apart from sqlite-store.ts so the
 * accounts layer joins the Store with one spread there, and its methods read as one block.
 * The two reads every reader page makes, unread counts and subscription labels, are kept per
 * user until the database changes (change-marker.ts).
 */
import type { AccountStore } from '../account-types.ts';
import { createArticleStateQueries } from './article-state-queries.ts';
import { createChangeMarker, memoizePerUser } from './change-marker.ts';
import { createSessionQueries } from './session-queries.ts';
import type { SqliteContext } from './statements.ts';
import { createSubscriptionQueries } from './subscription-queries.ts';
import { createUserQueries } from './user-queries.ts';

/** Runs synchronous database work as the Store's promise, mapping driver errors (sqlite-store.ts's `run`). */
export type RunQuery = <T>(work: () => T) => Promise<T>;

/** Returns the AccountStore methods over one connection. */
export function createSqliteAccountStore(context: SqliteContext, run: RunQuery): AccountStore {
  const users = createUserQueries(context);
  const sessions = createSessionQueries(context);
  const subscriptions = createSubscriptionQueries(context);
  const state = createArticleStateQueries(context);
  const marker = createChangeMarker(context.db);
  const labels = memoizePerUser(marker, subscriptions.listSubscriptionLabels);
  const unreadCounts = memoizePerUser(marker, state.unreadCounts);
  return {
    createUser: (input) => run(() => users.createUser(input)),
    getUser: (id) => run(() => users.getUser(id)),
    findUserByName: (name) => run(() => users.findUserByName(name)),
    getUserCredentials: (name) => run(() => users.getUserCredentials(name)),
    listUsers: () => run(() => users.listUsers()),
    countUsers: () => run(() => users.countUsers()),
    updateUser: (id, patch) => run(() => users.updateUser(id, patch)),
    deleteUser: (id) => run(() => users.deleteUser(id)),

    createSession: (input) => run(() => sessions.createSession(input)),
    findSession: (id) => run(() => sessions.findSession(id)),
    touchSession: (id, lastSeenAt, expiresAt) => run(() => sessions.touchSession(id, lastSeenAt, expiresAt)),
    deleteSession: (id) => run(() => sessions.deleteSession(id)),
    deleteUserSessions: (userId) => run(() => sessions.deleteUserSessions(userId)),
    listSessions: (userId) => run(() => sessions.listSessions(userId)),
    deleteExpiredSessions: (now) => run(() => sessions.deleteExpiredSessions(now)),

    createApiToken: (input) => run(() => sessions.createApiToken(input)),
    findApiToken: (hash) => run(() => sessions.findApiToken(hash)),
    touchApiToken: (id, at) => run(() => sessions.touchApiToken(id, at)),
    listApiTokens: (userId) => run(() => sessions.listApiTokens(userId)),
    deleteApiToken: (id, userId) => run(() => sessions.deleteApiToken(id, userId)),

    addSubscription: (input) => run(() => subscriptions.addSubscription(input)),
    getSubscription: (userId, feedId) => run(() => subscriptions.getSubscription(userId, feedId)),
    listSubscriptions: (userId, opts = {}) =>
      run(() => subscriptions.listSubscriptions(userId, opts.includeRemovedFeeds === true)),
    listSubscriptionLabels: (userId) => run(() => labels(userId)),
    updateSubscription: (userId, feedId, patch) => run(() => subscriptions.updateSubscription(userId, feedId, patch)),
    removeSubscription: (userId, feedId) => run(() => subscriptions.removeSubscription(userId, feedId)),
    countSubscribers: (feedId) => run(() => subscriptions.countSubscribers(feedId)),

    listTimeline: (opts) => run(() => state.listTimeline(opts)),
    listTimelineItems: (opts) => run(() => state.listTimelineItems(opts)),
    markRead: (userId, ids, read, at = Date.now()) => run(() => state.markRead(userId, ids, read, at)),
    markAllRead: (userId, opts = {}) => run(() => state.markAllRead(userId, opts, opts.at ?? Date.now())),
    setStarred: (userId, articleId, starred, at = Date.now()) =>
      run(() => state.setStarred(userId, articleId, starred, at)),
    articleStates: (userId, ids) => run(() => state.articleStates(userId, ids)),
    unreadCounts: (userId) => run(() => unreadCounts(userId)),
  };
}
