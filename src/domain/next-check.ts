/**
 * When to check a feed next ("next check from max(RSS ttl, Cache-Control max-age,
 * Expires, Retry-After) and an adaptive interval from the feed's posting rate, clamped to
 * configurable bounds"; "exponential backoff on errors with a cap").
 *
 * After a good fetch (ok, not-modified): half the posting interval (or `defaultSeconds`
 * with no history), raised to the strongest publisher hint (ttl, max-age, Expires: never
 * check earlier than the publisher asks), all clamped to [minSeconds, maxSeconds]; the
 * user's maximum wins over a longer hint, so every feed is seen at least that often.
 * After an error (failed, rate-limited): baseSeconds × 2^(n−1) for the n-th error in a
 * row, capped at the backoff maximum; hints of a failed response are not trusted.
 * Always: Retry-After is an absolute floor that may exceed every maximum (honour the
 * server, RFC 9110 §10.2.3). Jitter: ±10 % from a hash of `jitterKey` and `now`, so feeds
 * added together drift apart; it never crosses a floor or a maximum (above Retry-After it
 * only adds).
 */

import { describePostingRate } from './posting-rate.ts';
import { formatDuration } from '../util/format-duration.ts';
import { sha256Hex } from '../util/sha256.ts';

/** How the fetch that just ended turned out (the fetch stage's result kinds). */
export type CheckOutcomeKind = 'ok' | 'not-modified' | 'rate-limited' | 'failed';

/** Limits of the interval after a good fetch, in seconds. */
export interface CheckBounds {
  minSeconds: number;
  maxSeconds: number;
  defaultSeconds: number;
}

/** Exponential backoff after errors, in seconds. */
export interface ErrorBackoff {
  baseSeconds: number;
  maxSeconds: number;
}

/** Defaults: check at most every 15 min, at least daily, hourly while the posting rate is unknown. */
export const DEFAULT_CHECK_BOUNDS: CheckBounds = { minSeconds: 15 * 60, maxSeconds: 24 * 3600, defaultSeconds: 3600 };

/** Defaults: 5 min after the first error, doubling up to a day. */
export const DEFAULT_ERROR_BACKOFF: ErrorBackoff = { baseSeconds: 5 * 60, maxSeconds: 24 * 3600 };

/** What `nextCheck` decides from; times are epoch milliseconds. */
export interface NextCheckInput {
  now: number;
  outcome: CheckOutcomeKind;
  /** Any stable per-feed string (its id or URL): seeds the jitter. */
  jitterKey: string;
  /** Failed or rate-limited checks in a row, this one included (0 after a good fetch). */
  consecutiveErrors: number;
  ttlMinutes?: number;
  maxAgeSeconds?: number;
  expiresAt?: number;
  retryAfterAt?: number;
  /** From estimatePostingInterval. */
  postingIntervalSeconds?: number;
  bounds?: Partial<CheckBounds>;
  errorBackoff?: Partial<ErrorBackoff>;
}

/** The decision: when, after how long, and why, in words for logs and the UI. */
export interface NextCheck {
  at: number;
  intervalSeconds: number;
  reason: string;
}

const JITTER = 0.1;

interface Plan {
  seconds: number;
  reason: string;
}

/** Returns when to check a feed next (rules in the module header). */
export function nextCheck(input: NextCheckInput): NextCheck {
  const jitter = jitterFactor(input.jitterKey, input.now);
  let { seconds, reason } =
    input.outcome === 'ok' || input.outcome === 'not-modified'
      ? afterSuccess(input, jitter)
      : afterError(input, jitter);
  const retryAfter = positive(input.retryAfterAt === undefined ? undefined : (input.retryAfterAt - input.now) / 1000);
  if (retryAfter !== undefined && retryAfter >= seconds) {
    seconds = retryAfter * (1 + Math.abs(jitter));
    reason = `retry-after ${formatDuration(retryAfter)}`;
  }
  const intervalSeconds = Math.max(1, Math.round(seconds));
  return { at: input.now + intervalSeconds * 1000, intervalSeconds, reason };
}

function afterSuccess(input: NextCheckInput, jitter: number): Plan {
  const minSeconds = input.bounds?.minSeconds ?? DEFAULT_CHECK_BOUNDS.minSeconds;
  const maxSeconds = Math.max(minSeconds, input.bounds?.maxSeconds ?? DEFAULT_CHECK_BOUNDS.maxSeconds);
  const defaultSeconds = input.bounds?.defaultSeconds ?? DEFAULT_CHECK_BOUNDS.defaultSeconds;
  const posting = positive(input.postingIntervalSeconds);
  let plan: Plan =
    posting === undefined
      ? { seconds: defaultSeconds, reason: 'no posting history' }
      : { seconds: posting / 2, reason: `adaptive: ${describePostingRate(posting)}` };
  const hint = strongestHint(input);
  if (hint !== undefined && hint.seconds > plan.seconds) plan = hint;
  let { reason } = plan;
  if (plan.seconds < minSeconds) reason += ` (minimum ${formatDuration(minSeconds)})`;
  if (plan.seconds > maxSeconds) reason += ` (maximum ${formatDuration(maxSeconds)})`;
  const floor = clamp(hint?.seconds ?? 0, minSeconds, maxSeconds);
  return { seconds: clamp(clamp(plan.seconds, minSeconds, maxSeconds) * (1 + jitter), floor, maxSeconds), reason };
}

function afterError(input: NextCheckInput, jitter: number): Plan {
  const baseSeconds = input.errorBackoff?.baseSeconds ?? DEFAULT_ERROR_BACKOFF.baseSeconds;
  const maxSeconds = input.errorBackoff?.maxSeconds ?? DEFAULT_ERROR_BACKOFF.maxSeconds;
  const errors = Math.max(1, Math.floor(input.consecutiveErrors));
  const backoff = Math.min(baseSeconds * 2 ** Math.min(errors - 1, 52), maxSeconds);
  const what = input.outcome === 'rate-limited' ? 'rate-limited: backoff' : 'backoff';
  return {
    seconds: Math.min(backoff * (1 + jitter), maxSeconds),
    reason: `${what} after ${errors} error${errors === 1 ? '' : 's'}`,
  };
}

function strongestHint(input: NextCheckInput): Plan | undefined {
  const hints: Plan[] = [];
  const ttl = positive(input.ttlMinutes);
  if (ttl !== undefined) hints.push({ seconds: ttl * 60, reason: `ttl ${formatDuration(ttl * 60)}` });
  const maxAge = positive(input.maxAgeSeconds);
  if (maxAge !== undefined) hints.push({ seconds: maxAge, reason: `max-age ${formatDuration(maxAge)}` });
  const expires = positive(input.expiresAt === undefined ? undefined : (input.expiresAt - input.now) / 1000);
  if (expires !== undefined) hints.push({ seconds: expires, reason: `expires in ${formatDuration(expires)}` });
  return hints.reduce<Plan | undefined>(
    (best, hint) => (best === undefined || hint.seconds > best.seconds ? hint : best),
    undefined,
  );
}

// A value in [-JITTER, JITTER) from the first 32 bits of sha256(key, now).
function jitterFactor(key: string, now: number): number {
  const unit = Number.parseInt(sha256Hex(`${key}\n${now}`).slice(0, 8), 16) / 2 ** 32;
  return (unit * 2 - 1) * JITTER;
}

function positive(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : undefined;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
