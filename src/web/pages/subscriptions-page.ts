/**
 * GET /subscriptions: the user's feeds by category (unread count, status, links to the feed's
 * timeline and settings), a form to add a feed or a site (POST /subscriptions: a page URL is
 * followed to the feed it advertises, see ingest/subscriptions/subscribe.ts; the first fetch happens then),
 * OPML import (POST /subscriptions/import, a file upload; the feeds are added to the fetch
 * list and to the user's subscriptions without fetching, the next round fetches them) and
 * export (GET /subscriptions/export.opml, the user's own titles and categories).
 */
import type { Context as HonoContext } from 'hono';
import { subscribeUser } from '../../accounts/index.ts';
import type { Context } from '../../context.ts';
import { exportOpml, importOpmlDocument, type OpmlImportItem } from '../../ingest/index.ts';
import type { Feed, Subscription } from '../../store/index.ts';
import { html, type SafeHtml } from '../html.ts';
import { renderPage } from './layout.ts';
import { loadPageContext, type PageContext } from './page-context.ts';
import { formString, postForm, timeTag } from './ui.ts';

/** The largest OPML file accepted. */
export const MAX_OPML_BYTES = 5 * 1024 * 1024;

/** Returns a feed's status in a word or two: ok, new, or its last error code with the count in a row. */
export function feedStatus(feed: Feed): SafeHtml {
  if (feed.lastError !== undefined)
    return html`<span class="status-error" data-testid="feed-status">${feed.lastError.code}${feed.errorCount > 1 ? ` ×${feed.errorCount}` : ''}</span>`;
  if (feed.lastSuccessAt === undefined) return html`<span data-testid="feed-status">new</span>`;
  return html`<span class="status-ok" data-testid="feed-status">ok${feed.lastStatus === undefined ? '' : ` (${feed.lastStatus})`}</span>`;
}

function addForm(page: PageContext, values: { url?: string; title?: string; category?: string }): SafeHtml {
  return postForm(page, '/subscriptions', 'Subscribe', {
    className: 'compare',
    testId: 'add-feed-form',
    buttonClass: 'primary',
    fields: html`<label>Feed or site URL <input type="url" name="url" required size="40" value="${values.url ?? ''}" placeholder="https://example.com/" data-testid="add-feed-url"></label>
<label>Title <input name="title" value="${values.title ?? ''}" placeholder="(the feed's own)"></label>
<label>Category <input name="category" value="${values.category ?? ''}" placeholder="News/World"></label> `,
  });
}

function importForm(page: PageContext): SafeHtml {
  return html`<form method="post" action="/subscriptions/import" enctype="multipart/form-data" class="compare" data-testid="opml-import-form">
<input type="hidden" name="_csrf" value="${page.csrf}">
<label>OPML file <input type="file" name="opml" accept=".opml,.xml,text/x-opml,application/xml,text/xml" required></label>
<button type="submit">Import</button></form>`;
}

function subscriptionTable(page: PageContext, subs: Subscription[]): SafeHtml {
  if (subs.length === 0) return html`<p class="empty">No feeds yet: add one above, or import an OPML list.</p>`;
  const unread = new Map(page.unread.feeds.map((f) => [f.feedId, f.unread]));
  const rows = subs.map(
    (sub) => html`<tr data-testid="subscription-row" data-feed-id="${sub.feedId}">
<td>${sub.displayCategory ?? ''}</td>
<td><a href="/unread?feed=${sub.feedId}">${sub.displayTitle}</a><br><small class="hint">${sub.feed.url}</small></td>
<td class="num">${unread.get(sub.feedId) ?? 0}</td>
<td>${feedStatus(sub.feed)}</td>
<td class="wide-only">${timeTag(sub.feed.lastFetchedAt)}</td>
<td><a href="/feeds/${sub.feedId}/settings" data-testid="feed-settings-link">Settings</a></td></tr>`,
  );
  return html`<table class="data" data-testid="subscriptions"><thead><tr><th>Category</th><th>Feed</th><th>Unread</th><th>Status</th><th class="wide-only">Last fetch</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
}

async function renderSubscriptions(
  page: PageContext,
  notice: SafeHtml,
  values: { url?: string; title?: string; category?: string } = {},
  status: 200 | 400 | 422 = 200,
): Promise<Response> {
  const subs = await page.ctx.store.listSubscriptions(page.user.id);
  const body = html`<h1>Feeds</h1>
${notice}
<h2>Add a feed</h2>
${addForm(page, values)}
<h2>Your feeds (${subs.length})</h2>
${subscriptionTable(page, subs)}
<h2>OPML</h2>
${importForm(page)}
<p><a href="/subscriptions/export.opml" data-testid="opml-export" download>Export your feeds as OPML</a> · <a href="/feeds/health">Feed health</a></p>`;
  return renderPage(page, { title: 'Feeds', body, active: 'subscriptions', width: 'wide', status });
}

/** GET /subscriptions. */
export async function subscriptionsPage(c: HonoContext, ctx: Context): Promise<Response> {
  const page = await loadPageContext(c, ctx);
  return renderSubscriptions(page, html``);
}

/** POST /subscriptions: subscribes to `url` (discovering the feed of a page) with optional `title` and `category`. */
export async function addSubscriptionAction(c: HonoContext, ctx: Context): Promise<Response> {
  const page = await loadPageContext(c, ctx);
  const form = await c.req.parseBody();
  const values = {
    url: formString(form, 'url').trim(),
    title: formString(form, 'title').trim(),
    category: formString(form, 'category').trim(),
  };
  const result = await subscribeUser(ctx, page.user.id, values.url, {
    ...(values.title === '' ? {} : { title: values.title }),
    ...(values.category === '' ? {} : { category: values.category }),
  });
  if (result.kind === 'failed') {
    return renderSubscriptions(
      page,
      html`<p class="notice error" data-testid="add-feed-error">Could not subscribe: ${result.error.message}</p>`,
      values,
      422,
    );
  }
  return c.redirect(
    `/feeds/${result.subscription.feedId}/settings?${result.kind === 'subscribed' ? 'added=1' : 'already=1'}`,
    303,
  );
}

function importSummary(items: OpmlImportItem[], subscribed: number, problems: string[], wellFormed: boolean): SafeHtml {
  const invalid = items.filter((i) => i.kind === 'invalid');
  return html`<div class="notice" data-testid="opml-result"><p>Imported ${items.length} feeds: ${subscribed} new subscriptions${invalid.length > 0 ? `, ${invalid.length} skipped` : ''}. They are fetched in the next round.</p>
${invalid.length > 0 ? html`<ul>${invalid.map((i) => html`<li>${i.url}: ${i.reason ?? 'invalid'}</li>`)}</ul>` : ''}
${wellFormed ? '' : html`<p class="error" data-testid="opml-broken">The file is broken (not well-formed XML): only what could be read was imported.</p>`}
${problems.length > 0 ? html`<p class="hint">${problems.join('; ')}</p>` : ''}</div>`;
}

/** POST /subscriptions/import: an OPML upload (`opml`), at most MAX_OPML_BYTES. */
export async function importOpmlAction(c: HonoContext, ctx: Context): Promise<Response> {
  const page = await loadPageContext(c, ctx);
  const form = await c.req.parseBody();
  const file = form.opml;
  if (!(file instanceof File) || file.size === 0)
    return renderSubscriptions(
      page,
      html`<p class="notice error" data-testid="opml-error">Choose an OPML file to import.</p>`,
      {},
      400,
    );
  if (file.size > MAX_OPML_BYTES)
    return renderSubscriptions(
      page,
      html`<p class="notice error" data-testid="opml-error">That file is too large for an OPML list.</p>`,
      {},
      400,
    );
  const result = await importOpmlDocument(ctx, new Uint8Array(await file.arrayBuffer()), { userId: page.user.id });
  if (result.kind === 'failed')
    return renderSubscriptions(
      page,
      html`<p class="notice error" data-testid="opml-error">Could not import: ${result.error.message}</p>`,
      {},
      422,
    );
  const subscribed = result.items.filter((item) => item.subscription === 'added').length;
  return renderSubscriptions(page, importSummary(result.items, subscribed, result.problems, result.wellFormed));
}

/** GET /subscriptions/export.opml: the user's subscriptions as OPML 2.0, categories as folders. */
export async function exportOpmlAction(c: HonoContext, ctx: Context): Promise<Response> {
  const page = await loadPageContext(c, ctx);
  const opml = await exportOpml(ctx, { user: page.user });
  return c.body(opml, 200, {
    'Content-Type': 'text/x-opml; charset=utf-8',
    'Content-Disposition': 'attachment; filename="tidings-subscriptions.opml"',
    'Cache-Control': 'private, no-store',
  });
}
