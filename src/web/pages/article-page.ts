/**
 * GET /articles/:id: one article to read: title, feed, time, authors, the original link,
 * read/star controls, and its body in one of three views (`?view=`):
 * - `cleaned` (default): the stored cleaned body, sanitized again on the way out: bodies
 *   imported from an archive never went through this version's cleaner, and the second pass
 *   costs a few milliseconds against any doubt;
 * - `original`: the raw body as received, rendered, but SANITIZED (never as received);
 * - `source`: the raw body as escaped source text, to see exactly what the feed sent.
 * Each view renders at most the body's first MAX_RENDERED_HTML characters (clean/reading-part.ts)
 * and says so when it cut.
 * Opening an article marks it read (in both read modes). Deleted articles are not found.
 */
import type { Context as HonoContext } from 'hono';
import type { Context } from '../../context.ts';
import { readingPart, sanitizeHtml } from '../../clean/index.ts';
import type { Article, Revision } from '../../store/index.ts';
import { requireUser } from '../auth/index.ts';
import { html, raw, type SafeHtml } from '../html.ts';
import { readForm, starForm } from './article-item.ts';
import { contentLanguage } from './content-language.ts';
import { renderNotFound, renderPage } from './layout.ts';
import { loadPageContext, type PageContext } from './page-context.ts';
import { httpUrl, positiveInt, timeTag } from './ui.ts';

/** The body views of the article page. */
export type ArticleView = 'cleaned' | 'original' | 'source';

const VIEWS: ReadonlyArray<readonly [ArticleView, string]> = [
  ['cleaned', 'Cleaned'],
  ['original', 'Original'],
  ['source', 'Source'],
];

/** Returns the body HTML of a revision in the given view, always safe to embed: at most its first MAX_RENDERED_HTML characters, with a note when it was cut. */
export function articleBody(revision: Revision, view: ArticleView, articleId?: number): SafeHtml {
  const part = readingPart(view === 'cleaned' ? (revision.cleanedBody ?? revision.rawBody) : revision.rawBody);
  const note = part.cut
    ? html`<p class="notice" data-testid="article-cut">This article is ${part.length.toLocaleString('en')} characters long: the first ${part.html.length.toLocaleString('en')} are shown. The whole is in the API${articleId === undefined ? '' : html` (<code>/api/v1/articles/${articleId}</code>)`} and in <code>tidings show${articleId === undefined ? '' : ` ${articleId}`} --html</code>.</p>`
    : '';
  if (view === 'source') return html`<pre class="source" data-testid="article-source">${part.html}</pre>${note}`;
  return html`${raw(sanitizeHtml(part.html))}${note}`;
}

/** Returns a few hundred characters of a body's text, for guessing its script. */
export function textSample(markup: string): string {
  return markup.slice(0, 6000).replace(/<[^>]*>/g, ' ');
}

function viewSwitch(id: number, view: ArticleView): SafeHtml {
  return html`<nav class="view-switch" aria-label="Body view" data-testid="view-switch">${VIEWS.map(([v, label], i) => html`${i > 0 ? ' · ' : ''}<a href="/articles/${id}${v === 'cleaned' ? '' : `?view=${v}`}"${v === view ? html` aria-current="page"` : ''}>${label}</a>`)}</nav>`;
}

/** Enclosures (podcast audio, video, images and media thumbnails): a player or the picture, and always the link; http(s) only. */
function enclosures(article: Article): SafeHtml {
  const links = article.enclosures.flatMap((e) => {
    const url = httpUrl(e.url);
    if (url === undefined) return [];
    const type = e.type ?? '';
    const link = html`<a href="${url}" rel="noopener noreferrer">${e.type ?? 'attachment'}</a>`;
    if (type.startsWith('image/'))
      return [html`<li><img src="${url}" alt="" loading="lazy" data-testid="enclosure-image"> ${link}</li>`];
    if (type.startsWith('audio/'))
      return [
        html`<li><audio controls preload="none" src="${url}" data-testid="enclosure-audio"></audio> ${link}</li>`,
      ];
    if (type.startsWith('video/'))
      return [
        html`<li><video controls preload="none" src="${url}" data-testid="enclosure-video"></video> ${link}</li>`,
      ];
    return [html`<li>${link}</li>`];
  });
  return links.length === 0 ? html`` : html`<ul class="enclosures" data-testid="enclosures">${links}</ul>`;
}

async function feedTitleFor(page: PageContext, feedId: number): Promise<string> {
  const sub = await page.ctx.store.getSubscription(page.user.id, feedId);
  if (sub !== undefined) return sub.displayTitle;
  const feed = await page.ctx.store.getFeed(feedId);
  return feed?.title ?? feed?.url ?? `feed ${feedId}`;
}

/** GET /articles/:id?view=cleaned|original|source. */
export async function articlePage(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const id = positiveInt(c.req.param('id'));
  const article = id === undefined ? undefined : await ctx.store.getArticle(id, { revisions: 'latest' });
  const revision = article?.revisions.at(-1);
  const live = article !== undefined && revision !== undefined && article.deletedAt === undefined;
  // Marked read before the page state is loaded, so the nav's unread count (counted once per page) already includes it.
  if (live) await ctx.store.markRead(user.id, [article.id], true, ctx.now());
  const page = await loadPageContext(c, ctx);
  if (!live) return renderNotFound(page, 'There is no such article.');
  const requested = c.req.query('view');
  const view: ArticleView = requested === 'original' || requested === 'source' ? requested : 'cleaned';
  const [state, feedTitle, feed] = await Promise.all([
    ctx.store.articleStates(user.id, [article.id]).then((states) => states.get(article.id)),
    feedTitleFor(page, article.feedId),
    ctx.store.getFeed(article.feedId),
  ]);
  const title = article.title?.trim() || '(untitled)';
  const lang = contentLanguage(
    article.language ?? feed?.language,
    `${title} ${textSample(revision.cleanedBody ?? revision.rawBody)}`,
  );
  const link = httpUrl(article.link);
  const authors = article.authors.map((a) => a.name ?? a.email ?? '').filter((name) => name !== '');
  const body = html`<article class="article read" data-testid="article" data-id="${article.id}">
<header>
<h1${lang === undefined ? '' : html` lang="${lang}"`} data-testid="article-title">${title}</h1>
<p class="meta"><a href="/all?feed=${article.feedId}" data-testid="article-feed">${feedTitle}</a> · ${timeTag(article.time)}${authors.length > 0 ? html` · ${authors.join(', ')}` : ''}${link === undefined ? '' : html` · <a class="original-link" href="${link}" rel="noopener noreferrer" data-testid="original-link">Original page ↗</a>`}</p>
<div class="article-actions">${readForm(page, article.id, state?.read ?? true)} ${starForm(page, article.id, state?.starred ?? false)}
${viewSwitch(article.id, view)}
<a href="/articles/${article.id}/revisions" data-testid="history-link">History${article.revisionCount > 1 ? ` (${article.revisionCount} revisions)` : ''}</a></div>
</header>
<div class="content"${lang === undefined ? '' : html` lang="${lang}"`} data-testid="article-content">
${articleBody(revision, view, article.id)}
</div>
${enclosures(article)}
</article>`;
  return renderPage(page, { title, body, kind: 'article' });
}
