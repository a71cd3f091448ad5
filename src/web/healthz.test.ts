import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.ts';
import type { Store } from '../store/index.ts';
import { createApp } from './app.ts';
import { HEALTHZ_COUNTS_TTL_MS } from './healthz.ts';
import { createReaderFixture, NOW, type ReaderFixture } from './pages/testdata/reader-fixture.ts';

let f: ReaderFixture;

beforeEach(async () => {
  f = await createReaderFixture();
});

afterEach(() => f.close());

describe('GET /healthz', () => {
  it('counts the store at most once per few seconds, then counts again', async () => {
    let clock = NOW;
    let calls = 0;
    const store: Store = {
      ...f.ctx.store,
      counts: () => {
        calls++;
        return f.ctx.store.counts();
      },
    };
    const app = createApp({ ...f.ctx, store, now: () => clock });
    const articles = async () =>
      ((await (await app.request('/healthz')).json()) as { counts: { articles: number } }).counts.articles;
    expect(await articles()).toBe(4);
    await f.ctx.store.deleteArticle(f.evilArticleId, NOW);
    clock += HEALTHZ_COUNTS_TTL_MS - 1;
    expect(await articles()).toBe(4);
    expect(calls).toBe(1);
    clock += 1;
    expect(await articles()).toBe(3);
    expect(calls).toBe(2);
  });

  it('answers 503 when the store fails, and does not keep the failure', async () => {
    let fail = true;
    const store: Store = {
      ...f.ctx.store,
      counts: () => (fail ? Promise.reject(new AppError('store.failed', 'disk gone')) : f.ctx.store.counts()),
    };
    const app = createApp({ ...f.ctx, store });
    const failed = await app.request('/healthz');
    expect(failed.status).toBe(503);
    expect(await failed.json()).toMatchObject({ ok: false, error: 'disk gone' });
    fail = false;
    expect((await app.request('/healthz')).status).toBe(200);
  });
});
