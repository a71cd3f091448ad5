import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { metricsFor } from '../metrics/index.ts';
import { createReaderFixture, get, NOW, post, type ReaderFixture } from './testdata/reader-fixture.ts';

let f: ReaderFixture;

beforeEach(async () => {
  f = await createReaderFixture();
});

afterEach(async () => {
  await f.close();
});

async function state(articleId: number) {
  return (await f.ctx.store.articleStates(f.ann.user.id, [articleId])).get(articleId);
}

describe('read and star', () => {
  it('marks read from a plain form and goes back to the page it came from', async () => {
    const response = await post(f, f.ann, `/articles/${f.evilArticleId}/read`, { read: '1', next: '/unread?feed=1' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/unread?feed=1');
    expect((await state(f.evilArticleId))?.read).toBe(true);
    const back = await post(f, f.ann, `/articles/${f.evilArticleId}/read`, { read: '0', next: '//evil.example/' });
    expect(back.headers.get('location')).toBe('/');
    expect((await state(f.evilArticleId))?.read).toBe(false);
  });

  it('answers the script with JSON: the new state and the unread total', async () => {
    const response = await post(
      f,
      f.ann,
      `/articles/${f.evilArticleId}/star`,
      { starred: '1' },
      { accept: 'application/json' },
    );
    expect(await response.json()).toEqual({ ok: true, id: f.evilArticleId, starred: true, unread: 4 });
    const read = await post(
      f,
      f.ann,
      `/articles/${f.evilArticleId}/read`,
      { read: '1' },
      { accept: 'application/json' },
    );
    expect(await read.json()).toEqual({ ok: true, id: f.evilArticleId, read: true, unread: 3 });
    const starred = await (await get(f, f.ann, '/starred')).text();
    expect(starred).toContain(`data-id="${f.evilArticleId}"`);
    expect(starred).toContain('aria-pressed="true">★ Starred');
  });

  it('answers an unknown article with 404', async () => {
    expect((await post(f, f.ann, '/articles/999/star', { starred: '1' })).status).toBe(404);
    expect((await post(f, f.ann, '/articles/999/read', { read: '1' })).status).toBe(404);
  });

  it('marks a page of ids read, and everything shown read but not what arrived after the page', async () => {
    const page = await (await get(f, f.ann, '/unread')).text();
    const ids = /name="ids" value="([\d,]+)"/.exec(page)?.[1] ?? '';
    expect(ids.split(',')).toHaveLength(4);
    const marked = await post(
      f,
      f.ann,
      '/articles/mark-read',
      { ids: ids.split(',').slice(0, 2).join(','), read: '1' },
      { accept: 'application/json' },
    );
    expect(await marked.json()).toMatchObject({ changed: 2, unread: 2 });
    const all = await post(f, f.ann, '/mark-all-read', { before: String(NOW - 4 * 86_400_000) });
    expect(all.status).toBe(303);
    // Only the Chinese article was first seen before `before`; the evil feed's third one (seen later) stays unread.
    expect((await f.ctx.store.unreadCounts(f.ann.user.id)).total).toBe(1);
  });
});

describe('settings', () => {
  it('stores the reader settings and every page follows them', async () => {
    const response = await post(f, f.ann, '/settings', {
      markRead: 'scroll',
      paging: 'infinite',
      theme: 'dark',
      next: '/settings',
    });
    expect(response.headers.get('location')).toBe('/settings?saved=1');
    const page = await (await get(f, f.ann, '/settings?saved=1')).text();
    expect(page).toContain('data-testid="settings-saved"');
    expect(page).toContain('data-mark-read="scroll" data-paging="infinite"');
    expect(page).toContain('data-theme="dark"');
    expect(page).toContain('value="scroll" checked');
    // Another user keeps the defaults.
    expect(await (await get(f, f.bob, '/unread')).text()).toContain('data-mark-read="open" data-paging="paged"');
  });

  it('ignores invalid values and refuses a form with none valid', async () => {
    await post(f, f.ann, '/settings', { markRead: 'never', theme: 'light' });
    expect(await f.ctx.store.getUserPreferences(f.ann.user.id)).toEqual({ 'reader.theme': 'light' });
    expect((await post(f, f.ann, '/settings', { theme: 'purple' })).status).toBe(400);
  });

  it('switches the theme from the top bar', async () => {
    const response = await post(f, f.ann, '/settings/theme', { theme: 'light', next: '/all' });
    expect(response.headers.get('location')).toBe('/all');
    const page = await (await get(f, f.ann, '/all')).text();
    expect(page).toContain('<html lang="en" data-theme="light">');
    expect(page).toMatch(/data-testid="theme-switch" name="theme" value="dark"/);
  });
});

describe('search', () => {
  it('shows results with highlighted, escaped snippets', async () => {
    const page = await (await get(f, f.ann, '/search?q=图书馆')).text();
    expect(page).toContain('data-testid="snippet">今天天气不好，我们去<mark>图书馆</mark>看书。</p>');
    expect(page).toContain('value="图书馆"');
    const none = await (await get(f, f.ann, '/search?q=zebra')).text();
    expect(none).toContain('data-testid="no-results"');
  });

  it('saves a search, lists it, and deletes it', async () => {
    const saved = await post(f, f.ann, '/search/saved', {
      name: 'Weather <i>',
      q: '天气',
      sort: 'newest',
      next: '/search?q=天气',
    });
    expect(saved.status).toBe(303);
    const page = await (await get(f, f.ann, '/search')).text();
    expect(page).toContain('<a href="/search?q=%E5%A4%A9%E6%B0%94&amp;sort=newest">Weather &lt;i&gt;</a>');
    const id = (await f.ctx.store.listSavedSearches({ userId: f.ann.user.id }))[0].id;
    await post(f, f.ann, `/search/saved/${id}/delete`, {});
    expect(await f.ctx.store.listSavedSearches({ userId: f.ann.user.id })).toEqual([]);
  });

  it("keeps saved searches to their user: bob neither sees nor deletes ann's", async () => {
    await post(f, f.ann, '/search/saved', { name: 'Ann only', q: '天气' });
    const [saved] = await f.ctx.store.listSavedSearches({ userId: f.ann.user.id });
    const bobPage = await (await get(f, f.bob, '/search')).text();
    expect(bobPage).not.toContain('Ann only');
    expect(bobPage).toContain('No saved searches yet.');
    expect((await post(f, f.bob, `/search/saved/${saved.id}/delete`, {})).status).toBe(404);
    expect(await f.ctx.store.listSavedSearches({ userId: f.ann.user.id })).toEqual([saved]);
    await post(f, f.bob, '/search/saved', { name: 'Ann only', q: 'story' });
    expect((await f.ctx.store.listSavedSearches({ userId: f.ann.user.id }))[0].query).toBe('天气');
    expect(await (await get(f, f.ann, '/search')).text()).toContain('Ann only');
  });

  it("records each search's latency for /metrics", async () => {
    const count = () => /^tidings_search_duration_seconds_count (\d+)$/m.exec(metricsFor(f.ctx).registry.render())?.[1];
    const before = Number(count() ?? 0);
    await get(f, f.ann, '/search?q=图书馆');
    await get(f, f.ann, '/search');
    expect(Number(count())).toBe(before + 1);
  });
});
