/**
 * GET /unread, /all, /starred (and / = /unread): the user's timelines, newest first, all
 * feeds or one feed (`?feed=ID`) or one category (`?category=News`, subfolders included),
 * a page at a time with an "Older" link (`?cursor=`; the script loads it in place when the
 * user chose infinite lists). Bulk actions: mark this page read, mark everything shown read
 * (only what was there when the page was rendered: `before`).
 */
import type { Context as HonoContext } from 'hono';
import type { Context } from '../../context.ts';
import { isAppError } from '../../domain/errors.ts';
import type { TimelineItemsPage, TimelineView } from '../../store/index.ts';
import { html, type SafeHtml } from '../html.ts';
import { articleItem } from './article-item.ts';
import { feedSidebar, type TimelineFilter } from './feed-sidebar.ts';
import { renderPage } from './layout.ts';
import { loadPageContext, type PageContext } from './page-context.ts';
import { positiveInt, postForm, queryString } from './ui.ts';

/** Articles per timeline page. */
export const TIMELINE_PAGE_SIZE = 50;

const TITLES: Record<TimelineView, string> = { unread: 'Unread', all: 'All articles', starred: 'Starred' };

function viewOf(path: string): TimelineView {
  if (path === '/all') return 'all';
  if (path === '/starred') return 'starred';
  return 'unread';
}

function filterQuery(filter: TimelineFilter, extra: Record<string, string | undefined> = {}): string {
  return queryString({ feed: filter.feedId, category: filter.category, ...extra });
}

function bulkActions(
  page: PageContext,
  view: TimelineView,
  filter: TimelineFilter,
  result: TimelineItemsPage,
): SafeHtml {
  const unreadIds = result.articles.filter((a) => !a.read).map((a) => a.id);
  if (view === 'starred' || unreadIds.length === 0) return html``;
  const hidden: Record<string, string | number> = { before: page.ctx.now() };
  if (filter.feedId !== undefined) hidden.feed = filter.feedId;
  if (filter.category !== undefined) hidden.category = filter.category;
  return html`<div class="bulk">
${postForm(page, '/articles/mark-read', 'Mark this page read', { className: 'inline mark-page-read', hidden: { ids: unreadIds.join(','), read: '1' }, buttonTestId: 'mark-page-read' })}
${postForm(page, '/mark-all-read', 'Mark all as read', { className: 'inline', hidden, buttonTestId: 'mark-all-read' })}
</div>`;
}

/** GET /, /unread, /all, /starred. */
export async function timelinePage(c: HonoContext, ctx: Context): Promise<Response> {
  const page = await loadPageContext(c, ctx);
  const view = viewOf(c.req.path);
  const feedId = positiveInt(c.req.query('feed'));
  const category = c.req.query('category')?.trim() || undefined;
  const filter: TimelineFilter = {
    ...(feedId === undefined ? {} : { feedId }),
    ...(category === undefined ? {} : { category }),
  };
  const cursor = c.req.query('cursor') || undefined;
  let result: TimelineItemsPage;
  try {
    result = await ctx.store.listTimelineItems({
      userId: page.user.id,
      view,
      ...filter,
      limit: TIMELINE_PAGE_SIZE,
      cursor,
    });
  } catch (error) {
    if (!isAppError(error, 'input.invalid')) throw error;
    result = { articles: [] };
  }
  const subscriptions = await ctx.store.listSubscriptionLabels(page.user.id);
  const feedName =
    feedId === undefined
      ? undefined
      : (subscriptions.find((s) => s.feedId === feedId)?.displayTitle ??
        (await ctx.store.getFeed(feedId))?.title ??
        `feed ${feedId}`);
  const scope = feedName ?? category;
  const tabs = (['unread', 'all', 'starred'] as const).map(
    (v) => html`<a href="/${v}${filterQuery(filter)}"${v === view ? html` aria-current="page"` : ''}>${TITLES[v]}</a>`,
  );
  const body = html`<div class="page-head"><h1>${TITLES[view]}${scope === undefined ? '' : html` · <span data-testid="timeline-scope">${scope}</span>`}</h1>
${feedId === undefined ? '' : html`<a href="/feeds/${feedId}/settings">Feed settings</a>`}</div>
<nav class="tabs" aria-label="Views">${tabs}</nav>
${cursor !== undefined && result.articles.length === 0 && result.nextCursor === undefined ? html`<p class="notice">This page is past the end of the list. <a href="/${view}${filterQuery(filter)}">Back to the newest</a>.</p>` : ''}
${result.articles.length === 0 && cursor === undefined ? html`<p class="empty" data-testid="empty-timeline">${view === 'unread' ? 'All read. Nothing new.' : view === 'starred' ? 'No starred articles yet.' : 'No articles yet.'}</p>` : ''}
<ul class="items" data-testid="article-list">
${result.articles.map((a) => articleItem(page, a))}
</ul>
<nav class="pager" aria-label="Pages">${cursor === undefined ? html`<span></span>` : html`<a href="/${view}${filterQuery(filter)}">Newest</a>`}${result.nextCursor === undefined ? '' : html`<a rel="next" data-testid="next-page" href="/${view}${filterQuery(filter, { cursor: result.nextCursor })}">Older →</a>`}</nav>
${bulkActions(page, view, filter, result)}`;
  return renderPage(page, {
    title: scope === undefined ? TITLES[view] : `${TITLES[view]} · ${scope}`,
    body,
    active: view,
    kind: 'list',
    sidebar: feedSidebar(page, subscriptions, view, filter),
  });
}

/** GET /: the unread timeline's address. */
export function homeRedirect(c: HonoContext): Response {
  return c.redirect('/unread', 303);
}
