/**
 * The timeline sidebar: the user's categories and feeds with their unread counts, each a
 * link to the same view filtered to it. Feeds are grouped under their category (the
 * subscription's, else the feed's), in the order the store lists subscriptions. With 400
 * feeds it is a fifth of a timeline page, so it is kept while its inputs stay the same
 * frozen objects (fragment-cache.ts: until the database changes).
 */
import type { SubscriptionLabel, TimelineView } from '../../store/index.ts';
import { html, type SafeHtml } from '../html.ts';
import { createFragmentCache } from './fragment-cache.ts';
import type { PageContext } from './page-context.ts';

/** The filter a timeline shows. */
export interface TimelineFilter {
  feedId?: number;
  category?: string;
}

function current(on: boolean): SafeHtml {
  return on ? html` aria-current="page"` : html``;
}

const sidebars = createFragmentCache();

/** Returns the sidebar for a view and filter. */
export function feedSidebar(
  page: PageContext,
  subscriptions: readonly SubscriptionLabel[],
  view: TimelineView,
  filter: TimelineFilter,
): SafeHtml {
  const key = `${view}\n${filter.feedId ?? ''}\n${filter.category ?? ''}`;
  return sidebars([subscriptions, page.unread], key, () => renderSidebar(page, subscriptions, view, filter));
}

function renderSidebar(
  page: PageContext,
  subscriptions: readonly SubscriptionLabel[],
  view: TimelineView,
  filter: TimelineFilter,
): SafeHtml {
  const unreadByFeed = new Map(page.unread.feeds.map((f) => [f.feedId, f.unread]));
  const groups = new Map<string, SubscriptionLabel[]>();
  for (const sub of subscriptions) {
    const key = sub.displayCategory ?? '';
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [sub]);
    else group.push(sub);
  }
  const categories = page.unread.categories;
  const count = (n: number | undefined) => (n ? html`<span class="count">${n}</span>` : '');
  return html`<nav aria-label="Feeds" data-testid="feed-sidebar">
<h2>Categories</h2>
<ul>
<li><a href="/${view}"${current(filter.feedId === undefined && filter.category === undefined)}>Everything</a>${count(page.unread.total)}</li>
${categories.map((cat) => html`<li><a href="/${view}?category=${encodeURIComponent(cat.category)}"${current(filter.category === cat.category)}>${cat.category}</a>${count(cat.unread)}</li>`)}
</ul>
<h2>Feeds</h2>
${[...groups].map(
  ([
    category,
    subs,
  ]) => html`${category === '' ? '' : html`<h3 class="hint">${category}</h3>`}<ul class="${category === '' ? '' : 'sub'}">
${subs.map((sub) => html`<li><a href="/${view}?feed=${sub.feedId}"${current(filter.feedId === sub.feedId)} title="${sub.displayTitle}">${sub.displayTitle}</a>${count(unreadByFeed.get(sub.feedId))}</li>`)}
</ul>`,
)}
${subscriptions.length === 0 ? html`<p class="hint">No feeds yet. <a href="/subscriptions">Add one</a>.</p>` : ''}
</nav>`;
}
