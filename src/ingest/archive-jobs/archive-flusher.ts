/**
 * Where a refresh round writes its archive files: on a thread of their own (archive-thread.ts,
 * with its own store connection) when the store can be opened twice, else on this thread. The
 * archive used about a fifth of a cold round's main-thread time (reading the revisions back,
 * formatting, some 50,000 file system calls), the thread that also stores every article, so
 * moving it off lets both cores work. Flushes still go one at a time per context
 * (flushPendingArchive's queue), so the thread never races an in-thread flush. If the thread
 * cannot start or dies, the flush it had is done again on this thread: files already written
 * are found `unchanged`, and nothing is lost.
 */
import type { Worker } from 'node:worker_threads';
import type { StoreOptions } from '../../store/index.ts';
import { startModuleWorker } from '../../util/start-worker.ts';
import { flushPendingArchive, writePendingArchive, type FlushResult } from './write-pending-archive.ts';
import type { IngestContext } from '../ingest-context.ts';

/** What the archive thread is started with. */
export interface ArchiveThreadData {
  storeOptions: StoreOptions;
  archiveRoot: string;
  archiveBody: 'cleaned' | 'raw';
}
/** A message to the archive thread. */
export type ArchiveRequest = { kind: 'flush'; id: number } | { kind: 'close' };
/** The archive thread's answer to a flush. */
export interface ArchiveReply {
  id: number;
  result: FlushResult;
}

/** Flushes the pending archive (off this thread when it can); `close` stops the thread. */
export interface ArchiveFlusher {
  flush(): Promise<FlushResult>;
  close(): Promise<void>;
}

/** Returns a flusher for `ctx`: a thread, started on the first flush, when `ctx.storeOptions` says the store can be opened again. */
export function createArchiveFlusher(ctx: IngestContext): ArchiveFlusher {
  const storeOptions = ctx.storeOptions;
  if (storeOptions === undefined) return { flush: () => flushPendingArchive(ctx), close: async () => undefined };
  let worker: Worker | undefined;
  let broken = false;
  let nextId = 0;
  const waiting = new Map<number, (result: FlushResult | undefined) => void>();

  const start = (): Worker => {
    const data: ArchiveThreadData = {
      storeOptions,
      archiveRoot: ctx.archiveRoot,
      archiveBody: ctx.settings.archiveBody,
    };
    const started = startModuleWorker(import.meta.url, 'archive-thread', data);
    started.on('message', (reply: ArchiveReply) => {
      waiting.get(reply.id)?.(reply.result);
      waiting.delete(reply.id);
    });
    const fail = () => {
      broken = true;
      for (const resolve of waiting.values()) resolve(undefined);
      waiting.clear();
    };
    started.on('error', fail);
    started.on('exit', fail);
    return started;
  };

  const onThread = async (): Promise<FlushResult> => {
    if (!broken) {
      try {
        worker ??= start();
        const id = nextId++;
        const result = await new Promise<FlushResult | undefined>((resolve) => {
          waiting.set(id, resolve);
          worker!.postMessage({ kind: 'flush', id } satisfies ArchiveRequest);
        });
        if (result !== undefined) return result;
      } catch {
        broken = true;
      }
    }
    return writePendingArchive(ctx);
  };

  return {
    flush: () => flushPendingArchive(ctx, onThread),
    async close() {
      const running = worker;
      if (running === undefined || broken) return;
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.postMessage({ kind: 'close' } satisfies ArchiveRequest);
      await exited;
    },
  };
}
