/**
 * Security headers on every response, pages and API alike. The Content-Security-Policy
 * allows only this server's own scripts and styles (no inline script or style, no eval),
 * images from anywhere over http(s) or data: (article images are remote), media over
 * http(s), no plugins, no framing, no <base>, forms only to this server. Article HTML is
 * sanitized besides; the CSP is the second wall if a sanitizer bug ever let markup through.
 * Referrer-Policy no-referrer: opening an article's link must not tell the publisher what
 * the reader was reading in Tidings (nor leak a URL with a search query).
 */
import type { MiddlewareHandler } from 'hono';

/** The policy every response carries. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: http: data:",
  'media-src https: http:',
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Frame-Options', 'DENY'],
];

/** Middleware: sets CSP, X-Content-Type-Options, Referrer-Policy and X-Frame-Options after the handler ran (error responses included). */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  // Straight onto the response's headers: Hono's c.header() on a finished response rebuilds it, and under
  // @hono/node-server that turns its light response into a full one (bench/README.md, "Reader pages: where a
  // timeline page's CPU went"). Headers that are immutable (a fetched or Response.redirect() response) go through
  // c.header(), which copies the response.
  try {
    const headers = c.res.headers;
    for (const [name, value] of HEADERS) headers.set(name, value);
  } catch {
    for (const [name, value] of HEADERS) c.header(name, value);
  }
};
