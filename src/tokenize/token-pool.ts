/**
 * Tokenizing on the second core while the caller writes (`reindex` spent a third of
 * its time in the tokenizer, all on the thread that writes the index). `tokenizeInOrder` is
 * synchronous, so a store can call it inside the very transaction that reads the queued
 * revisions and writes their rows (a crash still leaves the rest queued, and no other write can
 * slip in between the read and the write). A batch is cut into chunks that this thread and one
 * worker thread claim through a shared counter (Atomics), so neither waits while chunks are
 * left: the caller writes chunk k as soon as it is ready, tokenizing the next unclaimed chunk
 * itself whenever the worker's is not. The worker only ever adds speed: until it has started
 * (loading the tokenizer takes a moment) every chunk is done here, and a worker that errs or
 * goes silent for `STALL_MS` is dropped and the caller carries on alone, with the same tokens.
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { startModuleWorker } from '../util/start-worker.ts';
import { contentTokens, type DocumentTokens, type SearchableRevision } from './document-tokens.ts';

/** Slots of the shared state: the claim counter (batch number << 16 | next chunk) and the worker's done counter. */
export const CLAIM = 0;
export const DONE = 1;

/** One batch sent to the worker. */
export interface TokenBatch {
  seq: number;
  size: number;
  chunks: number;
  revisions: readonly SearchableRevision[];
}
/** One chunk's tokens (or why it failed) sent back. */
export type TokenReply =
  | { seq: number; chunk: number; tokens: DocumentTokens[] }
  | { seq: number; chunk: number; error: string };

const CHUNK = 16;
const STALL_MS = 10_000;

/** Claims the next chunk of batch `seq` (of `chunks`), or returns undefined when none is left or the batch is over. */
export function claimChunk(state: Int32Array, seq: number, chunks: number): number | undefined {
  for (;;) {
    const value = Atomics.load(state, CLAIM);
    const chunk = value & 0xffff;
    if (value >>> 16 !== seq || chunk >= chunks) return undefined;
    if (Atomics.compareExchange(state, CLAIM, value, value + 1) === value) return chunk;
  }
}

/** Tokenizes batches with the help of one worker thread. */
export interface TokenPool {
  /** Calls `write(i, tokens)` with the content tokens of every revision, in order (at most 65,535 × 16 revisions). */
  tokenizeInOrder(
    revisions: readonly SearchableRevision[],
    write: (index: number, tokens: DocumentTokens) => void,
  ): void;
  /** Returns how many chunks of 16 revisions the worker and this thread tokenized so far. */
  counts(): { worker: number; here: number };
  /** Stops the worker. */
  close(): void;
}

function startWorker(port: MessagePort, shared: SharedArrayBuffer): Worker {
  return startModuleWorker(import.meta.url, 'token-worker', { port, shared }, [port]);
}

/** Returns a pool with one worker thread, started now (it joins in once loaded). */
export function createTokenPool(): TokenPool {
  const shared = new SharedArrayBuffer(8);
  const state = new Int32Array(shared);
  const channel = new MessageChannel();
  let worker: Worker | undefined = startWorker(channel.port2, shared);
  worker.unref();
  worker.on('error', () => undefined);
  let seq = 0;
  const counts = { worker: 0, here: 0 };

  const drop = () => {
    void worker?.terminate();
    worker = undefined;
  };

  return {
    tokenizeInOrder(revisions, write) {
      seq = (seq % 0x7fff) + 1;
      const chunks = Math.ceil(revisions.length / CHUNK);
      if (chunks > 0xffff) throw new RangeError('too many revisions for one batch');
      const results: Array<DocumentTokens[] | undefined> = new Array(chunks);
      Atomics.store(state, CLAIM, seq << 16);
      if (worker !== undefined) channel.port1.postMessage({ seq, size: CHUNK, chunks, revisions } satisfies TokenBatch);
      const here = (chunk: number) => {
        counts.here++;
        return revisions.slice(chunk * CHUNK, (chunk + 1) * CHUNK).map(contentTokens);
      };
      const receive = () => {
        for (
          let message = receiveMessageOnPort(channel.port1);
          message !== undefined;
          message = receiveMessageOnPort(channel.port1)
        ) {
          const reply = message.message as TokenReply;
          if (reply.seq !== seq) continue;
          if ('error' in reply) drop();
          else if (results[reply.chunk] === undefined) {
            results[reply.chunk] = reply.tokens;
            counts.worker++;
          }
        }
      };
      try {
        for (let chunk = 0; chunk < chunks; chunk++) {
          while (results[chunk] === undefined) {
            receive();
            if (results[chunk] !== undefined) break;
            const mine = claimChunk(state, seq, chunks);
            if (mine !== undefined) {
              results[mine] = here(mine);
              continue;
            }
            // Every chunk is claimed and this one is the worker's: wait for it, unless the worker is gone or stalls.
            const done = Atomics.load(state, DONE);
            receive();
            if (results[chunk] !== undefined) break;
            if (worker === undefined || Atomics.wait(state, DONE, done, STALL_MS) === 'timed-out') {
              drop();
              results[chunk] = here(chunk);
            }
          }
          const tokens = results[chunk] ?? [];
          results[chunk] = undefined;
          for (const [i, t] of tokens.entries()) write(chunk * CHUNK + i, t);
        }
      } finally {
        // Whatever the worker still holds belongs to a finished batch: nothing more of it can be claimed.
        Atomics.store(state, CLAIM, 0);
      }
    },
    counts: () => ({ ...counts }),
    close() {
      drop();
      channel.port1.close();
    },
  };
}
