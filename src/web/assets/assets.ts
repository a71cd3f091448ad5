/**
 * The reader's static assets (one stylesheet, one script), served by the app itself (no CDN)
 * under URLs that carry a hash of their content: `/assets/reader.3f9c0a1b.css`. A changed
 * file gets a new URL, so responses can be cached for a year as `immutable`; an old or
 * unknown name is a 404.
 */
import { createHash } from 'node:crypto';
import type { Context as HonoContext } from 'hono';
import { READER_CSS } from './reader-css.ts';
import { READER_JS } from './reader-js.ts';

/** The logical assets a page can link to. */
export type AssetName = 'reader.css' | 'reader.js';

interface Asset { url: string; body: string; type: string }

function makeAsset(name: AssetName, body: string, type: string): Asset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const dot = name.lastIndexOf('.');
  return { url: `/assets/${name.slice(0, dot)}.${hash}${name.slice(dot)}`, body, type };
}

const ASSETS: Record<AssetName, Asset> = {
  'reader.css': makeAsset('reader.css', READER_CSS, 'text/css; charset=utf-8'),
  'reader.js': makeAsset('reader.js', READER_JS, 'text/javascript; charset=utf-8'),
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
    'ETag': `"${asset.url.split('.').at(-2)}"`,
  });
}
