/**
 * The reader's static assets (one stylesheet, one script, the icon), served by the app itself (no CDN)
 * under URLs that carry a hash of their content: `/assets/reader.3f9c0a1b.css`. A changed
 * file gets a new URL, so responses can be cached for a year as `immutable`; an old or
 * unknown name is a 404. `/favicon.ico` answers with the icon too, so a browser's automatic
 * request for it (pages that do not name an icon) is not a 404 in its console.
 */
import { createHash } from 'node:crypto';
import type { Context as HonoContext } from 'hono';
import { READER_CSS } from './reader-css.ts';
import { READER_JS } from './reader-js.ts';

const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f5fbf"/>' +
  '<path d="M8 10h16M8 16h16M8 22h10" stroke="#fff" stroke-width="3" stroke-linecap="round"/></svg>';

/** The logical assets a page can link to. */
export type AssetName = 'reader.css' | 'reader.js' | 'icon.svg';

interface Asset {
  url: string;
  body: string;
  type: string;
}

function makeAsset(name: AssetName, body: string, type: string): Asset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const dot = name.lastIndexOf('.');
  return { url: `/assets/${name.slice(0, dot)}.${hash}${name.slice(dot)}`, body, type };
}

const ASSETS: Record<AssetName, Asset> = {
  'reader.css': makeAsset('reader.css', READER_CSS, 'text/css; charset=utf-8'),
  'reader.js': makeAsset('reader.js', READER_JS, 'text/javascript; charset=utf-8'),
  'icon.svg': makeAsset('icon.svg', ICON_SVG, 'image/svg+xml'),
};
const BY_URL = new Map(Object.values(ASSETS).map((asset) => [asset.url, asset]));

/** Returns the hashed URL of an asset, e.g. `/assets/reader.3f9c0a1b2c3d.css`. */
export function assetUrl(name: AssetName): string {
  return ASSETS[name].url;
}

/** GET /assets/:file: the asset with a year-long immutable cache, or a 404 for any other name. */
export function serveAsset(c: HonoContext): Response {
  const asset = BY_URL.get(c.req.path);
  if (asset === undefined) return c.text('no such asset', 404, { 'Cache-Control': 'no-store' });
  return c.body(asset.body, 200, {
    'Content-Type': asset.type,
    'Cache-Control': 'public, max-age=31536000, immutable',
    ETag: `"${asset.url.split('.').at(-2)}"`,
  });
}

/** GET /favicon.ico: the icon (SVG), cached for a day. */
export function serveFavicon(c: HonoContext): Response {
  const icon = ASSETS['icon.svg'];
  return c.body(icon.body, 200, { 'Content-Type': icon.type, 'Cache-Control': 'public, max-age=86400' });
}
