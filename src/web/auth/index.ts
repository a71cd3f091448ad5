// web/auth/ owns authentication over HTTP: the session cookie, API bearer tokens, CSRF
// protection, access guards, and the login, logout and first-run setup pages. It uses accounts/ for every decision,
// and web/assets for the stylesheet of its pages; never pages or api.
export type { Auth, AuthState } from './auth-state.ts';
export { authStateFor } from './auth-state.ts';
export {
  sessionMiddleware,
  setSessionCookie,
  clearSessionCookie,
  bearerToken,
  SESSION_COOKIE,
} from './session-middleware.ts';
export { csrfProtection, csrfField, csrfTokenFor, CSRF_FIELD, CSRF_HEADER, ANONYMOUS_CSRF_COOKIE } from './csrf.ts';
export { currentUser, requireUser, requireAdminUser, requireAdmin, apiAuth } from './guards.ts';
export { clientAddress, isSecureRequest, isLocalRequest, isLoopback } from './request-info.ts';
export { loginPage, loginSubmit, safeNextPath } from './login-page.ts';
export { logoutSubmit } from './logout.ts';
export { setupPage, setupSubmit } from './setup-page.ts';
export { authPage, formError } from './auth-page.ts';
export { untrustedProxyWatch, untrustedProxyWarning } from './untrusted-proxy-watch.ts';
export type { UntrustedProxyNotice } from './auth-state.ts';
