/**
 * Parses many files on `jobs` threads (the main thread and jobs − 1 workers) and hands their
 * outcomes back strictly in the order given, streaming: at most WINDOW_PER_THREAD files per
 * thread are in flight past the last one emitted, so memory stays bounded however many files
 * there are, and a slow reader of stdout (back-pressure in `emit`) slows the threads down
 * instead of piling up output. Why threads: reading, decoding, parsing and JSON encoding are
 * all CPU work; bench:parse's figures are in the module header of parse-command.ts.
 */
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../util/start-worker.ts';
import { MainThreadWorker } from './parse-on-main-thread.ts';
import type { RenderSettings } from './parse-one-file.ts';
import type { PoolReply, PoolRequest } from './parse-messages.ts';

export type { PoolReply, PoolRequest };

/** Files queued on one thread at once, so that none idles waiting for a message. */
const QUEUE_PER_THREAD = 3;
/**
 * Files parsed ahead of the next one to emit, per thread. The main thread parses its share too,
 * so while it is on a big file nothing is emitted: with 8 the worker sat idle for 40 % of
 * bench:parse (its answers waited for the window), with 32 it keeps busy and the whole command
 * ran about 4 % faster (1.05 → 1.01 s); the output held back is still a few dozen files.
 */
const WINDOW_PER_THREAD = 32;

/** Returns a worker running parse-worker (through tsx when running from TypeScript sources, as in tests). */
function startWorker(settings: RenderSettings): Worker {
  return startModuleWorker(import.meta.url, 'parse-worker', settings);
}

/**
 * Parses `files` on `jobs` threads and calls `emit` with each reply in file order, awaiting it
 * before the next; rejects if a worker dies (a bug or out of memory, not a bad feed).
 */
export async function parseInWorkers(
  files: string[],
  settings: RenderSettings,
  jobs: number,
  emit: (index: number, reply: PoolReply) => Promise<void>,
): Promise<void> {
  const workers: (Worker | MainThreadWorker)[] = [new MainThreadWorker(settings)];
  for (let i = 1; i < jobs; i++) workers.push(startWorker(settings));
  const queued = workers.map(() => 0);
  const ready = new Map<number, PoolReply>();
  const window = jobs * WINDOW_PER_THREAD;
  let dispatched = 0;
  let emitted = 0;
  let emitting = false;
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (error: unknown): void => {
        failed = true;
        reject(error instanceof Error ? error : new Error(String(error)));
      };

      function dispatch(): void {
        while (dispatched < files.length && dispatched - emitted < window) {
          let best = 0;
          for (let w = 1; w < workers.length; w++) if (queued[w] < queued[best]) best = w;
          if (queued[best] >= QUEUE_PER_THREAD) return;
          const request: PoolRequest = { index: dispatched, file: files[dispatched] };
          workers[best].postMessage(request);
          queued[best]++;
          dispatched++;
        }
      }

      async function emitReady(): Promise<void> {
        if (emitting || failed) return;
        emitting = true;
        try {
          for (let outcome = ready.get(emitted); outcome !== undefined && !failed; outcome = ready.get(emitted)) {
            ready.delete(emitted);
            emitted++;
            dispatch();
            await emit(emitted - 1, outcome);
          }
        } catch (error) {
          fail(error);
        } finally {
          emitting = false;
        }
        if (emitted === files.length) resolve();
      }

      workers.forEach((worker, w) => {
        worker.on('message', (reply: PoolReply) => {
          queued[w]--;
          ready.set(reply.index, reply);
          dispatch();
          void emitReady();
        });
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (emitted < files.length) fail(new Error(`a parse worker stopped (exit code ${code})`));
        });
      });
      if (files.length === 0) resolve();
      else dispatch();
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
