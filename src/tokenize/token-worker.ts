/**
 * The worker thread of the token pool (token-pool.ts): for each batch of revisions it is sent,
 * it claims chunks through the shared claim counter, computes their `contentTokens` and posts
 * them back on its port, then bumps the shared done counter so a waiting caller wakes. A batch
 * whose number is no longer the current one is skipped: the caller finished it without help.
 * It touches no store, network or file.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { contentTokens, type SearchableRevision } from './document-tokens.ts';
import { claimChunk, DONE, type TokenBatch, type TokenReply } from './token-pool.ts';

const { port, shared } = workerData as { port: MessagePort; shared: SharedArrayBuffer };
const state = new Int32Array(shared);

port.on('message', (batch: TokenBatch) => {
  for (;;) {
    const chunk = claimChunk(state, batch.seq, batch.chunks);
    if (chunk === undefined) return;
    const slice: readonly SearchableRevision[] = batch.revisions.slice(chunk * batch.size, (chunk + 1) * batch.size);
    let reply: TokenReply;
    try {
      reply = { seq: batch.seq, chunk, tokens: slice.map(contentTokens) };
    } catch (error) {
      reply = { seq: batch.seq, chunk, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
    Atomics.add(state, DONE, 1);
    Atomics.notify(state, DONE);
  }
});
