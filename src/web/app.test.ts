import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../config/index.ts';
import { closeContext, createContext, type Context } from '../context.ts';
import { buildEntries } from '../ingest/index.ts';
import { createApp } from './app.ts';

let dir: string;
let ctx: Context;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tidings-web-'));
  ctx = await createContext({ ...DEFAULT_SETTINGS, dataDir: dir });
  const added = await ctx.store.addFeed({ url: 'https://example.com/feed.xml', title: 'Example News' });
  if (added.kind !== 'added') throw new Error(added.kind);
  await ctx.store.recordEntries(
    added.feed.id,
    buildEntries([
      {
        id: '1',
        title: 'Archived story',
        link: 'https://example.com/1',
        links: [],
        authors: [],
        contributors: [],
        categories: [],
        enclosures: [],
        content: '<p>x</p>',
      },
    ]),
    Date.now(),
  );
});

afterAll(async () => {
  await closeContext(ctx);
  await rm(dir, { recursive: true, force: true });
});

describe('the web app', () => {
  it('answers /healthz with ok, counts and version', async () => {
    const response = await createApp(ctx).request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      version: ctx.version,
      counts: { feeds: 1, articles: 1, revisions: 1, pendingArchive: 1 },
    });
  });

  it('sends a logged-out browser from a page to the login form and back, and shows it nothing of the archive', async () => {
    for (const [path, next] of [
      ['/', '%2F'],
      ['/search?q=story', '%2Fsearch%3Fq%3Dstory'],
    ]) {
      const response = await createApp(ctx).request(path);
      expect(response.status, path).toBe(303);
      expect(response.headers.get('location')).toBe(`/login?next=${next}`);
      expect(await response.text()).not.toContain('Archived story');
    }
  });

  it('answers the API without credentials with a JSON 401, not a redirect', async () => {
    const response = await createApp(ctx).request('/api/v1/feeds');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="tidings"');
    expect(await response.json()).toMatchObject({ error: { code: 'auth.unauthenticated' } });
  });

  it('answers unknown paths with a JSON 404', async () => {
    const response = await createApp(ctx).request('/nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not-found' } });
  });
});
