/**
 * What each republished feed holds: one feed of the archive, one of the user's categories
 * (its effective category, subfolders included, as the reader's timeline has it), one
 * saved search, or the whole archive; each as its metadata plus a way to list its newest
 * articles. The archive is shared by the users of one Tidings, so any reader may have any
 * feed's document; a category and a saved search are the reader's own, so another
 * user's saved search is `not-found`, as if it did not exist.
 */
import type { Context } from '../../context.ts';
import { AppError } from '../../domain/errors.ts';
import { searchArticles } from '../../search/index.ts';
import type { User } from '../../store/index.ts';
import { observeSearch } from '../metrics/index.ts';

/** A republished feed's metadata and its newest article ids. */
export interface FeedSource {
  title: string;
  siteUrl?: string;
  description?: string;
  language?: string;
  /** Returns up to `limit` article ids, newest (or for a relevance search, best) first. */
  articleIds(limit: number): Promise<number[]>;
}

/** Returns the source of one archive feed; throws AppError `not-found`. */
export async function feedSource(ctx: Context, feedId: number): Promise<FeedSource> {
  const feed = await ctx.store.getFeed(feedId);
  if (feed === undefined) throw new AppError('not-found', `no feed ${feedId}`);
  return {
    title: feed.title ?? feed.url,
    siteUrl: feed.siteUrl,
    description: feed.description,
    language: feed.language,
    articleIds: async (limit) => (await ctx.store.listArticles({ feedId, limit })).articles.map((a) => a.id),
  };
}

/** Returns the source of one of the user's categories; throws AppError `not-found` when no subscription is in it. */
export async function categorySource(ctx: Context, user: User, category: string): Promise<FeedSource> {
  const subs = await ctx.store.listSubscriptions(user.id);
  const inside = subs.filter(
    (s) =>
      s.displayCategory !== undefined &&
      (s.displayCategory === category || s.displayCategory.startsWith(`${category}/`)),
  );
  if (inside.length === 0) throw new AppError('not-found', `you follow no feed in the category ${category}`);
  return {
    title: category,
    description: `The feeds in ${category}: ${inside.map((s) => s.displayTitle).join(', ')}`.slice(0, 500),
    articleIds: async (limit) =>
      (await ctx.store.listTimeline({ userId: user.id, view: 'all', category, limit })).articles.map((a) => a.id),
  };
}

/** Returns the source of one of the user's saved searches; throws AppError `not-found` for none or someone else's. */
export async function searchSource(ctx: Context, user: User, savedId: number): Promise<FeedSource> {
  const saved = await ctx.store.getSavedSearch(savedId, { userId: user.id });
  if (saved === undefined) throw new AppError('not-found', `no saved search ${savedId}`);
  return {
    title: `Search: ${saved.name}`,
    description: saved.query,
    articleIds: async (limit) => {
      const started = performance.now();
      const found = await searchArticles(ctx.searcher ?? ctx.store, saved.query, { sort: saved.sort, limit });
      observeSearch(ctx, performance.now() - started);
      return found.results.map((r) => r.id);
    },
  };
}

/** Returns the source of the whole archive (feeds not removed). */
export function archiveSource(ctx: Context): FeedSource {
  return {
    title: 'Tidings: everything',
    description: 'The newest articles of every feed in this Tidings archive',
    articleIds: async (limit) => (await ctx.store.listArticles({ limit })).articles.map((a) => a.id),
  };
}
