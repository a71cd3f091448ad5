/**
 * Politeness for a crawler of many feeds: a global cap on concurrent fetches, a per-host cap,
 * and a minimum spacing between request starts to one host. Waiting tasks start in FIFO
 * order, but a task whose host is busy does not hold up tasks for other hosts. Written here
 * rather than taken from p-limit/bottleneck: per-host spacing plus a global cap is ~80
 * lines, and neither package is installed.
 */

/** Limits for createHostLimiter; all optional. */
export interface HostLimiterOptions {
  /** Tasks running at once, over all hosts; default 16. */
  globalConcurrency?: number;
  /** Tasks running at once for one host; default 2. */
  perHostConcurrency?: number;
  /** Minimum milliseconds between two task starts for one host; default 250. */
  perHostSpacingMs?: number;
}

/** Runs tasks under the limits; `url` names the host a task talks to. */
export interface HostLimiter {
  /** Returns the task's result once it has been allowed to start and has finished. */
  run<T>(url: string, task: () => Promise<T>): Promise<T>;
}

interface Waiter {
  host: string;
  start: () => void;
}

interface HostState {
  active: number;
  lastStart: number;
}

/** Returns a limiter enforcing global concurrency, per-host concurrency and per-host spacing. */
export function createHostLimiter(options: HostLimiterOptions = {}): HostLimiter {
  const globalMax = Math.max(1, options.globalConcurrency ?? 16);
  const perHostMax = Math.max(1, options.perHostConcurrency ?? 2);
  const spacingMs = Math.max(0, options.perHostSpacingMs ?? 250);
  const queue: Waiter[] = [];
  const hosts = new Map<string, HostState>();
  let running = 0;
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Infinity;

  function stateOf(host: string): HostState {
    let state = hosts.get(host);
    if (state === undefined) {
      state = { active: 0, lastStart: -Infinity };
      hosts.set(host, state);
    }
    return state;
  }

  function pump(): void {
    const now = performance.now();
    let wakeAt = Infinity;
    for (let i = 0; i < queue.length && running < globalMax; ) {
      const waiter = queue[i];
      const state = stateOf(waiter.host);
      const readyAt = state.lastStart + spacingMs;
      if (state.active >= perHostMax || readyAt > now) {
        if (state.active < perHostMax) wakeAt = Math.min(wakeAt, readyAt);
        i++;
        continue;
      }
      queue.splice(i, 1);
      state.active++;
      state.lastStart = now;
      running++;
      waiter.start();
    }
    if (wakeAt < timerAt) wakeUpAt(wakeAt, now);
  }

  function wakeUpAt(at: number, now: number): void {
    clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(
      () => {
        timer = undefined;
        timerAt = Infinity;
        pump();
      },
      Math.ceil(at - now),
    );
  }

  function release(host: string): void {
    const state = stateOf(host);
    state.active--;
    running--;
    // Forget idle hosts whose spacing has passed, so the map does not grow with every host ever seen
    if (state.active === 0 && performance.now() - state.lastStart >= spacingMs) hosts.delete(host);
    pump();
  }

  return {
    run<T>(url: string, task: () => Promise<T>): Promise<T> {
      const host = hostOf(url);
      return new Promise<T>((resolve, reject) => {
        queue.push({
          host,
          start: () => {
            Promise.resolve()
              .then(task)
              .then(
                (value) => {
                  release(host);
                  resolve(value);
                },
                (error: unknown) => {
                  release(host);
                  reject(error);
                },
              );
          },
        });
        pump();
      });
    },
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return url;
  }
}
