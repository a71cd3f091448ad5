import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildRss,
  startFixtureServer,
  type FixtureServer,
  type SampleItem,
} from '../../../test/fixture-server/index.ts';
import { articleFileName, feedFolderName, readArchiveFolder } from '../../archive/index.ts';
import { loadShippedRulePacks, validateRulePack, type RulePack } from '../../clean/index.ts';
import type { Feed } from '../../store/index.ts';
import { cleanInputOf, recleanFeeds } from './reclean.ts';
import { refreshFeed } from '../refresh/refresh-feed.ts';
import { createTestContext, removeFolder, type TestContext } from '../testdata/test-context.ts';

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
  const list: SampleItem[] = [0, 1, 2].map((n) => ({
    guid: `urn:reclean:${n}`,
    title: `Story ${n}`,
    link: `https://fixture.test/r/${n}`,
    pubDate: new Date(Date.UTC(2024, 0, 1 + n)),
    description: `<p>Story ${n} text stays.</p><div class="promo">Subscribe to PROMO today</div>`,
  }));
  server.setRoute('/reclean.xml', {
    kind: 'static',
    headers: { 'content-type': 'application/rss+xml' },
    body: buildRss({ title: 'R', link: 'https://fixture.test/', description: 'd', items: list }),
  });
});

afterAll(async () => {
  await server.close();
});

function promoPack(): RulePack {
  const validated = validateRulePack(
    {
      name: 'promo',
      description: 'test',
      match: { feedHost: ['127.0.0.1'] },
      rules: [{ id: 'promo', action: 'remove', selector: '.promo' }],
      tests: [
        {
          name: 't',
          feedUrl: 'http://127.0.0.1/x',
          html: '<p>a</p><div class="promo">PROMO</div>',
          notContains: ['PROMO'],
        },
      ],
    },
    'promo.json',
  );
  if (validated.kind !== 'ok') throw new Error(validated.problems.join('; '));
  return validated.pack;
}

async function subscribeAndFetch(ctx: TestContext): Promise<Feed> {
  const added = await ctx.store.addFeed({ url: server.url('/reclean.xml'), now: ctx.now() });
  if (added.kind !== 'added') throw new Error(added.kind);
  await refreshFeed(ctx, added.feed);
  return added.feed;
}

describe('recleanFeeds', () => {
  it('applies a new pack to stored raw bodies, rewrites the archived files and appends superseding index lines', async () => {
    const ctx = await createTestContext();
    try {
      const feed = await subscribeAndFetch(ctx);
      const folder = join(ctx.archiveRoot, feedFolderName(feed.url));
      const file = join(folder, articleFileName('guid:urn:reclean:1', 0));
      expect(await readFile(file, 'utf8')).toContain('PROMO');

      Object.assign(ctx, { packs: [...loadShippedRulePacks(), promoPack()] });
      const result = await recleanFeeds(ctx);
      expect(result).toMatchObject({
        revisions: 3,
        changed: 3,
        unchanged: 0,
        filesRewritten: 3,
        problems: [],
        missing: [],
      });
      const text = await readFile(file, 'utf8');
      expect(text).toContain('<p>Story 1 text stays.</p>');
      expect(text).not.toContain('PROMO');
      const read = await readArchiveFolder(ctx.archiveRoot, feedFolderName(feed.url));
      const record = read?.kind === 'feed' ? read.records.find((r) => r.identity === 'guid:urn:reclean:1') : undefined;
      expect(record).toMatchObject({
        cleanedBody: '<p>Story 1 text stays.</p>',
        rawBody: expect.stringContaining('PROMO'),
      });

      const [summary] = (await ctx.store.listArticles({ feedId: feed.id, limit: 1 })).articles;
      expect((await ctx.store.getArticle(summary.id))?.revisions[0].cleanedBody).not.toContain('PROMO');

      expect(await recleanFeeds(ctx, { feedIds: [feed.id, 999] })).toMatchObject({
        revisions: 3,
        changed: 0,
        unchanged: 3,
        filesRewritten: 0,
        missing: [999],
      });
    } finally {
      await ctx.close();
      await removeFolder(ctx.dir);
    }
  });

  it('leaves archive files alone when they hold raw bodies', async () => {
    const ctx = await createTestContext({ settings: { archiveBody: 'raw' } });
    try {
      const feed = await subscribeAndFetch(ctx);
      const file = join(ctx.archiveRoot, feedFolderName(feed.url), articleFileName('guid:urn:reclean:0', 0));
      const before = await readFile(file, 'utf8');
      Object.assign(ctx, { packs: [promoPack()] });
      expect(await recleanFeeds(ctx)).toMatchObject({ changed: 3, filesRewritten: 0 });
      expect(await readFile(file, 'utf8')).toBe(before);
    } finally {
      await ctx.close();
      await removeFolder(ctx.dir);
    }
  });
});

describe('cleanInputOf', () => {
  it('cleans a markup-free body that was stored as text as paragraphs again, and HTML as HTML', () => {
    expect(
      cleanInputOf({ rawBody: 'First & one.\n\nSecond.', cleanedBody: '<p>First &amp; one.</p>\n<p>Second.</p>' }),
    ).toBe('<p>First &amp; one.</p>\n<p>Second.</p>');
    expect(cleanInputOf({ rawBody: 'AT&amp;T rocks', cleanedBody: 'AT&amp;T rocks' })).toBe('AT&amp;T rocks');
    expect(cleanInputOf({ rawBody: '<p>Hi</p>', cleanedBody: '<p>Hi</p>' })).toBe('<p>Hi</p>');
  });
});
