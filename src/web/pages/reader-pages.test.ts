import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetUrl } from '../assets/assets.ts';
import { createReaderFixture, get, type ReaderFixture } from './testdata/reader-fixture.ts';

let f: ReaderFixture;

// A fresh reader per group: opening an article marks it read, and the groups must not see each other's reads.
function freshReader(): void {
  beforeAll(async () => {
    f = await createReaderFixture();
  });
  afterAll(async () => {
    await f.close();
  });
}

function pages(): string[] {
  return [
    '/unread',
    '/all',
    '/starred',
    `/unread?feed=${f.evilFeedId}`,
    `/all?category=${encodeURIComponent('新闻')}`,
    `/articles/${f.evilArticleId}`,
    `/articles/${f.evilArticleId}?view=original`,
    `/articles/${f.evilArticleId}?view=source`,
    `/articles/${f.revisedArticleId}/revisions`,
    `/articles/${f.revisedArticleId}/revisions?from=0&to=2`,
    '/search',
    '/search?q=story',
    '/subscriptions',
    `/feeds/${f.evilFeedId}/settings`,
    '/feeds/health',
    '/settings',
    '/help',
  ];
}

describe('every reader page', () => {
  freshReader();

  it('renders for a logged-in user with the nav, the unread count and a strict CSP', async () => {
    for (const path of pages()) {
      const response = await get(f, f.ann, path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      const page = await response.text();
      expect(page, path).toMatch(/data-testid="unread-count">\d+<\/span>/);
      expect(page, path).toContain(`<script src="${assetUrl('reader.js')}" defer></script>`);
      // No inline script or style anywhere: the only script tag is the asset, no style attributes or elements.
      expect(page.match(/<script/g)?.length, path).toBe(1);
      expect(page, path).not.toMatch(/<style|<[^>]*\sstyle=|<[^>]*\son[a-z]+=/i);
    }
  });

  it('puts the session CSRF token in every POST form', async () => {
    for (const path of pages()) {
      const page = await (await get(f, f.ann, path)).text();
      const forms = page.match(/<form[^>]*method="post"[\s\S]*?<\/form>/g) ?? [];
      expect(forms.length, path).toBeGreaterThan(0);
      for (const form of forms) expect(form, path).toContain(`name="_csrf" value="${f.ann.csrf}"`);
    }
  });

  it('sends a logged-out browser to the login form and back, with the security headers', async () => {
    for (const path of pages()) {
      const response = await get(f, undefined, path);
      expect(response.status, path).toBe(303);
      expect(response.headers.get('location'), path).toBe(`/login?next=${encodeURIComponent(path)}`);
      expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
    }
    expect((await get(f, undefined, '/')).headers.get('location')).toBe('/login?next=%2F');
    expect((await get(f, f.ann, '/')).headers.get('location')).toBe('/unread');
  });

  it('refuses a form POST without the CSRF token', async () => {
    const response = await f.app.request(`/articles/${f.evilArticleId}/star`, {
      method: 'POST',
      headers: { cookie: f.ann.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'starred=1',
    });
    expect(response.status).toBe(403);
    expect((await f.ctx.store.articleStates(f.ann.user.id, [f.evilArticleId])).get(f.evilArticleId)?.starred).toBe(
      false,
    );
  });
});

describe('escaping', () => {
  freshReader();

  it('escapes feed and article titles in lists, sidebar and pages, and never links javascript:', async () => {
    for (const path of [
      '/unread',
      `/articles/${f.evilArticleId}`,
      '/subscriptions',
      '/feeds/health',
      '/search?q=tom',
    ]) {
      const page = await (await get(f, f.ann, path)).text();
      expect(page, path).not.toContain('<script>alert');
      expect(page, path).not.toContain('<img src=x');
      expect(page, path).not.toContain('javascript:');
      expect(page, path).not.toContain('<b>');
    }
    const list = await (await get(f, f.ann, '/all')).text();
    expect(list).toContain('&lt;script&gt;alert(&quot;feed&quot;)&lt;/script&gt;Evil');
    expect(list).toContain('Tom &amp; &lt;img src=x onerror=alert(1)&gt;');
    expect(await (await get(f, f.ann, '/feeds/health')).text()).toContain('HTTP 500 &lt;b&gt;oops&lt;/b&gt;');
  });
});

describe('assets', () => {
  freshReader();

  it('serves the stylesheet and script under hashed URLs with a year-long immutable cache', async () => {
    for (const name of ['reader.css', 'reader.js'] as const) {
      const url = assetUrl(name);
      expect(url).toMatch(/^\/assets\/reader\.[0-9a-f]{12}\.(css|js)$/);
      const response = await f.app.request(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('content-type')).toMatch(name.endsWith('css') ? /^text\/css/ : /^text\/javascript/);
      expect((await response.text()).length).toBeGreaterThan(1000);
    }
    expect((await f.app.request('/assets/reader.000000000000.css')).status).toBe(404);
    const icon = await f.app.request('/favicon.ico');
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toBe(await (await f.app.request(assetUrl('icon.svg'))).text());
  });

  it('has CJK fonts, the CJK line height, dark mode and the phone layout in the stylesheet', async () => {
    const css = await (await f.app.request(assetUrl('reader.css'))).text();
    expect(css).toContain('"PingFang SC"');
    expect(css).toMatch(/:lang\(zh\)[^{]*\{ line-height: 1\.8;/);
    expect(css).toContain('@media (prefers-color-scheme: dark)');
    expect(css).toContain(':root[data-theme="dark"]');
    expect(css).toContain('@media (max-width: 700px)');
    expect(css).not.toMatch(/letter-spacing:(?!\s*normal)/);
  });
});

describe('the timeline', () => {
  freshReader();

  it('lists the unread articles newest first with read and star forms, and filters by feed and category', async () => {
    const page = await (await get(f, f.ann, '/unread')).text();
    const ids = [...page.matchAll(/data-testid="article-item" data-id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids).toHaveLength(4);
    expect(ids[0]).toBe(f.evilArticleId);
    expect(ids.at(-1)).toBe(f.revisedArticleId);
    expect(page).toContain('data-testid="star-button" aria-pressed="false"');
    const byFeed = await (await get(f, f.ann, `/unread?feed=${f.zhFeedId}`)).text();
    expect([...byFeed.matchAll(/data-testid="article-item"/g)]).toHaveLength(1);
    expect(byFeed).toContain('lang="zh-CN"');
    const byCategory = await (await get(f, f.ann, `/all?category=${encodeURIComponent('新闻')}`)).text();
    expect(byCategory).toContain(`data-id="${f.revisedArticleId}"`);
    expect(byCategory).not.toContain(`data-id="${f.evilArticleId}"`);
  });

  it('shows each user their own sidebar counts and titles, fresh after every read and rename', async () => {
    const count = (page: string, feedId: number) =>
      new RegExp(`href="/unread\\?feed=${feedId}"[^>]*>[^<]*</a>(?:<span class="count">(\\d+)</span>)?`).exec(
        page,
      )?.[1];
    const before = await (await get(f, f.ann, '/unread')).text();
    expect(count(before, f.zhFeedId)).toBe('1');
    expect(count(await (await get(f, f.bob, '/unread')).text(), f.zhFeedId)).toBeUndefined();
    expect((await get(f, f.ann, `/articles/${f.revisedArticleId}`)).status).toBe(200);
    const after = await (await get(f, f.ann, '/unread')).text();
    expect(count(after, f.zhFeedId)).toBeUndefined();
    expect(after).toContain(
      `data-testid="unread-count">${Number(/data-testid="unread-count">(\d+)/.exec(before)?.[1]) - 1}</span>`,
    );
    await f.ctx.store.updateSubscription(f.ann.user.id, f.zhFeedId, { title: 'Renamed news' });
    expect(await (await get(f, f.ann, '/unread')).text()).toContain('>Renamed news</a>');
    expect(await (await get(f, f.ann, '/search')).text()).toContain('>Renamed news</option>');
  });

  it('tells the script the user settings through data attributes and shows the theme', async () => {
    const page = await (await get(f, f.bob, '/unread')).text();
    expect(page).toContain('data-mark-read="open" data-paging="paged"');
    expect(page).toContain('<html lang="en" data-theme="system">');
    expect(page).toMatch(/data-testid="theme-switch" name="theme" value="light"/);
    expect(page).toContain('id="keyboard-help"');
    expect(page).toContain('data-testid="search-box"');
  });
});
