/**
 * GET /feeds/health: every followed feed's health: status (ok, new, or the last error's
 * code and how many failures in a row), the last error's message, last fetch and success,
 * next check, and a server-drawn chart of its articles per day over the last 30 days.
 * Feeds with an error come first, each followed one with a "Refresh now" button
 * (feed-refresh.ts). Admins may add `?all=1` to see every feed in the fetch list, followed or not,
 * and are warned when requests came through a proxy that `trustProxy` does not trust.
 * Admins also see the archive repository's mirrors (mirror-section.ts).
 */
import type { Context as HonoContext } from 'hono';
import type { Context } from '../../context.ts';
import type { Feed } from '../../store/index.ts';
import { authStateFor, untrustedProxyWarning } from '../auth/index.ts';
import { html } from '../html.ts';
import { renderPage } from './layout.ts';
import { loadPageContext } from './page-context.ts';
import { renderSparkline } from './sparkline.ts';
import { refreshForm, refreshNotice } from './feed-refresh.ts';
import { feedStatus } from './subscriptions-page.ts';
import { timeTag } from './ui.ts';
import { mirrorSection } from './mirror-section.ts';

/** Days in each feed's chart. */
export const HEALTH_DAYS = 30;

interface Row {
  feed: Feed;
  title: string;
  followed: boolean;
}

/** GET /feeds/health. */
export async function healthPage(c: HonoContext, ctx: Context): Promise<Response> {
  const page = await loadPageContext(c, ctx);
  const all = page.user.admin && c.req.query('all') === '1';
  const subs = await ctx.store.listSubscriptions(page.user.id);
  const rows: Row[] = subs.map((s) => ({ feed: s.feed, title: s.displayTitle, followed: true }));
  if (all) {
    const followed = new Set(subs.map((s) => s.feedId));
    for (const feed of await ctx.store.listFeeds())
      if (!followed.has(feed.id)) rows.push({ feed, title: feed.title ?? feed.url, followed: false });
  }
  rows.sort(
    (a, b) =>
      Number(b.feed.lastError !== undefined) - Number(a.feed.lastError !== undefined) ||
      b.feed.errorCount - a.feed.errorCount,
  );
  const now = ctx.now();
  const charts = await Promise.all(rows.map((r) => ctx.store.articlesPerDay(r.feed.id, HEALTH_DAYS, now)));
  const proxy = page.user.admin ? authStateFor(ctx).untrustedProxy : undefined;
  const body = html`<div class="page-head"><h1>Feed health</h1>${page.user.admin ? html`<a href="/feeds/health${all ? '' : '?all=1'}">${all ? 'Only the feeds I follow' : 'Every feed'}</a>` : ''}</div>
${proxy === undefined ? '' : html`<p class="notice error" data-testid="untrusted-proxy">Warning: ${untrustedProxyWarning()} (${proxy.count} such requests since ${timeTag(proxy.firstAt)}, the last ${timeTag(proxy.lastAt)}; see <code>trustProxy</code> in docs/configuration.md).</p>`}
${refreshNotice(c, (id) => rows.find((r) => r.feed.id === id)?.title)}
${
  rows.length === 0
    ? html`<p class="empty">No feeds yet. <a href="/subscriptions">Add one</a>.</p>`
    : html`<table class="data" data-testid="feed-health"><thead><tr>
<th>Feed</th><th>Status</th><th>Last error</th><th class="wide-only">Last fetch</th><th>Next check</th><th>Articles per day (${HEALTH_DAYS} days)</th></tr></thead><tbody>
${rows.map(
  (r, i) => html`<tr data-testid="health-row" data-feed-id="${r.feed.id}">
<td>${r.followed ? html`<a href="/feeds/${r.feed.id}/settings">${r.title}</a>` : r.title}<br><small class="hint">${r.feed.url}</small>${r.followed && r.feed.removedAt === undefined ? html`<br>${refreshForm(page, r.feed.id)}` : ''}</td>
<td>${feedStatus(r.feed)}</td>
<td>${r.feed.lastError === undefined ? '' : html`<span class="error" data-testid="last-error">${r.feed.lastError.message}</span>`}</td>
<td class="wide-only">${timeTag(r.feed.lastFetchedAt)}</td>
<td>${r.feed.removedAt === undefined ? timeTag(r.feed.nextCheckAt) : 'not checked (removed)'}</td>
<td>${renderSparkline(charts[i])}</td></tr>`,
)}
</tbody></table>`
}
${page.user.admin ? await mirrorSection(ctx) : ''}`;
  return renderPage(page, { title: 'Feed health', body, active: 'health', width: 'wide' });
}
