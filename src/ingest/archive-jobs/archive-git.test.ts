import { execFileSync } from 'node:child_process';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../../test/fixture-server/index.ts';
import { readArchive } from '../../archive/index.ts';
import { refreshRound } from '../refresh/refresh-round.ts';
import { subscribe } from '../subscriptions/subscribe.ts';
import { createTestContext, removeFolder, type TestContext } from '../testdata/test-context.ts';
import type { ArchiveGitConfig } from './archive-git-config.ts';
import { archiveJobsFor, settleArchiveJobs } from './commit-archive-round.ts';
import { exportGitHistory } from './export-git-history.ts';
import { backoffMs, isDue } from './mirror-pusher.ts';

const TOKEN = 'ghp_SECRET_never_in_state_0123';
let server: FixtureServer;
const cleanup: string[] = [];
const contexts: TestContext[] = [];

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  for (const ctx of contexts.splice(0)) {
    await settleArchiveJobs(ctx);
    await ctx.close();
    await removeFolder(ctx.dir);
  }
  for (const dir of cleanup.splice(0)) await rm(dir, { recursive: true, force: true });
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'core.quotepath=off', ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
}

async function bareRepository(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tidings-mirror-'));
  cleanup.push(dir);
  git(dir, 'init', '-q', '--bare', '-b', 'main');
  return dir;
}

async function gitContext(
  remotes: ArchiveGitConfig['remotes'],
  env: Record<string, string> = {},
): Promise<TestContext> {
  const ctx = await createTestContext();
  contexts.push(ctx);
  const archiveGit: ArchiveGitConfig = { author: { name: 'Tidings', email: 'tidings@localhost' }, remotes, env };
  return Object.assign(ctx, { archiveGit });
}

describe('mirror schedule', () => {
  it('waits 1, 2, 4… minutes after failures, at most an hour', () => {
    expect([1, 2, 3, 4, 6, 7, 30].map(backoffMs)).toEqual([
      60_000, 120_000, 240_000, 480_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
  });

  it('pushes after every commit, every N minutes, or after the back-off, and never with nothing to push', () => {
    const every = { name: 'a', url: '/a', pushIntervalMinutes: 0 };
    const hourly = { name: 'b', url: '/b', pushIntervalMinutes: 60 };
    expect(isDue(every, { failures: 0, lastAttemptAt: 1000 }, 1, 1001)).toBe(true);
    expect(isDue(every, { failures: 0 }, 0, 1001)).toBe(false);
    expect(isDue(hourly, { failures: 0, lastAttemptAt: 0 }, 3, 59 * 60_000)).toBe(false);
    expect(isDue(hourly, { failures: 0, lastAttemptAt: 0 }, 3, 60 * 60_000)).toBe(true);
    expect(isDue(every, { failures: 2, nextAttemptAt: 5000 }, 1, 4999)).toBe(false);
    expect(isDue(every, { failures: 2, nextAttemptAt: 5000 }, 1, 5000)).toBe(true);
  });
});

describe('the archive repository after rounds', () => {
  it('commits each round that wrote files and pushes to the mirror; a failing mirror backs off, then recovers', async () => {
    const mirror = await bareRepository();
    const ctx = await gitContext([{ name: 'mirror', url: mirror, pushIntervalMinutes: 0 }], {
      TIDINGS_GIT_TOKEN_MIRROR: TOKEN,
    });
    await subscribe(ctx, server.url('/zh/feed.xml'));
    const first = await refreshRound(ctx);
    expect(first.archiveCommit).toMatchObject({ kind: 'committed', message: '样例新闻: 3 new\n' });
    await settleArchiveJobs(ctx);
    expect(git(mirror, 'rev-parse', 'main')).toBe(git(ctx.archiveRoot, 'rev-parse', 'HEAD'));
    expect((await refreshRound(ctx)).archiveCommit).toEqual({ kind: 'unchanged' });

    await rename(mirror, `${mirror}.away`);
    await subscribe(ctx, server.url('/feed.xml'));
    const failing = await refreshRound(ctx);
    expect(failing.archiveCommit).toMatchObject({ kind: 'committed', message: 'Fixture feed: 3 new\n' });
    await settleArchiveJobs(ctx);
    const pusher = archiveJobsFor(ctx)!.pusher;
    const [down] = await pusher.statuses();
    expect(down).toMatchObject({
      name: 'mirror',
      failures: 1,
      unpushed: 1,
      lastAttemptAt: ctx.now(),
      nextAttemptAt: ctx.now() + 60_000,
    });
    expect(JSON.stringify(down)).not.toContain(TOKEN);

    await rename(`${mirror}.away`, mirror);
    ctx.advance(30_000);
    await pusher.pushDue();
    expect((await pusher.statuses())[0]).toMatchObject({ failures: 1, lastAttemptAt: ctx.now() - 30_000 });
    ctx.advance(30_000);
    await pusher.pushDue();
    expect((await pusher.statuses())[0]).toMatchObject({ failures: 0, unpushed: 0, lastSuccessAt: ctx.now() });
    expect(git(mirror, 'rev-parse', 'main')).toBe(git(ctx.archiveRoot, 'rev-parse', 'HEAD'));
  });

  it('keeps a token out of the state when an HTTP mirror cannot be reached', async () => {
    const ctx = await gitContext([{ name: 'web', url: 'http://127.0.0.1:9/news.git', pushIntervalMinutes: 0 }], {
      TIDINGS_GIT_TOKEN_WEB: TOKEN,
    });
    await subscribe(ctx, server.url('/feed.xml'));
    await refreshRound(ctx);
    await settleArchiveJobs(ctx);
    const [status] = await archiveJobsFor(ctx)!.pusher.statuses();
    expect(status).toMatchObject({ failures: 1, credentials: 'env TIDINGS_GIT_TOKEN_WEB' });
    expect(status.lastError).toMatch(/git push exited 128/);
    expect(JSON.stringify(status)).not.toContain(TOKEN);
    expect(git(ctx.archiveRoot, 'config', '--list')).not.toContain(TOKEN);
  });

  it('exports the history of the database as one commit per round, in time order, that reads back as the same archive', async () => {
    const ctx = await gitContext([]);
    await subscribe(ctx, server.url('/feed.xml'));
    await refreshRound(ctx);
    ctx.advance(3_600_000);
    server.feed.editItem(0, { description: '<p>Changed an hour later.</p>' });
    await refreshRound(ctx);
    ctx.advance(3_600_000);
    server.feed.addItems(2);
    await refreshRound(ctx);
    const dir = join(ctx.dir, 'history');
    const result = await exportGitHistory(ctx, dir);
    expect(result).toMatchObject({ commits: 3, feeds: 1, problems: [] });
    const log = git(dir, 'log', '--reverse', '--format=%at %s').trim().split('\n');
    const times = log.map((line) => Number(line.split(' ')[0]));
    expect(times[1] - times[0]).toBe(3600);
    expect(times[2] - times[1]).toBe(3600);
    expect(log.map((line) => line.slice(line.indexOf(' ') + 1))).toEqual([
      'Fixture feed: 3 new',
      'Fixture feed: 1 revised',
      'Fixture feed: 2 new',
    ]);
    const [live, history] = [[], []] as Array<Array<{ records: unknown[] }>>;
    for await (const folder of readArchive(ctx.archiveRoot)) if (folder.kind === 'feed') live.push(folder);
    for await (const folder of readArchive(dir)) if (folder.kind === 'feed') history.push(folder);
    expect(history.map((f) => f.records)).toEqual(live.map((f) => f.records));
    await expect(exportGitHistory(ctx, dir)).rejects.toMatchObject({ code: 'archive.invalid' });
  });
});
