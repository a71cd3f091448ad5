import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture, PASSWORD, type ApiFixture } from './testdata/api-fixture.ts';

let f: ApiFixture;

beforeAll(async () => {
  f = await createApiFixture();
});

afterAll(async () => {
  await f.close();
});

describe('/api/v1/tokens', () => {
  it('creates a token shown once, which then works, lists it without the secret, and revokes it', async () => {
    const created = await f.call('POST', '/api/v1/tokens', { as: 'bobWrite', body: { name: 'reader app' } });
    expect(created.status).toBe(201);
    const token = (await created.json()) as { token: string; id: number; scope: string };
    expect(token).toMatchObject({ token: expect.stringMatching(/^tdg_/), scope: 'read', name: 'reader app' });
    const me = await f.call('GET', '/api/v1/me', { headers: { authorization: `Bearer ${token.token}` } });
    expect(await me.json()).toMatchObject({ user: { name: 'bob' }, scope: 'read' });
    const listed = (await (await f.call('GET', '/api/v1/tokens', { as: 'bobRead' })).json()) as {
      items: Array<Record<string, unknown>>;
    };
    expect(listed.items.map((t) => t.name)).toContain('reader app');
    expect(JSON.stringify(listed)).not.toContain(token.token);
    expect((await f.call('DELETE', `/api/v1/tokens/${token.id}`, { as: 'annWrite' })).status).toBe(404);
    expect((await f.call('DELETE', `/api/v1/tokens/${token.id}`, { as: 'bobWrite' })).status).toBe(204);
    expect((await f.call('GET', '/api/v1/me', { headers: { authorization: `Bearer ${token.token}` } })).status).toBe(
      401,
    );
  });

  it('refuses an unknown scope or a missing name', async () => {
    expect(
      (await f.call('POST', '/api/v1/tokens', { as: 'bobWrite', body: { name: 'x', scope: 'admin' } })).status,
    ).toBe(400);
    expect((await f.call('POST', '/api/v1/tokens', { as: 'bobWrite', body: { scope: 'read' } })).status).toBe(400);
  });
});

describe('/api/v1/users (admin)', () => {
  let carol = 0;

  it('lists users without password hashes', async () => {
    const response = await f.call('GET', '/api/v1/users', { as: 'annRead' });
    const body = (await response.json()) as { items: Array<Record<string, unknown>> };
    expect(body.items.map((u) => [u.name, u.admin])).toEqual([
      ['ann', true],
      ['bob', false],
    ]);
    expect(JSON.stringify(body)).not.toContain('scrypt');
  });

  it('creates a user, and refuses a taken name (409), a bad name or a weak password (400)', async () => {
    const created = await f.call('POST', '/api/v1/users', {
      as: 'annWrite',
      body: { name: 'carol', password: PASSWORD },
    });
    expect(created.status).toBe(201);
    carol = ((await created.json()) as { id: number }).id;
    const taken = await f.call('POST', '/api/v1/users', {
      as: 'annWrite',
      body: { name: 'Carol', password: PASSWORD },
    });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ error: { code: 'user.exists' } });
    expect(
      await (
        await f.call('POST', '/api/v1/users', { as: 'annWrite', body: { name: 'no spaces', password: PASSWORD } })
      ).json(),
    ).toMatchObject({ error: { code: 'user.invalid-name' } });
    expect(
      await (
        await f.call('POST', '/api/v1/users', { as: 'annWrite', body: { name: 'dan', password: 'short' } })
      ).json(),
    ).toMatchObject({ error: { code: 'user.weak-password' } });
  });

  it('resets a password, disables and enables, grants admin', async () => {
    expect(
      (await f.call('PATCH', `/api/v1/users/${carol}`, { as: 'annWrite', body: { password: 'a brand new password' } }))
        .status,
    ).toBe(200);
    const disabled = await f.call('PATCH', `/api/v1/users/${carol}`, { as: 'annWrite', body: { disabled: true } });
    expect(await disabled.json()).toMatchObject({ name: 'carol', disabled: true, disabledAt: expect.any(String) });
    const admin = await f.call('PATCH', `/api/v1/users/${carol}`, {
      as: 'annWrite',
      body: { disabled: false, admin: true },
    });
    expect(await admin.json()).toMatchObject({ disabled: false, admin: true });
    expect((await f.call('PATCH', '/api/v1/users/99999', { as: 'annWrite', body: { admin: true } })).status).toBe(404);
    expect((await f.call('PATCH', `/api/v1/users/${carol}`, { as: 'annWrite', body: { admin: 'yes' } })).status).toBe(
      400,
    );
  });

  it("a disabled user's tokens stop working", async () => {
    await f.call('PATCH', `/api/v1/users/${f.users.bob}`, { as: 'annWrite', body: { disabled: true } });
    expect((await f.call('GET', '/api/v1/me', { as: 'bobRead' })).status).toBe(401);
    await f.call('PATCH', `/api/v1/users/${f.users.bob}`, { as: 'annWrite', body: { disabled: false } });
    expect((await f.call('GET', '/api/v1/me', { as: 'bobRead' })).status).toBe(200);
  });

  it('deletes a user (204), and never the last enabled admin (409)', async () => {
    expect((await f.call('DELETE', `/api/v1/users/${carol}`, { as: 'annWrite' })).status).toBe(204);
    expect((await f.call('DELETE', `/api/v1/users/${carol}`, { as: 'annWrite' })).status).toBe(404);
    const last = await f.call('DELETE', `/api/v1/users/${f.users.ann}`, { as: 'annWrite' });
    expect(last.status).toBe(409);
    expect(await last.json()).toMatchObject({ error: { code: 'user.last-admin' } });
  });
});

describe('/api/v1/searches', () => {
  it('saves, lists, runs and deletes a search', async () => {
    const created = await f.call('POST', '/api/v1/searches', {
      as: 'bobWrite',
      body: { name: 'fruit', query: 'apples', sort: 'newest' },
    });
    expect(created.status).toBe(201);
    const saved = (await created.json()) as { id: number };
    expect(saved).toMatchObject({ name: 'fruit', query: 'apples', sort: 'newest' });
    const list = (await (await f.call('GET', '/api/v1/searches', { as: 'bobRead' })).json()) as {
      items: Array<{ name: string }>;
    };
    expect(list.items.map((s) => s.name)).toEqual(['fruit']);
    const run = (await (await f.call('GET', `/api/v1/searches/${saved.id}/articles`, { as: 'bobRead' })).json()) as {
      items: Array<{ id: number }>;
    };
    expect(run.items.map((r) => r.id)).toEqual([f.articles.apple]);
    expect((await f.call('DELETE', `/api/v1/searches/${saved.id}`, { as: 'bobWrite' })).status).toBe(204);
    expect((await f.call('DELETE', `/api/v1/searches/${saved.id}`, { as: 'bobWrite' })).status).toBe(404);
    expect((await f.call('GET', `/api/v1/searches/${saved.id}/articles`, { as: 'bobRead' })).status).toBe(404);
  });

  it("keeps each user's searches their own: another user cannot list, run or delete them", async () => {
    const bobs = (await (
      await f.call('POST', '/api/v1/searches', { as: 'bobWrite', body: { name: 'private', query: 'apples' } })
    ).json()) as { id: number };
    const anns = (await (
      await f.call('POST', '/api/v1/searches', { as: 'annWrite', body: { name: 'private', query: 'chip' } })
    ).json()) as { id: number };
    expect(anns.id).not.toBe(bobs.id);
    const annList = (await (await f.call('GET', '/api/v1/searches', { as: 'annRead' })).json()) as {
      items: Array<{ id: number; query: string }>;
    };
    expect(annList.items).toEqual([expect.objectContaining({ id: anns.id, query: 'chip' })]);
    const run = await f.call('GET', `/api/v1/searches/${bobs.id}/articles`, { as: 'annRead' });
    expect(run.status).toBe(404);
    expect(await run.json()).toMatchObject({ error: { code: 'not-found' } });
    expect((await f.call('DELETE', `/api/v1/searches/${bobs.id}`, { as: 'annWrite' })).status).toBe(404);
    const bobList = (await (await f.call('GET', '/api/v1/searches', { as: 'bobRead' })).json()) as {
      items: Array<{ id: number }>;
    };
    expect(bobList.items.map((s) => s.id)).toEqual([bobs.id]);
    expect((await f.call('GET', `/api/v1/searches/${bobs.id}/articles`, { as: 'bobRead' })).status).toBe(200);
    expect((await f.call('DELETE', `/api/v1/searches/${bobs.id}`, { as: 'bobWrite' })).status).toBe(204);
    expect((await f.call('DELETE', `/api/v1/searches/${anns.id}`, { as: 'annWrite' })).status).toBe(204);
  });

  it('refuses a search without a query or with an unknown sort', async () => {
    expect((await f.call('POST', '/api/v1/searches', { as: 'bobWrite', body: { name: 'x' } })).status).toBe(400);
    expect(
      (await f.call('POST', '/api/v1/searches', { as: 'bobWrite', body: { name: 'x', query: 'y', sort: 'oldest' } }))
        .status,
    ).toBe(400);
  });
});

describe('/api/v1/opml', () => {
  it("exports the user's subscriptions with their folders", async () => {
    const response = await f.call('GET', '/api/v1/opml', { as: 'annRead' });
    expect(response.headers.get('content-type')).toMatch(/^text\/x-opml/);
    const text = await response.text();
    expect(text).toContain('xmlUrl="https://news.example/world.xml"');
    expect(text).toMatch(/<outline text="News"[^>]*>\s*<outline text="World"/);
  });

  it('imports a list: subscribes to known and new feeds and reports invalid ones', async () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
      <outline text="Stuff"><outline type="rss" text="World" xmlUrl="https://news.example/world.xml"/>
      <outline type="rss" text="New" xmlUrl="https://new.example/rss"/></outline>
      <outline type="rss" text="Bad" xmlUrl="mailto:x@y"/></body></opml>`;
    const response = await f.call('POST', '/api/v1/opml', {
      as: 'bobWrite',
      body: opml,
      headers: { 'content-type': 'text/x-opml' },
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { items: Array<Record<string, unknown>> };
    expect(result.items.map((i) => i.kind)).toEqual(['subscribed', 'subscribed', 'invalid']);
    const feeds = (await (await f.call('GET', '/api/v1/feeds', { as: 'bobRead' })).json()) as {
      items: Array<Record<string, unknown>>;
    };
    expect(feeds.items.map((i) => [i.url, i.category])).toEqual(
      expect.arrayContaining([
        ['https://news.example/world.xml', 'Stuff'],
        ['https://new.example/rss', 'Stuff'],
      ]),
    );
    const again = (await (
      await f.call('POST', '/api/v1/opml', { as: 'bobWrite', body: opml, headers: { 'content-type': 'text/x-opml' } })
    ).json()) as typeof result;
    expect(again.items.map((i) => i.kind)).toEqual(['already-subscribed', 'already-subscribed', 'invalid']);
  });

  it('refuses a body that is not OPML', async () => {
    const response = await f.call('POST', '/api/v1/opml', {
      as: 'bobWrite',
      body: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
    expect(response.status).toBe(400);
  });
});
