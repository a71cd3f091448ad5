import { describe, expect, it } from 'vitest';
import type { FetchRecord, FetchRecordOf, RecordFetchResult, Store } from '../../store/index.ts';
import { createFetchRecordBatcher } from './fetch-record-batcher.ts';

const fetchAt = (startedAt: number): FetchRecord => ({
  startedAt,
  durationMs: 5,
  outcome: 'not-modified',
  httpStatus: 304,
  schedule: { nextCheckAt: startedAt + 1000 },
});
const recorded = (feedId: number): RecordFetchResult => ({ kind: 'recorded', feed: { id: feedId } as never });

// A store double that logs each write: batches by their sizes, single records by 'one'.
function fakeStore(options: { failBatchesWith?: number } = {}) {
  const writes: Array<number[] | 'one'> = [];
  const store: Pick<Store, 'recordFetch' | 'recordFetches'> = {
    async recordFetches(batch: readonly FetchRecordOf[]) {
      if (batch.some((item) => item.feedId === options.failBatchesWith)) throw new Error('constraint failed');
      writes.push(batch.map((item) => item.feedId));
      return batch.map((item) => recorded(item.feedId));
    },
    async recordFetch(feedId: number) {
      writes.push('one');
      if (feedId === options.failBatchesWith) throw new Error('constraint failed');
      return recorded(feedId);
    },
  };
  return { store, writes };
}

describe('createFetchRecordBatcher', () => {
  it('writes the records made in one turn as one batch, and each caller gets its own result', async () => {
    const { store, writes } = fakeStore();
    const batcher = createFetchRecordBatcher(store);
    const results = await Promise.all([1, 2, 3].map((id) => batcher.record(id, fetchAt(id))));
    expect(writes).toEqual([[1, 2, 3]]);
    expect(results.map((r) => r.kind === 'recorded' && r.feed.id)).toEqual([1, 2, 3]);
    await batcher.record(4, fetchAt(4));
    expect(writes).toEqual([[1, 2, 3], [4]]);
  });

  it('writes a full batch at once without waiting for the turn to end', async () => {
    const { store, writes } = fakeStore();
    const batcher = createFetchRecordBatcher(store, { maxBatch: 2 });
    await Promise.all([1, 2, 3, 4, 5].map((id) => batcher.record(id, fetchAt(id))));
    expect(writes).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('retries a failed batch one by one, so only the feed at fault gets the error', async () => {
    const { store, writes } = fakeStore({ failBatchesWith: 2 });
    const batcher = createFetchRecordBatcher(store);
    const settled = await Promise.allSettled([1, 2, 3].map((id) => batcher.record(id, fetchAt(id))));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(writes).toEqual(['one', 'one', 'one']);
  });
});
