import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiToken, createLoginLimiter, createUser, sessionCsrfToken } from '../../accounts/index.ts';
import { DEFAULT_SETTINGS } from '../../config/index.ts';
import { closeContext, createContext, type Context } from '../../context.ts';
import { createApp } from '../app.ts';
import { assetUrl } from '../assets/assets.ts';
import { authStateFor } from './auth-state.ts';
import { currentUser, requireUser } from './guards.ts';

const PASSWORD = 'correct horse';
const LOCAL = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
const REMOTE = { incoming: { socket: { remoteAddress: '203.0.113.7' } } };

let dir: string;
let ctx: Context;
let app: Hono;

async function open(trustProxy = false): Promise<void> {
  ctx = await createContext({ ...DEFAULT_SETTINGS, dataDir: dir, trustProxy });
  app = createApp(ctx);
  app.get('/private', (c) => c.text(`hello ${requireUser(c).name}`));
  app.get('/api/whoami', (c) => c.json({ name: currentUser(c)?.name }));
  app.post('/api/poke', (c) => c.json({ poked: currentUser(c)?.name }));
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tidings-auth-'));
  await open();
});

afterEach(async () => {
  await closeContext(ctx);
  await rm(dir, { recursive: true, force: true });
});

/** The cookies a response sets, by name, with their attribute text. */
function setCookies(response: Response): Map<string, string> {
  return new Map(response.headers.getSetCookie().map((line) => [line.slice(0, line.indexOf('=')), line]));
}

function cookieValue(line: string | undefined): string {
  return line?.slice(line.indexOf('=') + 1).split(';')[0] ?? '';
}

function csrfOf(page: string): string {
  return /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
}

/** Opens the login form and returns what a browser would hold: the anonymous CSRF cookie and the form's token. */
async function loginForm(base = 'http://tidings.test'): Promise<{ cookie: string; token: string }> {
  const response = await app.request(`${base}/login`);
  expect(response.status).toBe(200);
  return {
    cookie: `tidings_csrf=${cookieValue(setCookies(response).get('tidings_csrf'))}`,
    token: csrfOf(await response.text()),
  };
}

async function postLogin(
  name: string,
  password: string,
  options: { base?: string; headers?: Record<string, string>; token?: string } = {},
): Promise<Response> {
  const form = await loginForm(options.base);
  return app.request(
    `${options.base ?? 'http://tidings.test'}/login`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie, ...options.headers },
      body: new URLSearchParams({ name, password, next: '/private', _csrf: options.token ?? form.token }),
    },
    REMOTE,
  );
}

/** Logs in and returns the session cookie and the session's CSRF token (from a page rendered for the session). */
async function session(name = 'ann'): Promise<{ cookie: string; csrf: string }> {
  const response = await postLogin(name, PASSWORD);
  expect(response.status).toBe(303);
  const cookie = `tidings_session=${cookieValue(setCookies(response).get('tidings_session'))}`;
  const page = await app.request('http://tidings.test/login?next=/x', { headers: { cookie } });
  expect(page.headers.get('location')).toBe('/x');
  // No page renders the session's token yet (the reader will, through csrfTokenFor): compute it.
  return { cookie, csrf: sessionCsrfToken(cookieValue(cookie)) };
}

describe('login and the session cookie', () => {
  beforeEach(async () => {
    await createUser(ctx, { name: 'ann', password: PASSWORD });
  });

  it('logs in, sets an HttpOnly SameSite=Lax cookie for the whole site, and redirects to next', async () => {
    const response = await postLogin('ann', PASSWORD);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/private');
    const cookie = setCookies(response).get('tidings_session') ?? '';
    expect(cookie).toMatch(/^tidings_session=[\w-]{43}; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax$/);
    const page = await app.request('/private', { headers: { cookie: cookie.split(';')[0] } });
    expect(await page.text()).toBe('hello ann');
  });

  it('marks the cookie Secure over TLS, and believes X-Forwarded-Proto only with trustProxy', async () => {
    expect(
      setCookies(await postLogin('ann', PASSWORD, { base: 'https://tidings.test' })).get('tidings_session'),
    ).toMatch(/; Secure/);
    const forwarded = { 'x-forwarded-proto': 'https' };
    expect(setCookies(await postLogin('ann', PASSWORD, { headers: forwarded })).get('tidings_session')).not.toMatch(
      /Secure/,
    );
    await closeContext(ctx);
    await open(true);
    expect(setCookies(await postLogin('ann', PASSWORD, { headers: forwarded })).get('tidings_session')).toMatch(
      /; Secure/,
    );
  });

  it('refuses a login form without its CSRF token, and answers a wrong password with the form and 401', async () => {
    const forged = await postLogin('ann', PASSWORD, { token: 'forged' });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ error: { code: 'auth.csrf' } });
    const wrong = await postLogin('ann', 'wrong password');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Wrong name or password.');
    expect(setCookies(wrong).has('tidings_session')).toBe(false);
  });

  it('rate-limits failed logins with 429 and Retry-After', async () => {
    for (let i = 0; i < 5; i++) expect((await postLogin('ann', `guess ${i}!!`)).status).toBe(401);
    const limited = await postLogin('ann', PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
  });

  it('sends a logged-out browser from a page to the login form and back', async () => {
    const response = await app.request('/private?x=1');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login?next=%2Fprivate%3Fx%3D1');
    expect((await app.request('/api/whoami')).status).toBe(401);
  });

  it('refuses a session POST without the CSRF token and logs out with it', async () => {
    const { cookie, csrf } = await session();
    const headers = { cookie, 'content-type': 'application/x-www-form-urlencoded' };
    const refused = await app.request('/logout', { method: 'POST', headers, body: '' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'auth.csrf' } });
    expect(
      (await app.request('/api/poke', { method: 'POST', headers: { cookie, 'x-csrf-token': 'nope' } })).status,
    ).toBe(403);
    expect(
      await (await app.request('/api/poke', { method: 'POST', headers: { cookie, 'x-csrf-token': csrf } })).json(),
    ).toEqual({ poked: 'ann' });

    const done = await app.request('/logout', { method: 'POST', headers, body: `_csrf=${csrf}` });
    expect(done.status).toBe(303);
    expect(setCookies(done).get('tidings_session')).toMatch(/Max-Age=0/);
    expect((await app.request('/api/whoami', { headers: { cookie } })).status).toBe(401);
  });

  it('logs out everywhere', async () => {
    const one = await session();
    const two = await session();
    const response = await app.request('/logout', {
      method: 'POST',
      headers: { cookie: one.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: `_csrf=${one.csrf}&everywhere=1`,
    });
    expect(response.status).toBe(303);
    expect((await app.request('/api/whoami', { headers: { cookie: two.cookie } })).status).toBe(401);
  });
});

describe('API tokens', () => {
  it('lets a read token GET but not POST; a read-write token POSTs without CSRF; a bad token is 401', async () => {
    const { user } = await createUser(ctx, { name: 'ann', password: PASSWORD });
    const read = await createApiToken(ctx, user.id, 'reader', 'read');
    const write = await createApiToken(ctx, user.id, 'script', 'read-write');
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    expect(await (await app.request('/api/whoami', { headers: bearer(read.token) })).json()).toEqual({ name: 'ann' });
    const refused = await app.request('/api/poke', { method: 'POST', headers: bearer(read.token) });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'auth.forbidden' } });
    expect(await (await app.request('/api/poke', { method: 'POST', headers: bearer(write.token) })).json()).toEqual({
      poked: 'ann',
    });
    const bad = await app.request('/api/whoami', { headers: bearer('tdg_not-a-token') });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await bad.json()).toMatchObject({ error: { code: 'auth.unauthenticated' } });
  });
});

describe('the look of the login and setup pages', () => {
  it("link the reader's stylesheet, which the app serves with their card and a dark scheme, and carry no inline style or script", async () => {
    for (const [path, init] of [
      ['/login', undefined],
      ['/setup', LOCAL],
    ] as const) {
      const response = await app.request(path, {}, init);
      expect(response.status, path).toBe(200);
      const page = await response.text();
      expect(page).toContain(`<link rel="stylesheet" href="${assetUrl('reader.css')}">`);
      expect(page).toContain('<meta name="color-scheme" content="light dark">');
      expect(page).toContain('<body class="auth"><main class="auth-card"');
      expect(page).not.toMatch(/<style|style=|<script/);
    }
    const css = await app.request(assetUrl('reader.css'));
    expect(css.status).toBe(200);
    const text = await css.text();
    expect(text).toContain('.auth-card {');
    expect(text).toMatch(/@media \(prefers-color-scheme: dark\) \{\s*:root:not\(\[data-theme="light"\]\)/);
  });

  it('show a failed login as an alert inside the card', async () => {
    await createUser(ctx, { name: 'ann', password: PASSWORD });
    const page = await (await postLogin('ann', 'wrong password')).text();
    expect(page).toContain('<p role="alert" class="notice error"><strong>Wrong name or password.</strong></p>');
  });
});

describe('the first-run setup page', () => {
  it('answers only requests from this machine', async () => {
    expect((await app.request('/setup', {}, REMOTE)).status).toBe(403);
    expect((await app.request('/setup')).status).toBe(403);
    expect((await app.request('/setup', { headers: { 'x-forwarded-for': '203.0.113.7' } }, LOCAL)).status).toBe(403);
    expect(
      (await app.request('/setup', {}, { incoming: { socket: { remoteAddress: '::ffff:127.0.0.1' } } })).status,
    ).toBe(200);
    expect((await app.request('/setup', {}, { incoming: { socket: { remoteAddress: '::1' } } })).status).toBe(200);
    expect((await app.request('/setup', {}, { incoming: { socket: { remoteAddress: 'fe80::1' } } })).status).toBe(403);
  });

  it('creates the first admin, logs them in, and then is gone', async () => {
    const form = await app.request('/setup', {}, LOCAL);
    expect(form.status).toBe(200);
    const cookie = `tidings_csrf=${cookieValue(setCookies(form).get('tidings_csrf'))}`;
    const token = csrfOf(await form.text());
    const post = (fields: Record<string, string>) =>
      app.request(
        '/setup',
        {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(fields),
        },
        LOCAL,
      );
    expect((await post({ name: 'root', password: PASSWORD, confirm: 'different!', _csrf: token })).status).toBe(400);
    expect((await post({ name: 'root', password: PASSWORD, confirm: PASSWORD })).status).toBe(403);
    const created = await post({ name: 'root', password: PASSWORD, confirm: PASSWORD, _csrf: token });
    expect(created.status).toBe(303);
    expect(setCookies(created).get('tidings_session')).toMatch(/HttpOnly/);
    expect(await ctx.store.findUserByName('root')).toMatchObject({ admin: true });
    expect((await app.request('/setup', {}, LOCAL)).status).toBe(403);
    expect((await post({ name: 'evil', password: PASSWORD, confirm: PASSWORD, _csrf: token })).status).toBe(403);
  });
});

describe('login limits over HTTP', () => {
  it('lets the admin in with the right password after a stranger locked the address with random names', async () => {
    await createUser(ctx, { name: 'ann', password: PASSWORD, admin: true });
    // The rule is the default limiter's (30 per address); a lower bound keeps the test's scrypt work small.
    authStateFor(ctx).limiter = createLoginLimiter({ maxFailuresPerAddress: 6 });
    for (let i = 0; i < 6; i++) expect((await postLogin(`random${i}`, 'wrong password')).status).toBe(401);
    expect((await postLogin('ann', PASSWORD)).status).toBe(303);
    const wrong = await postLogin('bob', 'still wrong!');
    expect(wrong.status).toBe(429);
    expect(await wrong.text()).toContain('Only a correct password gets in');
    expect((await postLogin('random0', PASSWORD)).status).toBe(429);
  });
});

describe('requests through a proxy Tidings does not trust', () => {
  it('says so once in the log and on the health page for admins', async () => {
    await createUser(ctx, { name: 'ann', password: PASSWORD, admin: true });
    await createUser(ctx, { name: 'bob', password: PASSWORD });
    const lines: string[] = [];
    const watched = createApp(ctx, { log: (line) => lines.push(line) });
    const admin = await session('ann');
    const user = await session('bob');
    const health = async (cookie: string) =>
      (await watched.request('http://tidings.test/feeds/health', { headers: { cookie } }, REMOTE)).text();
    expect(await health(admin.cookie)).not.toContain('untrusted-proxy');
    expect(lines).toEqual([]);
    for (let i = 0; i < 2; i++)
      await watched.request('http://tidings.test/login', { headers: { 'x-forwarded-for': '198.51.100.4' } }, REMOTE);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('X-Forwarded-For but trustProxy is off');
    const page = await health(admin.cookie);
    expect(page).toContain('data-testid="untrusted-proxy"');
    expect(page).toContain('2 such requests');
    expect(await health(user.cookie)).not.toContain('untrusted-proxy');
  });

  it('stays quiet when trustProxy is on', async () => {
    await closeContext(ctx);
    await open(true);
    const lines: string[] = [];
    const watched = createApp(ctx, { log: (line) => lines.push(line) });
    await watched.request('http://tidings.test/login', { headers: { 'x-forwarded-for': '198.51.100.4' } }, REMOTE);
    expect(lines).toEqual([]);
  });
});
