/**
 * The one local HTTP server every end-to-end test shares (node:http on 127.0.0.1, port 0).
 * Routes are a table of declarative specs that tests can add to or replace with `setRoute`;
 * every request is logged with its headers so tests can assert what a client sent.
 * The built-in routes are listed in DEFAULT_ROUTES below.
 */

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { buildAlternatePage } from './feed-builders.ts';
import { createFixtureFeed, type FixtureFeed } from './fixture-feed.ts';
import { buildGzipBomb, dripSlowly, streamHuge } from './hostile-bodies.ts';

/** What a route answers. */
export type RouteSpec =
  | { kind: 'feed'; feed: FixtureFeed; contentEncoding?: 'gzip' | 'br' | 'deflate' }
  | { kind: 'static'; status?: number; headers?: Record<string, string>; body?: string | Uint8Array }
  | { kind: 'redirect'; status: 301 | 302 | 303 | 307 | 308; location: string }
  | { kind: 'slow-drip'; intervalMs?: number }
  | { kind: 'huge'; bytes: number; declareLength?: boolean }
  | { kind: 'gzip-bomb'; inflatedBytes?: number }
  | { kind: 'truncated'; body: string; declaredLength: number }
  | { kind: 'custom'; handle: (req: IncomingMessage, res: ServerResponse) => void };

/** One request as the server saw it. */
export interface LoggedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  at: Date;
}

/** A running fixture server. */
export interface FixtureServer {
  /** Returns the absolute URL of `path` on this server. */
  url(path: string): string;
  /** Adds or replaces the route for `path` (query strings are ignored when matching). */
  setRoute(path: string, spec: RouteSpec): void;
  /** The feed behind /feed.xml and its encoded variants; change it to change what they serve. */
  feed: FixtureFeed;
  /** Every request received, oldest first. */
  requests: LoggedRequest[];
  close(): Promise<void>;
}

const GIB = 1024 ** 3;
const BROKEN_FEED = '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Broken</title><item><title>Cut off mid';

/** Returns the built-in routes; /feed.xml and its variants serve `feed`. */
export function buildDefaultRoutes(feed: FixtureFeed, chineseFeed: FixtureFeed): Map<string, RouteSpec> {
  const routes = new Map<string, RouteSpec>([
    ['/feed.xml', { kind: 'feed', feed }],
    ['/feed.gz.xml', { kind: 'feed', feed, contentEncoding: 'gzip' }],
    ['/feed.br.xml', { kind: 'feed', feed, contentEncoding: 'br' }],
    ['/feed.deflate.xml', { kind: 'feed', feed, contentEncoding: 'deflate' }],
    ['/zh/feed.xml', { kind: 'feed', feed: chineseFeed }],
    [
      '/page.html',
      {
        kind: 'static',
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: buildAlternatePage('/feed.xml'),
      },
    ],
    ['/broken.xml', { kind: 'static', headers: { 'content-type': 'application/rss+xml' }, body: BROKEN_FEED }],
    ['/truncated-transfer', { kind: 'truncated', body: BROKEN_FEED, declaredLength: 10_000 }],
    ['/429', { kind: 'static', status: 429, headers: { 'retry-after': '120' }, body: 'slow down' }],
    ['/503', { kind: 'static', status: 503, headers: { 'retry-after': 'Wed, 21 Oct 2037 07:28:00 GMT' } }],
    ['/500', { kind: 'static', status: 500, body: 'boom' }],
    ['/404', { kind: 'static', status: 404, body: 'not here' }],
    ['/redirect/permanent-chain', { kind: 'redirect', status: 301, location: '/redirect/308' }],
    ['/redirect/mixed-chain', { kind: 'redirect', status: 301, location: '/redirect/307' }],
    ['/redirect/loop-a', { kind: 'redirect', status: 302, location: '/redirect/loop-b' }],
    ['/redirect/loop-b', { kind: 'redirect', status: 302, location: '/redirect/loop-a' }],
    ['/redirect/private', { kind: 'redirect', status: 302, location: 'http://10.0.0.1/feed.xml' }],
    ['/slow', { kind: 'slow-drip', intervalMs: 1000 }],
    ['/huge', { kind: 'huge', bytes: GIB }],
    ['/huge-declared', { kind: 'huge', bytes: GIB, declareLength: true }],
    ['/gzip-bomb', { kind: 'gzip-bomb', inflatedBytes: 200 * 1024 * 1024 }],
  ]);
  for (const status of [301, 302, 303, 307, 308] as const) {
    routes.set(`/redirect/${status}`, { kind: 'redirect', status, location: '/feed.xml' });
  }
  // /redirect/chain/N takes N redirects to reach /feed.xml
  for (let n = 1; n <= 10; n++) {
    const location = n === 1 ? '/feed.xml' : `/redirect/chain/${n - 1}`;
    routes.set(`/redirect/chain/${n}`, { kind: 'redirect', status: 302, location });
  }
  return routes;
}

/** Starts the fixture server on 127.0.0.1 with an ephemeral port. */
export async function startFixtureServer(): Promise<FixtureServer> {
  const feed = createFixtureFeed();
  const routes = buildDefaultRoutes(feed, createFixtureFeed({ chinese: true }));
  const requests: LoggedRequest[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push({ method: req.method ?? 'GET', path, headers: flatten(req.headers), at: new Date() });
    const spec = routes.get(path);
    if (spec === undefined) return void res.writeHead(404).end('no such fixture route');
    answer(spec, req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    setRoute: (path, spec) => void routes.set(path, spec),
    feed,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function answer(spec: RouteSpec, req: IncomingMessage, res: ServerResponse): Promise<void> {
  switch (spec.kind) {
    case 'feed':
      return answerFeed(spec.feed, spec.contentEncoding, req, res);
    case 'static':
      return void res.writeHead(spec.status ?? 200, spec.headers).end(spec.body ?? '');
    case 'redirect':
      return void res.writeHead(spec.status, { location: spec.location }).end();
    case 'slow-drip':
      return dripSlowly(res, spec.intervalMs ?? 1000);
    case 'huge':
      return streamHuge(res, spec.bytes, spec.declareLength ?? false);
    case 'gzip-bomb': {
      const bomb = await buildGzipBomb(spec.inflatedBytes ?? 200 * 1024 * 1024);
      return void res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(bomb);
    }
    case 'truncated':
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(spec.declaredLength) });
      return void res.write(spec.body, () => res.destroy());
    case 'custom':
      return spec.handle(req, res);
  }
}

function answerFeed(
  feed: FixtureFeed,
  encoding: 'gzip' | 'br' | 'deflate' | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const validators = { etag: feed.etag, 'last-modified': feed.lastModified, 'cache-control': 'max-age=300' };
  if (isNotModified(feed, req)) return void res.writeHead(304, validators).end();
  const xml = Buffer.from(feed.body());
  const body =
    encoding === 'gzip'
      ? gzipSync(xml)
      : encoding === 'br'
        ? brotliCompressSync(xml)
        : encoding === 'deflate'
          ? deflateSync(xml)
          : xml;
  const headers: Record<string, string> = { ...validators, 'content-type': 'application/rss+xml; charset=utf-8' };
  if (encoding !== undefined) headers['content-encoding'] = encoding;
  res.writeHead(200, headers).end(body);
}

function isNotModified(feed: FixtureFeed, req: IncomingMessage): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  // RFC 9110 §13.2.2: If-None-Match, when present, decides; If-Modified-Since is then ignored
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch.split(',').some((tag) => tag.trim() === feed.etag || tag.trim() === '*');
  }
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && since >= Date.parse(feed.lastModified);
}

function flatten(headers: IncomingMessage['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
