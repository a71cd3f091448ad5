/**
 * Login rate limiting, in memory. Failures are counted per (user name, client address) and
 * per client address alone; after `maxFailures` in the window the pair is locked, for a
 * time that doubles with each further failure (1 min, 2, 4, 8, then the 15 min cap). A
 * success clears the pair. Kept in memory rather than in the database on purpose: Tidings
 * is one server process, so one map sees every attempt; a flood of bad logins then costs
 * no write transactions competing with feed ingest; and a restart forgetting the counts
 * only gives an attacker back a few guesses. The map is bounded (oldest keys evicted).
 */
import { userNameKey } from '../store/index.ts';

/** Limits and clock; defaults: 5 failures per 15 min per user and address, 30 per address. */
export interface LoginLimiterOptions {
  maxFailures?: number;
  maxFailuresPerAddress?: number;
  windowMs?: number;
  baseLockMs?: number;
  maxLockMs?: number;
  maxKeys?: number;
}

/** Whether a login may be tried now. */
export type LoginAllowance = { kind: 'allowed' } | { kind: 'limited'; retryAfterMs: number };

/** The limiter one server process keeps. */
export interface LoginLimiter {
  /** Returns whether `name` may try to log in from `address` at `now`. */
  check(name: string, address: string, now: number): LoginAllowance;
  /** Counts a failed login. */
  recordFailure(name: string, address: string, now: number): void;
  /** Clears the failures of the pair after a good login. */
  recordSuccess(name: string, address: string): void;
}

/** Returns a new in-memory limiter. */
export function createLoginLimiter(options: LoginLimiterOptions = {}): LoginLimiter {
  const maxFailures = options.maxFailures ?? 5;
  const maxPerAddress = options.maxFailuresPerAddress ?? 30;
  const windowMs = options.windowMs ?? 15 * 60_000;
  const baseLockMs = options.baseLockMs ?? 60_000;
  const maxLockMs = options.maxLockMs ?? 15 * 60_000;
  const maxKeys = options.maxKeys ?? 10_000;
  const failures = new Map<string, number[]>();

  const pairKey = (name: string, address: string) => `u:${userNameKey(name)}\u0000${address}`;
  const addressKey = (address: string) => `a:${address}`;
  const recent = (key: string, now: number): number[] => (failures.get(key) ?? []).filter((at) => at > now - windowMs);

  const lockedFor = (key: string, limit: number, now: number): number => {
    const times = recent(key, now);
    if (times.length < limit) return 0;
    const lock = Math.min(maxLockMs, baseLockMs * 2 ** (times.length - limit));
    return Math.max(0, times[times.length - 1] + lock - now);
  };

  const add = (key: string, now: number) => {
    const times = [...recent(key, now), now].slice(-64);
    failures.delete(key);
    failures.set(key, times);
    while (failures.size > maxKeys) failures.delete(failures.keys().next().value as string);
  };

  return {
    check(name, address, now) {
      const wait = Math.max(
        lockedFor(pairKey(name, address), maxFailures, now),
        lockedFor(addressKey(address), maxPerAddress, now),
      );
      return wait > 0 ? { kind: 'limited', retryAfterMs: wait } : { kind: 'allowed' };
    },
    recordFailure(name, address, now) {
      add(pairKey(name, address), now);
      add(addressKey(address), now);
    },
    recordSuccess(name, address) {
      failures.delete(pairKey(name, address));
    },
  };
}
