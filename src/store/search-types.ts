/**
 * The store's side of search: the back-end-neutral request that search/ builds from a user's
 * query (tokens already made by tokenize/, so every back end matches the same tokens),
 * the page of hits it gets back, reindexing, and saved searches. A back end translates a
 * `MatchNode` into its own full-text syntax (FTS5 MATCH for SQLite, tsquery later).
 */
import type { ArticleSummary } from './article-types.ts';

/** The text fields of the index; a match node without fields searches all of them. */
export type SearchField = 'title' | 'body' | 'author' | 'feed' | 'category';

/** One token to match; `prefix` matches every stored token that starts with `text`. */
export interface SearchToken {
  text: string;
  prefix?: boolean;
}

/**
 * A tree of token matches: a phrase is tokens at adjacent positions (one token = one word or
 * CJK character). `hints` are tokens every article with the phrase also holds (CJK pairs, grams):
 * a back end may require them to narrow its candidates, and results do not change. `exact` is
 * a hint that an article holds exactly when one of its text fields holds the phrase (a phrase of
 * two tokens that is itself a pair or gram): without `fields`, a back end may match it instead.
 */
export type MatchNode =
  | { kind: 'phrase'; tokens: SearchToken[]; fields?: SearchField[]; hints?: string[]; exact?: string }
  | { kind: 'and'; nodes: MatchNode[] }
  | { kind: 'or'; nodes: MatchNode[] };

/** How to order hits: relevance (BM25 with title weight, times freshness) or newest first. */
export type SearchSort = 'relevance' | 'newest';

/** One search: what must match, what must not, filters on article rows, order and page. */
export interface SearchRequest {
  /** Absent: every article that passes the filters (then `newest` order is used). */
  match?: MatchNode;
  exclude?: MatchNode[];
  /** Language tags; `zh` also matches `zh-CN`, `zh-tw`… (article language, else the feed's). */
  languages?: string[];
  /** Inclusive lower bound on article time (epoch ms). */
  since?: number;
  /** Exclusive upper bound on article time (epoch ms). */
  until?: number;
  feedId?: number;
  sort: SearchSort;
  limit: number;
  /** The `nextCursor` of the previous page of the same request. */
  cursor?: string;
  /** The time freshness is measured from (default: now; a cursor carries its own). */
  now?: number;
  /** Include articles of unsubscribed feeds (default: left out, as in `listArticles`). */
  includeRemovedFeeds?: boolean;
}

/** One hit: the article summary, its score (relevance order only) and the latest revision's texts for snippets. */
export interface SearchHit {
  article: ArticleSummary;
  feedTitle?: string;
  score?: number;
  /** The latest revision's cleaned body (else raw body) and summary, as stored (HTML). */
  body: string;
  summary?: string;
}

/** One page of hits; `nextCursor` is absent on the last page. */
export interface SearchPage {
  hits: SearchHit[];
  nextCursor?: string;
}

/** Options of a full reindex. */
export interface ReindexOptions {
  /** Articles per transaction (default 500). */
  batchSize?: number;
  /** Called after each batch with the articles indexed so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** What a reindex did. */
export interface ReindexResult {
  articles: number;
  durationMs: number;
}

/** A search a user named, for the reader and republished feeds; `userId` is absent for one saved without a user (the CLI's). */
export interface SavedSearch {
  id: number;
  userId?: number;
  name: string;
  query: string;
  sort: SearchSort;
  createdAt: number;
}

/** Input of `saveSearch`: the owner (absent: no user), a name (one the owner already used is replaced), the query and its order. */
export interface NewSavedSearch {
  userId?: number;
  name: string;
  query: string;
  sort?: SearchSort;
  at?: number;
}

/** Whose saved searches a call sees: the user's, or with `userId` absent, those saved without a user. */
export interface SavedSearchOwner {
  userId?: number;
}
