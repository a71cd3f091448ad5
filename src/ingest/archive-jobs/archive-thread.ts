/**
 * The archive thread of a refresh round (archive-flusher.ts): it opens its own connection to
 * the store and, for each flush it is asked for, writes the pending revisions' files and marks
 * them (writePendingArchive), so that formatting, file system calls and durability barriers
 * stay off the thread that fetches and stores. It has nothing else to do, so its file system
 * calls block (archive/revision-io.ts). `close` closes its connection; it then exits.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { blockingRevisionIo } from '../../archive/revision-io.ts';
import type { StoreOptions } from '../../store/index.ts';
import { openStore } from '../../store/open-store.ts';
import { writePendingArchive, type ArchiveContext } from './write-pending-archive.ts';
import type { ArchiveReply, ArchiveRequest, ArchiveThreadData } from './archive-flusher.ts';

const { storeOptions, archiveRoot, archiveBody } = workerData as ArchiveThreadData;
const store = await openStore(storeOptions satisfies StoreOptions);
const ctx: ArchiveContext = {
  store,
  archiveRoot,
  now: Date.now,
  settings: { archiveBody },
  revisionIo: blockingRevisionIo,
};

// Flushes (and the close after them) run in the order asked: a close never cuts a flush short.
let queue: Promise<unknown> = Promise.resolve();

parentPort?.on('message', (request: ArchiveRequest) => {
  queue = queue.then(async () => {
    if (request.kind === 'close') {
      await store.close();
      parentPort?.close();
      return;
    }
    const result = await writePendingArchive(ctx);
    parentPort?.postMessage({ id: request.id, result } satisfies ArchiveReply);
  });
});
