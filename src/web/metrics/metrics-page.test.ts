import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshFeed } from '../../ingest/index.ts';
import { createApiFixture, type ApiFixture } from '../api/testdata/api-fixture.ts';

let f: ApiFixture;

beforeAll(async () => {
  f = await createApiFixture();
});

afterAll(async () => {
  await f.close();
});

async function scrape(): Promise<string> {
  const response = await f.call('GET', '/metrics', { from: '127.0.0.1' });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  return response.text();
}

describe('GET /metrics', () => {
  it('is open to this machine and to admins, and refuses others', async () => {
    expect((await f.call('GET', '/metrics', { from: '::1' })).status).toBe(200);
    expect((await f.call('GET', '/metrics', { as: 'annRead' })).status).toBe(200);
    const anonymous = await f.call('GET', '/metrics');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'auth.unauthenticated' } });
    expect((await f.call('GET', '/metrics', { as: 'bobRead' })).status).toBe(403);
    // A forwarded request is not local unless the proxy is trusted.
    expect(
      (await f.call('GET', '/metrics', { from: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.5' } })).status,
    ).toBe(401);
  });

  it('reports articles, revisions and feeds by state from the store', async () => {
    const text = await scrape();
    expect(text).toContain('tidings_articles 4\n');
    expect(text).toContain('tidings_revisions 5\n');
    expect(text).toContain('tidings_feeds{state="new"} 2\n');
    expect(text).toContain('tidings_feeds{state="erroring"} 0\n');
  });

  it('counts fetches by outcome with their duration, told by ingest', async () => {
    const added = await f.ctx.store.addFeed({ url: 'http://127.0.0.1:1/feed.xml' });
    if (added.kind !== 'added') throw new Error(added.kind);
    const outcome = await refreshFeed(f.ctx, added.feed);
    expect(outcome.kind).toBe('failed');
    const text = await scrape();
    expect(text).toContain('tidings_fetches_total{outcome="failed"} 1\n');
    expect(text).toContain('tidings_fetch_duration_seconds_count{outcome="failed"} 1\n');
    expect(text).toContain('tidings_feeds{state="erroring"} 1\n');
  });

  it('records search latency and HTTP latency by route pattern, not by raw path', async () => {
    await f.call('GET', '/api/v1/articles/search?q=apples', { as: 'annRead' });
    await f.call('GET', `/api/v1/feeds/${f.feeds.world}`, { as: 'annRead' });
    await f.call('GET', `/api/v1/feeds/${f.feeds.tech}`, { as: 'annRead' });
    await f.call('GET', '/no/such/page');
    const text = await scrape();
    expect(text).toContain('tidings_search_duration_seconds_count 1\n');
    expect(text).toContain(
      'tidings_http_request_duration_seconds_count{method="GET",route="/api/v1/feeds/:id",status="200"} 2\n',
    );
    expect(text).toContain('route="(unmatched)",status="404"');
    expect(text).not.toContain(`route="/api/v1/feeds/${f.feeds.world}"`);
  });
});
