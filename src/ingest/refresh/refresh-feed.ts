/**
 * Refreshing one feed (Miniflux's handler.RefreshFeed): fetch politely with the stored
 * validators → parse → clean, add full text and store the entries (clean-and-store.ts: new
 * article, new revision, or nothing, in one transaction; learned boilerplate) →
 * store.recordFetch or the caller's batched recorder (outcome, validators, learned metadata, the next check) → write the
 * pending archive files. Every outcome, failures included, is a
 * value recorded on the feed's row and returned: nothing here throws, so one broken feed
 * never stops a round. A permanent redirect updates the stored URL, unless another feed
 * already has that URL (then the fetch is recorded as the error `feed.url-taken`).
 * A fetch cancelled by shutdown (`fetch.aborted`) is not recorded: it says nothing about the feed.
 */
import { AppError } from '../../domain/errors.ts';
import { estimatePostingInterval } from '../../domain/posting-rate.ts';
import { fetchFeed, type FetchOptions, type FetchResult, type HostLimiter } from '../../fetch/index.ts';
import type { Feed, FetchRecord, StoredError } from '../../store/index.ts';
import { flushPendingArchive, moveArchiveFolder } from '../archive-jobs/write-pending-archive.ts';
import type { IngestContext } from '../ingest-context.ts';
import type { RefreshOutcome } from '../refresh-outcome.ts';
import { planNextCheck, type ScheduleHints } from './plan-next-check.ts';
import { createInThreadPreparer, type DocumentPreparer } from './prepare-pool.ts';
import { dropUndefined } from '../../util/drop-undefined.ts';

// A round where every feed answers 304 never loads the parser, the cleaner or the clean-and-store path (start-up time).
const documentPath = () =>
  Promise.all([import('./clean-and-store.ts'), import('./build-entries.ts'), import('../bodies/plain-text.ts')]);

/** Options of one refresh. */
export interface RefreshFeedOptions {
  /** Default the context's shared limiter. */
  limiter?: HostLimiter;
  /** Cancels the fetch (shutdown). */
  signal?: AbortSignal;
  /** The limiter for full-text article pages; default the context's shared limiter. Never one whose slot the caller holds. */
  pageLimiter?: HostLimiter;
  /** Where documents are parsed and cleaned (a round's worker pool); default on this thread with the context's packs. */
  preparer?: DocumentPreparer;
  /** Set false when the caller writes the pending archive files itself (a round does, outside the fetch slots); default true. */
  flushArchive?: boolean;
  /** Writes the fetch record (a round batches them, fetch-record-batcher.ts); default the store's recordFetch. */
  recordFetch?: (feedId: number, fetch: FetchRecord) => Promise<unknown>;
}

/** Options of applyFetchResult: how full-text pages are fetched. */
export type ApplyFetchOptions = Pick<
  RefreshFeedOptions,
  'pageLimiter' | 'signal' | 'flushArchive' | 'preparer' | 'recordFetch'
>;

/** Fetches and stores one feed; never throws (every failure is recorded on the feed and returned). */
export async function refreshFeed(
  ctx: IngestContext,
  feed: Feed,
  options: RefreshFeedOptions = {},
): Promise<RefreshOutcome> {
  const startedAt = ctx.now();
  const limiter = options.limiter ?? ctx.limiter;
  const fetched = await limiter
    .run(feed.url, () => fetchFeed(feed.url, fetchOptionsFor(ctx, feed, options.signal)))
    .catch((error: unknown): FetchResult => ({ kind: 'failed', error: asAppError(error), durationMs: 0 }));
  return applyFetchResult(ctx, feed, fetched, startedAt, options);
}

/** Returns the fetch options for `feed` from the settings and its stored validators. */
export function fetchOptionsFor(
  ctx: IngestContext,
  feed: Pick<Feed, 'validators'> | undefined,
  signal?: AbortSignal,
): FetchOptions {
  const s = ctx.settings;
  return {
    dispatcher: ctx.dispatcher,
    etag: feed?.validators.etag,
    lastModified: feed?.validators.lastModified,
    timeouts: { totalMs: s.fetchTimeoutMs },
    maxBodyBytes: s.maxBodyBytes,
    userAgent: s.userAgent,
    allowPrivateNetworks: s.allowPrivateNetworks,
    signal,
  };
}

/** Stores what a fetch of `feed` returned (subscribe reuses its first fetch this way) and tells the refresh listeners; never throws. */
export async function applyFetchResult(
  ctx: IngestContext,
  feed: Feed,
  fetched: FetchResult,
  startedAt: number,
  options: ApplyFetchOptions = {},
): Promise<RefreshOutcome> {
  const outcome = await storeFetchResult(ctx, feed, fetched, startedAt, options);
  if (outcome.recorded) for (const listener of ctx.refreshListeners ?? []) listener(outcome);
  return outcome;
}

async function storeFetchResult(
  ctx: IngestContext,
  feed: Feed,
  fetched: FetchResult,
  startedAt: number,
  options: ApplyFetchOptions,
): Promise<RefreshOutcome> {
  const base = {
    feedId: feed.id,
    url: feed.url,
    itemCount: 0,
    newArticles: 0,
    newRevisions: 0,
    invalidEntries: 0,
    durationMs: fetched.durationMs,
  };
  try {
    if (fetched.kind === 'failed' && fetched.error.code === 'fetch.aborted') {
      return { ...base, kind: 'failed', error: storedError(fetched.error), recorded: false };
    }
    let current = feed;
    let movedFrom: string | undefined;
    if (fetched.kind === 'ok' || fetched.kind === 'not-modified') {
      const target = fetched.permanentRedirect;
      if (target !== undefined && target !== feed.url) {
        const moved = await followPermanentRedirect(ctx, feed, target);
        if ('error' in moved)
          return await recordFailure(ctx, feed, base, startedAt, 'failed', moved.error, {}, options);
        current = moved.feed;
        movedFrom = feed.url;
      }
    }
    const outcome = await recordOutcome(ctx, current, { ...base, url: current.url }, fetched, startedAt, options);
    return movedFrom === undefined ? outcome : { ...outcome, movedFrom };
  } catch (error) {
    const failure = storedError(asAppError(error));
    return { ...base, kind: 'failed', error: failure, recorded: false };
  }
}

type Base = Omit<RefreshOutcome, 'kind' | 'recorded'>;

async function recordOutcome(
  ctx: IngestContext,
  feed: Feed,
  base: Base,
  fetched: FetchResult,
  startedAt: number,
  options: ApplyFetchOptions,
): Promise<RefreshOutcome> {
  switch (fetched.kind) {
    case 'ok':
      return recordDocument(ctx, feed, base, fetched, startedAt, options);
    case 'not-modified': {
      const hints = { maxAgeSeconds: fetched.cacheControlMaxAge, expiresAt: fetched.expires?.getTime() };
      const plan = planNextCheck(ctx, feed, 'not-modified', ctx.now(), hints);
      const validators =
        fetched.etag === undefined && fetched.lastModified === undefined
          ? undefined
          : {
              etag: fetched.etag ?? feed.validators.etag,
              lastModified: fetched.lastModified ?? feed.validators.lastModified,
            };
      await record(
        ctx,
        feed,
        {
          startedAt,
          durationMs: fetched.durationMs,
          outcome: 'not-modified',
          httpStatus: 304,
          validators,
          schedule: plan.schedule,
        },
        options,
      );
      return {
        ...base,
        kind: 'not-modified',
        httpStatus: 304,
        nextCheckAt: plan.schedule.nextCheckAt,
        scheduleReason: plan.reason,
        recorded: true,
      };
    }
    case 'rate-limited': {
      const when = fetched.retryAfter === undefined ? '' : `; retry after ${fetched.retryAfter.toISOString()}`;
      const error = { code: 'fetch.rate-limited', message: `HTTP ${fetched.status}: rate limited${when}` };
      return recordFailure(
        ctx,
        feed,
        { ...base, httpStatus: fetched.status },
        startedAt,
        'rate-limited',
        error,
        { retryAfterAt: fetched.retryAfter?.getTime() },
        options,
      );
    }
    case 'failed':
      return recordFailure(
        ctx,
        feed,
        { ...base, httpStatus: fetched.status },
        startedAt,
        'failed',
        storedError(fetched.error),
        { retryAfterAt: fetched.retryAfter?.getTime() },
        options,
      );
  }
}

async function recordDocument(
  ctx: IngestContext,
  feed: Feed,
  base: Base,
  fetched: Extract<FetchResult, { kind: 'ok' }>,
  startedAt: number,
  options: ApplyFetchOptions,
): Promise<RefreshOutcome> {
  const [{ cleanAndStore }, { itemTimes }, { plainText }] = await documentPath();
  const cleaning = await ctx.store.getFeedCleaning(feed.id);
  const preparer = options.preparer ?? createInThreadPreparer(ctx.packs);
  const doc = await preparer.prepare({
    body: fetched.body,
    url: fetched.url,
    headers: fetched.headers,
    encodingOverride: feed.settings.encodingOverride,
    feedUrl: feed.url,
    learned: feed.settings.learnedBoilerplate ? cleaning.learnedRules : [],
    dropItemBodies: feed.settings.fullText === 'off',
    // A feed's first document is all new articles: their tokens are made beside the parse, off this thread.
    // Later documents mostly repeat stored items, whose tokens would be wasted; the store makes the few it needs.
    ...(feed.lastSuccessAt === undefined ? { searchTokens: { feedTitle: feed.title } } : {}),
  });
  const withStatus = { ...base, httpStatus: fetched.status };
  if (doc.kind === 'not-a-feed') {
    const error = { code: 'parse.not-a-feed', message: doc.message };
    return recordFailure(ctx, feed, withStatus, startedAt, 'failed', error, {}, options, fetched.bytes);
  }
  const { feed: meta, items, format } = doc.feed;
  const { outcomes, fullTextPages, warnings } = await cleanAndStore(ctx, feed, items, {
    generator: doc.generator,
    pageLimiter: options.pageLimiter ?? ctx.limiter,
    fetchOptions: fetchOptionsFor(ctx, undefined, options.signal),
    seenAt: startedAt,
    prepared: { entries: doc.prepared, cleaning },
    learn: (bodies) => preparer.learn(bodies),
  });
  const newArticles = outcomes.filter((o) => o.kind === 'new').length;
  const newRevisions = outcomes.filter((o) => o.kind === 'revised').length;
  const invalidEntries = outcomes.filter((o) => o.kind === 'invalid').length;
  const now = ctx.now();
  const hints: ScheduleHints = {
    ttlMinutes: meta.ttl,
    maxAgeSeconds: fetched.cacheControlMaxAge,
    expiresAt: fetched.expires?.getTime(),
    postingIntervalSeconds: estimatePostingInterval(itemTimes(items), now),
  };
  const plan = planNextCheck(ctx, feed, 'ok', now, hints);
  await record(
    ctx,
    feed,
    {
      startedAt,
      durationMs: fetched.durationMs,
      outcome: 'ok',
      httpStatus: fetched.status,
      bytes: fetched.bytes,
      itemCount: items.length,
      newArticles,
      newRevisions,
      validators: { etag: fetched.etag, lastModified: fetched.lastModified },
      schedule: plan.schedule,
      document: {
        title: meta.title === undefined ? undefined : plainText(meta.title, meta.titleType ?? 'text') || undefined,
        siteUrl: meta.link,
        description:
          meta.subtitle === undefined ? undefined : plainText(meta.subtitle, meta.subtitleType ?? 'text') || undefined,
        format,
        language: meta.language,
      },
    },
    options,
  );
  if (outcomes.length > 0 && options.flushArchive !== false) await flushPendingArchive(ctx);
  return {
    ...withStatus,
    kind: 'ok',
    itemCount: items.length,
    newArticles,
    newRevisions,
    invalidEntries,
    nextCheckAt: plan.schedule.nextCheckAt,
    scheduleReason: plan.reason,
    recorded: true,
    ...(fullTextPages > 0 ? { fullTextPages } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

async function recordFailure(
  ctx: IngestContext,
  feed: Feed,
  base: Base,
  startedAt: number,
  outcome: 'failed' | 'rate-limited',
  error: StoredError,
  hints: ScheduleHints,
  options: ApplyFetchOptions,
  bytes?: number,
): Promise<RefreshOutcome> {
  const plan = planNextCheck(ctx, feed, outcome, ctx.now(), hints);
  await record(
    ctx,
    feed,
    {
      startedAt,
      durationMs: base.durationMs,
      outcome,
      httpStatus: base.httpStatus,
      bytes,
      error,
      schedule: plan.schedule,
    },
    options,
  );
  return {
    ...base,
    kind: outcome,
    error,
    nextCheckAt: plan.schedule.nextCheckAt,
    scheduleReason: plan.reason,
    recorded: true,
  };
}

async function record(ctx: IngestContext, feed: Feed, fetch: FetchRecord, options: ApplyFetchOptions): Promise<void> {
  const clean = dropUndefined(fetch);
  await (options.recordFetch === undefined
    ? ctx.store.recordFetch(feed.id, clean)
    : options.recordFetch(feed.id, clean));
}

async function followPermanentRedirect(
  ctx: IngestContext,
  feed: Feed,
  target: string,
): Promise<{ feed: Feed } | { error: StoredError }> {
  const result = await ctx.store.updateFeed(feed.id, { url: target });
  switch (result.kind) {
    case 'updated':
      await moveArchiveFolder(ctx, feed.url, result.feed);
      return { feed: result.feed };
    case 'url-taken':
      return {
        error: {
          code: 'feed.url-taken',
          message: `moved permanently to ${target}, which is already feed #${result.feedId}`,
        },
      };
    case 'invalid':
      return {
        error: {
          code: 'fetch.invalid-url',
          message: `moved permanently to an unusable URL ${target}: ${result.reason}`,
        },
      };
    case 'not-found':
      return { error: { code: 'internal', message: `feed #${feed.id} disappeared during its refresh` } };
  }
}

function storedError(error: AppError): StoredError {
  return { code: error.code, message: error.message };
}

function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError('internal', error instanceof Error ? error.message : String(error), { cause: error });
}
