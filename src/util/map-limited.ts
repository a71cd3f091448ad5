/**
 * Bounded concurrency for async work over a list: at most `limit` calls run at once, results
 * keep the list's order. After a failure no new call starts, but the running ones finish
 * before the first error is thrown, so a caller's cleanup never races its own writes.
 */

/** Returns `fn` of every item, in order, with at most `limit` calls in flight; rejects with the first error once all started calls settled. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const run = async () => {
    while (next < items.length && failure === undefined) {
      const i = next++;
      try {
        results[i] = await fn(items[i], i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, run));
  if (failure !== undefined) throw failure.error;
  return results;
}
