/**
 * The store's account shapes: users, sessions, API tokens, per-user
 * subscriptions to the global feeds, and per-user read/star state with the timelines built
 * on it. Secrets never reach the store: sessions and tokens are stored as hashes of the
 * random values the user holds, passwords as scrypt strings made in accounts/.
 */
import type { ArticleSummary } from './article-types.ts';
import type { Feed } from './feed-types.ts';

/** A user; the password hash is only returned by `getUserCredentials`. */
export interface User {
  id: number;
  /** As typed when created; unique case-insensitively. */
  name: string;
  admin: boolean;
  createdAt: number;
  /** Set while the user may not log in (sessions and tokens stop working too). */
  disabledAt?: number;
}

/** A new user; `passwordHash` is the `scrypt$N$r$p$salt$hash` string. */
export interface NewUser {
  name: string;
  passwordHash: string;
  admin?: boolean;
  at?: number;
}

/** `exists` when the name is taken (case-insensitively); `invalid` for an empty name or hash. */
export type CreateUserResult =
  | { kind: 'created'; user: User }
  | { kind: 'exists'; user: User }
  | { kind: 'invalid'; reason: string };

/** What `updateUser` may change; `disabled` true disables now (`at`), false enables. */
export interface UserPatch {
  passwordHash?: string;
  admin?: boolean;
  disabled?: boolean;
  at?: number;
}

/** A user with the stored password hash, for verifying a login. */
export interface UserCredentials {
  user: User;
  passwordHash: string;
}

/** A login session; `id` is the hash of the cookie's token, never the token itself. */
export interface Session {
  id: string;
  userId: number;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  userAgent?: string;
  ip?: string;
}

/** A new session (the caller hashes the token and chooses the expiry). */
export interface NewSession {
  id: string;
  userId: number;
  createdAt: number;
  expiresAt: number;
  userAgent?: string;
  ip?: string;
}

/** What an API token may do: `read` only GETs. */
export type TokenScope = 'read' | 'read-write';

/** An API token's record; the token itself is shown once at creation and only its hash is kept. */
export interface ApiToken {
  id: number;
  userId: number;
  name: string;
  scope: TokenScope;
  createdAt: number;
  lastUsedAt?: number;
}

/** A new API token (the caller hashes the token). */
export interface NewApiToken {
  userId: number;
  tokenHash: string;
  name: string;
  scope: TokenScope;
  at?: number;
}

/** One user's subscription to a global feed, with the user's own title and category. */
export interface Subscription {
  userId: number;
  feedId: number;
  /** The user's title for the feed, over the feed's own. */
  title?: string;
  /** The user's category (`/`-separated folders), over the feed's. */
  category?: string;
  addedAt: number;
  /** The global feed (removed feeds included: their subscriptions wait for a restore). */
  feed: Feed;
  /** What to show: the user's title, else the feed's, else its URL. */
  displayTitle: string;
  /** The user's category, else the feed's; absent when neither has one. */
  displayCategory?: string;
}

/** What a list of the user's feeds shows of a subscription (a cheap read for every page's sidebar). */
export interface SubscriptionLabel {
  feedId: number;
  /** The user's title, else the feed's, else its URL. */
  displayTitle: string;
  /** The user's category, else the feed's; absent when neither has one. */
  displayCategory?: string;
}

/** A new subscription row; title and category are the user's overrides. */
export interface NewSubscription {
  userId: number;
  feedId: number;
  title?: string;
  category?: string;
  at?: number;
}

/** `not-found` when the user or the feed does not exist. */
export type AddSubscriptionResult =
  | { kind: 'added'; subscription: Subscription }
  | { kind: 'exists'; subscription: Subscription }
  | { kind: 'not-found' };

/** Changes to a subscription; null clears an override. */
export interface SubscriptionPatch {
  title?: string | null;
  category?: string | null;
}

/** Which articles a timeline shows: unread or all of the subscribed feeds, or every starred article. */
export type TimelineView = 'unread' | 'all' | 'starred';

/** A timeline page request, newest first (article time, then id). */
export interface TimelineOptions {
  userId: number;
  view: TimelineView;
  feedId?: number;
  /** The category (effective: the user's, else the feed's) and its subfolders. */
  category?: string;
  limit: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

/** An article summary with the user's state and the feed title to show. */
export interface TimelineArticle extends ArticleSummary {
  read: boolean;
  starred: boolean;
  readAt?: number;
  starredAt?: number;
  /** The subscription's display title (the feed's title or URL when not subscribed). */
  feedTitle: string;
}

/** One timeline page; `nextCursor` is absent on the last page. */
export interface TimelinePage {
  articles: TimelineArticle[];
  nextCursor?: string;
}

/** What a list shows of a timeline article: `TimelineArticle` without the lists (authors, categories, enclosures) and dates. */
export interface TimelineItem {
  id: number;
  feedId: number;
  /** As in TimelineArticle. */
  feedTitle: string;
  title?: string;
  link?: string;
  language?: string;
  time: number;
  revisionCount: number;
  read: boolean;
  starred: boolean;
}

/** One timeline page of list items; the same articles and cursor as `listTimeline`'s page. */
export interface TimelineItemsPage {
  articles: TimelineItem[];
  nextCursor?: string;
}

/** One user's state of one article. */
export interface ArticleState {
  read: boolean;
  starred: boolean;
  readAt?: number;
  starredAt?: number;
}

/** Which articles `markAllRead` marks; `before` keeps articles first seen at or after it unread. */
export interface MarkAllReadOptions {
  feedId?: number;
  category?: string;
  before?: number;
  at?: number;
}

/** Unread articles per subscribed feed and per category (a category counts its subfolders too). */
export interface UnreadCounts {
  total: number;
  feeds: Array<{ feedId: number; unread: number }>;
  categories: Array<{ category: string; unread: number }>;
}

/** The account part of the Store contract (users, sessions, tokens, subscriptions, state). */
export interface AccountStore {
  /** Creates a user; `exists` when the name is taken in any letter case. */
  createUser(input: NewUser): Promise<CreateUserResult>;
  /** Returns the user or undefined. */
  getUser(id: number): Promise<User | undefined>;
  /** Returns the user with this name in any letter case, or undefined. */
  findUserByName(name: string): Promise<User | undefined>;
  /** Returns the user with the stored password hash, by name in any letter case, or undefined. */
  getUserCredentials(name: string): Promise<UserCredentials | undefined>;
  /** Returns every user by name. */
  listUsers(): Promise<User[]>;
  /** Returns how many users exist. */
  countUsers(): Promise<number>;
  /** Changes a user; false when there is no such user. */
  updateUser(id: number, patch: UserPatch): Promise<boolean>;
  /** Deletes a user with its sessions, tokens, subscriptions and state; false when there was none. */
  deleteUser(id: number): Promise<boolean>;

  /** Stores a new session. */
  createSession(input: NewSession): Promise<Session>;
  /** Returns the session with this id (token hash) and its user, expired or not, or undefined. */
  findSession(id: string): Promise<{ session: Session; user: User } | undefined>;
  /** Moves a session's last-seen time and expiry; false when it is gone. */
  touchSession(id: string, lastSeenAt: number, expiresAt: number): Promise<boolean>;
  /** Deletes one session; false when it did not exist. */
  deleteSession(id: string): Promise<boolean>;
  /** Deletes every session of a user ("log out everywhere"); returns how many. */
  deleteUserSessions(userId: number): Promise<number>;
  /** Returns the user's sessions, most recently seen first. */
  listSessions(userId: number): Promise<Session[]>;
  /** Deletes the sessions whose expiry is at or before `now`; returns how many. */
  deleteExpiredSessions(now: number): Promise<number>;

  /** Stores a new API token record. */
  createApiToken(input: NewApiToken): Promise<ApiToken>;
  /** Returns the token record with this hash and its user, or undefined. */
  findApiToken(tokenHash: string): Promise<{ token: ApiToken; user: User } | undefined>;
  /** Records a use of the token. */
  touchApiToken(id: number, at: number): Promise<void>;
  /** Returns the tokens of one user (or of everyone), newest first. */
  listApiTokens(userId?: number): Promise<ApiToken[]>;
  /** Deletes a token (only the user's own when `userId` is given); false when there was none. */
  deleteApiToken(id: number, userId?: number): Promise<boolean>;

  /** Subscribes a user to an existing feed. */
  addSubscription(input: NewSubscription): Promise<AddSubscriptionResult>;
  /** Returns one subscription, or undefined. */
  getSubscription(userId: number, feedId: number): Promise<Subscription | undefined>;
  /** Returns the user's subscriptions (to feeds not removed, unless asked) by category, then title. */
  listSubscriptions(userId: number, options?: { includeRemovedFeeds?: boolean }): Promise<Subscription[]>;
  /** Returns the titles and categories of the user's subscriptions to feeds not removed, in `listSubscriptions` order. */
  listSubscriptionLabels(userId: number): Promise<SubscriptionLabel[]>;
  /** Changes the user's title or category of a feed; false when not subscribed. */
  updateSubscription(userId: number, feedId: number, patch: SubscriptionPatch): Promise<boolean>;
  /** Deletes a subscription (the article state stays); false when there was none. */
  removeSubscription(userId: number, feedId: number): Promise<boolean>;
  /** Returns how many users follow the feed. */
  countSubscribers(feedId: number): Promise<number>;

  /** Returns a timeline page with the user's state; throws AppError `input.invalid` for a bad limit or cursor. */
  listTimeline(options: TimelineOptions): Promise<TimelinePage>;
  /** Returns the same page as `listTimeline`, with only what a list shows (ten columns instead of every one, mapped: a fifth of the time). */
  listTimelineItems(options: TimelineOptions): Promise<TimelineItemsPage>;
  /** Marks articles read or unread for the user; returns how many changed (unknown ids are skipped). */
  markRead(userId: number, articleIds: readonly number[], read: boolean, at?: number): Promise<number>;
  /** Marks every unread article of the subscribed feeds (or of one feed or category) read; returns how many. */
  markAllRead(userId: number, options?: MarkAllReadOptions): Promise<number>;
  /** Stars or unstars an article for the user; false when there is no such article. */
  setStarred(userId: number, articleId: number, starred: boolean, at?: number): Promise<boolean>;
  /** Returns the user's state of each given article (unread and unstarred when never touched). */
  articleStates(userId: number, articleIds: readonly number[]): Promise<Map<number, ArticleState>>;
  /** Returns the unread counts over the user's subscriptions to feeds not removed. */
  unreadCounts(userId: number): Promise<UnreadCounts>;
}
