/**
 * Login rate limiting (docs/accounts.md, "login rate limit"). Failures are counted per
 * (user name, client address) and per client address alone. After `maxFailures` in the
 * window the pair is locked, for a time that doubles with each further failure (1 min, 2,
 * 4, 8, then the 15 min cap); a success clears the pair. After `maxFailuresPerAddress` the
 * address is locked too, but not shut: while it is, only a correct password of a name whose
 * own pair is not locked gets in, and a single wrong password locks its pair. So a stranger
 * who sprays random names from an address (or from the one address every user shares behind
 * a proxy without `trustProxy`) cannot lock the admin out, and guessing from that address
 * costs a pair lock per wrong password.
 *
 * The policy is kept apart from the counts: the counts live behind `LoginFailureStore`, an
 * async interface of three calls, in memory here (memory-login-failures.ts), and movable
 * into the database so that several server processes share them.
 */
import { userNameKey } from '../store/index.ts';
import { createMemoryLoginFailures, type LoginFailureStore } from './memory-login-failures.ts';

/** Limits, the failure store and its bound; defaults: 5 failures per 15 min per user and address, 30 per address, in memory. */
export interface LoginLimiterOptions {
  maxFailures?: number;
  maxFailuresPerAddress?: number;
  windowMs?: number;
  baseLockMs?: number;
  maxLockMs?: number;
  /** Where failures are counted; default a new in-memory store. */
  failures?: LoginFailureStore;
}

/** Whether a login may be tried now: freely, not at all, or only with the correct password (the address is locked). */
export type LoginGate =
  | { kind: 'open' }
  | { kind: 'locked'; retryAfterMs: number }
  | { kind: 'correct-password-only'; retryAfterMs: number };

/** A login limiter; async throughout, so its counts may live in a database. */
export interface LoginLimiter {
  /** Returns whether `name` may try to log in from `address` at `now`. */
  check(name: string, address: string, now: number): Promise<LoginGate>;
  /** Counts a failed login. */
  recordFailure(name: string, address: string, now: number): Promise<void>;
  /** Clears the failures of the pair after a good login. */
  recordSuccess(name: string, address: string): Promise<void>;
}

/** Returns a limiter over `options.failures` (default: in memory, for one process). */
export function createLoginLimiter(options: LoginLimiterOptions = {}): LoginLimiter {
  const maxFailures = options.maxFailures ?? 5;
  const maxPerAddress = options.maxFailuresPerAddress ?? 30;
  const windowMs = options.windowMs ?? 15 * 60_000;
  const baseLockMs = options.baseLockMs ?? 60_000;
  const maxLockMs = options.maxLockMs ?? 15 * 60_000;
  const failures = options.failures ?? createMemoryLoginFailures();

  const pairKey = (name: string, address: string) => `pair:${userNameKey(name)}\u0000${address}`;
  const addressKey = (address: string) => `address:${address}`;

  const lockedFor = (times: readonly number[], limit: number, now: number): number => {
    if (times.length < limit) return 0;
    const lock = Math.min(maxLockMs, baseLockMs * 2 ** (times.length - limit));
    return Math.max(0, (times.at(-1) ?? now) + lock - now);
  };

  return {
    async check(name, address, now) {
      const [pair = [], byAddress = []] = await failures.recent(
        [pairKey(name, address), addressKey(address)],
        now - windowMs,
      );
      const addressWait = lockedFor(byAddress, maxPerAddress, now);
      const pairWait = lockedFor(pair, addressWait > 0 ? 1 : maxFailures, now);
      if (pairWait > 0) return { kind: 'locked', retryAfterMs: pairWait };
      if (addressWait > 0) return { kind: 'correct-password-only', retryAfterMs: addressWait };
      return { kind: 'open' };
    },
    async recordFailure(name, address, now) {
      await failures.add([pairKey(name, address), addressKey(address)], now, now - windowMs);
    },
    async recordSuccess(name, address) {
      await failures.clear(pairKey(name, address));
    },
  };
}
