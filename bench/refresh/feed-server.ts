/**
 * The refresh benchmark's HTTP server: serves a FeedSet at /feeds/NNNN.xml with a strong ETag
 * and a Last-Modified, answers conditional requests with 304 (RFC 9110 §13.1.2: If-None-Match,
 * compared weakly, wins over If-Modified-Since), and has control endpoints: POST
 * /control/churn switches the churning feeds to their newer version (new ETag, Last-Modified
 * now), POST /control/reset switches every feed back, GET /control/stats returns the request
 * counters. Bodies are pre-rendered and sent uncompressed (no Content-Encoding, whatever the
 * client accepts), so both tools receive the same bytes and no request costs the server CPU
 * beyond a write. node:http rather than Hono: this is a test fixture, not the app.
 */
import http from 'node:http';
import type { FeedSet, FeedVersion } from './feed-set.ts';

/** Request counters since the server started; the harness subtracts two readings. */
export interface ServerStats {
  requests: number;
  ok: number;
  notModified: number;
  other: number;
  bytesSent: number;
  /** How many requests carried If-None-Match, and how many If-Modified-Since. */
  withEtag: number;
  withDate: number;
}

/** What the churn endpoint reports. */
export interface ChurnResult {
  feeds: number;
  newItems: number;
}

/** Returns true when an If-None-Match value matches `etag` (weak comparison, `*` matches all). */
export function matchesEtag(ifNoneMatch: string, etag: string): boolean {
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}

/** Returns `ms` floored to whole seconds, as HTTP dates carry no fraction. */
function floorToSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** Returns a server for `set` (not yet listening); `startedAt` dates the unchurned versions. */
export function createFeedServer(set: FeedSet, startedAt = Date.now()): http.Server {
  const byName = new Map(set.feeds.map((feed) => [feed.name, feed]));
  const beforeModified = floorToSecond(startedAt) - 86_400_000;
  let churnedAt: number | undefined;
  const stats: ServerStats = { requests: 0, ok: 0, notModified: 0, other: 0, bytesSent: 0, withEtag: 0, withDate: 0 };

  const sendJson = (res: http.ServerResponse, status: number, value: unknown): void => {
    stats.other++;
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  };

  const serveFeed = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    version: FeedVersion,
    modified: number,
    contentType: string,
  ): void => {
    const headers = { etag: version.etag, 'last-modified': new Date(modified).toUTCString() };
    const ifNoneMatch = req.headers['if-none-match'];
    const ifModifiedSince = req.headers['if-modified-since'];
    if (ifNoneMatch !== undefined) stats.withEtag++;
    if (ifModifiedSince !== undefined) stats.withDate++;
    const since = ifModifiedSince === undefined ? NaN : Date.parse(ifModifiedSince);
    const fresh =
      ifNoneMatch !== undefined ? matchesEtag(ifNoneMatch, version.etag) : Number.isFinite(since) && modified <= since;
    if (fresh) {
      stats.notModified++;
      res.writeHead(304, headers).end();
      return;
    }
    stats.ok++;
    stats.bytesSent += version.bytes.length;
    res
      .writeHead(200, { ...headers, 'content-type': contentType, 'content-length': version.bytes.length })
      .end(version.bytes);
  };

  return http.createServer((req, res) => {
    stats.requests++;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const feed = url.pathname.startsWith('/feeds/') ? byName.get(url.pathname.slice('/feeds/'.length)) : undefined;
    if (feed && req.method === 'GET') {
      const churned = churnedAt !== undefined && feed.after !== undefined;
      serveFeed(
        req,
        res,
        churned && feed.after ? feed.after : feed.before,
        churned && churnedAt ? churnedAt : beforeModified,
        feed.contentType,
      );
      return;
    }
    if (url.pathname === '/control/stats' && req.method === 'GET') return sendJson(res, 200, stats);
    if (url.pathname === '/control/churn' && req.method === 'POST') {
      churnedAt = Math.max(floorToSecond(Date.now()), beforeModified + 1000);
      const result: ChurnResult = { feeds: set.churnFeeds, newItems: set.churnFeeds * set.churnItems };
      return sendJson(res, 200, result);
    }
    if (url.pathname === '/control/reset' && req.method === 'POST') {
      churnedAt = undefined;
      return sendJson(res, 200, { ok: true });
    }
    sendJson(res, 404, { error: 'not found' });
  });
}
