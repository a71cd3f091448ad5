/**
 * A worker thread of `tidings parse` (see parse-pool.ts): for each file index it is sent, it
 * reads, parses and renders the file, encodes the text to UTF-8 here, off the main thread,
 * and transfers the bytes back (no copy). Pieces are encoded into one reused scratch buffer
 * and copied out once at their exact size: TextEncoder.encode per piece allocates fresh
 * memory for each and measured about twice as slow on bench:parse's output.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseOneFile, type RenderSettings } from './parse-one-file.ts';
import type { PoolReply, PoolRequest } from './parse-pool.ts';

const settings = workerData as RenderSettings;
const port = parentPort;
let scratch = Buffer.allocUnsafeSlow(4 << 20);

/** Returns `pieces` encoded as UTF-8 in a buffer of its own (transferable). */
function encodePieces(pieces: string[]): Uint8Array<ArrayBuffer> {
  let size = 0;
  for (const piece of pieces) {
    if (piece.length * 3 > scratch.length - size) {
      const needed = size + Buffer.byteLength(piece, 'utf8');
      if (needed > scratch.length) {
        const grown = Buffer.allocUnsafeSlow(Math.max(needed, scratch.length * 2));
        scratch.copy(grown, 0, 0, size);
        scratch = grown;
      }
    }
    size += scratch.write(piece, size, 'utf8');
  }
  const bytes = new Uint8Array(size);
  bytes.set(scratch.subarray(0, size));
  return bytes;
}

port?.on('message', async (request: PoolRequest) => {
  const outcome = await parseOneFile(request.file, settings);
  const bytes = encodePieces(outcome.output);
  const reply: PoolReply = { index: request.index, output: bytes, error: outcome.error };
  port.postMessage(reply, [bytes.buffer]);
});
