/**
 * search/ owns the query language, snippets and the search engine function; the tokens it
 * queries with come from tokenize/, the stage the store indexes with, so both sides agree. It
 * imports only tokenize/, domain/, util/ and store/ types.
 */
export { searchArticles, highlightPhrases } from './search-articles.ts';
export type { SearchOptions, SearchResult, SearchResults } from './search-articles.ts';
export { parseQuery } from './query/parse-query.ts';
export type { ParsedQuery, QueryClause, QueryTerm, QueryField } from './query/parse-query.ts';
export { planQuery } from './query/plan-query.ts';
export { makeSnippet, highlightAll, snippetToHtml, markSnippet } from './snippet/make-snippet.ts';
export type { Snippet, HighlightPhrase } from './snippet/make-snippet.ts';
export { foldText } from '../tokenize/fold-text.ts';
export { indexTokens } from '../tokenize/index-tokens.ts';
export { htmlToText, indexedText, MAX_INDEXED_TEXT, MAX_INDEXED_HTML } from '../tokenize/html-to-text.ts';
