import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRss, type FixtureServer, type SampleItem } from '../../../test/fixture-server/index.ts';
import { articleFileName, feedFolderName } from '../../archive/index.ts';
import { loadShippedRulePacks, validateRulePack } from '../../clean/index.ts';
import type { Feed, FeedSettings } from '../../store/index.ts';
import { refreshFeed } from './refresh-feed.ts';
import { refreshRound } from './refresh-round.ts';
import { useFixtureWorld } from '../testdata/fixture-world.ts';
import { createTestContext, removeFolder, type TestContext } from '../testdata/test-context.ts';

const FOOTER = 'Follow Example News on the fediverse for more stories';
const T = Date.UTC(2024, 0, 1);

let server: FixtureServer;
let ctx: TestContext;

useFixtureWorld((started, context) => {
  server = started;
  ctx = context;
});

function items(
  count: number,
  body: (n: number) => string,
  link = (n: number) => `https://fixture.test/${n}`,
): SampleItem[] {
  return Array.from({ length: count }, (_, i) => ({
    guid: `urn:test:${i}`,
    title: `Story ${i}`,
    link: link(i),
    description: body(i),
    pubDate: new Date(T + i * 3_600_000),
  }));
}

function serveFeed(path: string, list: SampleItem[]): void {
  server.setRoute(path, {
    kind: 'static',
    headers: { 'content-type': 'application/rss+xml' },
    body: buildRss({ title: path, link: 'https://fixture.test/', description: 'test', items: list }),
  });
}

async function subscribe(path: string, settings: Partial<FeedSettings> = {}): Promise<Feed> {
  const added = await ctx.store.addFeed({ url: server.url(path), now: ctx.now(), settings });
  if (added.kind !== 'added') throw new Error(added.kind);
  return added.feed;
}

async function latestBodies(
  feedId: number,
): Promise<Array<{ raw: string; cleaned?: string; summary?: string; link?: string }>> {
  const page = await ctx.store.listArticles({ feedId, limit: 100 });
  const articles = await Promise.all(page.articles.map((a) => ctx.store.getArticle(a.id, { revisions: 'latest' })));
  return articles.map((a) => {
    const r = a!.revisions[0];
    return { raw: r.rawBody, cleaned: r.cleanedBody, summary: r.summary, link: r.link };
  });
}

const article = (n: number) =>
  `<p>Paragraph one of story ${n}, with enough words to read as an article body.</p>` +
  `<p>Paragraph two of story ${n} says something else entirely about the day's events.</p>` +
  `<p>Paragraph three of story ${n} quotes a witness at length, as reports do.</p>` +
  `<p>Paragraph four of story ${n} closes the article with what comes next.</p><p>${FOOTER}</p>`;

describe('learned boilerplate in a refresh', () => {
  it('learns the footer most articles close with and strips it from the very articles it was learned from, files included', async () => {
    serveFeed('/learn.xml', items(22, article));
    const feed = await subscribe('/learn.xml');
    const outcome = await refreshFeed(ctx, feed);
    expect(outcome).toMatchObject({ kind: 'ok', newArticles: 22 });
    const cleaning = await ctx.store.getFeedCleaning(feed.id);
    expect(cleaning.learnedRules).toEqual([expect.objectContaining({ edge: 'trailing', text: FOOTER, sample: 20 })]);
    const bodies = await latestBodies(feed.id);
    expect(bodies.every((b) => b.raw.includes(FOOTER) && !b.cleaned!.includes(FOOTER))).toBe(true);
    expect(bodies.every((b) => b.cleaned!.includes('Paragraph two'))).toBe(true);
    const file = await readFile(
      join(ctx.archiveRoot, feedFolderName(feed.url), articleFileName('guid:urn:test:3', 0)),
      'utf8',
    );
    expect(file).toContain('Paragraph two of story 3');
    expect(file).not.toContain(FOOTER);
  });

  it('still learns but keeps the footer for a feed that switched learned boilerplate off', async () => {
    serveFeed('/learn-off.xml', items(22, article));
    const feed = await subscribe('/learn-off.xml', { learnedBoilerplate: false });
    await refreshFeed(ctx, feed);
    expect((await ctx.store.getFeedCleaning(feed.id)).learnedRules).toHaveLength(1);
    expect((await latestBodies(feed.id)).every((b) => b.cleaned!.includes(FOOTER))).toBe(true);
  });

  it('learns nothing below 20 articles', async () => {
    serveFeed('/learn-few.xml', items(12, article));
    const feed = await subscribe('/learn-few.xml');
    await refreshFeed(ctx, feed);
    expect(await ctx.store.getFeedCleaning(feed.id)).toMatchObject({ learnedRules: [], learnedAt: expect.any(Number) });
    expect((await latestBodies(feed.id)).every((b) => b.cleaned!.includes(FOOTER))).toBe(true);
  });
});

const teaser = (n: number) => `<p>The first lines of story ${n}…</p>`;
const page = (n: number) => `<!doctype html><html lang="en"><head><title>Story ${n}</title></head><body>
  <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/tech">Tech</a></nav>
  <article><h1>Story ${n}</h1>
  <p>The first lines of story ${n} open the full article, which goes on for several paragraphs of real reporting.</p>
  <p>Officials said on Tuesday that the work was proceeding in an orderly way and would be finished by the spring.</p>
  <p>Residents interviewed near the site described the changes as long overdue, though some worried about the cost.</p>
  <p><img src="/img/${n}.jpg" alt="The site"> A second phase, planned for next year, would extend the line to the airport.</p>
  </article><footer>Related: <a href="/other">Other story</a> · visited at ${Math.random()}</footer></body></html>`;

describe('full text for summary-only feeds', () => {
  it('fetches the article page of new teaser items, keeps the teaser as summary and the extracted article as raw body', async () => {
    for (const n of [0, 1, 2])
      server.setRoute(`/story/${n}`, {
        kind: 'static',
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: page(n),
      });
    server.setRoute('/story/3', { kind: 'static', status: 404, body: 'gone' });
    serveFeed(
      '/teasers.xml',
      items(4, teaser, (n) => server.url(`/story/${n}`)),
    );
    const feed = await subscribe('/teasers.xml', { fullText: 'auto' });
    const outcome = await refreshFeed(ctx, feed);
    expect(outcome).toMatchObject({ kind: 'ok', newArticles: 4, fullTextPages: 3 });
    expect(outcome.warnings).toEqual([{ code: 'fetch.http-status', message: expect.stringContaining('/story/3') }]);
    const bodies = await latestBodies(feed.id);
    const story1 = bodies.find((b) => b.link === server.url('/story/1'))!;
    expect(story1.raw).toContain('Residents interviewed');
    expect(story1.raw).not.toContain('Related:');
    expect(story1.cleaned).toContain('Residents interviewed');
    expect(story1.cleaned).toContain(`src="${server.url('/img/1.jpg')}"`);
    expect(story1.summary).toBe('<p>The first lines of story 1…</p>');
    const story3 = bodies.find((b) => b.link === server.url('/story/3'))!;
    expect(story3).toMatchObject({ raw: teaser(3), cleaned: teaser(3) });
    const pageRequests = server.requests.filter((r) => r.path.startsWith('/story/'));
    expect(
      pageRequests.every(
        (r) => r.headers.accept?.startsWith('text/html') && r.headers['user-agent'] === 'Tidings-test',
      ),
    ).toBe(true);
  });

  it('fetches no page again for unchanged items (page chrome changing every visit makes no revision)', async () => {
    const feed = (await ctx.store.findFeedByUrl(server.url('/teasers.xml')))!;
    const before = server.requests.filter((r) => r.path.startsWith('/story/')).length;
    const outcome = await refreshFeed(ctx, feed);
    expect(outcome).toMatchObject({ kind: 'ok', newArticles: 0, newRevisions: 0 });
    expect(server.requests.filter((r) => r.path.startsWith('/story/')).length).toBe(before);
  });

  it('takes the body from the element a rule pack names for the site', async () => {
    const validated = validateRulePack(
      {
        name: 'fixture-site',
        description: 'test',
        match: { itemHost: ['127.0.0.1'] },
        extract: { bodySelector: '#story-body' },
        tests: [{ name: 't', html: '<p>x</p>', contains: ['x'] }],
      },
      'fixture.json',
    );
    if (validated.kind !== 'ok') throw new Error(validated.problems.join('; '));
    const packed = await createTestContext();
    Object.assign(packed, { packs: [...loadShippedRulePacks(), validated.pack] });
    try {
      server.setRoute('/picked/0', {
        kind: 'static',
        headers: { 'content-type': 'text/html' },
        body: '<html><body><div id="story-body"><p>Only this part.</p></div><article><p>Readability would pick this longer article text instead, it has many more words in it than the other.</p></article></body></html>',
      });
      serveFeed(
        '/picked.xml',
        items(1, teaser, () => server.url('/picked/0')),
      );
      const added = await packed.store.addFeed({
        url: server.url('/picked.xml'),
        now: packed.now(),
        settings: { fullText: 'always' },
      });
      if (added.kind !== 'added') throw new Error(added.kind);
      await refreshFeed(packed, added.feed);
      const [summary] = (await packed.store.listArticles({ feedId: added.feed.id, limit: 1 })).articles;
      const stored = await packed.store.getArticle(summary.id);
      expect(stored?.revisions[0].cleanedBody).toBe('<p>Only this part.</p>');
    } finally {
      await packed.close();
      await removeFolder(packed.dir);
    }
  });

  it('finishes a round of full-text feeds with a single fetch slot (no feed holds a slot while its pages wait)', async () => {
    const narrow = await createTestContext({ settings: { concurrency: 1, perHostConcurrency: 1 } });
    try {
      for (const name of ['a', 'b', 'c']) {
        for (const n of [0, 1])
          server.setRoute(`/round-${name}/${n}`, {
            kind: 'static',
            headers: { 'content-type': 'text/html' },
            body: page(n),
          });
        serveFeed(
          `/round-${name}.xml`,
          items(2, teaser, (n) => server.url(`/round-${name}/${n}`)),
        );
        await narrow.store.addFeed({
          url: server.url(`/round-${name}.xml`),
          now: narrow.now(),
          settings: { fullText: 'always' },
        });
      }
      const summary = await refreshRound(narrow);
      expect(summary).toMatchObject({ feeds: 3, ok: 3, newArticles: 6 });
      expect(summary.results.map((r) => r.fullTextPages)).toEqual([2, 2, 2]);
    } finally {
      await narrow.close();
      await removeFolder(narrow.dir);
    }
  }, 10_000);
});
