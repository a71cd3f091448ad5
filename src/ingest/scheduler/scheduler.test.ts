import { describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../../test/fixture-server/index.ts';
import type { RoundSummary } from '../refresh/refresh-round.ts';
import { createScheduler } from './scheduler.ts';
import { useFixtureWorld } from '../testdata/fixture-world.ts';
import type { TestContext } from '../testdata/test-context.ts';

let server: FixtureServer;
let ctx: TestContext;

useFixtureWorld((started, context) => {
  server = started;
  ctx = context;
});

describe('the scheduler', () => {
  it('refreshes due feeds, then sleeps until the next check', async () => {
    await ctx.store.addFeed({ url: server.url('/feed.xml'), now: ctx.now() });
    await ctx.store.addFeed({ url: server.url('/500'), now: ctx.now() });
    const rounds: RoundSummary[] = [];
    const scheduler = createScheduler(ctx, { onRound: (s) => rounds.push(s), minSleepMs: 10 });
    const started = Date.now();
    while (rounds.length === 0 && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 100));
    await scheduler.stop();
    expect(rounds).toHaveLength(1);
    expect(rounds[0]).toMatchObject({ feeds: 2, ok: 1, failed: 1, newArticles: 3 });
  });

  it('stops within the grace period even while a fetch hangs, without recording the cancelled fetch', async () => {
    const added = await ctx.store.addFeed({ url: server.url('/slow'), now: ctx.now() });
    if (added.kind !== 'added') throw new Error(added.kind);
    await ctx.store.updateFeed(added.feed.id, { nextCheckAt: 0 });
    const scheduler = createScheduler(ctx, { minSleepMs: 10 });
    await new Promise((r) => setTimeout(r, 200));
    const stopping = Date.now();
    await scheduler.stop({ graceMs: 300 });
    expect(Date.now() - stopping).toBeLessThan(2000);
    expect(await ctx.store.listFetchLog(added.feed.id, 5)).toEqual([]);
  });
});
