/**
 * The failure counts of the login limiter, in memory: right for one server process (one map
 * sees every attempt, a flood of bad logins costs no database writes, and a restart
 * forgetting the counts gives an attacker only a few guesses back). Bounded: at most 64
 * times per key and `maxKeys` keys, the least recently failed evicted first.
 */

/** Where a login limiter keeps failure times per key; async so that a database can hold them for several processes. */
export interface LoginFailureStore {
  /** Returns, for each key in order, its failure times after `since`, oldest first. */
  recent(keys: readonly string[], since: number): Promise<number[][]>;
  /** Records one failure at `at` under each key; times at or before `forgetBefore` may be dropped. */
  add(keys: readonly string[], at: number, forgetBefore: number): Promise<void>;
  /** Forgets every failure of `key`. */
  clear(key: string): Promise<void>;
}

const MAX_TIMES_PER_KEY = 64;

/** Returns an empty in-memory failure store holding at most `maxKeys` keys (default 10,000). */
export function createMemoryLoginFailures(maxKeys = 10_000): LoginFailureStore {
  const times = new Map<string, number[]>();
  return {
    async recent(keys, since) {
      return keys.map((key) => (times.get(key) ?? []).filter((at) => at > since));
    },
    async add(keys, at, forgetBefore) {
      for (const key of keys) {
        const kept = [...(times.get(key) ?? []).filter((t) => t > forgetBefore), at].slice(-MAX_TIMES_PER_KEY);
        times.delete(key);
        times.set(key, kept);
      }
      while (times.size > maxKeys) times.delete(times.keys().next().value as string);
    },
    async clear(key) {
      times.delete(key);
    },
  };
}
