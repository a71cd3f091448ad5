/**
 * Batches many small writes into large ones (about 1 MiB) and honours back-pressure, so that
 * printing JSON Lines for thousands of feeds costs a few system calls and never buffers the
 * whole output in memory. Text is encoded to UTF-8 straight into a reused chunk with
 * `buffer.write`: `Buffer.from(text)` per piece allocates fresh memory each time, and took
 * between two and three times as long on bench:parse's output (bench/README.md, "Output
 * buffering for `tidings parse`"). Each piece is
 * encoded on its own: concatenating strings first would widen every ASCII line to two bytes a
 * character as soon as one line holds Chinese. A chunk handed to a stream over a file
 * descriptor (stdout) is reused once the stream's write callback says the kernel has it; other
 * streams (a PassThrough in a test) may keep what they were given, so they get a copy.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

const FLUSH_AT = 1 << 20;
/** Room for FLUSH_AT bytes plus a piece of up to 1 MiB UTF-16 units at 3 bytes each, without measuring it. */
const CHUNK_SIZE = 4 << 20;
/** Encoded pieces this large go to the stream as they are: copying them into a chunk saves no system call worth it. */
const DIRECT_AT = 64 << 10;

/** A writer that buffers text and flushes it to a stream. */
export interface BufferedOutput {
  /** Appends text; resolves once it is buffered or, past the threshold, handed to the stream. */
  write(text: string): Promise<void>;
  /** Appends bytes already encoded (UTF-8); resolves like `write`. */
  writeBytes(bytes: Uint8Array): Promise<void>;
  /** Hands everything buffered to the stream and waits until the stream has accepted it. */
  flush(): Promise<void>;
}

/** Creates a buffered writer over `stream`. */
export function createBufferedOutput(stream: Writable): BufferedOutput {
  const free: Buffer[] = [];
  const reusable = typeof (stream as { fd?: unknown }).fd === 'number';
  let chunk: Buffer = Buffer.allocUnsafeSlow(CHUNK_SIZE);
  let size = 0;

  async function hand(bytes: Uint8Array, done?: () => void): Promise<void> {
    if (!stream.write(bytes, done)) await once(stream, 'drain');
  }

  async function flush(): Promise<void> {
    if (size === 0) return;
    const full = chunk;
    const bytes = reusable ? full.subarray(0, size) : Buffer.from(full.subarray(0, size));
    if (reusable) chunk = free.pop() ?? Buffer.allocUnsafeSlow(CHUNK_SIZE);
    size = 0;
    await hand(bytes, reusable ? () => free.push(full) : undefined);
  }

  async function afterAppend(): Promise<void> {
    if (size >= FLUSH_AT) await flush();
  }

  return {
    async write(text) {
      const room = CHUNK_SIZE - size;
      if (text.length * 3 > room && (text.length > room || Buffer.byteLength(text, 'utf8') > room)) {
        await flush();
        await hand(Buffer.from(text, 'utf8'));
        return;
      }
      size += chunk.write(text, size, 'utf8');
      await afterAppend();
    },
    async writeBytes(bytes) {
      if (bytes.length >= DIRECT_AT) {
        await flush();
        await hand(bytes);
        return;
      }
      chunk.set(bytes, size);
      size += bytes.length;
      await afterAppend();
    },
    flush,
  };
}
