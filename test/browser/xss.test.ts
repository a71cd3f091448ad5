/**
 * A feed full of XSS payloads (xss-feed.ts), rendered by the reader in real Chromium: the
 * timelines, every article page in its cleaned, original and source views, the revision
 * history, search results for words in the payloads, and the pages showing the feed's own
 * texts (subscriptions, feed settings with its cleaning preview, health). On every page:
 * no script of a payload ran (the sentinel stays unset in every frame), no dialog opened,
 * no request reached a payload URL (counted by the fixture server and by the browser), and
 * the DOM holds nothing that could run (no handlers, no script: URLs, no foreign scripts,
 * frames, objects, styles or refreshes), and the response carries a strict CSP (scripts
 * from the reader itself only, nothing inline, no eval). CSP violations are allowed (they prove a block)
 * but listed in the test output.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from '../fixture-server/index.ts';
import { REPO_ROOT } from '../e2e/run-cli.ts';
import { describeWithChromium, launchChromium, openContext } from './chromium.ts';
import { watchContext, type PageWatch } from './page-watch.ts';
import { startReader, type ReaderServer } from './reader-server.ts';
import { createAdminOnSetup, subscribeOnPage } from './reader-steps.ts';
import { findRunnableMarkup } from './runnable-markup.ts';
import { buildXssFeed, PWNED_PREFIX, SENTINEL } from './xss-feed.ts';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'browser');

let fixtures: FixtureServer;
let reader: ReaderServer;
let browser: Browser;
let context: BrowserContext;
let watch: PageWatch;
let page: Page;
let feedId: number;
const browserPwnedRequests: string[] = [];

async function sentinels(p: Page): Promise<string[]> {
  const found: string[] = [];
  for (const frame of p.frames()) {
    const value = await frame
      .evaluate((name) => (globalThis as Record<string, unknown>)[name], SENTINEL)
      .catch(() => undefined);
    if (value !== undefined) found.push(`${frame.url()}: ${String(value)}`);
  }
  return found;
}

async function articleIds(): Promise<string[]> {
  await page.goto(reader.url('/all'));
  return page
    .getByTestId('article-item')
    .evaluateAll((nodes) =>
      nodes.map((n) => (n as unknown as { getAttribute(a: string): string }).getAttribute('data-id')),
    );
}

describeWithChromium('a feed full of XSS payloads in Chromium', () => {
  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    fixtures = await startFixtureServer();
    fixtures.setRoute('/xss/feed.xml', {
      kind: 'static',
      headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
      body: buildXssFeed(fixtures.url('/')),
    });
    [reader, browser] = await Promise.all([startReader('xss'), launchChromium()]);
    context = await openContext(browser);
    watch = await watchContext(context);
    context.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith(PWNED_PREFIX)) browserPwnedRequests.push(request.url());
    });
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    if (watch?.violations.length)
      console.info(
        `CSP violations (blocked):\n${watch.violations.map((v) => `  ${v.directive} ${v.blocked} ${v.sample} on ${v.page}`).join('\n')}`,
      );
    await context?.close();
    await browser?.close();
    await reader?.stop();
    await fixtures?.close();
  });

  it('subscribes to the hostile feed, with a hostile category too', async () => {
    await createAdminOnSetup(page, reader, { name: 'admin', password: 'correct horse battery' });
    const category = `<img src=x onerror="top.${SENTINEL}='category-form'">payload`;
    feedId = await subscribeOnPage(page, reader, fixtures.url('/xss/feed.xml'), category);
    await page.goto(reader.url('/all'));
    expect(await page.getByTestId('article-item').count()).toBe(2);
    // The payloads reached the reader intact: the source view shows them as text.
    let source = '';
    for (const id of await articleIds()) {
      await page.goto(reader.url(`/articles/${id}?view=source`));
      source += await page.getByTestId('article-source').textContent();
    }
    for (const marker of [
      '<script>',
      'onerror=',
      'javascript:',
      '<iframe srcdoc=',
      '@import',
      'http-equiv="refresh"',
      '<svg onload=',
    ])
      expect(source).toContain(marker);
  });

  it('renders every page showing the payloads without running any of them', async () => {
    const ids = await articleIds();
    const paths = [
      '/unread',
      '/all',
      '/subscriptions',
      `/feeds/${feedId}/settings`,
      '/feeds/health',
      ...ids.flatMap((id) => [
        `/articles/${id}`,
        `/articles/${id}?view=original`,
        `/articles/${id}?view=source`,
        `/articles/${id}/revisions`,
      ]),
      '/search?q=payload',
      '/search?q=script',
      '/search?q=pwned',
      '/starred',
    ];
    const problems: string[] = [];
    for (const path of paths) {
      const response = await page.goto(reader.url(path), { waitUntil: 'networkidle' });
      if (response?.status() !== 200) problems.push(`${path}: HTTP ${response?.status()}`);
      const csp = response?.headers()['content-security-policy'] ?? '';
      if (!/(^|;)\s*script-src 'self'\s*(;|$)/.test(csp) || /unsafe-(inline|eval)/.test(csp))
        problems.push(`${path}: not a strict CSP: ${csp}`);
      for (const found of await sentinels(page)) problems.push(`${path}: a payload ran (${found})`);
      for (const found of await page.evaluate(findRunnableMarkup)) problems.push(`${path}: ${found}`);
      if (path === `/articles/${ids[0]}?view=original`)
        await page.screenshot({ path: join(ARTIFACTS, 'xss-original-view.png'), fullPage: true });
    }
    expect(problems).toEqual([]);
  });

  it('finds the payload articles by search, with highlights', async () => {
    await page.goto(reader.url('/search?q=payload'), { waitUntil: 'networkidle' });
    expect(await page.getByTestId('search-results').getByTestId('article-item').count()).toBe(2);
    expect(await page.getByTestId('search-results').locator('mark').count()).toBeGreaterThan(0);
  });

  it('opened no dialog, made no request to a payload URL and threw no error', () => {
    expect(watch.dialogs).toEqual([]);
    expect(fixtures.requests.filter((r) => r.path.startsWith(PWNED_PREFIX)).map((r) => r.path)).toEqual([]);
    expect(browserPwnedRequests).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });
});
