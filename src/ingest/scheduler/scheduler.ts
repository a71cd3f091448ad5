/**
 * The scheduler `tidings serve` runs: refresh what is due, then sleep until the earliest
 * next check (at least `minSleepMs`, at most `maxSleepMs`, so feeds added meanwhile are
 * noticed), and again. `stop()` starts no new feeds, lets the ones in flight finish for
 * up to `graceMs`, then cancels the rest (cancelled fetches are not recorded).
 */
import type { IngestContext } from '../ingest-context.ts';
import { refreshDue, type RoundSummary } from '../refresh/refresh-round.ts';

/** Options of createScheduler; all optional. */
export interface SchedulerOptions {
  /** Called after each round that refreshed at least one feed. */
  onRound?: (summary: RoundSummary) => void;
  /** Called when a round failed as a whole (e.g. the database is unavailable); the loop goes on. */
  onError?: (error: unknown) => void;
  /** Longest sleep between rounds; default 60 000 ms. */
  maxSleepMs?: number;
  /** Shortest sleep between rounds; default 1 000 ms. */
  minSleepMs?: number;
}

/** A running scheduler. */
export interface Scheduler {
  /** Ends the loop: no new feeds, in-flight ones get `graceMs` (default 3 000) to finish, then are cancelled. */
  stop(options?: { graceMs?: number }): Promise<void>;
  /** Cuts the current sleep short (e.g. a feed was added). */
  wake(): void;
}

/** Starts the scheduler loop at once and returns its handle. */
export function createScheduler(ctx: IngestContext, options: SchedulerOptions = {}): Scheduler {
  const maxSleepMs = options.maxSleepMs ?? 60_000;
  const minSleepMs = options.minSleepMs ?? 1_000;
  const drain = new AbortController();
  const cancel = new AbortController();
  let wakeUp: (() => void) | undefined;

  async function loop(): Promise<void> {
    while (!drain.signal.aborted) {
      try {
        const summary = await refreshDue(ctx, ctx.now(), { signal: cancel.signal, drainSignal: drain.signal });
        if (summary.feeds > 0) options.onRound?.(summary);
      } catch (error) {
        options.onError?.(error);
      }
      if (drain.signal.aborted) break;
      await sleep(await sleepMs());
    }
  }

  async function sleepMs(): Promise<number> {
    try {
      const [next] = await ctx.store.dueFeeds(Number.MAX_SAFE_INTEGER, 1);
      const wait = next === undefined ? maxSleepMs : next.nextCheckAt - ctx.now();
      return Math.min(maxSleepMs, Math.max(minSleepMs, wait));
    } catch {
      return maxSleepMs;
    }
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        drain.signal.removeEventListener('abort', done);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = done;
      drain.signal.addEventListener('abort', done, { once: true });
    });
  }

  const running = loop();
  return {
    async stop({ graceMs = 3_000 } = {}) {
      drain.abort();
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          cancel.abort();
          resolve();
        }, graceMs);
      });
      await Promise.race([running, grace]);
      await running;
      clearTimeout(timer);
    },
    wake() {
      wakeUp?.();
    },
  };
}
