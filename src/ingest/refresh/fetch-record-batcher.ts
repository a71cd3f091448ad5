/**
 * Batches a round's `recordFetch` calls: outcomes that arrive close together (in the same turn
 * of the event loop, or up to `maxBatch` of them) are written by one `store.recordFetches`, so a
 * round of 1000 304s pays a few dozen commits instead of 1000 (a commit was most of a 304's
 * cost). Each caller still waits for its own outcome to be written, so nothing is reported
 * before it is stored; a crash loses at most the one batch in flight, whose feeds are simply
 * fetched again next time. When a batch fails, its items are retried one by one, so an error
 * belongs to the one feed that caused it, as with recordFetch.
 */
import type { FetchRecord, FetchRecordOf, RecordFetchResult, Store } from '../../store/index.ts';

/** Records fetches through batches; `record` resolves once that fetch is written. */
export interface FetchRecordBatcher {
  /** Queues one fetch record; resolves with its result once its batch is committed, rejects as recordFetch would. */
  record(feedId: number, fetch: FetchRecord): Promise<RecordFetchResult>;
}

/** Options of createFetchRecordBatcher. */
export interface FetchRecordBatcherOptions {
  /** A batch is written as soon as it holds this many records; default 64. */
  maxBatch?: number;
}

interface Pending extends FetchRecordOf {
  resolve(result: RecordFetchResult): void;
  reject(error: unknown): void;
}

/** Returns a batcher writing through `store.recordFetches` (one transaction per batch). */
export function createFetchRecordBatcher(
  store: Pick<Store, 'recordFetch' | 'recordFetches'>,
  options: FetchRecordBatcherOptions = {},
): FetchRecordBatcher {
  const maxBatch = Math.max(1, options.maxBatch ?? 64);
  let queue: Pending[] = [];
  let scheduled = false;

  const flush = async (): Promise<void> => {
    scheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    try {
      const results = await store.recordFetches(batch.map(({ feedId, fetch }) => ({ feedId, fetch })));
      for (const [i, item] of batch.entries()) item.resolve(results[i]!);
    } catch {
      for (const item of batch) await store.recordFetch(item.feedId, item.fetch).then(item.resolve, item.reject);
    }
  };

  return {
    record(feedId, fetch) {
      return new Promise<RecordFetchResult>((resolve, reject) => {
        queue.push({ feedId, fetch, resolve, reject });
        if (queue.length >= maxBatch) void flush();
        else if (!scheduled) {
          scheduled = true;
          // After this turn's I/O callbacks: the outcomes that arrived together share one commit.
          setImmediate(() => void flush());
        }
      });
    },
  };
}
