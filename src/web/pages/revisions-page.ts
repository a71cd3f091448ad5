/**
 * GET /articles/:id/revisions?from=A&to=B: an article's revision history (every stored
 * version, when it was seen, its title) and the diff between any two revisions: the plain
 * text of their cleaned bodies (toText), words marked for Latin text and characters for
 * Chinese and Japanese, deletions in <del> and insertions in <ins>, and a title or link
 * change shown above. Defaults to the latest change (the last two revisions).
 */
import type { Context as HonoContext } from 'hono';
import type { Context } from '../../context.ts';
import { readingPart, toText } from '../../clean/index.ts';
import type { Article, Revision } from '../../store/index.ts';
import { diffText, diffToHtml } from '../diff/index.ts';
import { html, type SafeHtml } from '../html.ts';
import { contentLanguage } from './content-language.ts';
import { renderNotFound, renderPage } from './layout.ts';
import { loadPageContext } from './page-context.ts';
import { timeTag } from './ui.ts';

function revisionNumber(text: string | undefined, count: number, fallback: number): number | undefined {
  if (text === undefined || text === '') return fallback;
  if (!/^\d{1,9}$/.test(text)) return undefined;
  const n = Number(text);
  return n < count ? n : undefined;
}

// The diff compares what a reader renders of each revision (clean/reading-part.ts).
function revisionText(revision: Revision): string {
  return toText(readingPart(revision.cleanedBody ?? revision.rawBody).html);
}

function revisionSelect(name: string, label: string, revisions: Revision[], selected: number): SafeHtml {
  return html`<label>${label} <select name="${name}" data-testid="revision-${name}">${revisions.map((r) => html`<option value="${r.number}"${r.number === selected ? ' selected' : ''}>#${r.number} · ${new Date(r.seenAt).toISOString().slice(0, 16).replace('T', ' ')}</option>`)}</select></label>`;
}

/** Returns the comparison of two revisions: title change, link change, body diff. */
export function compareRevisions(article: Article, from: Revision, to: Revision): SafeHtml {
  const lang = contentLanguage(article.language, `${to.title ?? ''} ${revisionText(to).slice(0, 2000)}`);
  const langAttr = lang === undefined ? '' : html` lang="${lang}"`;
  const oldTitle = from.title ?? '';
  const newTitle = to.title ?? '';
  const titleLine =
    oldTitle === newTitle
      ? html`<p class="hint" data-testid="title-unchanged">Title unchanged.</p>`
      : html`<p class="title-change" data-testid="title-change"${langAttr}>Title: ${diffToHtml(diffText(oldTitle, newTitle))}</p>`;
  const linkLine =
    (from.link ?? '') === (to.link ?? '')
      ? html``
      : html`<p data-testid="link-change">Link: <del>${from.link ?? '(none)'}</del> → <ins>${to.link ?? '(none)'}</ins></p>`;
  const diff = diffText(revisionText(from), revisionText(to));
  const changed = diff.parts.some((p) => p.kind !== 'equal');
  return html`<section data-testid="diff-view">
<h2>#${from.number} → #${to.number}</h2>
${titleLine}${linkLine}
${changed ? '' : html`<p class="hint" data-testid="body-unchanged">The text is the same (the change is in markup or metadata).</p>`}
${diff.exact ? '' : html`<p class="hint">These versions differ too much to compare word by word; changed blocks are shown replaced whole.</p>`}
<div class="diff" data-testid="diff"${langAttr}>${diffToHtml(diff)}</div>
</section>`;
}

/** GET /articles/:id/revisions. */
export async function revisionsPage(c: HonoContext, ctx: Context): Promise<Response> {
  const page = await loadPageContext(c, ctx);
  const idText = c.req.param('id');
  const article = /^\d{1,15}$/.test(idText ?? '') ? await ctx.store.getArticle(Number(idText)) : undefined;
  if (article === undefined || article.deletedAt !== undefined || article.revisions.length === 0)
    return renderNotFound(page, 'There is no such article.');
  const revisions = article.revisions;
  const count = revisions.length;
  const from = revisionNumber(c.req.query('from'), count, Math.max(0, count - 2));
  const to = revisionNumber(c.req.query('to'), count, count - 1);
  const title = article.title?.trim() || '(untitled)';
  const rows = revisions.map(
    (
      r,
    ) => html`<tr data-testid="revision-row"><td class="num">#${r.number}</td><td>${timeTag(r.seenAt)}</td><td>${r.title ?? ''}</td>
<td>${r.number > 0 ? html`<a href="/articles/${article.id}/revisions?from=${r.number - 1}&amp;to=${r.number}">changes</a>` : 'first version'}</td></tr>`,
  );
  const comparison =
    from === undefined || to === undefined
      ? html`<p class="notice error" data-testid="bad-revision">There is no such revision: this article has revisions #0 to #${count - 1}.</p>`
      : count < 2
        ? html`<p class="hint">This article has one version only: nothing to compare yet.</p>`
        : compareRevisions(article, revisions[from], revisions[to]);
  const body = html`<h1>History of <a href="/articles/${article.id}">${title}</a></h1>
<table class="data" data-testid="revision-list"><thead><tr><th>Revision</th><th>Seen</th><th>Title</th><th></th></tr></thead><tbody>${rows}</tbody></table>
${count > 1 ? html`<form class="compare" method="get" action="/articles/${article.id}/revisions">${revisionSelect('from', 'From', revisions, from ?? 0)} ${revisionSelect('to', 'to', revisions, to ?? count - 1)} <button type="submit">Compare</button></form>` : ''}
${comparison}`;
  return renderPage(page, {
    title: `History · ${title}`,
    body,
    width: 'wide',
    status: from === undefined || to === undefined ? 400 : 200,
  });
}
