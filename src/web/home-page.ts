/**
 * GET /: a plain page of the subscribed feeds (status, last error, articles) and the latest
 * articles, every value escaped. The full reader is a later issue; this page proves the
 * server is archiving.
 */
import type { Context as HonoContext } from 'hono';
import type { Context } from '../context.ts';
import type { ArticleSummary, FeedWithStats } from '../store/index.ts';
import { html, raw, type SafeHtml } from './html.ts';

const LATEST = 50;

/** Returns the home page. */
export async function homePage(c: HonoContext, ctx: Context): Promise<Response> {
  const feeds = await ctx.store.listFeeds();
  const { articles } = await ctx.store.listArticles({ limit: LATEST });
  const titles = new Map(feeds.map((f) => [f.id, f.title ?? f.url]));
  const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tidings</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.2rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}.err{color:#a00}small{color:#666}</style>
</head><body>
<h1>Tidings</h1>
<h2>Feeds (${feeds.length})</h2>
${feeds.length === 0 ? html`<p>No feeds yet: <code>tidings add URL</code>.</p>` : feedTable(feeds)}
<h2>Latest articles</h2>
${articles.length === 0 ? html`<p>No articles yet.</p>` : html`<ul>${articles.map((a) => articleItem(a, titles.get(a.feedId)))}</ul>`}
</body></html>
`;
  return c.html(page.value);
}

function feedTable(feeds: FeedWithStats[]): SafeHtml {
  const rows = feeds.map((f) => html`<tr>
<td><a href="${httpUrl(f.siteUrl) ?? httpUrl(f.url) ?? '#'}" rel="noopener noreferrer">${f.title ?? f.url}</a><br><small>${f.url}</small></td>
<td>${f.stats.articleCount}</td>
<td>${f.lastFetchedAt === undefined ? 'never' : isoMinute(f.lastFetchedAt)}</td>
<td>${f.lastError === undefined ? (f.lastStatus ?? '') : html`<span class="err">${f.lastError.code}: ${f.lastError.message}</span>`}</td>
</tr>`);
  return html`<table><thead><tr><th>Feed</th><th>Articles</th><th>Last fetch</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function articleItem(a: ArticleSummary, feedTitle: string | undefined): SafeHtml {
  const title = a.title ?? '(untitled)';
  const link = httpUrl(a.link);
  return html`<li>${link === undefined ? title : html`<a href="${link}" rel="noopener noreferrer">${title}</a>`}
<small>${feedTitle ?? ''} · ${isoMinute(a.time)}${a.revisionCount > 1 ? raw(` · ${a.revisionCount} revisions`) : ''}</small></li>`;
}

// Only http(s) links become hrefs: a feed can claim any "link", javascript: included.
function httpUrl(url: string | undefined): string | undefined {
  return url !== undefined && /^https?:\/\//i.test(url.trim()) ? url.trim() : undefined;
}

function isoMinute(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}
