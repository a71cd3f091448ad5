/**
 * The search engine as a library function, for the CLI, the web reader and the API alike:
 * parse the query, plan it into the store's request (tokens made by tokenize/), ask the
 * store for a page of hits, and cut a snippet for each. It needs only the store's
 * `searchArticles` method (types imported from store/, nothing else), so any back end serves it.
 */
import type { Person } from '../domain/parsed-feed.ts';
import type { SearchRequest, SearchSort } from '../store/search-types.ts';
import type { Store } from '../store/store.ts';
import { parseQuery, type ParsedQuery } from './query/parse-query.ts';
import { planQuery } from './query/plan-query.ts';
import { makeSnippet, type HighlightPhrase, type Snippet } from './snippet/make-snippet.ts';
import { indexedText } from '../tokenize/html-to-text.ts';
import { queryUnits } from '../tokenize/index-tokens.ts';

/** Options of one search call. */
export interface SearchOptions {
  sort?: SearchSort;
  /** Results per page, 1–1000 (default 20). */
  limit?: number;
  /** The `nextCursor` of the previous page of the same query. */
  cursor?: string;
  feedId?: number;
  includeRemovedFeeds?: boolean;
  /** Snippet length in characters (default 160). */
  snippetLength?: number;
  /** The time freshness is measured from (tests). */
  now?: number;
}

/** One result. */
export interface SearchResult {
  id: number;
  feedId: number;
  feedTitle?: string;
  title?: string;
  link?: string;
  authors: Person[];
  language?: string;
  /** Published time, else first seen (epoch ms). */
  time: number;
  /** Present when sorted by relevance. */
  score?: number;
  snippet: Snippet;
}

/** One page of results; `problems` lists the parts of the query that were ignored. */
export interface SearchResults {
  results: SearchResult[];
  nextCursor?: string;
  problems: string[];
}

/** Returns what to highlight for a parsed query: its positive terms, folded. */
export function highlightPhrases(parsed: ParsedQuery): HighlightPhrase[] {
  return parsed.clauses
    .filter((c) => !c.negated)
    .flatMap((clause) =>
      clause.terms.map((term) => {
        const units = queryUnits(term.text);
        return units.map((unit, i) =>
          unit.kind === 'word'
            ? { kind: 'word' as const, text: unit.text, prefix: term.prefix && i === units.length - 1 }
            : { kind: 'cjk' as const, text: unit.chars.join('') },
        );
      }),
    )
    .flatMap((phrase) =>
      phrase.length > 0 && !phrase.some((u) => u.kind === 'cjk' && u.text.length > 4)
        ? [phrase]
        : phrase.map((u) => [u]),
    );
}

/** Returns one page of articles matching `query`; throws AppError `input.invalid` for a bad limit or cursor. */
export async function searchArticles(
  store: Pick<Store, 'searchArticles'>,
  query: string,
  options: SearchOptions = {},
): Promise<SearchResults> {
  const parsed = parseQuery(query);
  const plan = planQuery(parsed);
  const problems = [...parsed.problems];
  const filtered =
    plan.languages !== undefined ||
    plan.since !== undefined ||
    plan.until !== undefined ||
    options.feedId !== undefined;
  if (plan.match === undefined && plan.exclude === undefined && !filtered) {
    return { results: [], problems: [...problems, 'the query has nothing to search for'] };
  }
  const request: SearchRequest = {
    ...plan,
    sort: plan.match === undefined ? 'newest' : (options.sort ?? 'relevance'),
    limit: options.limit ?? 20,
  };
  if (options.cursor !== undefined) request.cursor = options.cursor;
  if (options.feedId !== undefined) request.feedId = options.feedId;
  if (options.includeRemovedFeeds === true) request.includeRemovedFeeds = true;
  if (options.now !== undefined) request.now = options.now;
  const page = await store.searchArticles(request);
  const phrases = highlightPhrases(parsed);
  const results = page.hits.map((hit): SearchResult => {
    const bodyText = indexedText(hit.body);
    const text = bodyText.trim() === '' ? indexedText(hit.summary ?? '') : bodyText;
    const a = hit.article;
    const result: SearchResult = {
      id: a.id,
      feedId: a.feedId,
      authors: a.authors,
      time: a.time,
      snippet: makeSnippet(text, phrases, options.snippetLength),
    };
    if (hit.feedTitle !== undefined) result.feedTitle = hit.feedTitle;
    if (a.title !== undefined) result.title = a.title;
    if (a.link !== undefined) result.link = a.link;
    if (a.language !== undefined) result.language = a.language;
    if (hit.score !== undefined) result.score = hit.score;
    return result;
  });
  return page.nextCursor === undefined ? { results, problems } : { results, nextCursor: page.nextCursor, problems };
}
