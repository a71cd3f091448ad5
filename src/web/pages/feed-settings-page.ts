/**
 * GET/POST /feeds/:id/settings: one followed feed's settings and a preview of its latest
 * items, the raw body (sanitized, rendered) beside the cleaned one, to judge the cleaning.
 * The title and category are the user's own (on the subscription); fetch intervals, the
 * encoding override, full-text mode and learned boilerplate belong to the shared feed, so
 * only an admin may change them (everyone sees them). A bad value changes nothing and
 * shows the form again with why. POST /feeds/:id/unsubscribe leaves the feed; "Refresh now"
 * is feed-refresh.ts.
 */
import type { Context as HonoContext } from 'hono';
import { unsubscribeUser } from '../../accounts/index.ts';
import type { Context } from '../../context.ts';
import { normalizeCharsetLabel } from '../../parse/encoding/index.ts';
import type { FeedSettingsPatch, FullTextMode, Subscription } from '../../store/index.ts';
import { html, type SafeHtml } from '../html.ts';
import { articleBody } from './article-page.ts';
import { renderNotFound, renderPage } from './layout.ts';
import { loadPageContext, type PageContext } from './page-context.ts';
import { refreshForm, refreshNotice } from './feed-refresh.ts';
import { feedStatus } from './subscriptions-page.ts';
import { formString, positiveInt, postForm, timeTag } from './ui.ts';

const PREVIEW_ITEMS = 3;
const FULL_TEXT: readonly FullTextMode[] = ['off', 'auto', 'always'];

function minutes(seconds: number | undefined): string {
  return seconds === undefined ? '' : String(Math.round(seconds / 60));
}

function option(value: string, selected: string, label = value): SafeHtml {
  return html`<option value="${value}"${value === selected ? ' selected' : ''}>${label}</option>`;
}

function settingsForm(page: PageContext, sub: Subscription): SafeHtml {
  const s = sub.feed.settings;
  const locked = page.user.admin ? '' : html` disabled`;
  return postForm(page, `/feeds/${sub.feedId}/settings`, 'Save', {
    className: 'settings',
    testId: 'feed-settings-form',
    buttonClass: 'primary',
    fields: html`<fieldset><legend>Yours</legend>
<div class="field"><label for="f-title">Title</label><input id="f-title" name="title" value="${sub.title ?? ''}" placeholder="${sub.feed.title ?? sub.feed.url}"></div>
<div class="field"><label for="f-category">Category</label><input id="f-category" name="category" value="${sub.category ?? ''}" placeholder="${sub.feed.category ?? 'News/World'}"><span class="hint"> folders separated by /</span></div>
</fieldset>
<fieldset${locked}><legend>The feed (shared by everyone who follows it${page.user.admin ? '' : '; only an admin may change these'})</legend>
<div class="field"><label for="f-min">Check at most every (minutes)</label><input id="f-min" type="number" min="1" name="minInterval" value="${minutes(s.minIntervalSeconds)}" placeholder="default"></div>
<div class="field"><label for="f-max">Check at least every (minutes)</label><input id="f-max" type="number" min="1" name="maxInterval" value="${minutes(s.maxIntervalSeconds)}" placeholder="default"></div>
<div class="field"><label for="f-encoding">Encoding override</label><input id="f-encoding" name="encoding" value="${s.encodingOverride ?? ''}" placeholder="auto (gbk, big5, windows-1252 …)"></div>
<div class="field"><label for="f-fulltext">Full text</label><select id="f-fulltext" name="fullText">${FULL_TEXT.map((m) => option(m, s.fullText))}</select><span class="hint"> fetch the article page: never, when the feed looks summary-only, always</span></div>
<div class="field"><label for="f-learned">Learned boilerplate</label><select id="f-learned" name="learnedBoilerplate">${option('on', s.learnedBoilerplate ? 'on' : 'off', 'on: strip it')}${option('off', s.learnedBoilerplate ? 'on' : 'off', 'off')}</select></div>
</fieldset>`,
  });
}

/** Returns the feed patch from the form, or the reason it is invalid. */
export function parseFeedSettings(
  form: Record<string, unknown>,
): { kind: 'ok'; patch: FeedSettingsPatch } | { kind: 'invalid'; reason: string } {
  const patch: FeedSettingsPatch = {};
  for (const [field, key] of [
    ['minInterval', 'minIntervalSeconds'],
    ['maxInterval', 'maxIntervalSeconds'],
  ] as const) {
    const text = formString(form, field).trim();
    if (text === '') patch[key] = null;
    else if (positiveInt(text) === undefined || Number(text) > 525_600)
      return {
        kind: 'invalid',
        reason: `${field === 'minInterval' ? 'The shortest' : 'The longest'} interval must be a whole number of minutes (1 to 525600), or empty for the default.`,
      };
    else patch[key] = Number(text) * 60;
  }
  if (
    patch.minIntervalSeconds != null &&
    patch.maxIntervalSeconds != null &&
    patch.minIntervalSeconds > patch.maxIntervalSeconds
  ) {
    return { kind: 'invalid', reason: 'The shortest interval is longer than the longest.' };
  }
  const encoding = formString(form, 'encoding').trim();
  if (encoding === '' || encoding.toLowerCase() === 'auto') patch.encodingOverride = null;
  else if (normalizeCharsetLabel(encoding) === undefined)
    return {
      kind: 'invalid',
      reason: `Unknown encoding "${encoding}" (a charset label such as gbk, big5, windows-1252, or auto).`,
    };
  else patch.encodingOverride = encoding.toLowerCase();
  const fullText = formString(form, 'fullText');
  if (!(FULL_TEXT as readonly string[]).includes(fullText))
    return { kind: 'invalid', reason: 'Full text must be off, auto or always.' };
  patch.fullText = fullText as FullTextMode;
  const learned = formString(form, 'learnedBoilerplate');
  if (learned !== 'on' && learned !== 'off')
    return { kind: 'invalid', reason: 'Learned boilerplate must be on or off.' };
  patch.learnedBoilerplate = learned === 'on';
  return { kind: 'ok', patch };
}

async function preview(page: PageContext, feedId: number): Promise<SafeHtml> {
  const { articles } = await page.ctx.store.listArticles({ feedId, limit: PREVIEW_ITEMS });
  const full = await Promise.all(articles.map((a) => page.ctx.store.getArticle(a.id, { revisions: 'latest' })));
  const items = full.flatMap((article) => {
    const revision = article?.revisions.at(-1);
    if (article === undefined || revision === undefined) return [];
    return [
      html`<article data-testid="preview-item"><h3><a href="/articles/${article.id}">${article.title ?? '(untitled)'}</a></h3>
<div class="side-by-side"><section data-testid="preview-raw"><h3>Raw (sanitized)</h3><div class="content">${articleBody(revision, 'original')}</div></section>
<section data-testid="preview-cleaned"><h3>Cleaned</h3><div class="content">${articleBody(revision, 'cleaned')}</div></section></div></article>`,
    ];
  });
  return items.length === 0 ? html`<p class="hint">No articles yet to preview.</p>` : html`${items}`;
}

async function renderSettings(
  page: PageContext,
  sub: Subscription,
  notice: SafeHtml,
  status: 200 | 422 = 200,
): Promise<Response> {
  const feed = sub.feed;
  const cleaning = await page.ctx.store.getFeedCleaning(feed.id);
  const body = html`<div class="page-head"><h1>${sub.displayTitle}</h1><a href="/unread?feed=${feed.id}">Read it</a>${feed.removedAt === undefined ? refreshForm(page, feed.id) : ''}</div>
${refreshNotice(page.c, () => sub.displayTitle)}
${notice}
<p class="meta">${feed.url} · ${feedStatus(feed)}${feed.lastError === undefined ? '' : html` · <span class="error">${feed.lastError.message}</span>`} · last fetch ${timeTag(feed.lastFetchedAt)} · next check ${timeTag(feed.nextCheckAt)} · ${cleaning.learnedRules.length} learned boilerplate blocks</p>
${settingsForm(page, sub)}
${postForm(page, `/feeds/${feed.id}/unsubscribe`, 'Unsubscribe', { className: 'bulk', testId: 'unsubscribe-form' })}
<h2>Latest items, raw and cleaned</h2>
${await preview(page, feed.id)}`;
  return renderPage(page, {
    title: `${sub.displayTitle} · Settings`,
    body,
    active: 'subscriptions',
    width: 'wide',
    status,
  });
}

async function subscriptionOf(page: PageContext): Promise<Subscription | undefined> {
  const feedId = positiveInt(page.c.req.param('id'));
  return feedId === undefined ? undefined : page.ctx.store.getSubscription(page.user.id, feedId);
}

/** GET /feeds/:id/settings. */
export async function feedSettingsPage(c: HonoContext, ctx: Context): Promise<Response> {
  const page = await loadPageContext(c, ctx);
  const sub = await subscriptionOf(page);
  if (sub === undefined) return renderNotFound(page, 'You do not follow this feed.');
  const notice =
    c.req.query('added') === '1'
      ? html`<p class="notice ok" data-testid="feed-added">Subscribed.</p>`
      : c.req.query('already') === '1'
        ? html`<p class="notice">You already follow this feed.</p>`
        : c.req.query('saved') === '1'
          ? html`<p class="notice ok" data-testid="settings-saved">Saved.</p>`
          : html``;
  return renderSettings(page, sub, notice);
}

/** POST /feeds/:id/settings. */
export async function saveFeedSettingsAction(c: HonoContext, ctx: Context): Promise<Response> {
  const page = await loadPageContext(c, ctx);
  const sub = await subscriptionOf(page);
  if (sub === undefined) return renderNotFound(page, 'You do not follow this feed.');
  const form = await c.req.parseBody();
  if (page.user.admin) {
    const parsed = parseFeedSettings(form);
    if (parsed.kind === 'invalid')
      return renderSettings(
        page,
        sub,
        html`<p class="notice error" data-testid="settings-error">${parsed.reason}</p>`,
        422,
      );
    const updated = await ctx.store.updateFeed(sub.feedId, { settings: parsed.patch });
    if (updated.kind !== 'updated')
      return renderSettings(
        page,
        sub,
        html`<p class="notice error" data-testid="settings-error">Could not save: ${updated.kind}</p>`,
        422,
      );
  }
  const title = formString(form, 'title').trim();
  const category = formString(form, 'category').trim();
  await ctx.store.updateSubscription(page.user.id, sub.feedId, {
    title: title === '' ? null : title,
    category: category === '' ? null : category,
  });
  return c.redirect(`/feeds/${sub.feedId}/settings?saved=1`, 303);
}

/** POST /feeds/:id/unsubscribe. */
export async function unsubscribeAction(c: HonoContext, ctx: Context): Promise<Response> {
  const page = await loadPageContext(c, ctx);
  const feedId = positiveInt(c.req.param('id'));
  if (feedId !== undefined) await unsubscribeUser(ctx, page.user.id, feedId);
  return c.redirect('/subscriptions', 303);
}
