/**
 * The reader in real Chromium, the way a new user meets it: create the admin on /setup, log
 * out and in, subscribe to a Chinese feed on the subscriptions page, read and star an
 * article, search for a two-character Chinese word, see the diff after the publisher edits
 * the article (refreshed with the feed settings page's "Refresh now" button),
 * drive the lists by keyboard, switch to dark mode (and follow the system's), read on a
 * phone-sized screen, and find the list in the wide column on a desktop screen. The steps
 * share one browser and one server and run in order; after a failed step the ones that
 * build on it are skipped. No page may throw, open a dialog or break its own Content
 * Security Policy. Screenshots go to test-artifacts/browser/.
 */
import { afterAll, beforeAll, beforeEach, expect, it, onTestFailed } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  createFixtureFeed,
  startFixtureServer,
  type FixtureFeed,
  type FixtureServer,
} from '../fixture-server/index.ts';
import { REPO_ROOT } from '../e2e/run-cli.ts';
import {
  BODY_MATCH_TITLE,
  chineseItems,
  EDITED_METRO_BODY,
  METRO_TITLE,
  metroIndex,
  SEARCH_WORD,
} from './chinese-feed.ts';
import { describeWithChromium, launchChromium, openContext } from './chromium.ts';
import { watchContext, type PageWatch } from './page-watch.ts';
import { startReader, type ReaderServer } from './reader-server.ts';
import { createAdminOnSetup, subscribeOnPage } from './reader-steps.ts';

const ADMIN = { name: 'admin', password: 'correct horse battery' };
const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'browser');
const LIGHT_BG = 'rgb(253, 253, 252)';
const DARK_BG = 'rgb(23, 24, 27)';

let fixtures: FixtureServer;
let feed: FixtureFeed;
let reader: ReaderServer;
let browser: Browser;
let context: BrowserContext;
let watch: PageWatch;
let page: Page;
let feedId: number;

const item = (title: string) => page.getByTestId('article-item').filter({ hasText: title });
const unreadCount = () => page.getByTestId('unread-count');
const bodyBackground = (p: Page) =>
  p.evaluate(() => {
    const g = globalThis as unknown as {
      getComputedStyle(e: unknown): { backgroundColor: string };
      document: { body: unknown };
    };
    return g.getComputedStyle(g.document.body).backgroundColor;
  });

async function screenshot(p: Page, name: string): Promise<void> {
  await p.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

async function articleIdOf(title: string): Promise<number> {
  await page.goto(reader.url('/all'));
  return Number(await item(title).getAttribute('data-id'));
}

describeWithChromium('the reader in Chromium', () => {
  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    fixtures = await startFixtureServer();
    feed = createFixtureFeed({ title: '样例新闻' });
    feed.setItems(chineseItems(fixtures.url('/')));
    fixtures.setRoute('/zh/news.xml', { kind: 'feed', feed });
    [reader, browser] = await Promise.all([startReader('flow'), launchChromium()]);
    context = await openContext(browser);
    watch = await watchContext(context);
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await reader?.stop();
    await fixtures?.close();
  });

  // The steps build on each other: after a failure the rest are skipped rather than failing for the same cause.
  let failed = false;
  beforeEach((test) => {
    if (failed) test.skip();
    onTestFailed(() => {
      failed = true;
    });
  });

  it('creates the admin on the first-run page, then logs out and in', async () => {
    await page.goto(reader.base);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByRole('link', { name: '/setup' }).getAttribute('href')).toBe('/setup');
    await createAdminOnSetup(page, reader, ADMIN);
    await expect.poll(() => page.getByTestId('empty-timeline').isVisible()).toBe(true);

    await page.getByRole('button', { name: `Log out ${ADMIN.name}` }).click();
    await page.waitForURL('**/login');
    await page.goto(reader.url('/starred'));
    await page.waitForURL('**/login?next=%2Fstarred');
    await page.locator('input[name="name"]').fill(ADMIN.name);
    await page.locator('input[name="password"]').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/starred');
    expect(await page.getByTestId('nav-starred').getAttribute('aria-current')).toBe('page');
  });

  it('subscribes to a Chinese feed on the subscriptions page', async () => {
    feedId = await subscribeOnPage(page, reader, fixtures.url('/zh/news.xml'));
    await page.goto(reader.url('/subscriptions'));
    const row = page.getByTestId('subscription-row');
    await expect.poll(() => row.textContent()).toContain('样例新闻');
    expect(await row.getByTestId('feed-status').textContent()).toContain('ok');
    expect(await unreadCount().textContent()).toBe('5');
  });

  it('opens an article, which marks it read, and stars it', async () => {
    await page.goto(reader.url('/unread'));
    expect(await page.getByTestId('article-item').count()).toBe(5);
    await item(METRO_TITLE).getByRole('link', { name: METRO_TITLE }).click();
    await page.waitForURL(/\/articles\/\d+$/);
    expect(await page.getByTestId('article-title').textContent()).toBe(METRO_TITLE);
    expect(await page.getByTestId('article-title').getAttribute('lang')).toMatch(/^zh/);
    expect(await page.getByTestId('article-content').textContent()).toContain('二十八公里');
    expect(await unreadCount().textContent()).toBe('4');

    const star = page.getByTestId('article').getByTestId('star-button');
    await star.click();
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    expect(await star.getAttribute('aria-pressed')).toBe('true');

    await page.goto(reader.url('/unread'));
    expect(await page.getByTestId('article-item').count()).toBe(4);
    expect(await item(METRO_TITLE).count()).toBe(0);
    await page.goto(reader.url('/starred'));
    expect(await page.getByTestId('article-item').allTextContents()).toEqual([expect.stringContaining(METRO_TITLE)]);
  });

  it('searches for a two-character Chinese word from the search box and highlights it', async () => {
    await page.goto(reader.url('/unread'));
    await page.keyboard.press('/');
    await page.keyboard.type(SEARCH_WORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/search?q=${encodeURIComponent(SEARCH_WORD)}`);
    const results = page.getByTestId('search-results').getByTestId('article-item');
    await results.first().waitFor();
    const titles = await results.locator('.item-title').allTextContents();
    expect(titles.map((t) => t.trim()).sort()).toEqual([BODY_MATCH_TITLE, METRO_TITLE].sort());
    const marks = await page.getByTestId('search-results').locator('mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set([SEARCH_WORD]));
    expect(await item(BODY_MATCH_TITLE).getByTestId('snippet').locator('mark').count()).toBeGreaterThan(0);
    await screenshot(page, 'search-chinese');
  });

  it('shows the diff after the publisher edits an article and the feed is refreshed', async () => {
    const id = await articleIdOf(METRO_TITLE);
    feed.editItem(metroIndex(feed.items), { description: EDITED_METRO_BODY });
    await page.goto(reader.url(`/feeds/${feedId}/settings`));
    await page.getByTestId('refresh-button').click();
    await page.waitForURL(`**/feeds/${feedId}/settings?refreshed=${feedId}&outcome=ok&revised=1`);
    expect(await page.getByTestId('refresh-notice').textContent()).toContain('0 new articles, 1 new revision');

    await page.goto(reader.url(`/articles/${id}`));
    expect(await page.getByTestId('article-content').textContent()).toContain('三十公里');
    await page.getByTestId('history-link').click();
    await page.waitForURL(`**/articles/${id}/revisions`);
    expect(await page.getByTestId('revision-row').count()).toBe(2);
    const diff = page.getByTestId('diff');
    expect((await diff.locator('del').allTextContents()).join('')).toContain('二十八');
    expect((await diff.locator('ins').allTextContents()).join('')).toContain('三十');
    expect((await diff.locator('ins').allTextContents()).join('')).toContain('缩短为两');
    expect(await diff.textContent()).toContain('设车站十九座');
    await page.getByTestId('title-unchanged').waitFor();
    await screenshot(page, 'revision-diff');
  });

  it('moves through a list and an article by keyboard: j, k, o, m, s and ? help', async () => {
    await page.goto(reader.url('/all'));
    const items = page.getByTestId('article-item');
    const selectedIndex = () =>
      items.evaluateAll((nodes) =>
        nodes.findIndex((n) =>
          (n as unknown as { classList: { contains(c: string): boolean } }).classList.contains('selected'),
        ),
      );
    await page.keyboard.press('j');
    await expect.poll(selectedIndex).toBe(0);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect.poll(selectedIndex).toBe(2);
    await page.keyboard.press('k');
    await expect.poll(selectedIndex).toBe(1);

    const second = items.nth(1);
    const wasRead = (await second.getAttribute('class'))?.includes(' read') ?? false;
    await page.keyboard.press('m');
    await expect.poll(async () => (await second.getAttribute('class'))?.includes(' read')).toBe(!wasRead);
    const star = second.getByTestId('star-button');
    const wasStarred = await star.getAttribute('aria-pressed');
    await page.keyboard.press('s');
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe(wasStarred === 'true' ? 'false' : 'true');

    const help = page.getByTestId('keyboard-help');
    expect(await help.isVisible()).toBe(false);
    await page.keyboard.press('?');
    await help.waitFor({ state: 'visible' });
    await screenshot(page, 'keyboard-help');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    const ids = await items.evaluateAll((nodes) =>
      nodes.map((n) => (n as unknown as { getAttribute(a: string): string }).getAttribute('data-id')),
    );
    await page.keyboard.press('o');
    await page.waitForURL(`**/articles/${ids[1]}`);
    await page.keyboard.press('j');
    await page.waitForURL(`**/articles/${ids[2]}`);
    await page.keyboard.press('k');
    await page.waitForURL(`**/articles/${ids[1]}`);
  });

  it('switches to dark mode, keeps it, and follows the system setting on auto', async () => {
    await page.goto(reader.url('/unread'));
    expect(await page.locator('html').getAttribute('data-theme')).toBe('system');
    expect(await bodyBackground(page)).toBe(LIGHT_BG);
    const themeSwitch = page.getByTestId('theme-switch');
    for (const theme of ['light', 'dark']) {
      const saved = page.waitForResponse((r) => r.url().endsWith('/settings/theme') && r.ok());
      await themeSwitch.click();
      await saved;
      await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe(theme);
    }
    expect(await bodyBackground(page)).toBe(DARK_BG);
    await page.reload();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await bodyBackground(page)).toBe(DARK_BG);
    await screenshot(page, 'timeline-dark');
    const saved = page.waitForResponse((r) => r.url().endsWith('/settings/theme') && r.ok());
    await themeSwitch.click();
    await saved;

    const darkSystem = await openContext(browser, { colorScheme: 'dark', storageState: await context.storageState() });
    await watchContext(darkSystem, watch);
    try {
      const other = await darkSystem.newPage();
      await other.goto(reader.url('/unread'));
      expect(await other.locator('html').getAttribute('data-theme')).toBe('system');
      expect(await bodyBackground(other)).toBe(DARK_BG);
      await other.emulateMedia({ colorScheme: 'light' });
      expect(await bodyBackground(other)).toBe(LIGHT_BG);
    } finally {
      await darkSystem.close();
    }
  });

  it('fits a phone-sized screen without sideways scrolling', async () => {
    const phone = await openContext(browser, {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      storageState: await context.storageState(),
    });
    await watchContext(phone, watch);
    try {
      const small = await phone.newPage();
      const overflow = () =>
        small.evaluate(() => {
          const root = (
            globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
          ).document.documentElement;
          return root.scrollWidth - root.clientWidth;
        });
      await small.goto(reader.url('/all'));
      expect(await small.getByTestId('article-item').count()).toBe(5);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await small.goto(reader.url(`/articles/${await articleIdOf(METRO_TITLE)}`));
      await small.getByTestId('article-title').waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);
      await screenshot(small, 'article-phone');
    } finally {
      await phone.close();
    }
  });

  it('threw no script error, opened no dialog and broke no CSP rule on any page', () => {
    expect(watch.pageErrors).toEqual([]);
    expect(watch.dialogs).toEqual([]);
    expect(watch.violations).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  it('makes the article list the wide column and the sidebar the narrow one on a desktop screen', async () => {
    await page.goto(reader.url('/all'));
    const [list, sidebar] = await Promise.all([
      page.locator('main').boundingBox(),
      page.locator('aside.sidebar').boundingBox(),
    ]);
    expect(list?.width ?? 0, 'width of the article list').toBeGreaterThan(sidebar?.width ?? 0);
  });
});
