import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../app.ts';
import { createApiFixture, type ApiFixture } from './testdata/api-fixture.ts';

let f: ApiFixture;

beforeAll(async () => {
  f = await createApiFixture();
});

afterAll(async () => {
  await f.close();
});

const API = ROUTES.filter((r) => r.path.startsWith('/api/v1/'));
const concrete = (path: string) => path.replace(/:id/g, '1');

describe('API authentication', () => {
  it.each(API.map((r) => [r.method, r.path]))(
    '%s %s refuses an anonymous request with 401 auth.unauthenticated',
    async (method, path) => {
      const response = await f.call(method, concrete(path), { body: method === 'GET' ? undefined : {} });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await response.json()).toMatchObject({
        error: { code: 'auth.unauthenticated', message: expect.any(String) },
      });
    },
  );

  it.each(API.filter((r) => r.method !== 'GET').map((r) => [r.method, r.path]))(
    '%s %s refuses a read token with 403 auth.forbidden',
    async (method, path) => {
      const response = await f.call(method, concrete(path), { as: 'annRead', body: {} });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: 'auth.forbidden' } });
    },
  );

  it.each(API.filter((r) => r.access === 'admin').map((r) => [r.method, r.path]))(
    '%s %s refuses a user who is not an admin with 403',
    async (method, path) => {
      const response = await f.call(method, concrete(path), {
        as: 'bobWrite',
        body: method === 'GET' ? undefined : {},
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: 'auth.forbidden' } });
    },
  );

  it('refuses a token that does not exist, even with a valid session cookie beside it', async () => {
    const response = await f.call('GET', '/api/v1/me', {
      headers: { authorization: 'Bearer tdg_nope', cookie: f.session.cookie },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'auth.unauthenticated' } });
  });

  it('lets a read token GET and says how the request was authenticated', async () => {
    const response = await f.call('GET', '/api/v1/me', { as: 'annRead' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      user: { name: 'ann', admin: true, disabled: false },
      via: 'token',
      scope: 'read',
    });
  });

  it('accepts the session cookie, and on writes requires its CSRF token', async () => {
    const me = await f.call('GET', '/api/v1/me', { as: 'annSession' });
    expect(await me.json()).toMatchObject({ user: { name: 'ann' }, via: 'session' });
    const forged = await f.call('POST', '/api/v1/searches', {
      as: 'annSession',
      body: { name: 'x', query: 'apple' },
      headers: { 'x-csrf-token': 'wrong' },
    });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ error: { code: 'auth.csrf' } });
    const ok = await f.call('POST', '/api/v1/searches', { as: 'annSession', body: { name: 'x', query: 'apple' } });
    expect(ok.status).toBe(201);
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const response = await f.call('GET', '/api/v1/nothing', { as: 'annRead' });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not-found' } });
  });
});
