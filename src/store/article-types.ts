/**
 * The store's article shapes: the entry a refresh hands in (all text rules — identity,
 * title key, fingerprint — are computed by the caller in domain/), the per-entry outcome,
 * and what reading gives back. An article is the stable thing with an identity; each
 * distinct version of it is a revision that is never overwritten.
 */
import type { Category, Enclosure, Person } from '../domain/parsed-feed.ts';
import type { ContentTokens } from '../tokenize/document-tokens.ts';

/** The metadata an entry carries and an article keeps (its latest values). */
export interface EntryMetadata {
  authors: Person[];
  categories: Category[];
  enclosures: Enclosure[];
  language?: string;
  publishedAt?: number;
  updatedAt?: number;
}

/** One entry of a fetched document, ready to store. */
export interface IncomingEntry extends EntryMetadata {
  /** The caller's identity key, e.g. `guid:…`, `link:…`, `hash:…`; unique per feed. */
  identity: string;
  guid?: string;
  link?: string;
  title?: string;
  /** The title normalized by the caller's rules; compared with the latest revision's. */
  titleKey: string;
  summary?: string;
  /** The body exactly as received. */
  rawBody: string;
  cleanedBody: string;
  /** The caller's fingerprint of the text; a different one makes a new revision. */
  fingerprint: string;
  /** Search tokens the caller computed already (off the store's thread); recomputed when absent or made with another feed title. */
  contentTokens?: ContentTokens;
}

/** What storing one entry did; `invalid` entries were not stored and never stop the batch. */
export type EntryOutcome =
  | { kind: 'new'; articleId: number; revisionId: number; revision: 0 }
  | { kind: 'revised'; articleId: number; revisionId: number; revision: number }
  | { kind: 'unchanged'; articleId: number }
  | { kind: 'tombstoned'; articleId: number }
  | { kind: 'invalid'; reason: string };

/** An article without bodies: its latest title and metadata. */
export interface ArticleSummary extends EntryMetadata {
  id: number;
  feedId: number;
  identity: string;
  /** 16 hex digits naming its archive files. */
  key: string;
  guid?: string;
  link?: string;
  title?: string;
  firstSeenAt: number;
  lastSeenAt: number;
  /** Published time, else first-seen time: what lists sort by. */
  time: number;
  revisionCount: number;
  /** Set when the user deleted it: a tombstone that the feed cannot bring back. */
  deletedAt?: number;
}

/** One stored version of an article, bodies included. */
export interface Revision {
  id: number;
  articleId: number;
  /** 0 for the first version. */
  number: number;
  title?: string;
  link?: string;
  guid?: string;
  summary?: string;
  authors: Person[];
  categories: Category[];
  enclosures: Enclosure[];
  publishedAt?: number;
  updatedAt?: number;
  /** The feed's title when this revision was stored. */
  feedTitle?: string;
  rawBody: string;
  /** Absent only for revisions imported without one. */
  cleanedBody?: string;
  fingerprint?: string;
  titleKey?: string;
  seenAt: number;
  /** When the plain-file archive got this revision's file; absent while pending. */
  archivedAt?: number;
}

/** An article with its revisions in number order. */
export interface Article extends ArticleSummary {
  revisions: Revision[];
}

/** Which revisions `getArticle` returns; default `all`. */
export interface GetArticleOptions {
  revisions?: 'all' | 'latest';
}

/** A page request, newest first; `since` is inclusive and `until` exclusive, on `time`. */
export interface ListArticlesOptions {
  feedId?: number;
  since?: number;
  until?: number;
  limit: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
  includeDeleted?: boolean;
  /** Without `feedId`, articles of removed feeds are left out unless this is set. */
  includeRemovedFeeds?: boolean;
}

/** One page; `nextCursor` is absent on the last page. */
export interface ArticlePage {
  articles: ArticleSummary[];
  nextCursor?: string;
}

/** `deleted` leaves a tombstone; deleting twice is `already-deleted`. */
export type DeleteArticleResult = { kind: 'deleted' } | { kind: 'already-deleted' } | { kind: 'not-found' };

/** A new cleaned body for one revision (for re-cleaning). */
export interface CleanedBodyUpdate {
  revisionId: number;
  cleanedBody: string;
}

/** Per-revision outcome of a batch that changes revisions. */
export interface RevisionOutcome {
  revisionId: number;
  kind: 'updated' | 'already-archived' | 'not-found';
}
