/**
 * Crash safety: `tidings fetch` is killed with SIGKILL at seeded-random moments, again and
 * again, over 40 Chinese feeds that keep changing between rounds (new items, edited items).
 * After every kill the database passes integrity_check and the archive holds no
 * half-written file (inspectDataDir); after a final clean round every item of every feed is
 * stored with its latest text, and every stored revision has its archive file.
 * Reproduce a failure with TIDINGS_E2E_SEED=<the seed in the message>.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import {
  createFixtureFeed,
  escapeXml,
  startFixtureServer,
  type FixtureFeed,
  type FixtureServer,
} from '../fixture-server/index.ts';
import { inspectDataDir } from './inspect-data-dir.ts';
import { cliJson, requireBuild, runCli, spawnCli, waitForExit } from './run-cli.ts';
import { createTempDirs, type TempDirs } from './temp-dirs.ts';

const FEEDS = 40;
const ITEMS = 25;
const ROUNDS = 20;
const SEED = Number(process.env.TIDINGS_E2E_SEED ?? 20261126);
const ENV = { TIDINGS_PER_HOST_CONCURRENCY: '4', TIDINGS_CONCURRENCY: '8' };

let server: FixtureServer;
let dirs: TempDirs;
const feeds: FixtureFeed[] = [];

beforeAll(async () => {
  requireBuild();
  server = await startFixtureServer();
  dirs = await createTempDirs('crash');
  const random = mulberry32(SEED ^ 0x5eed);
  for (let i = 0; i < FEEDS; i++) {
    const feed = createFixtureFeed({ itemCount: ITEMS, chinese: true, title: `中文样例源 ${i}` });
    feed.setItems(feed.items.map((item, n) => ({ ...item, description: chineseBody(`${i}-${n}`, 6) })));
    feeds.push(feed);
    server.setRoute(`/crash/${i}.xml`, {
      kind: 'custom',
      handle: (req, res) => setTimeout(() => answerFeed(feed, req, res), 20 + random() * 80),
    });
  }
});

afterAll(async () => {
  await server?.close();
  await dirs?.cleanup();
});

describe('kill -9 during tidings fetch', () => {
  it(`leaves a sound database and archive every time, and the next round loses nothing (seed ${SEED})`, async () => {
    const data = await dirs.make('data');
    const opml = join(dirs.path('data'), 'feeds.opml');
    await writeFile(opml, opmlFor(feeds.map((_, i) => server.url(`/crash/${i}.xml`))));
    await cliJson(data, ['import', 'opml', opml]);

    const random = mulberry32(SEED);
    let killed = 0;
    const leftovers = new Set<string>();
    let pendingSeen = 0;
    // Kill times spread over the round: the window shrinks to a round's length once one ends by itself.
    let window = 1600;
    for (let round = 0; round < ROUNDS; round++) {
      const delay = Math.floor(150 + random() * window);
      const started = performance.now();
      const { code, signal, stderr } = await waitForExit(spawnCli(data, ['fetch'], { env: ENV }), delay);
      if (signal === 'SIGKILL') {
        killed++;
      } else {
        expect(code, `round ${round} (seed ${SEED}) ended on its own: ${stderr}`).toBe(0);
        window = Math.max(300, Math.min(window, (performance.now() - started) * 0.9 - 150));
      }

      const report = await inspectDataDir(data);
      const where = `after the kill of round ${round} at ${delay} ms (seed ${SEED})`;
      expect(report.integrity, where).toBe('ok');
      expect(report.problems, where).toEqual([]);
      for (const file of report.tempFiles) leftovers.add(file);
      if (report.pendingRevisions > 0) pendingSeen++;
      mutateFeeds(random, round);
    }
    // Most kills must land inside the round, or this test proves little.
    expect(killed, `killed ${killed}/${ROUNDS} rounds mid-run (seed ${SEED})`).toBeGreaterThanOrEqual(ROUNDS / 2);

    const final = await runCli(data, ['fetch', '--json'], { env: ENV });
    expect(final.code, final.stderr).toBe(0);
    expect(JSON.parse(final.stdout)).toMatchObject({ feeds: FEEDS, failed: 0 });
    const report = await inspectDataDir(data);
    expect(report.integrity).toBe('ok');
    expect(report.problems).toEqual([]);
    expect(report.pendingRevisions, 'every stored revision has its archive file').toBe(0);
    expect(storedLatest(data)).toEqual(expectedLatest());
    console.info(
      `crash-safety: ${killed}/${ROUNDS} rounds killed mid-run, ${pendingSeen} left revisions pending their file, ` +
        `${leftovers.size} temporary files left by kills (ignored by the reader), ${report.revisions} revisions at the end`,
    );
  }, 240_000);
});

/** Between rounds: new items on some feeds, edits (new revisions) on others. */
function mutateFeeds(random: () => number, round: number): void {
  for (let k = 0; k < 4; k++) feeds[Math.floor(random() * FEEDS)].addItems(1 + Math.floor(random() * 3));
  for (let k = 0; k < 3; k++) {
    const feed = feeds[Math.floor(random() * FEEDS)];
    const index = Math.floor(random() * feed.items.length);
    feed.editItem(index, { description: chineseBody(`edit-${round}-${k}`, 4) });
  }
}

/** Returns feed URL path → guid → latest raw body, from the database. */
function storedLatest(data: string): Record<string, Record<string, string>> {
  const db = new Database(join(data, 'tidings.db'), { readonly: true });
  try {
    const rows = db
      .prepare(`
      SELECT f.url, a.guid, r.raw_body FROM articles a JOIN feeds f ON f.id = a.feed_id
      JOIN revisions r ON r.article_id = a.id AND r.number = a.revision_count - 1
    `)
      .all() as Array<{ url: string; guid: string; raw_body: string }>;
    const stored: Record<string, Record<string, string>> = {};
    for (const row of rows) (stored[new URL(row.url).pathname] ??= {})[row.guid] = row.raw_body;
    return stored;
  } finally {
    db.close();
  }
}

function expectedLatest(): Record<string, Record<string, string>> {
  return Object.fromEntries(
    feeds.map((feed, i) => [
      `/crash/${i}.xml`,
      Object.fromEntries(feed.items.map((item) => [item.guid, item.description])),
    ]),
  );
}

function chineseBody(tag: string, paragraphs: number): string {
  const text =
    '据新华社报道，长江中下游地区连日降雨，多地启动防汛应急响应。气象部门提醒公众注意出行安全，及时关注最新预警信息。';
  return Array.from({ length: paragraphs }, (_, p) => `<p>${text}（${tag}·第${p + 1}段）</p>`).join('');
}

function answerFeed(feed: FixtureFeed, req: IncomingMessage, res: ServerResponse): void {
  const validators = { etag: feed.etag, 'last-modified': feed.lastModified };
  if (req.headers['if-none-match'] === feed.etag) return void res.writeHead(304, validators).end();
  res.writeHead(200, { ...validators, 'content-type': 'application/rss+xml; charset=utf-8' }).end(feed.body());
}

function opmlFor(urls: string[]): string {
  const outlines = urls.map((url) => `<outline type="rss" text="${escapeXml(url)}" xmlUrl="${escapeXml(url)}"/>`);
  return `<?xml version="1.0"?>\n<opml version="2.0"><head><title>crash</title></head><body>\n${outlines.join('\n')}\n</body></opml>\n`;
}

// A small seeded PRNG (mulberry32), so a failing sequence of kill times can be replayed.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
