import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
});

afterAll(async () => {
  await server.close();
});

describe('startFixtureServer', () => {
  it('serves an HTML page that advertises the feed, and a Chinese feed', async () => {
    const page = await (await fetch(server.url('/page.html'))).text();
    expect(page).toContain('<link rel="alternate" type="application/rss+xml" title="Fixture feed" href="/feed.xml">');
    const zh = await fetch(server.url('/zh/feed.xml'));
    expect(await zh.text()).toContain('上海地铁新线路今日开通');
  });

  it('moves its validators forward on every change, so a conditional request after a change gets 200', async () => {
    const { etag, lastModified } = server.feed;
    server.feed.editItem(0, { title: 'edited' });
    expect(server.feed.etag).not.toBe(etag);
    expect(Date.parse(server.feed.lastModified)).toBeGreaterThan(Date.parse(lastModified));
    const response = await fetch(server.url('/feed.xml'), { headers: { 'if-modified-since': lastModified } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>edited</title>');
  });

  it('logs requests with their headers, and serves routes set by tests', async () => {
    server.setRoute('/custom', { kind: 'custom', handle: (_req, res) => res.writeHead(418).end('teapot') });
    const response = await fetch(server.url('/custom?x=1'), { headers: { 'x-probe': 'yes' } });
    expect(response.status).toBe(418);
    expect(server.requests.at(-1)).toMatchObject({ method: 'GET', path: '/custom', headers: { 'x-probe': 'yes' } });
  });
});
