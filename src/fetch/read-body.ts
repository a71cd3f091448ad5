/**
 * Reads a response body under a size limit, decoding Content-Encoding with node:zlib
 * streams. The limit bounds both the bytes received and the decoded size, and the whole
 * chain is one backpressured `pipeline`, so a gzip bomb stops after `maxBytes` of output
 * with only a few zlib chunks in memory. We decode ourselves (undici `request` does not,
 * and undici `fetch` would decode without a bound on the inflated size).
 */

import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createUnzip } from 'node:zlib';
import { AppError } from '../domain/errors.ts';

/** A decoded body and the number of bytes that came over the wire for it. */
export interface ReadBody {
  body: Uint8Array;
  wireBytes: number;
}

/** Returns the decoded body; rejects with `fetch.too-large` past `maxBytes` (wire or decoded) and `fetch.bad-encoding` for an unknown or corrupt coding. */
export async function readBody(
  source: Readable,
  contentEncoding: string | undefined,
  maxBytes: number,
): Promise<ReadBody> {
  let decoders: Transform[];
  try {
    decoders = createDecoders(contentEncoding);
  } catch (error) {
    abandonBody(source);
    throw error;
  }
  let wireBytes = 0;
  const countWire = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      wireBytes += chunk.length;
      if (wireBytes > maxBytes) done(tooLarge(maxBytes, 'received'));
      else done(null, chunk);
    },
  });
  const chunks: Buffer[] = [];
  let size = 0;
  const collect = new Writable({
    write(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(tooLarge(maxBytes, 'decoded'));
      chunks.push(chunk);
      done();
    },
  });
  try {
    await pipeline([source, countWire, ...decoders, collect]);
  } catch (error) {
    throw isZlibError(error)
      ? new AppError('fetch.bad-encoding', `corrupt ${contentEncoding} body`, { cause: error })
      : error;
  }
  const joined = Buffer.concat(chunks, size);
  return { body: new Uint8Array(joined.buffer, joined.byteOffset, joined.length), wireBytes };
}

/** Returns the decoders for a Content-Encoding value, in decoding order; throws `fetch.bad-encoding` for a coding we cannot undo. */
export function createDecoders(contentEncoding: string | undefined): Transform[] {
  if (contentEncoding === undefined) return [];
  // RFC 9110 §8.4: codings are listed in the order applied, so they are undone in reverse
  const codings = contentEncoding
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((c) => c !== '');
  return codings
    .reverse()
    .filter((coding) => coding !== 'identity')
    .map((coding) => {
      // Unzip accepts both gzip and zlib-wrapped deflate, which covers mislabelled bodies too
      if (coding === 'gzip' || coding === 'x-gzip' || coding === 'deflate') return createUnzip();
      if (coding === 'br') return createBrotliDecompress();
      throw new AppError('fetch.bad-encoding', `unsupported content-encoding "${coding}"`);
    });
}

/** Destroys a body we will not read; undici reports that as an error event, which is expected here. */
export function abandonBody(source: Readable): void {
  source.on('error', () => undefined);
  source.destroy();
}

function tooLarge(maxBytes: number, what: string): AppError {
  return new AppError('fetch.too-large', `body ${what} exceeds the limit of ${maxBytes} bytes`);
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ERR__') || code.startsWith('ERR_BROTLI'))
  );
}
