/**
 * From a feed source and the request's query to a written document: the newest articles
 * (more when a filter may drop some), each with its latest revision's cleaned full text,
 * filtered in RSSHub's way on title and text, cut to the limit, converted between
 * Simplified and Traditional Chinese when asked, then written by publish/.
 */
import type { Context } from '../../context.ts';
import { sanitizeHtml } from '../../clean/index.ts';
import { writeFeed, type PublishedFeed, type PublishedItem, type WrittenFeed } from '../../publish/index.ts';
import { htmlToText } from '../../search/index.ts';
import type { Article } from '../../store/index.ts';
import { chineseConverter } from './convert-chinese.ts';
import type { FeedQuery } from './feed-query.ts';
import type { FeedSource } from './feed-sources.ts';
import { matchFilter, MAX_FILTER_TEXT } from './safe-filter.ts';

/** How many candidates a filtered request reads per item it may return, and at most. */
const FILTER_OVERSCAN = 4;
const MAX_CANDIDATES = 1000;

/** Returns the item of an article: its latest revision's cleaned body, a `tag:` id under `host`. */
export function articleItem(article: Article, host: string): PublishedItem {
  const latest = article.revisions.at(-1);
  const content = latest?.cleanedBody ?? (latest === undefined ? undefined : sanitizeHtml(latest.rawBody));
  return {
    id: `tag:${host},2025:article:${article.id}`,
    ...(article.title === undefined ? {} : { title: article.title }),
    ...(article.link === undefined ? {} : { link: article.link }),
    ...(content === undefined || content === '' ? {} : { contentHtml: content }),
    ...(latest?.summary === undefined || latest.summary === '' ? {} : { summaryHtml: latest.summary }),
    authors: article.authors,
    categories: article.categories.map((c) => c.term),
    enclosures: article.enclosures,
    ...(article.language === undefined ? {} : { language: article.language }),
    publishedAt: article.publishedAt ?? article.firstSeenAt,
    ...(article.updatedAt === undefined ? {} : { updatedAt: article.updatedAt }),
  };
}

function filterText(item: PublishedItem): string {
  return `${item.title ?? ''}\n${htmlToText(item.contentHtml ?? item.summaryHtml ?? '').slice(0, MAX_FILTER_TEXT)}`;
}

async function convertFeed(feed: PublishedFeed, query: FeedQuery): Promise<PublishedFeed> {
  if (query.opencc === undefined) return feed;
  const convert = await chineseConverter(query.opencc);
  const opt = (text: string | undefined) => (text === undefined ? undefined : convert(text));
  return {
    ...feed,
    title: convert(feed.title),
    description: opt(feed.description),
    items: feed.items.map((item) => ({
      ...item,
      title: opt(item.title),
      contentHtml: opt(item.contentHtml),
      summaryHtml: opt(item.summaryHtml),
      categories: item.categories.map(convert),
      authors: item.authors.map((p) => ({ ...p, name: opt(p.name) })),
    })),
  };
}

/** Returns the document for `source` as `query` asks, served at `selfUrl`; throws AppError `input.invalid` for a filter that is too slow. */
export async function buildDocument(
  ctx: Context,
  source: FeedSource,
  query: FeedQuery,
  selfUrl: URL,
): Promise<WrittenFeed> {
  const filtering = query.filter.filter !== undefined || query.filter.filterout !== undefined;
  const ids = await source.articleIds(
    filtering ? Math.min(query.limit * FILTER_OVERSCAN, MAX_CANDIDATES) : query.limit,
  );
  const articles: Article[] = [];
  for (const id of ids) {
    const article = await ctx.store.getArticle(id, { revisions: 'latest' });
    if (article !== undefined && article.deletedAt === undefined) articles.push(article);
  }
  let items = articles.map((article) => articleItem(article, selfUrl.hostname));
  if (filtering) {
    const keep = matchFilter(items.map(filterText), query.filter);
    items = items.filter((_, i) => keep[i] === true);
  }
  items = items.slice(0, query.limit);
  const newest = Math.max(0, ...items.map((item) => item.updatedAt ?? item.publishedAt ?? 0));
  const feed: PublishedFeed = {
    title: source.title,
    selfUrl: selfUrl.href,
    ...(source.siteUrl === undefined ? {} : { siteUrl: source.siteUrl }),
    ...(source.description === undefined ? {} : { description: source.description }),
    ...(source.language === undefined ? {} : { language: source.language }),
    updatedAt: newest > 0 ? newest : ctx.now(),
    generator: { name: 'Tidings', version: ctx.version },
    items,
  };
  return writeFeed(await convertFeed(feed, query), query.format);
}
