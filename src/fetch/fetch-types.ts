/**
 * The fetcher's contract: what `fetchFeed` takes (FetchOptions) and returns (FetchResult, a
 * union on `kind`), and the defaults. The version in the User-Agent is the package's own,
 * not a setting.
 */

import type { AppError } from '../domain/errors.ts';
import type { PrivateNetworkPolicy } from './address-policy.ts';
import type { FetchDispatcher } from './fetch-dispatcher.ts';
import { packageVersion } from '../util/package-version.ts';

/** The honest default User-Agent: product, version, where to read about it, what it does. */
export const DEFAULT_USER_AGENT = `Tidings/${packageVersion()} (+https://github.com/tidings; feed archiver)`;

/** The Accept header for feeds: feed types first, generic XML next, anything last (servers mislabel). */
export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8';

/** 10 MiB, applied to the bytes received and again to the decoded size; real feeds are far smaller. */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Default total time for one fetch, redirects and body included. */
export const DEFAULT_TOTAL_TIMEOUT_MS = 30_000;

/** At most this many redirects are followed; the sixth is `fetch.too-many-redirects`. */
export const MAX_REDIRECTS = 5;

/** Per-request options; connection-level ones (connect timeout, resolver) belong to the dispatcher. */
export interface FetchOptions {
  /** The shared per-process dispatcher from `createFetchDispatcher`. */
  dispatcher: FetchDispatcher;
  /** Validators from the last `ok` response, sent as If-None-Match / If-Modified-Since. */
  etag?: string;
  lastModified?: string;
  /** Total time for the whole fetch (all hops and the body); default 30 000 ms. */
  timeouts?: { totalMs?: number };
  /** Bound on received and on decoded body bytes; default DEFAULT_MAX_BODY_BYTES. */
  maxBodyBytes?: number;
  userAgent?: string;
  /** Default `false` (public addresses only); `true`, or a list of addresses/CIDRs to allow besides public ones. */
  allowPrivateNetworks?: PrivateNetworkPolicy;
  /** Default FEED_ACCEPT. */
  accept?: string;
  /** Aborting ends the fetch as `failed` with `fetch.aborted`. */
  signal?: AbortSignal;
}

/** Caching hints and validators a response carried. */
export interface CacheHints {
  etag?: string;
  lastModified?: string;
  /** Cache-Control max-age, in seconds. */
  cacheControlMaxAge?: number;
  expires?: Date;
}

/** A 2xx response with its decoded body; `permanentRedirect` is set when every hop was 301/308 (store that URL). */
export interface FetchOk extends CacheHints {
  kind: 'ok';
  url: string;
  permanentRedirect?: string;
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  contentType?: string;
  charset?: string;
  durationMs: number;
  /** Bytes received over the wire (before decoding); `body.length` is the decoded size. */
  bytes: number;
}

/** A 304 answer to our conditional request. */
export interface FetchNotModified extends CacheHints {
  kind: 'not-modified';
  url: string;
  permanentRedirect?: string;
  durationMs: number;
}

/** A 429 (or a 503 with Retry-After): come back at `retryAfter` when given. */
export interface FetchRateLimited {
  kind: 'rate-limited';
  status: number;
  retryAfter?: Date;
  durationMs: number;
}

/** Anything else: the error's code says what (`fetch.http-status` carries `status`). */
export interface FetchFailed {
  kind: 'failed';
  error: AppError;
  status?: number;
  retryAfter?: Date;
  durationMs: number;
}

/** The outcome of one feed fetch. */
export type FetchResult = FetchOk | FetchNotModified | FetchRateLimited | FetchFailed;
