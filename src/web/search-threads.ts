/**
 * The store's search, off the web server's event loop: `tidings serve` answers every request on
 * one thread, and a search page is mostly the store walking the index (2–4 ms at 100,000
 * articles), so at 200 searches a second one core was not enough (bench:web). Searches
 * go to a few threads of their own, each with its own store connection (reads do not wait for
 * each other, nor for the writer, in WAL mode), to the one with the fewest waiting; the page is
 * still made on the server's thread. Results are the store's, so they are the same as on the
 * server's own connection, seen a moment later. A thread that cannot start or dies hands its
 * searches back to the server's connection: slower, never lost.
 */
import type { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../domain/errors.ts';
import type { SearchPage, SearchRequest, Store, StoreOptions } from '../store/index.ts';
import { startModuleWorker } from '../util/start-worker.ts';

/** A search sent to a thread. */
export interface SearchTask {
  id: number;
  request: SearchRequest;
}
/** A thread's answer: the page, or the error the store threw. */
export type SearchReply = { id: number; page: SearchPage } | { id: number; error: { message: string; code?: string } };

/** The store's search on threads; `close` stops them. */
export interface SearchThreads extends Pick<Store, 'searchArticles'> {
  close(): Promise<void>;
}

interface Pending {
  request: SearchRequest;
  resolve: (page: SearchPage) => void;
  reject: (error: Error) => void;
}
interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
  broken: boolean;
}

/** Returns `size` search threads over the store `options` opens, falling back to `fallback` (the server's store). */
export function createSearchThreads(
  options: StoreOptions,
  size: number,
  fallback: Pick<Store, 'searchArticles'>,
): SearchThreads {
  let nextId = 0;
  const threads: Thread[] = [];
  const start = (): Thread | undefined => {
    try {
      const thread: Thread = {
        worker: startModuleWorker(import.meta.url, 'search-thread', options),
        pending: new Map(),
        broken: false,
      };
      thread.worker.on('message', (reply: SearchReply) => {
        const pending = thread.pending.get(reply.id);
        thread.pending.delete(reply.id);
        if (pending === undefined) return;
        if ('page' in reply) pending.resolve(reply.page);
        else pending.reject(new AppError((reply.error.code ?? 'store.failed') as ErrorCode, reply.error.message));
      });
      const fail = () => {
        thread.broken = true;
        for (const pending of thread.pending.values())
          fallback.searchArticles(pending.request).then(pending.resolve, pending.reject);
        thread.pending.clear();
      };
      thread.worker.on('error', fail);
      thread.worker.on('exit', fail);
      thread.worker.unref();
      return thread;
    } catch {
      return undefined;
    }
  };
  for (let i = 0; i < size; i++) {
    const thread = start();
    if (thread !== undefined) threads.push(thread);
  }
  return {
    searchArticles(request) {
      const live = threads.filter((t) => !t.broken);
      if (live.length === 0) return fallback.searchArticles(request);
      const thread = live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      return new Promise<SearchPage>((resolve, reject) => {
        const id = nextId++;
        thread.pending.set(id, { request, resolve, reject });
        thread.worker.postMessage({ id, request } satisfies SearchTask);
      });
    },
    async close() {
      await Promise.all(
        threads
          .filter((t) => !t.broken)
          .map(
            (t) =>
              new Promise<void>((resolve) => {
                t.worker.once('exit', () => resolve());
                // An idle thread does not keep the process alive; one being closed must, until it has gone.
                t.worker.ref();
                t.worker.postMessage('close');
              }),
          ),
      );
    },
  };
}
