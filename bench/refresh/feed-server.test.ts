import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedServer, matchesEtag, type ServerStats } from './feed-server.ts';
import { generateFeedSet } from './feed-set.ts';

const set = generateFeedSet({ feeds: 20, items: 10, seed: 5 });
const server = createFeedServer(set);
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** Returns the status and validators of a GET of `path` with `headers`. */
async function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; etag: string; lastModified: string; bytes: number }> {
  const res = await fetch(base + path, { headers });
  const bytes = (await res.arrayBuffer()).byteLength;
  return {
    status: res.status,
    etag: res.headers.get('etag') ?? '',
    lastModified: res.headers.get('last-modified') ?? '',
    bytes,
  };
}

const churnedIndex = set.feeds.findIndex((feed) => feed.after);
const churnedPath = `/feeds/${set.feeds[churnedIndex].name}`;
const steadyPath = `/feeds/${set.feeds.find((feed) => !feed.after)?.name}`;

describe('matchesEtag', () => {
  it('compares weakly, accepts lists and *, and rejects other tags', () => {
    expect(matchesEtag('"a", W/"b"', '"b"')).toBe(true);
    expect(matchesEtag('*', '"x"')).toBe(true);
    expect(matchesEtag('"a"', '"b"')).toBe(false);
  });
});

describe('createFeedServer', () => {
  it('serves a feed with a strong ETag and Last-Modified, and 304 to either validator', async () => {
    const first = await get(steadyPath);
    expect(first.status).toBe(200);
    expect(first.etag).toMatch(/^"[^"]+"$/);
    expect(first.bytes).toBe(set.feeds.find((feed) => `/feeds/${feed.name}` === steadyPath)?.before.bytes.length);
    expect((await get(steadyPath, { 'if-none-match': first.etag })).status).toBe(304);
    expect((await get(steadyPath, { 'if-modified-since': first.lastModified })).status).toBe(304);
    expect(
      (await get(steadyPath, { 'if-none-match': '"other"', 'if-modified-since': first.lastModified })).status,
    ).toBe(200);
  });

  it('on churn, answers old validators of a churned feed with the new version, and reset undoes it', async () => {
    const before = await get(churnedPath);
    const churn = await fetch(`${base}/control/churn`, { method: 'POST' });
    expect(await churn.json()).toEqual({ feeds: set.churnFeeds, newItems: set.churnFeeds * set.churnItems });
    const after = await get(churnedPath, { 'if-none-match': before.etag });
    expect(after.status).toBe(200);
    expect(after.etag).toBe(set.feeds[churnedIndex].after?.etag);
    expect(Date.parse(after.lastModified)).toBeGreaterThan(Date.parse(before.lastModified));
    expect((await get(churnedPath, { 'if-modified-since': before.lastModified })).status).toBe(200);
    expect((await get(steadyPath, { 'if-modified-since': before.lastModified })).status).toBe(304);
    await fetch(`${base}/control/reset`, { method: 'POST' });
    expect((await get(churnedPath, { 'if-none-match': before.etag })).status).toBe(304);
  });

  it('counts 200s, 304s and validators sent', async () => {
    const read = async (): Promise<ServerStats> =>
      (await fetch(`${base}/control/stats`)).json() as Promise<ServerStats>;
    const start = await read();
    const { etag } = await get(steadyPath);
    await get(steadyPath, { 'if-none-match': etag });
    const end = await read();
    expect(end.ok - start.ok).toBe(1);
    expect(end.notModified - start.notModified).toBe(1);
    expect(end.withEtag - start.withEtag).toBe(1);
    expect((await get('/feeds/9999.xml')).status).toBe(404);
  });
});
