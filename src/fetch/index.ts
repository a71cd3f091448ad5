// fetch/ owns HTTP for feeds: conditional GET, limits, redirects, address policy, per-host politeness.
// It is a stage: it must not import other stages, the store, ingest or config (only domain/ and util/).

export { fetchFeed } from './fetch-feed.ts';
export { createFetchDispatcher } from './fetch-dispatcher.ts';
export type { FetchDispatcher, FetchDispatcherOptions, ResolveHost } from './fetch-dispatcher.ts';
export { createHostLimiter } from './host-limiter.ts';
export type { HostLimiter, HostLimiterOptions } from './host-limiter.ts';
export { createAddressCheck, isPublicAddress } from './address-policy.ts';
export type { PrivateNetworkPolicy } from './address-policy.ts';
export { parseCacheControlMaxAge, parseContentType, parseHttpDate, parseRetryAfter } from './http-headers.ts';
export {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TOTAL_TIMEOUT_MS,
  DEFAULT_USER_AGENT,
  FEED_ACCEPT,
  MAX_REDIRECTS,
} from './fetch-types.ts';
export type {
  CacheHints,
  FetchFailed,
  FetchNotModified,
  FetchOk,
  FetchOptions,
  FetchRateLimited,
  FetchResult,
} from './fetch-types.ts';
