/**
 * One article in a list (timelines and search results): title linking to the article page,
 * feed, time, revision count, and its read, star and original-page controls as plain POST
 * forms (the script turns them into in-place toggles). Stable hooks for browser tests:
 * `data-testid="article-item"` with `data-id`, `read-button`, `star-button`.
 */
import { html, type SafeHtml } from '../html.ts';
import { contentLanguage } from './content-language.ts';
import type { PageContext } from './page-context.ts';
import { httpUrl, postForm, timeTag } from './ui.ts';

/** What a list shows of an article. */
export interface ListedArticle {
  id: number;
  feedId: number;
  feedTitle?: string;
  title?: string;
  link?: string;
  language?: string;
  time: number;
  revisionCount?: number;
  read: boolean;
  starred: boolean;
}

/** Returns the read/unread toggle form of an article. */
export function readForm(page: PageContext, id: number, read: boolean): SafeHtml {
  return postForm(page, `/articles/${id}/read`, read ? 'Mark unread' : 'Mark read', {
    className: 'inline read-form',
    hidden: { read: read ? '0' : '1' },
    buttonTestId: 'read-button',
  });
}

/** Returns the star toggle form of an article. */
export function starForm(page: PageContext, id: number, starred: boolean): SafeHtml {
  return postForm(page, `/articles/${id}/star`, starred ? '★ Starred' : '☆ Star', {
    className: 'inline star-form',
    hidden: { starred: starred ? '0' : '1' },
    buttonTestId: 'star-button',
    buttonClass: 'star-button',
    buttonAttributes: html` aria-pressed="${starred ? 'true' : 'false'}"`,
  });
}

/** Returns the list item of an article; `extra` goes under the title (a search snippet), `titleHtml` replaces the escaped title (search highlights). */
export function articleItem(
  page: PageContext,
  article: ListedArticle,
  extra?: SafeHtml,
  titleHtml?: SafeHtml,
): SafeHtml {
  const title = article.title?.trim() || '(untitled)';
  const lang = contentLanguage(article.language, title);
  const link = httpUrl(article.link);
  const revisions = article.revisionCount ?? 1;
  return html`<li class="item ${article.read ? 'read' : 'unread'}" data-testid="article-item" data-id="${article.id}" id="article-${article.id}">
<h2 class="item-title"${lang === undefined ? '' : html` lang="${lang}"`}><a class="item-link" href="/articles/${article.id}">${titleHtml ?? title}</a></h2>
<div class="item-meta"><a href="/all?feed=${article.feedId}">${article.feedTitle ?? `feed ${article.feedId}`}</a> · ${timeTag(article.time)}${revisions > 1 ? html` · <a href="/articles/${article.id}/revisions">${revisions} revisions</a>` : ''}</div>
${extra ?? ''}
<div class="item-actions">${readForm(page, article.id, article.read)} ${starForm(page, article.id, article.starred)}${link === undefined ? '' : html` <a class="original-link" href="${link}" rel="noopener noreferrer" target="_blank">Original ↗</a>`}</div>
</li>`;
}
