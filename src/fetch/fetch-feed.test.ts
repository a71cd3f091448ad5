import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../test/fixture-server/index.ts';
import { createFetchDispatcher, type FetchDispatcher } from './fetch-dispatcher.ts';
import { fetchFeed } from './fetch-feed.ts';
import { DEFAULT_USER_AGENT, FEED_ACCEPT, type FetchOptions, type FetchResult } from './fetch-types.ts';

let server: FixtureServer;
let dispatcher: FetchDispatcher;

beforeAll(async () => {
  server = await startFixtureServer();
  dispatcher = createFetchDispatcher();
});

afterAll(async () => {
  await dispatcher.close();
  await server.close();
});

function fetchLocal(path: string, options: Partial<FetchOptions> = {}): Promise<FetchResult> {
  return fetchFeed(server.url(path), { dispatcher, allowPrivateNetworks: true, ...options });
}

function expectOk(result: FetchResult): Extract<FetchResult, { kind: 'ok' }> {
  if (result.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result;
}

const text = (body: Uint8Array): string => new TextDecoder().decode(body);

describe('fetchFeed: a plain feed', () => {
  it('returns the body, validators and caching hints, and sends an honest User-Agent', async () => {
    const result = expectOk(await fetchLocal('/feed.xml'));
    expect(text(result.body)).toBe(server.feed.body());
    expect(result).toMatchObject({
      url: server.url('/feed.xml'),
      status: 200,
      etag: server.feed.etag,
      lastModified: server.feed.lastModified,
      contentType: 'application/rss+xml',
      charset: 'utf-8',
      cacheControlMaxAge: 300,
      bytes: result.body.length,
    });
    expect(result.permanentRedirect).toBeUndefined();
    expect(result.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const sent = server.requests.at(-1)?.headers;
    expect(sent?.['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(DEFAULT_USER_AGENT).toMatch(/^Tidings\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/tidings; feed archiver\)$/);
    expect(sent?.accept).toBe(FEED_ACCEPT);
    expect(sent?.['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('sends a custom User-Agent when given one', async () => {
    await fetchLocal('/feed.xml', { userAgent: 'TestAgent/1' });
    expect(server.requests.at(-1)?.headers['user-agent']).toBe('TestAgent/1');
  });

  it.each(['/feed.gz.xml', '/feed.br.xml', '/feed.deflate.xml'])('decodes %s', async (path) => {
    const result = expectOk(await fetchLocal(path));
    expect(text(result.body)).toBe(server.feed.body());
    expect(result.bytes).toBeLessThan(result.body.length);
  });
});

describe('fetchFeed: conditional requests', () => {
  it('gets not-modified for a matching ETag or Last-Modified, and the new content after a change', async () => {
    const first = expectOk(await fetchLocal('/feed.xml'));
    const byEtag = await fetchLocal('/feed.xml', { etag: first.etag });
    expect(byEtag).toMatchObject({ kind: 'not-modified', url: server.url('/feed.xml'), etag: first.etag });
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe(first.etag);
    const byDate = await fetchLocal('/feed.xml', { lastModified: first.lastModified });
    expect(byDate.kind).toBe('not-modified');
    expect(server.requests.at(-1)?.headers['if-modified-since']).toBe(first.lastModified);

    server.feed.addItems(1);
    const added = expectOk(await fetchLocal('/feed.xml', { etag: first.etag, lastModified: first.lastModified }));
    expect(text(added.body)).toContain('Sample item 4');
    expect(added.etag).not.toBe(first.etag);

    server.feed.editItem(0, { title: 'Sample item 4 (corrected)' });
    const edited = expectOk(await fetchLocal('/feed.xml', { lastModified: added.lastModified }));
    expect(text(edited.body)).toContain('Sample item 4 (corrected)');
  });
});

describe('fetchFeed: redirects', () => {
  it.each([301, 308])('reports a %i as a permanent redirect to the final URL', async (status) => {
    const result = expectOk(await fetchLocal(`/redirect/${status}`));
    expect(result.url).toBe(server.url('/feed.xml'));
    expect(result.permanentRedirect).toBe(server.url('/feed.xml'));
  });

  it.each([302, 303, 307])('follows a %i without calling it permanent', async (status) => {
    const result = expectOk(await fetchLocal(`/redirect/${status}`));
    expect(result.url).toBe(server.url('/feed.xml'));
    expect(result.permanentRedirect).toBeUndefined();
  });

  it('calls a chain permanent only when every hop is 301/308', async () => {
    expect(expectOk(await fetchLocal('/redirect/permanent-chain')).permanentRedirect).toBe(server.url('/feed.xml'));
    expect(expectOk(await fetchLocal('/redirect/mixed-chain')).permanentRedirect).toBeUndefined();
  });

  it('reports the permanent redirect on a not-modified answer too', async () => {
    const result = await fetchLocal('/redirect/301', { etag: server.feed.etag });
    expect(result).toMatchObject({ kind: 'not-modified', permanentRedirect: server.url('/feed.xml') });
  });

  it('follows five redirects but not six, and stops a loop', async () => {
    expect((await fetchLocal('/redirect/chain/5')).kind).toBe('ok');
    const six = await fetchLocal('/redirect/chain/6');
    expect(six.kind === 'failed' && six.error.code).toBe('fetch.too-many-redirects');
    const loop = await fetchLocal('/redirect/loop-a');
    expect(loop.kind === 'failed' && loop.error.code).toBe('fetch.too-many-redirects');
  });
});

describe('fetchFeed: HTTP errors and rate limits', () => {
  it('turns 429 into rate-limited with Retry-After seconds as a Date', async () => {
    const before = Date.now();
    const result = await fetchLocal('/429');
    if (result.kind !== 'rate-limited') throw new Error(result.kind);
    expect(result.status).toBe(429);
    expect(result.retryAfter!.getTime()).toBeGreaterThanOrEqual(before + 120_000);
    expect(result.retryAfter!.getTime()).toBeLessThan(Date.now() + 121_000);
  });

  it('turns 503 with an HTTP-date Retry-After into rate-limited', async () => {
    const result = await fetchLocal('/503');
    expect(result).toMatchObject({ kind: 'rate-limited', status: 503, retryAfter: new Date('2037-10-21T07:28:00Z') });
  });

  it.each([[500], [404]])('turns %i into fetch.http-status with the status', async (status) => {
    const result = await fetchLocal(`/${status}`);
    if (result.kind !== 'failed') throw new Error(result.kind);
    expect(result.status).toBe(status);
    expect(result.error.code).toBe('fetch.http-status');
    expect(result.error.message).toContain(String(status));
  });

  it('returns a truncated feed as fetched (parsing is not its job) but fails a cut-off transfer', async () => {
    expect(text(expectOk(await fetchLocal('/broken.xml')).body)).toContain('Cut off mid');
    const cut = await fetchLocal('/truncated-transfer');
    expect(cut.kind === 'failed' && cut.error.code).toBe('fetch.network');
  });

  it('fails a corrupt or unknown content coding with fetch.bad-encoding', async () => {
    server.setRoute('/corrupt.gz', {
      kind: 'static',
      headers: { 'content-encoding': 'gzip' },
      body: 'not gzip at all',
    });
    server.setRoute('/compress', { kind: 'static', headers: { 'content-encoding': 'compress' }, body: 'x' });
    for (const path of ['/corrupt.gz', '/compress']) {
      const result = await fetchLocal(path);
      expect(result.kind === 'failed' && result.error.code).toBe('fetch.bad-encoding');
    }
  });

  it('refuses URLs that are not http(s) without sending anything', async () => {
    for (const url of ['ftp://127.0.0.1/feed.xml', 'file:///etc/passwd', 'not a url']) {
      const result = await fetchFeed(url, { dispatcher, allowPrivateNetworks: true });
      expect(result.kind === 'failed' && result.error.code).toBe('fetch.invalid-url');
    }
  });
});
