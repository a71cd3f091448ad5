// accounts/ owns users, passwords, sessions, API tokens, login rate limits and per-user
// subscriptions: use cases at the ingest level. It imports store, ingest, domain and util; never context, config, cli or web.
export {
  createUser,
  checkUserName,
  requireUserNamed,
  setPassword,
  setAdmin,
  setDisabled,
  removeUser,
} from './users.ts';
export type { NewUserInput, CreatedUser } from './users.ts';
export {
  hashPassword,
  verifyPassword,
  needsRehash,
  parsePasswordHash,
  checkPasswordPolicy,
  DEFAULT_SCRYPT,
  MIN_PASSWORD_LENGTH,
  MAX_PASSWORD_LENGTH,
} from './password-hash.ts';
export type { ScryptParams } from './password-hash.ts';
export { createLoginLimiter } from './login-limiter.ts';
export type { LoginLimiter, LoginLimiterOptions, LoginGate } from './login-limiter.ts';
export { createMemoryLoginFailures } from './memory-login-failures.ts';
export type { LoginFailureStore } from './memory-login-failures.ts';
export {
  login,
  resolveSession,
  logout,
  logoutEverywhere,
  sessionCsrfToken,
  checkSessionCsrfToken,
  SESSION_TTL_MS,
  SESSION_TOUCH_MS,
} from './sessions.ts';
export type { LoginMeta, LoginResult, SessionAuth } from './sessions.ts';
export {
  createApiToken,
  resolveApiToken,
  revokeApiToken,
  isTokenScope,
  TOKEN_SCOPES,
  TOKEN_TOUCH_MS,
} from './api-tokens.ts';
export type { CreatedApiToken, TokenAuth } from './api-tokens.ts';
export { subscribeUser, unsubscribeUser } from './subscriptions.ts';
export type { SubscribeUserOptions, SubscribeUserResult, UnsubscribeUserResult } from './subscriptions.ts';
export { newSecretToken, hashSecret, API_TOKEN_PREFIX } from './secret-token.ts';
