/**
 * search/ owns the tokenizer (folding, CJK characters and pairs; the same tokens at index and
 * query time), the query language, snippets and the search engine function. It imports only
 * domain/, util/ and store/ types; store/sqlite imports search/tokenize (the one sideways
 * import allowed: the index must be written with the query side's tokenizer), never the rest.
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
export { htmlToText } from '../tokenize/html-to-text.ts';
