/**
 * The JSON shapes the API answers with, one function per resource: times as RFC 3339 UTC
 * texts (`…Z`), absent values left out, ids as numbers. Lists are `{ items, nextCursor? }`
 * (built by the handlers); a single resource is the object itself. Every URL passes the rule
 * for URLs that leave Tidings (domain/outbound-url.ts); a refused one is left out.
 */
import { outboundEnclosures, outboundPerson, outboundUrl } from '../../domain/outbound-url.ts';
import type { SearchResult } from '../../search/index.ts';
import type {
  ApiToken,
  Article,
  ArticleState,
  Feed,
  Revision,
  SavedSearch,
  Subscription,
  TimelineArticle,
  User,
} from '../../store/index.ts';

/** A JSON value. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined } | undefined;

/** Returns an epoch-ms time as an ISO 8601 UTC text, or undefined. */
export function isoTime(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

/** Returns the feed's status word: `new` (never fetched), `ok`, or the last error's code. */
export function feedStatus(feed: Feed): string {
  if (feed.lastFetchedAt === undefined) return 'new';
  return feed.errorCount > 0 && feed.lastError !== undefined ? feed.lastError.code : 'ok';
}

/** Returns a subscribed feed as the API shows it. */
export function feedJson(sub: Subscription, unread?: number): Json {
  const f = sub.feed;
  return {
    id: f.id,
    url: outboundUrl(f.url, 'feed'),
    title: sub.displayTitle,
    category: sub.displayCategory,
    userTitle: sub.title,
    userCategory: sub.category,
    feedTitle: f.title,
    siteUrl: outboundUrl(f.siteUrl),
    description: f.description,
    format: f.format,
    language: f.language,
    unread,
    status: feedStatus(f),
    errorCount: f.errorCount,
    lastError: f.lastError === undefined ? undefined : { ...f.lastError },
    lastFetchedAt: isoTime(f.lastFetchedAt),
    lastSuccessAt: isoTime(f.lastSuccessAt),
    nextCheckAt: isoTime(f.nextCheckAt),
    subscribedAt: isoTime(sub.addedAt),
    removed: f.removedAt !== undefined ? true : undefined,
    settings: {
      fullText: f.settings.fullText,
      learnedBoilerplate: f.settings.learnedBoilerplate,
      encodingOverride: f.settings.encodingOverride,
      minIntervalSeconds: f.settings.minIntervalSeconds,
      maxIntervalSeconds: f.settings.maxIntervalSeconds,
      retentionDays: f.settings.retentionDays,
    },
  };
}

function summaryFields(a: Article | TimelineArticle): { [key: string]: Json } {
  return {
    id: a.id,
    feedId: a.feedId,
    title: a.title,
    link: outboundUrl(a.link),
    guid: a.guid,
    authors: a.authors.map((p) => ({ ...outboundPerson(p) })),
    categories: a.categories.map((c) => c.term),
    enclosures: outboundEnclosures(a.enclosures).map((e) => ({ ...e })),
    language: a.language,
    publishedAt: isoTime(a.publishedAt),
    updatedAt: isoTime(a.updatedAt),
    firstSeenAt: isoTime(a.firstSeenAt),
    time: isoTime(a.time),
    revisionCount: a.revisionCount,
  };
}

/** Returns a timeline article (summary with the user's state). */
export function articleJson(a: TimelineArticle): Json {
  return {
    ...summaryFields(a),
    feedTitle: a.feedTitle,
    read: a.read,
    starred: a.starred,
    readAt: isoTime(a.readAt),
    starredAt: isoTime(a.starredAt),
  };
}

/** Returns one revision; `raw` adds the body as received. */
export function revisionJson(r: Revision, raw: boolean): Json {
  return {
    number: r.number,
    title: r.title,
    link: outboundUrl(r.link),
    summary: r.summary,
    content: r.cleanedBody ?? undefined,
    rawContent: raw ? r.rawBody : undefined,
    authors: r.authors.map((p) => ({ ...outboundPerson(p) })),
    categories: r.categories.map((c) => c.term),
    publishedAt: isoTime(r.publishedAt),
    updatedAt: isoTime(r.updatedAt),
    feedTitle: r.feedTitle,
    seenAt: isoTime(r.seenAt),
  };
}

/** Returns an article with the user's state and its revisions, oldest first. */
export function articleDetailJson(a: Article, state: ArticleState, raw: boolean): Json {
  return {
    ...summaryFields(a),
    read: state.read,
    starred: state.starred,
    readAt: isoTime(state.readAt),
    starredAt: isoTime(state.starredAt),
    revisions: a.revisions.map((r) => revisionJson(r, raw)),
  };
}

/** Returns a search result with its snippet. */
export function searchResultJson(r: SearchResult): Json {
  return {
    id: r.id,
    feedId: r.feedId,
    feedTitle: r.feedTitle,
    title: r.title,
    link: outboundUrl(r.link),
    authors: r.authors.map((p) => ({ ...outboundPerson(p) })),
    language: r.language,
    time: isoTime(r.time),
    score: r.score,
    snippet: { text: r.snippet.text, highlights: r.snippet.highlights.map(([a, b]) => [a, b]) },
  };
}

/** Returns a user (never its password hash). */
export function userJson(u: User): Json {
  return {
    id: u.id,
    name: u.name,
    admin: u.admin,
    disabled: u.disabledAt !== undefined,
    createdAt: isoTime(u.createdAt),
    disabledAt: isoTime(u.disabledAt),
  };
}

/** Returns an API token's record (never the token). */
export function tokenJson(t: ApiToken): Json {
  return { id: t.id, name: t.name, scope: t.scope, createdAt: isoTime(t.createdAt), lastUsedAt: isoTime(t.lastUsedAt) };
}

/** Returns a saved search. */
export function savedSearchJson(s: SavedSearch): Json {
  return { id: s.id, name: s.name, query: s.query, sort: s.sort, createdAt: isoTime(s.createdAt) };
}
