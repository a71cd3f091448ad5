/**
 * "Refresh now" for one followed feed, on its settings page and on the feed health page:
 * POST /feeds/:id/refresh (a plain form with the session's CSRF token) fetches the feed at
 * once through ingest's refreshFeed, under the process's shared host limiter like any
 * scheduled fetch, then sends the browser back to the page it came from with the outcome in
 * the query (`refreshed=ID&outcome=ok&new=2&revised=1`), which that page shows as a notice.
 * The outcome travels in the address rather than a flash cookie: nothing to store or expire,
 * and a reload shows the same notice instead of fetching again. The script asks for JSON.
 */
import type { Context as HonoContext } from 'hono';
import type { Context } from '../../context.ts';
import { AppError } from '../../domain/errors.ts';
import { refreshFeed } from '../../ingest/index.ts';
import type { FetchOutcomeKind } from '../../store/index.ts';
import { requireUser, safeNextPath } from '../auth/index.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from './page-context.ts';
import { formString, positiveInt, postForm, wantsJson } from './ui.ts';

const OUTCOMES: readonly FetchOutcomeKind[] = ['ok', 'not-modified', 'rate-limited', 'failed'];
const NOTICE_PARAMS = ['refreshed', 'outcome', 'new', 'revised', 'saved', 'added', 'already'];

/** Returns the "Refresh now" form of a feed (it comes back to this page). */
export function refreshForm(page: PageContext, feedId: number): SafeHtml {
  return postForm(page, `/feeds/${feedId}/refresh`, 'Refresh now', {
    className: 'inline refresh-form',
    testId: 'refresh-form',
    buttonTestId: 'refresh-button',
  });
}

function plural(count: number, one: string): string {
  return `${count} ${one}${count === 1 ? '' : 's'}`;
}

/** Returns the notice for a refresh this page was sent back from (none without `?refreshed=`); `titleOf` names the feed. */
export function refreshNotice(c: HonoContext, titleOf: (feedId: number) => string | undefined): SafeHtml {
  const feedId = positiveInt(c.req.query('refreshed'));
  const outcome = OUTCOMES.find((o) => o === c.req.query('outcome'));
  if (feedId === undefined || outcome === undefined) return html``;
  const name = titleOf(feedId) ?? `Feed ${feedId}`;
  const added = positiveInt(c.req.query('new')) ?? 0;
  const revised = positiveInt(c.req.query('revised')) ?? 0;
  const text =
    outcome === 'ok'
      ? `${name}: refreshed, ${added + revised === 0 ? 'nothing new' : `${plural(added, 'new article')}, ${plural(revised, 'new revision')}`}.`
      : outcome === 'not-modified'
        ? `${name}: refreshed, the feed has not changed.`
        : outcome === 'rate-limited'
          ? `${name}: the feed's server asked Tidings to wait; it will try again at the next check.`
          : `${name}: the refresh failed (see the last error).`;
  const tone = outcome === 'failed' || outcome === 'rate-limited' ? 'notice error' : 'notice ok';
  return html`<p class="${tone}" data-testid="refresh-notice" role="status">${text}</p>`;
}

// The page the form came from, without the notices of earlier actions, with this refresh's outcome.
function backTo(next: string, feedId: number, outcome: FetchOutcomeKind, added: number, revised: number): string {
  const url = new URL(safeNextPath(next === '' ? `/feeds/${feedId}/settings` : next), 'http://tidings.invalid');
  for (const name of NOTICE_PARAMS) url.searchParams.delete(name);
  url.searchParams.set('refreshed', String(feedId));
  url.searchParams.set('outcome', outcome);
  if (added > 0) url.searchParams.set('new', String(added));
  if (revised > 0) url.searchParams.set('revised', String(revised));
  return url.pathname + url.search;
}

/** POST /feeds/:id/refresh: fetches a feed the user follows now; 404 for a feed not followed or removed. */
export async function refreshFeedAction(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const form = await c.req.parseBody();
  const feedId = positiveInt(c.req.param('id'));
  const sub = feedId === undefined ? undefined : await ctx.store.getSubscription(user.id, feedId);
  if (sub === undefined || sub.feed.removedAt !== undefined)
    throw new AppError('not-found', 'you do not follow this feed');
  const outcome = await refreshFeed(ctx, sub.feed);
  if (wantsJson(c)) {
    return c.json({
      ok: true,
      feedId: sub.feedId,
      outcome: outcome.kind,
      newArticles: outcome.newArticles,
      newRevisions: outcome.newRevisions,
      error: outcome.error,
    });
  }
  return c.redirect(
    backTo(formString(form, 'next'), sub.feedId, outcome.kind, outcome.newArticles, outcome.newRevisions),
    303,
  );
}
