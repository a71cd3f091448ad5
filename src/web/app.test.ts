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
  const added = await ctx.store.addFeed({ url: 'https://example.com/feed.xml', title: '<script>alert("feed")</script>' });
  if (added.kind !== 'added') throw new Error(added.kind);
  await ctx.store.recordEntries(added.feed.id, buildEntries([{
    id: '1', title: 'Tom & <b>Jerry</b>', link: 'javascript:alert(1)', links: [], authors: [], contributors: [], categories: [], enclosures: [],
    content: '<p>x</p>',
  }]), Date.now());
});

afterAll(async () => {
  await closeContext(ctx);
  await rm(dir, { recursive: true, force: true });
});

describe('the web app', () => {
  it('answers /healthz with ok, counts and version', async () => {
    const response = await createApp(ctx).request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, version: ctx.version, counts: { feeds: 1, articles: 1, revisions: 1, pendingArchive: 1 } });
  });

  it('renders feeds and articles with every value escaped and no unsafe link', async () => {
    const response = await createApp(ctx).request('/');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await response.text();
    expect(page).toContain('&#60;script&#62;alert(&#34;feed&#34;)&#60;/script&#62;');
    expect(page).not.toContain('<script>');
    expect(page).toContain('Tom &#38; &#60;b&#62;Jerry&#60;/b&#62;');
    expect(page).not.toContain('javascript:');
  });

  it('answers unknown paths with a JSON 404', async () => {
    const response = await createApp(ctx).request('/nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not-found' } });
  });
});
