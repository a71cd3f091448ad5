/**
 * The code base's one error type: a stable `code` (also the API error code and UI message
 * key) plus a human message and a native `cause`. Expected outcomes are values, not errors.
 */

/** Stable error codes; the dotted prefix names the stage that raised it. */
export type ErrorCode =
  | 'input.unreadable'
  | 'input.too-large'
  | 'input.invalid'
  | 'parse.not-a-feed'
  | 'parse.not-opml'
  | 'fetch.invalid-url'
  | 'fetch.private-address'
  | 'fetch.timeout'
  | 'fetch.too-large'
  | 'fetch.too-many-redirects'
  | 'fetch.http-status'
  | 'fetch.network'
  | 'fetch.aborted'
  | 'fetch.bad-encoding'
  | 'fetch.rate-limited'
  | 'feed.url-taken'
  | 'discover.no-feed'
  | 'config.invalid'
  | 'archive.unreadable'
  | 'archive.invalid'
  | 'archive.git'
  | 'archive.busy'
  | 'store.failed'
  | 'store.unsupported-schema'
  | 'store.busy'
  | 'not-found'
  | 'auth.unauthenticated'
  | 'auth.invalid-credentials'
  | 'auth.rate-limited'
  | 'auth.forbidden'
  | 'auth.csrf'
  | 'user.exists'
  | 'user.invalid-name'
  | 'user.weak-password'
  | 'user.last-admin'
  | 'internal';

/** An error with a stable machine-readable code; `cause` keeps the underlying error. */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}

/** Returns true when `error` is an AppError, optionally with the given code. */
export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
