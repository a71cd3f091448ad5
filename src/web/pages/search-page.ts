/**
 * GET /search?q=…&sort=relevance|newest&feed=ID&cursor=…: the search issue's query language
 * (words, "phrases", OR, -exclude, prefix*, title:/author:/feed:/category:, lang:, before:/
 * after:/on:) with a feed filter and order, results with highlighted titles and snippets
 * (escaped text, matches in <mark>), a page at a time. Saved searches are the user's own:
 * save the current query under a name (POST /search/saved), run one from the list, delete one
 * (POST /search/saved/:id/delete; another user's answers 404, as if it did not exist). Each
 * search is timed for /metrics, as the API's are.
 */
import type { Context as HonoContext } from 'hono';
import type { Context } from '../../context.ts';
import { AppError, isAppError } from '../../domain/errors.ts';
import {
  highlightAll,
  highlightPhrases,
  parseQuery,
  searchArticles,
  snippetToHtml,
  type HighlightPhrase,
  type SearchResult,
  type SearchResults,
} from '../../search/index.ts';
import type { SavedSearch, SearchSort, SubscriptionLabel } from '../../store/index.ts';
import { requireUser } from '../auth/index.ts';
import { html, raw, type SafeHtml } from '../html.ts';
import { observeSearch } from '../metrics/index.ts';
import { articleItem } from './article-item.ts';
import { createFragmentCache } from './fragment-cache.ts';
import { renderPage } from './layout.ts';
import { loadPageContext, type PageContext } from './page-context.ts';
import { answerAction, formString, positiveInt, postForm, queryString } from './ui.ts';

// Results per page: the API's and `tidings search`'s default too (each result carries a snippet; more come with the next page).
const PAGE_SIZE = 20;

// Titles are short: the whole title with its matches in <mark>, like the snippet's.
function highlightedTitle(result: SearchResult, phrases: HighlightPhrase[]): SafeHtml | undefined {
  const title = result.title?.trim();
  return title === undefined || title === '' ? undefined : raw(snippetToHtml(highlightAll(title, phrases)));
}

// The feed list has an option per subscription (400 in bench:web): kept until the labels change (fragment-cache.ts).
const feedOptions = createFragmentCache();

function searchForm(
  q: string,
  sort: SearchSort,
  feedId: number | undefined,
  subscriptions: readonly SubscriptionLabel[],
): SafeHtml {
  const options = feedOptions(
    [subscriptions],
    String(feedId ?? ''),
    () =>
      html`${subscriptions.map((s) => html`<option value="${s.feedId}"${s.feedId === feedId ? ' selected' : ''}>${s.displayTitle}</option>`)}`,
  );
  return html`<form class="compare" method="get" action="/search" role="search" data-testid="search-form">
<label>Query <input type="search" name="q" value="${q}" size="40" data-testid="search-input" autofocus></label>
<label>Order <select name="sort" data-testid="search-sort"><option value="relevance"${sort === 'relevance' ? ' selected' : ''}>Relevance</option><option value="newest"${sort === 'newest' ? ' selected' : ''}>Newest first</option></select></label>
<label>Feed <select name="feed" data-testid="search-feed"><option value="">All feeds</option>${options}</select></label>
<button type="submit" class="primary">Search</button>
</form>`;
}

const SYNTAX = html`<details class="hint"><summary>Query language</summary><ul>
<li><code>中国 经济</code>, <code>china economy</code>: every word</li>
<li><code>"exact phrase"</code>, <code>「中国经济」</code>: these words together</li>
<li><code>香港 OR 台湾</code>: either; <code>-体育</code>: without; <code>econ*</code>: words starting with econ</li>
<li><code>title:</code>, <code>author:</code>, <code>feed:</code>, <code>category:</code>: only in that field</li>
<li><code>lang:zh</code>, <code>before:2024-06</code>, <code>after:2024-06-15</code>, <code>on:2024</code>: filters</li>
</ul></details>`;

function savedList(page: PageContext, saved: SavedSearch[]): SafeHtml {
  if (saved.length === 0) return html`<p class="hint">No saved searches yet.</p>`;
  return html`<ul data-testid="saved-searches">${saved.map(
    (
      s,
    ) => html`<li><a href="/search${queryString({ q: s.query, sort: s.sort === 'relevance' ? undefined : s.sort })}">${s.name}</a>
${postForm(page, `/search/saved/${s.id}/delete`, 'Delete', { className: 'inline' })}</li>`,
  )}</ul>`;
}

function saveForm(page: PageContext, q: string, sort: SearchSort): SafeHtml {
  return postForm(page, '/search/saved', 'Save this search', {
    className: 'compare',
    testId: 'save-search-form',
    hidden: { q, sort },
    fields: html`<label>Name <input name="name" required maxlength="200" data-testid="save-search-name"></label> `,
  });
}

/** GET /search. */
export async function searchPage(c: HonoContext, ctx: Context): Promise<Response> {
  const page = await loadPageContext(c, ctx);
  const q = (c.req.query('q') ?? '').trim();
  const sort: SearchSort = c.req.query('sort') === 'newest' ? 'newest' : 'relevance';
  const feedId = positiveInt(c.req.query('feed'));
  const cursor = c.req.query('cursor') || undefined;
  const [subscriptions, saved] = await Promise.all([
    ctx.store.listSubscriptionLabels(page.user.id),
    ctx.store.listSavedSearches({ userId: page.user.id }),
  ]);
  let results: SearchResults | undefined;
  let problem: string | undefined;
  if (q !== '') {
    try {
      const started = performance.now();
      results = await searchArticles(ctx.searcher ?? ctx.store, q, { sort, feedId, cursor, limit: PAGE_SIZE });
      observeSearch(ctx, performance.now() - started);
    } catch (error) {
      if (!isAppError(error, 'input.invalid')) throw error;
      problem = 'This page of results is no longer valid; search again.';
    }
  }
  const states =
    results === undefined
      ? new Map()
      : await ctx.store.articleStates(
          page.user.id,
          results.results.map((r) => r.id),
        );
  const phrases = results === undefined ? [] : highlightPhrases(parseQuery(q));
  const list =
    results === undefined
      ? html``
      : html`
${results.problems.map((p) => html`<p class="notice" data-testid="search-problem">${p}</p>`)}
${results.results.length === 0 ? html`<p class="empty" data-testid="no-results">Nothing found.</p>` : ''}
<ul class="items" data-testid="search-results">${results.results.map((r) =>
          articleItem(
            page,
            {
              ...r,
              read: states.get(r.id)?.read ?? false,
              starred: states.get(r.id)?.starred ?? false,
            },
            html`<p class="snippet" data-testid="snippet">${raw(snippetToHtml(r.snippet))}</p>`,
            highlightedTitle(r, phrases),
          ),
        )}</ul>
<nav class="pager">${cursor === undefined ? html`<span></span>` : html`<a href="/search${queryString({ q, sort, feed: feedId })}">First page</a>`}${results.nextCursor === undefined ? '' : html`<a rel="next" data-testid="next-page" href="/search${queryString({ q, sort, feed: feedId, cursor: results.nextCursor })}">More results →</a>`}</nav>
${saveForm(page, q, sort)}`;
  const body = html`<h1>Search</h1>
${searchForm(q, sort, feedId, subscriptions)}
${SYNTAX}
${problem === undefined ? '' : html`<p class="notice error">${problem}</p>`}
${list}`;
  return renderPage(page, {
    title: q === '' ? 'Search' : `${q} · Search`,
    body,
    active: 'search',
    kind: 'list',
    sidebar: html`<h2>Saved searches</h2>${savedList(page, saved)}`,
  });
}

/** POST /search/saved: saves `q` (with `sort`) under `name`, replacing the user's search of that name. */
export async function saveSearchAction(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const form = await c.req.parseBody();
  const name = formString(form, 'name').trim().slice(0, 200);
  const query = formString(form, 'q').trim();
  if (name === '' || query === '') throw new AppError('input.invalid', 'a saved search needs a name and a query');
  const sort: SearchSort = formString(form, 'sort') === 'newest' ? 'newest' : 'relevance';
  const saved = await ctx.store.saveSearch({ userId: user.id, name, query, sort, at: ctx.now() });
  if (!('next' in form))
    form.next = `/search${queryString({ q: query, sort: sort === 'relevance' ? undefined : sort })}`;
  return answerAction(c, form, '/search', { id: saved.id, name: saved.name });
}

/** POST /search/saved/:id/delete: deletes one of the user's saved searches (404 for anyone else's). */
export async function deleteSavedSearchAction(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const form = await c.req.parseBody();
  const id = positiveInt(c.req.param('id'));
  if (id === undefined || !(await ctx.store.deleteSavedSearch(id, { userId: user.id })))
    throw new AppError('not-found', 'no such saved search');
  return answerAction(c, form, '/search', { id });
}
