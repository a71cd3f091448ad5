/**
 * A search thread of `tidings serve` (search-threads.ts): its own connection to the store,
 * answering the store's `searchArticles` requests it is sent, one at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { StoreOptions } from '../store/index.ts';
import { openStore } from '../store/open-store.ts';
import type { SearchReply, SearchTask } from './search-threads.ts';

const store = await openStore(workerData as StoreOptions);

parentPort?.on('message', (task: SearchTask | 'close') => {
  if (task === 'close') {
    void store.close().finally(() => parentPort?.close());
    return;
  }
  store.searchArticles(task.request).then(
    (page) => parentPort?.postMessage({ id: task.id, page } satisfies SearchReply),
    (error: unknown) =>
      parentPort?.postMessage({
        id: task.id,
        error: {
          message: error instanceof Error ? error.message : String(error),
          code: (error as { code?: string }).code,
        },
      } satisfies SearchReply),
  );
});
