import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGzipBomb, startFixtureServer, type FixtureServer } from '../../test/fixture-server/index.ts';
import { createFetchDispatcher, type FetchDispatcher, type ResolveHost } from './fetch-dispatcher.ts';
import { fetchFeed } from './fetch-feed.ts';
import type { FetchResult } from './fetch-types.ts';

const MIB = 1024 * 1024;
let server: FixtureServer;
let dispatcher: FetchDispatcher;

beforeAll(async () => {
  server = await startFixtureServer();
  dispatcher = createFetchDispatcher();
  await buildGzipBomb(200 * MIB); // built once and cached, so the bomb test times only the client
});

afterAll(async () => {
  await dispatcher.close();
  await server.close();
});

function errorCode(result: FetchResult): string {
  return result.kind === 'failed' ? result.error.code : `not failed: ${result.kind}`;
}

describe('fetchFeed: private addresses', () => {
  it('refuses a loopback URL by default, before sending anything', async () => {
    const before = server.requests.length;
    const result = await fetchFeed(server.url('/feed.xml'), { dispatcher });
    expect(errorCode(result)).toBe('fetch.private-address');
    expect(server.requests.length).toBe(before);
  });

  it('refuses loopback in its other spellings', async () => {
    const port = new URL(server.url('/')).port;
    const spellings = [
      '[::1]',
      '[::ffff:127.0.0.1]',
      '[::ffff:7f00:1]',
      '[64:ff9b::7f00:1]',
      '[64:ff9b::a9fe:a9fe]',
      '[2002:7f00:1::]',
      '[2001:0:4136:e378:8000:63bf:80ff:fffe]',
      '0.0.0.0',
      '2130706433',
      '0x7f.1',
      'localhost',
    ];
    for (const host of spellings) {
      const result = await fetchFeed(`http://${host}:${port}/feed.xml`, { dispatcher });
      expect(errorCode(result), host).toBe('fetch.private-address');
    }
  });

  it('refuses a redirect to 10.0.0.1 even when the first hop is allowed', async () => {
    const result = await fetchFeed(server.url('/redirect/private'), {
      dispatcher,
      allowPrivateNetworks: ['127.0.0.1'],
    });
    expect(errorCode(result)).toBe('fetch.private-address');
    if (result.kind === 'failed') expect(result.error.message).toContain('10.0.0.1');
    expect(server.requests.at(-1)?.path).toBe('/redirect/private');
  });

  it('refuses a host name when any of its addresses is private, and connects to the checked one', async () => {
    const port = new URL(server.url('/')).port;
    const names: Record<string, string[]> = {
      'feeds.example': ['127.0.0.1'],
      'mixed.example': ['127.0.0.1', '127.0.0.2'],
    };
    const resolveHost: ResolveHost = async (name) => names[name] ?? [];
    const named = createFetchDispatcher({ resolveHost });
    try {
      const strict = await fetchFeed(`http://feeds.example:${port}/feed.xml`, { dispatcher: named });
      expect(errorCode(strict)).toBe('fetch.private-address');
      const mixed = await fetchFeed(`http://mixed.example:${port}/feed.xml`, {
        dispatcher: named,
        allowPrivateNetworks: ['127.0.0.1'],
      });
      expect(errorCode(mixed)).toBe('fetch.private-address');
      const allowed = await fetchFeed(`http://feeds.example:${port}/feed.xml`, {
        dispatcher: named,
        allowPrivateNetworks: ['127.0.0.0/8'],
      });
      expect(allowed.kind).toBe('ok');
      expect(server.requests.at(-1)?.headers.host).toBe(`feeds.example:${port}`);
    } finally {
      await named.close();
    }
  });

  it('reports an unresolvable host as fetch.network and a hung resolver as fetch.timeout', async () => {
    const hang: ResolveHost = (name) => (name === 'hang.example' ? new Promise(() => undefined) : Promise.resolve([]));
    const slowDns = createFetchDispatcher({ resolveHost: hang, connectTimeoutMs: 200 });
    try {
      expect(errorCode(await fetchFeed('http://none.example/', { dispatcher: slowDns }))).toBe('fetch.network');
      expect(errorCode(await fetchFeed('http://hang.example/', { dispatcher: slowDns }))).toBe('fetch.timeout');
    } finally {
      await slowDns.close();
    }
  });
});

describe('fetchFeed: hostile servers end within their limits', () => {
  const local = { allowPrivateNetworks: true, maxBodyBytes: MIB } as const;

  it('ends a 1-byte-per-second drip in fetch.timeout at the total timeout', async () => {
    const result = await fetchFeed(server.url('/slow'), { dispatcher, ...local, timeouts: { totalMs: 1500 } });
    expect(errorCode(result)).toBe('fetch.timeout');
    expect(result.durationMs).toBeGreaterThanOrEqual(1400);
    expect(result.durationMs).toBeLessThan(4000);
  });

  it('stops a 1 GB body at the byte limit', async () => {
    const result = await fetchFeed(server.url('/huge'), { dispatcher, ...local });
    expect(errorCode(result)).toBe('fetch.too-large');
    expect(result.durationMs).toBeLessThan(5000);
  });

  it('refuses a declared 1 GB body without reading it', async () => {
    const result = await fetchFeed(server.url('/huge-declared'), { dispatcher, ...local });
    expect(errorCode(result)).toBe('fetch.too-large');
    if (result.kind === 'failed') expect(result.error.message).toContain('declared');
  });

  it('stops a gzip bomb at the decoded-size limit with bounded memory', async () => {
    const before = process.memoryUsage().arrayBuffers;
    const result = await fetchFeed(server.url('/gzip-bomb'), { dispatcher, ...local });
    expect(errorCode(result)).toBe('fetch.too-large');
    if (result.kind === 'failed') expect(result.error.message).toContain('decoded');
    expect(result.durationMs).toBeLessThan(5000);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * MIB);
  });

  it('ends as fetch.aborted when the caller aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const result = await fetchFeed(server.url('/slow'), { dispatcher, ...local, signal: controller.signal });
    expect(errorCode(result)).toBe('fetch.aborted');
  });
});
