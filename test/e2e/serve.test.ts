/**
 * `tidings serve` as a real process on a free port: /healthz answers, the API and republished feed list
 * the feed, and SIGTERM stops it within 5 s with exit 0, even while its scheduler has a
 * fetch in flight that would otherwise take 30 s (a slow-drip server).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { escapeXml, startFixtureServer, type FixtureServer } from '../fixture-server/index.ts';
import { cliJson, killGroup, requireBuild, runCli, spawnCli, waitForExit } from './run-cli.ts';
import { createTempDirs, type TempDirs } from './temp-dirs.ts';

let server: FixtureServer;
let dirs: TempDirs;
let child: ChildProcess | undefined;

beforeAll(async () => {
  requireBuild();
  server = await startFixtureServer();
  dirs = await createTempDirs('serve');
});

afterAll(async () => {
  if (child !== undefined) killGroup(child);
  await server?.close();
  await dirs?.cleanup();
});

/** Resolves with the first match of `pattern` in the child's stdout (rejects after `timeoutMs`). */
function waitForOutput(proc: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(
      () => reject(new Error(`no ${pattern} on stdout within ${timeoutMs} ms; got: ${text}`)),
      timeoutMs,
    );
    proc.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const match = pattern.exec(text);
      if (match !== null) {
        clearTimeout(timer);
        resolve(match);
      }
    });
  });
}

async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('tidings serve', () => {
  it('serves /healthz, the feed through the API and republished RSS, and exits 0 within 5 s of SIGTERM mid-fetch', async () => {
    const data = await dirs.make('data');
    await cliJson(data, ['add', server.url('/feed.xml'), '--title', 'Served feed title']);
    // Imported, never fetched, so due at once: the scheduler starts it and the server drips forever.
    const opml = join(dirs.path('data'), 'slow.opml');
    await writeFile(
      opml,
      `<?xml version="1.0"?>\n<opml version="2.0"><head/><body><outline type="rss" text="slow" xmlUrl="${escapeXml(server.url('/slow'))}"/></body></opml>\n`,
    );
    await cliJson(data, ['import', 'opml', opml]);
    const userAdded = await runCli(data, ['user', 'add', 'reader', '--admin', '--password-stdin'], {
      input: 'correct horse battery\n',
    });
    expect(userAdded.code, userAdded.stderr).toBe(0);
    const { token } = await cliJson<{ token: string }>(data, ['token', 'create', 'e2e', '--user', 'reader']);

    child = spawnCli(data, ['serve', '--host', '127.0.0.1', '--port', '0']);
    const exited = waitForExit(child, 60_000);
    const [, base] = await waitForOutput(child, /serving (http:\/\/127\.0\.0\.1:\d+\/)/, 20_000);

    const health = await fetch(new URL('/healthz', base));
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, version: expect.any(String) });
    // The reader is behind a login: a browser is sent to it, a script uses a token.
    const home = await fetch(base, { redirect: 'manual' });
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toMatch(/^\/login/);
    const auth = { authorization: `Bearer ${token}` };
    const listed = await fetch(new URL('/api/v1/feeds', base), { headers: auth });
    expect(listed.status).toBe(200);
    expect(JSON.stringify(await listed.json())).toContain('Served feed title');
    const republished = await fetch(new URL(`/all.rss?token=${token}`, base));
    expect(republished.status).toBe(200);
    expect(await republished.text()).toContain('Sample item 3');

    await waitUntil(
      () => server.requests.some((r) => r.path === '/slow'),
      20_000,
      'the scheduler to start the slow fetch',
    );
    const signalledAt = performance.now();
    child.kill('SIGTERM');
    const { code, signal, stderr } = await exited;
    const stopMs = performance.now() - signalledAt;
    expect({ code, signal }, stderr).toEqual({ code: 0, signal: null });
    expect(stopMs).toBeLessThan(5_000);
    expect(stderr).toContain('stopping');
    console.info(`serve: stopped ${Math.round(stopMs)} ms after SIGTERM`);

    // The fetch cut short by the shutdown says nothing about the feed, so nothing is recorded on it.
    const { feeds } = await cliJson<{ feeds: Array<{ url: string; lastError?: unknown; lastFetchedAt?: number }> }>(
      data,
      ['feeds'],
    );
    const slow = feeds.find((f) => f.url === server.url('/slow'));
    expect(slow).toMatchObject({ url: server.url('/slow') });
    expect(slow?.lastError).toBeUndefined();
    expect(slow?.lastFetchedAt).toBeUndefined();
  });
});
