/**
 * The index columns of one article revision, back-end neutral: what every store back end
 * writes into its full-text index. The body is the cleaned body's text (the raw body when
 * there is no cleaned one; the summary only when the body is empty, since feeds mostly repeat
 * the body's first lines there). Authors are their names, categories their terms and labels.
 * The pairs column collects the common-character pairs of every field: a query's pair hints
 * must be present whichever field its phrase is in, and so must the grams; it also holds the
 * date tokens of the article's time (date-tokens.ts) when the time is given.
 */
import type { Category, Person } from '../../domain/parsed-feed.ts';
import { dateTokens } from './date-tokens.ts';
import { htmlToText } from './html-to-text.ts';
import { indexTokens } from './index-tokens.ts';

/** The fields of a revision that are searchable. */
export interface SearchableRevision {
  title?: string;
  summary?: string;
  rawBody: string;
  cleanedBody?: string;
  authors: Person[];
  categories: Category[];
  feedTitle?: string;
}

/** The token text of each index column. */
export interface DocumentTokens { body: string; title: string; author: string; feed: string; category: string; pairs: string }

/** Returns the tokens to index for a revision; `time` (epoch ms, the article's) adds its date tokens. */
export function documentTokens(revision: SearchableRevision, time?: number): DocumentTokens {
  const pairs = new Set<string>();
  let body = indexTokens(htmlToText(revision.cleanedBody ?? revision.rawBody), pairs);
  if (body === '' && revision.summary !== undefined) body = indexTokens(htmlToText(revision.summary), pairs);
  const title = indexTokens(revision.title ?? '', pairs);
  const author = indexTokens(revision.authors.map((a) => a.name ?? a.email ?? '').join(', '), pairs);
  const category = indexTokens(revision.categories.map((c) => (c.label === undefined ? c.term : `${c.term} ${c.label}`)).join(', '), pairs);
  const feed = indexTokens(revision.feedTitle ?? '', pairs);
  if (time !== undefined && Number.isFinite(time)) for (const token of dateTokens(time)) pairs.add(token);
  return { body, title, author, feed, category, pairs: [...pairs].join(' ') };
}
