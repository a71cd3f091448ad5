/**
 * The schedule half of a refresh: builds domain/next-check's input from a feed, its
 * per-feed interval bounds (which win over the global ones from settings) and what the
 * fetch said, and returns what recordFetch stores.
 */
import { nextCheck, type CheckOutcomeKind } from '../../domain/next-check.ts';
import type { Feed, FetchRecord } from '../../store/index.ts';
import type { IngestContext } from '../ingest-context.ts';

/** The hints one fetch gave; all optional. */
export interface ScheduleHints {
  ttlMinutes?: number;
  maxAgeSeconds?: number;
  expiresAt?: number;
  retryAfterAt?: number;
  postingIntervalSeconds?: number;
}

/** The schedule to record, and the reason in words. */
export interface PlannedCheck {
  schedule: FetchRecord['schedule'];
  reason: string;
}

/** Returns when to check `feed` next after a fetch that ended as `outcome` at `now`. */
export function planNextCheck(
  ctx: IngestContext,
  feed: Feed,
  outcome: CheckOutcomeKind,
  now: number,
  hints: ScheduleHints = {},
): PlannedCheck {
  const s = ctx.settings;
  const good = outcome === 'ok' || outcome === 'not-modified';
  const posting =
    hints.postingIntervalSeconds ?? (feed.postingIntervalMs === undefined ? undefined : feed.postingIntervalMs / 1000);
  const next = nextCheck({
    now,
    outcome,
    jitterKey: String(feed.id),
    consecutiveErrors: good ? 0 : feed.errorCount + 1,
    ...hints,
    postingIntervalSeconds: posting,
    bounds: {
      minSeconds: feed.settings.minIntervalSeconds ?? s.minCheckIntervalSeconds,
      maxSeconds: feed.settings.maxIntervalSeconds ?? s.maxCheckIntervalSeconds,
      defaultSeconds: s.defaultCheckIntervalSeconds,
    },
    errorBackoff: { baseSeconds: s.errorBackoffSeconds, maxSeconds: s.maxErrorBackoffSeconds },
  });
  const schedule: FetchRecord['schedule'] = { nextCheckAt: next.at, checkIntervalMs: next.intervalSeconds * 1000 };
  if (posting !== undefined) schedule.postingIntervalMs = Math.round(posting * 1000);
  return { schedule, reason: next.reason };
}
