import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../test/fixture-server/index.ts';
import { createTestContext, removeFolder, type TestContext } from '../ingest/testdata/test-context.ts';
import { createApiToken, resolveApiToken, revokeApiToken } from './api-tokens.ts';
import { createLoginLimiter } from './login-limiter.ts';
import { createMemoryLoginFailures, type LoginFailureStore } from './memory-login-failures.ts';
import { checkPasswordPolicy, hashPassword, needsRehash, verifyPassword } from './password-hash.ts';
import {
  checkSessionCsrfToken,
  login,
  logout,
  logoutEverywhere,
  resolveSession,
  SESSION_TOUCH_MS,
  SESSION_TTL_MS,
  sessionCsrfToken,
} from './sessions.ts';
import { subscribeUser, unsubscribeUser } from './subscriptions.ts';
import { createUser, removeUser, setAdmin, setDisabled, setPassword } from './users.ts';

const PASSWORD = 'correct horse';
const CHEAP = { N: 1024, r: 8, p: 1 };

describe('password hashing', () => {
  it('stores scrypt parameters with salt and hash, and verifies only the right password', async () => {
    const stored = await hashPassword(PASSWORD, CHEAP);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await hashPassword(PASSWORD, CHEAP)).not.toBe(stored);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(await verifyPassword('correct horsE', stored)).toBe(false);
    expect(await verifyPassword(PASSWORD, stored.replace('$1024$', '$2048$'))).toBe(false);
    expect(await verifyPassword(PASSWORD, 'scrypt$1048576000$8$1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA')).toBe(false);
    expect(await verifyPassword(PASSWORD, 'plain')).toBe(false);
    expect(needsRehash(stored)).toBe(true);
    expect(needsRehash(await hashPassword(PASSWORD))).toBe(false);
  });

  it('refuses passwords shorter than 8 characters', () => {
    expect(() => checkPasswordPolicy('1234567')).toThrow(expect.objectContaining({ code: 'user.weak-password' }));
    expect(() => checkPasswordPolicy('密码密码密码密码')).not.toThrow();
  });
});

describe('the login limiter', () => {
  it('locks a name and address after 5 failures, for a time that doubles with each further failure', async () => {
    const limiter = createLoginLimiter();
    const t = 1_000_000;
    for (let i = 0; i < 4; i++) await limiter.recordFailure('ann', '10.0.0.1', t);
    expect(await limiter.check('ann', '10.0.0.1', t)).toEqual({ kind: 'open' });
    await limiter.recordFailure('ANN', '10.0.0.1', t);
    expect(await limiter.check('ann', '10.0.0.1', t)).toEqual({ kind: 'locked', retryAfterMs: 60_000 });
    expect(await limiter.check('ann', '10.0.0.2', t)).toEqual({ kind: 'open' });
    expect(await limiter.check('bob', '10.0.0.1', t)).toEqual({ kind: 'open' });
    expect(await limiter.check('ann', '10.0.0.1', t + 60_000)).toEqual({ kind: 'open' });
    await limiter.recordFailure('ann', '10.0.0.1', t + 60_000);
    expect(await limiter.check('ann', '10.0.0.1', t + 60_000)).toEqual({ kind: 'locked', retryAfterMs: 120_000 });
    await limiter.recordSuccess('ann', '10.0.0.1');
    expect(await limiter.check('ann', '10.0.0.1', t + 60_000)).toEqual({ kind: 'open' });
  });

  it('lets only a correct password through an address that tried many names, and locks a name at its first failure there', async () => {
    const limiter = createLoginLimiter({ maxFailuresPerAddress: 10 });
    for (let i = 0; i < 10; i++) await limiter.recordFailure(`user${i}`, '10.0.0.9', 0);
    expect(await limiter.check('someone-else', '10.0.0.9', 0)).toEqual({
      kind: 'correct-password-only',
      retryAfterMs: 60_000,
    });
    expect((await limiter.check('someone-else', '10.0.0.8', 0)).kind).toBe('open');
    await limiter.recordFailure('someone-else', '10.0.0.9', 1);
    expect(await limiter.check('someone-else', '10.0.0.9', 1)).toEqual({ kind: 'locked', retryAfterMs: 60_000 });
    expect((await limiter.check('user0', '10.0.0.9', 1)).kind).toBe('locked');
    expect((await limiter.check('admin', '10.0.0.9', 1)).kind).toBe('correct-password-only');
  });

  it('keeps its counts behind an async store that another back end can implement', async () => {
    const calls: string[] = [];
    const inner = createMemoryLoginFailures();
    const failures: LoginFailureStore = {
      recent: (keys, since) => {
        calls.push(`recent ${keys.length}`);
        return inner.recent(keys, since);
      },
      add: (keys, at, forgetBefore) => {
        calls.push(`add ${keys.length}`);
        return inner.add(keys, at, forgetBefore);
      },
      clear: (key) => {
        calls.push('clear');
        return inner.clear(key);
      },
    };
    const limiter = createLoginLimiter({ failures, maxFailures: 1 });
    await limiter.recordFailure('ann', '10.0.0.1', 0);
    expect((await limiter.check('ann', '10.0.0.1', 0)).kind).toBe('locked');
    await limiter.recordSuccess('ann', '10.0.0.1');
    expect(calls).toEqual(['add 2', 'recent 2', 'clear']);
  });

  it('forgets the least recently failed keys beyond its bound', async () => {
    const failures = createMemoryLoginFailures(4);
    for (let i = 0; i < 6; i++) await failures.add([`k${i}`], i, -1);
    expect(await failures.recent(['k0', 'k1', 'k2', 'k5'], -1)).toEqual([[], [], [2], [5]]);
  });
});

describe('accounts', () => {
  let server: FixtureServer;
  let ctx: TestContext;

  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    ctx = await createTestContext();
  });
  afterEach(async () => {
    await ctx.close();
    await removeFolder(ctx.dir);
  });

  it('creates users with checked names and passwords; the first one follows the existing feeds', async () => {
    await ctx.store.addFeed({ url: 'https://a.example/rss' });
    const first = await createUser(ctx, { name: 'ann', password: PASSWORD, admin: true, scrypt: CHEAP });
    expect(first).toMatchObject({ user: { name: 'ann', admin: true }, subscribedFeeds: 1 });
    const second = await createUser(ctx, { name: '小明', password: PASSWORD, scrypt: CHEAP });
    expect(second).toMatchObject({ user: { name: '小明', admin: false }, subscribedFeeds: 0 });
    await expect(createUser(ctx, { name: 'ANN', password: PASSWORD })).rejects.toMatchObject({ code: 'user.exists' });
    await expect(createUser(ctx, { name: 'a b', password: PASSWORD })).rejects.toMatchObject({
      code: 'user.invalid-name',
    });
    await expect(createUser(ctx, { name: '-x', password: PASSWORD })).rejects.toMatchObject({
      code: 'user.invalid-name',
    });
    await expect(createUser(ctx, { name: 'carl', password: 'short' })).rejects.toMatchObject({
      code: 'user.weak-password',
    });
  });

  it('logs in with the right password only, and never says whether the name exists', async () => {
    const { user } = await createUser(ctx, { name: 'ann', password: PASSWORD, scrypt: CHEAP });
    const limiter = createLoginLimiter();
    const ok = await login(ctx, limiter, 'Ann', PASSWORD, { ip: '10.0.0.1', userAgent: 'Test' });
    if (ok.kind !== 'ok') throw new Error(ok.kind);
    expect(ok.token).toMatch(/^[\w-]{43}$/);
    expect(ok.session).toMatchObject({ userId: user.id, ip: '10.0.0.1', userAgent: 'Test' });
    expect(ok.session.id).not.toContain(ok.token);
    expect(await resolveSession(ctx, ok.token)).toMatchObject({ user: { id: user.id } });
    expect(await resolveSession(ctx, `${ok.token}x`)).toBeUndefined();
    expect(await login(ctx, limiter, 'ann', 'wrong password')).toEqual({ kind: 'invalid' });
    expect(await login(ctx, limiter, 'nobody', PASSWORD)).toEqual({ kind: 'invalid' });
    // The cheap hash was replaced by one with today's cost at the first good login.
    expect(needsRehash((await ctx.store.getUserCredentials('ann'))!.passwordHash)).toBe(false);
    await setDisabled(ctx, user.id, true);
    expect(await resolveSession(ctx, ok.token)).toBeUndefined();
    expect(await login(ctx, limiter, 'ann', PASSWORD)).toEqual({ kind: 'invalid' });
  });

  it('rate-limits failed logins per name and address, even with the right password', async () => {
    await createUser(ctx, { name: 'ann', password: PASSWORD, scrypt: CHEAP });
    const limiter = createLoginLimiter();
    for (let i = 0; i < 5; i++)
      expect((await login(ctx, limiter, 'ann', `guess ${i}!`, { ip: '10.0.0.1' })).kind).toBe('invalid');
    expect(await login(ctx, limiter, 'ann', PASSWORD, { ip: '10.0.0.1' })).toEqual({
      kind: 'rate-limited',
      retryAfterMs: 60_000,
      scope: 'name',
    });
    expect((await login(ctx, limiter, 'ann', PASSWORD, { ip: '10.0.0.2' })).kind).toBe('ok');
    ctx.advance(60_000);
    expect((await login(ctx, limiter, 'ann', PASSWORD, { ip: '10.0.0.1' })).kind).toBe('ok');
  });

  it('lets the admin in with the right password after a stranger locked the address with random names', async () => {
    await createUser(ctx, { name: 'admin', password: PASSWORD, admin: true, scrypt: CHEAP });
    await createUser(ctx, { name: 'bob', password: PASSWORD, scrypt: CHEAP });
    // The default locks an address at 30 failures; a lower bound keeps the test's scrypt work small.
    const limiter = createLoginLimiter({ maxFailuresPerAddress: 6 });
    for (let i = 0; i < 6; i++)
      expect((await login(ctx, limiter, `stranger${i}`, 'guess', { ip: '10.0.0.1' })).kind).toBe('invalid');
    // The address is locked: a wrong password is refused as rate-limited and locks its name there at once.
    expect(await login(ctx, limiter, 'bob', 'wrong guess', { ip: '10.0.0.1' })).toEqual({
      kind: 'rate-limited',
      retryAfterMs: 60_000,
      scope: 'address',
    });
    expect((await login(ctx, limiter, 'bob', PASSWORD, { ip: '10.0.0.1' })).kind).toBe('rate-limited');
    // The admin's own pair is not locked, so the right password gets in.
    expect((await login(ctx, limiter, 'admin', PASSWORD, { ip: '10.0.0.1' })).kind).toBe('ok');
    expect((await login(ctx, limiter, 'admin', PASSWORD, { ip: '10.0.0.1' })).kind).toBe('ok');
    ctx.advance(60_000);
    expect((await login(ctx, limiter, 'bob', PASSWORD, { ip: '10.0.0.1' })).kind).toBe('ok');
  });

  it('expires unused sessions, slides used ones, and logs out one or every session', async () => {
    const { user } = await createUser(ctx, { name: 'ann', password: PASSWORD, scrypt: CHEAP });
    const limiter = createLoginLimiter();
    const first = await login(ctx, limiter, 'ann', PASSWORD);
    const second = await login(ctx, limiter, 'ann', PASSWORD);
    const third = await login(ctx, limiter, 'ann', PASSWORD);
    if (first.kind !== 'ok' || second.kind !== 'ok' || third.kind !== 'ok') throw new Error('login failed');
    ctx.advance(SESSION_TTL_MS - SESSION_TOUCH_MS);
    expect(await resolveSession(ctx, first.token)).toBeDefined();
    ctx.advance(2 * SESSION_TOUCH_MS);
    expect(await resolveSession(ctx, first.token)).toBeDefined();
    expect(await resolveSession(ctx, second.token)).toBeUndefined();
    expect(await ctx.store.findSession(second.session.id)).toBeUndefined();
    expect(await logout(ctx, first.token)).toBe(true);
    expect(await resolveSession(ctx, first.token)).toBeUndefined();

    const a = await login(ctx, limiter, 'ann', PASSWORD);
    const b = await login(ctx, limiter, 'ann', PASSWORD);
    if (a.kind !== 'ok' || b.kind !== 'ok') throw new Error('login failed');
    // The third session expired unused; logging in swept it away.
    expect(await ctx.store.findSession(third.session.id)).toBeUndefined();
    expect(await logoutEverywhere(ctx, user.id)).toBe(2);
    expect(await resolveSession(ctx, a.token)).toBeUndefined();
    expect(await resolveSession(ctx, b.token)).toBeUndefined();

    const c = await login(ctx, limiter, 'ann', PASSWORD);
    if (c.kind !== 'ok') throw new Error('login failed');
    await setPassword(ctx, user.id, 'another password', { scrypt: CHEAP });
    expect(await resolveSession(ctx, c.token)).toBeUndefined();
    expect((await login(ctx, limiter, 'ann', 'another password')).kind).toBe('ok');
  });

  it('derives a CSRF token per session that does not reveal the session token', () => {
    const csrf = sessionCsrfToken('session-token');
    expect(csrf).not.toContain('session-token');
    expect(checkSessionCsrfToken('session-token', csrf)).toBe(true);
    expect(checkSessionCsrfToken('other-token', csrf)).toBe(false);
    expect(checkSessionCsrfToken('session-token', '')).toBe(false);
  });

  it('creates API tokens shown once, resolves them by hash, and revokes them', async () => {
    const { user } = await createUser(ctx, { name: 'ann', password: PASSWORD, scrypt: CHEAP });
    const { user: bob } = await createUser(ctx, { name: 'bob', password: PASSWORD, scrypt: CHEAP });
    const created = await createApiToken(ctx, user.id, 'phone', 'read');
    expect(created.token).toMatch(/^tdg_[\w-]{43}$/);
    expect(created.record).toMatchObject({ name: 'phone', scope: 'read', userId: user.id });
    expect(await resolveApiToken(ctx, created.token)).toMatchObject({
      user: { id: user.id },
      token: { scope: 'read', lastUsedAt: ctx.now() },
    });
    expect(await resolveApiToken(ctx, 'tdg_nope')).toBeUndefined();
    await expect(createApiToken(ctx, user.id, ' ', 'read')).rejects.toMatchObject({ code: 'input.invalid' });
    await expect(createApiToken(ctx, user.id, 'x', 'admin' as 'read')).rejects.toMatchObject({ code: 'input.invalid' });
    expect(await revokeApiToken(ctx, created.record.id, bob.id)).toBe(false);
    expect(await revokeApiToken(ctx, created.record.id, user.id)).toBe(true);
    expect(await resolveApiToken(ctx, created.token)).toBeUndefined();
  });

  it('always keeps one enabled admin', async () => {
    const { user: ann } = await createUser(ctx, { name: 'ann', password: PASSWORD, admin: true, scrypt: CHEAP });
    const { user: bob } = await createUser(ctx, { name: 'bob', password: PASSWORD, scrypt: CHEAP });
    await expect(removeUser(ctx, ann.id)).rejects.toMatchObject({ code: 'user.last-admin' });
    await expect(setAdmin(ctx, ann.id, false)).rejects.toMatchObject({ code: 'user.last-admin' });
    await expect(setDisabled(ctx, ann.id, true)).rejects.toMatchObject({ code: 'user.last-admin' });
    await setAdmin(ctx, bob.id, true);
    await removeUser(ctx, ann.id);
    expect((await ctx.store.listUsers()).map((u) => u.name)).toEqual(['bob']);
    await expect(removeUser(ctx, ann.id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('fetches a URL several users follow once, and stops fetching it when the last one leaves', async () => {
    const { user: ann } = await createUser(ctx, { name: 'ann', password: PASSWORD, scrypt: CHEAP });
    const { user: bob } = await createUser(ctx, { name: 'bob', password: PASSWORD, scrypt: CHEAP });
    const url = server.url('/feed.xml');
    const before = server.requests.filter((r) => r.path === '/feed.xml').length;
    const first = await subscribeUser(ctx, ann.id, server.url('/page.html'), { title: 'Ann’s', category: 'Blogs' });
    expect(first).toMatchObject({
      kind: 'subscribed',
      feedAdded: true,
      discoveredFrom: server.url('/page.html'),
      subscription: { displayTitle: 'Ann’s', displayCategory: 'Blogs' },
    });
    if (first.kind !== 'subscribed') return;
    expect(first.subscription.feed).toMatchObject({ url, title: 'Fixture feed' });
    expect(first.subscription.feed.category).toBeUndefined();
    const second = await subscribeUser(ctx, bob.id, url);
    expect(second).toMatchObject({
      kind: 'subscribed',
      feedAdded: false,
      subscription: { displayTitle: 'Fixture feed' },
    });
    expect(await subscribeUser(ctx, bob.id, url)).toMatchObject({ kind: 'already-subscribed' });
    expect(server.requests.filter((r) => r.path === '/feed.xml').length - before).toBe(1);
    expect((await subscribeUser(ctx, bob.id, 'ftp://x')).kind).toBe('failed');

    const feedId = first.subscription.feedId;
    expect(await unsubscribeUser(ctx, ann.id, feedId)).toEqual({ kind: 'unsubscribed', feedRemoved: false });
    expect(await unsubscribeUser(ctx, ann.id, feedId)).toEqual({ kind: 'not-subscribed' });
    expect(await unsubscribeUser(ctx, bob.id, feedId)).toEqual({ kind: 'unsubscribed', feedRemoved: true });
    expect((await ctx.store.getFeed(feedId))?.removedAt).toBeDefined();
    const back = await subscribeUser(ctx, ann.id, url);
    expect(back).toMatchObject({ kind: 'subscribed', feedAdded: true });
    expect((await ctx.store.getFeed(feedId))?.removedAt).toBeUndefined();
  });
});
