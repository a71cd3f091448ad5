/**
 * One polite conditional GET of a feed URL, returned as a FetchResult value. Redirects are
 * followed here, by hand (undici `request` does not follow them), so that every hop goes
 * through the address-checking dispatcher, the hop count is capped, and we can tell
 * whether the whole chain was permanent. One AbortSignal carries the total deadline into
 * undici, so a server that drips its body ends in `fetch.timeout`, not in a hung fetch.
 */

import { STATUS_CODES } from 'node:http';
import { request, type Dispatcher } from 'undici';
import { AppError, isAppError } from '../domain/errors.ts';
import {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TOTAL_TIMEOUT_MS,
  DEFAULT_USER_AGENT,
  FEED_ACCEPT,
  MAX_REDIRECTS,
  type CacheHints,
  type FetchOptions,
  type FetchResult,
} from './fetch-types.ts';
import {
  flattenHeaders,
  parseCacheControlMaxAge,
  parseContentType,
  parseHttpDate,
  parseRetryAfter,
  type RawHeaders,
} from './http-headers.ts';
import { abandonBody, readBody } from './read-body.ts';
import { dropUndefined } from '../util/drop-undefined.ts';

type Outcome = FetchResult extends infer R ? (R extends unknown ? Omit<R, 'durationMs'> : never) : never;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const PERMANENT_REDIRECTS = new Set([301, 308]); // RFC 9110 §15.4.2, §15.4.9

/** Returns the outcome of fetching `url` (never throws): ok, not-modified, rate-limited or failed with a `fetch.*` error. */
export async function fetchFeed(url: string, options: FetchOptions): Promise<FetchResult> {
  const started = performance.now();
  const totalMs = options.timeouts?.totalMs ?? DEFAULT_TOTAL_TIMEOUT_MS;
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new AppError('fetch.timeout', `no complete response within ${totalMs} ms`)),
    totalMs,
  );
  const signal = options.signal === undefined ? deadline.signal : AbortSignal.any([deadline.signal, options.signal]);
  try {
    const outcome = await followRedirects(url, options, signal);
    return { ...outcome, durationMs: elapsedMs(started) } as FetchResult;
  } catch (error) {
    return {
      kind: 'failed',
      error: toFetchError(error, deadline.signal, options.signal),
      durationMs: elapsedMs(started),
    };
  } finally {
    clearTimeout(timer);
  }
}

async function followRedirects(url: string, options: FetchOptions, signal: AbortSignal): Promise<Outcome> {
  const dispatcher = options.dispatcher.forPolicy(options.allowPrivateNetworks ?? false);
  const headers = buildRequestHeaders(options);
  let current = parseFetchableUrl(url);
  let permanent = true;
  for (let hop = 0; ; hop++) {
    const response = await request(current, { method: 'GET', headers, dispatcher, signal });
    const location = firstValue(response.headers.location);
    if (!REDIRECTS.has(response.statusCode) || location === undefined) {
      const permanentRedirect = hop > 0 && permanent ? current.href : undefined;
      return readResponse(current.href, permanentRedirect, response, options);
    }
    await discard(response.body);
    if (hop === MAX_REDIRECTS) {
      throw new AppError('fetch.too-many-redirects', `more than ${MAX_REDIRECTS} redirects, last to ${location}`);
    }
    permanent &&= PERMANENT_REDIRECTS.has(response.statusCode);
    current = parseFetchableUrl(location, current);
  }
}

async function readResponse(
  url: string,
  permanentRedirect: string | undefined,
  response: Dispatcher.ResponseData,
  options: FetchOptions,
): Promise<Outcome> {
  const { statusCode: status, headers: raw } = response;
  const hints = readCacheHints(raw);
  if (status === 304) {
    await discard(response.body);
    return dropUndefined({ kind: 'not-modified', url, permanentRedirect, ...hints });
  }
  const retryAfter = parseRetryAfter(firstValue(raw['retry-after']), new Date());
  // RFC 6585 §4: 429 is always "slow down"; a 503 only when it says when to come back
  if (status === 429 || (status === 503 && retryAfter !== undefined)) {
    await discard(response.body);
    return dropUndefined({ kind: 'rate-limited', status, retryAfter });
  }
  if (status < 200 || status > 299) {
    await discard(response.body);
    const error = new AppError('fetch.http-status', `HTTP ${status} ${STATUS_CODES[status] ?? ''}`.trim());
    return dropUndefined({ kind: 'failed', error, status, retryAfter });
  }
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (Number(firstValue(raw['content-length'])) > maxBytes) {
    abandonBody(response.body);
    throw new AppError('fetch.too-large', `declared body exceeds the limit of ${maxBytes} bytes`);
  }
  const { body, wireBytes } = await readBody(response.body, firstValue(raw['content-encoding']), maxBytes);
  const type = parseContentType(firstValue(raw['content-type']));
  const headers = flattenHeaders(raw);
  return dropUndefined({
    kind: 'ok',
    url,
    permanentRedirect,
    status,
    headers,
    body,
    ...hints,
    ...type,
    bytes: wireBytes,
  });
}

function buildRequestHeaders(options: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
    accept: options.accept ?? FEED_ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag !== undefined) headers['if-none-match'] = options.etag;
  if (options.lastModified !== undefined) headers['if-modified-since'] = options.lastModified;
  return headers;
}

function parseFetchableUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch (error) {
    throw new AppError('fetch.invalid-url', `not a valid URL: ${text}`, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('fetch.invalid-url', `only http and https URLs can be fetched, not ${url.protocol}`);
  }
  url.hash = '';
  return url;
}

function readCacheHints(raw: RawHeaders): CacheHints {
  return {
    etag: firstValue(raw.etag),
    lastModified: firstValue(raw['last-modified']),
    cacheControlMaxAge: parseCacheControlMaxAge(joinValues(raw['cache-control'])),
    expires: parseHttpDate(firstValue(raw.expires)),
  };
}

function toFetchError(error: unknown, deadline: AbortSignal, userSignal: AbortSignal | undefined): AppError {
  if (deadline.aborted) return deadline.reason as AppError;
  if (userSignal?.aborted) return new AppError('fetch.aborted', 'the fetch was cancelled', { cause: error });
  if (isAppError(error)) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new AppError('fetch.timeout', message, { cause: error });
  }
  return new AppError('fetch.network', `network error: ${message}`, { cause: error });
}

async function discard(body: Dispatcher.ResponseData['body']): Promise<void> {
  await body.dump({ limit: 64 * 1024 }).catch(() => undefined);
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function joinValues(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

function elapsedMs(started: number): number {
  return Math.round(performance.now() - started);
}
