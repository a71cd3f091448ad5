/**
 * The index columns of one article revision, back-end neutral: what every store back end
 * writes into its full-text index. The body is the cleaned body's text (the raw body when
 * there is no cleaned one; the summary only when the body is empty, since feeds mostly repeat
 * the body's first lines there), up to MAX_INDEXED_TEXT characters of it (html-to-text.ts). Authors are their names, categories their terms and labels.
 * The pairs column collects the common-character pairs of every field: a query's pair hints
 * must be present whichever field its phrase is in, and so must the grams; it also holds the
 * date tokens of the article's time (date-tokens.ts) when the time is given.
 */
import type { Category, Person } from '../domain/parsed-feed.ts';
import { dateTokens } from './date-tokens.ts';
import { indexedText } from './html-to-text.ts';
import { foldText } from './fold-text.ts';
import { createPairSink, scanTokens, sinkTokens } from './scan-tokens.ts';

/** The fields of a revision that are searchable. */
export interface SearchableRevision {
  title?: string;
  summary?: string;
  rawBody: string;
  cleanedBody?: string;
  authors: Person[];
  categories: Category[];
  feedTitle?: string;
  /** The revision's content tokens when they were computed already (on a worker thread): used when made with the same feed title. */
  contentTokens?: ContentTokens;
}

/** The token text of each index column. */
export interface DocumentTokens {
  body: string;
  title: string;
  author: string;
  feed: string;
  category: string;
  pairs: string;
}

/** A revision's tokens without date tokens, with the feed title they were made with (the store may know a newer one). */
export interface ContentTokens extends DocumentTokens {
  feedTitle?: string;
}

/** Returns the tokens to index for a revision; `time` (epoch ms, the article's) adds its date tokens. */
export function documentTokens(revision: SearchableRevision, time?: number): DocumentTokens {
  const given = revision.contentTokens;
  return withDateTokens(
    given !== undefined && given.feedTitle === revision.feedTitle ? given : contentTokens(revision),
    time,
  );
}

/** Returns a revision's content tokens with the date tokens of `time` (epoch ms, the article's) added; as they are without a time. */
export function withDateTokens(content: DocumentTokens, time?: number): DocumentTokens {
  if (time === undefined || !Number.isFinite(time)) return content;
  const dates = dateTokens(time).join(' ');
  return {
    body: content.body,
    title: content.title,
    author: content.author,
    feed: content.feed,
    category: content.category,
    pairs: content.pairs === '' ? dates : `${content.pairs} ${dates}`,
  };
}

/** Returns the tokens of a revision's own fields, without the article's date tokens (pure, so a worker can compute them). */
export function contentTokens(revision: SearchableRevision): ContentTokens {
  const sink = createPairSink();
  const tokens = (text: string) => (text === '' ? '' : scanTokens(foldText(text), sink));
  let body = tokens(indexedText(revision.cleanedBody ?? revision.rawBody));
  if (body === '' && revision.summary !== undefined) body = tokens(indexedText(revision.summary));
  const title = tokens(revision.title ?? '');
  const author = tokens(revision.authors.map((a) => a.name ?? a.email ?? '').join(', '));
  const category = tokens(
    revision.categories.map((c) => (c.label === undefined ? c.term : `${c.term} ${c.label}`)).join(', '),
  );
  const feed = tokens(revision.feedTitle ?? '');
  return { body, title, author, feed, category, pairs: sinkTokens(sink).join(' '), feedTitle: revision.feedTitle };
}
