/**
 * Response bodies that attack the client: a slow drip, a huge body and a gzip bomb. None of
 * them allocates what it claims: the huge body rewrites one 64 KiB buffer under
 * backpressure, and the bomb is deflated once from a reused 1 MiB zero buffer and cached
 * (200 MB of zeros gzips to about 200 KB).
 */

import type { ServerResponse } from 'node:http';
import { createGzip } from 'node:zlib';

const CHUNK = Buffer.alloc(64 * 1024, 'x');
const ZEROS = Buffer.alloc(1024 * 1024);
const bombs = new Map<number, Promise<Buffer>>();

/** Sends headers at once, then one byte of a feed every `intervalMs` until the client goes away. */
export function dripSlowly(res: ServerResponse, intervalMs: number): void {
  const text = Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel><title>slow</title>');
  res.writeHead(200, { 'content-type': 'application/rss+xml' });
  res.flushHeaders();
  let sent = 0;
  const timer = setInterval(() => {
    res.write(text.subarray(sent % text.length, (sent % text.length) + 1));
    sent++;
  }, intervalMs);
  res.on('close', () => clearInterval(timer));
}

/** Streams `bytes` bytes of filler under backpressure, optionally declaring them in Content-Length. */
export function streamHuge(res: ServerResponse, bytes: number, declareLength: boolean): void {
  const headers: Record<string, string> = { 'content-type': 'application/rss+xml' };
  if (declareLength) headers['content-length'] = String(bytes);
  res.writeHead(200, headers);
  let remaining = bytes;
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  const pump = (): void => {
    while (!closed && remaining > 0) {
      const chunk = remaining >= CHUNK.length ? CHUNK : CHUNK.subarray(0, remaining);
      remaining -= chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!closed) res.end();
  };
  pump();
}

/** Returns (and caches) a gzip stream of `inflatedBytes` zero bytes. */
export function buildGzipBomb(inflatedBytes: number): Promise<Buffer> {
  let bomb = bombs.get(inflatedBytes);
  if (bomb === undefined) {
    bomb = deflateZeros(inflatedBytes);
    bombs.set(inflatedBytes, bomb);
  }
  return bomb;
}

function deflateZeros(inflatedBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const gzip = createGzip({ level: 9 });
    const out: Buffer[] = [];
    gzip.on('data', (chunk: Buffer) => out.push(chunk));
    gzip.on('end', () => resolve(Buffer.concat(out)));
    gzip.on('error', reject);
    let remaining = inflatedBytes;
    const write = (): void => {
      while (remaining > 0) {
        const chunk = remaining >= ZEROS.length ? ZEROS : ZEROS.subarray(0, remaining);
        remaining -= chunk.length;
        if (!gzip.write(chunk)) {
          gzip.once('drain', write);
          return;
        }
      }
      gzip.end();
    };
    write();
  });
}
