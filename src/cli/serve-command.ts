/**
 * `tidings serve [--host H] [--port P]` (what `npm start` runs): write any archive files
 * left pending (and commit them, with `archiveGit` on, then push to due mirrors every 30 s), start the scheduler and the web server (127.0.0.1:8080 by default). One
 * line per fetch round goes to stderr. On SIGINT/SIGTERM the scheduler stops starting
 * feeds, in-flight fetches get 3 s to finish, the server closes, and the process exits
 * within 5 s whatever happens.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createScheduler, flushPendingArchive } from '../ingest/index.ts';
import { archiveJobsFor, commitArchiveRound, settleArchiveJobs } from '../ingest/archive-jobs/commit-archive-round.ts';
import { availableParallelism } from 'node:os';
import { createApp } from '../web/index.ts';
import { createSearchThreads } from '../web/search-threads.ts';
import { EXIT, fail, type CliIo } from './cli-io.ts';
import { summaryLine } from './fetch-command.ts';
import { withContext, type GlobalOptions } from './with-context.ts';

/** Options of `tidings serve`. */
export interface ServeOptions {
  host?: string;
  port?: string;
}

const GRACE_MS = 3_000;
const HARD_EXIT_MS = 4_800;

/** Runs the server until stop is requested; exit 0 after a clean stop, 1 when it cannot listen. */
export async function runServe(io: CliIo, globals: GlobalOptions, options: ServeOptions): Promise<number> {
  const flags = {
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
  };
  return withContext(
    io,
    globals,
    async (ctx) => {
      const flushed = await flushPendingArchive(ctx);
      if (flushed.written > 0) io.stderr(`${stamp()} wrote ${flushed.written} pending archive files\n`);
      if (flushed.error !== undefined) io.stderr(`${stamp()} archive: ${flushed.error}\n`);
      const committed = await commitArchiveRound(ctx);
      if (committed?.kind === 'committed') io.stderr(`${stamp()} archive commit ${committed.commit.slice(0, 12)}\n`);
      if (committed?.kind === 'failed') io.stderr(`${stamp()} archive commit failed: ${committed.error}\n`);
      const stopPushing = archiveJobsFor(ctx)?.pusher.start();
      const threads =
        ctx.storeOptions === undefined
          ? undefined
          : createSearchThreads(ctx.storeOptions, Math.max(1, availableParallelism() - 1), ctx.store);
      ctx.searcher = threads;
      let server: ServerType;
      let address: AddressInfo;
      try {
        ({ server, address } = await listen(
          createApp(ctx, { log: (line) => io.stderr(`${stamp()} warning: ${line}\n`) }).fetch,
          ctx.settings.host,
          ctx.settings.port,
        ));
      } catch (error) {
        await threads?.close();
        return fail(
          io,
          `cannot listen on ${ctx.settings.host}:${ctx.settings.port}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      io.stdout(`Tidings ${ctx.version} is serving http://${host}:${address.port}/ (data in ${ctx.dataDir})\n`);
      const scheduler = createScheduler(ctx, {
        onRound: (summary) => io.stderr(`${stamp()} ${summaryLine(summary)}\n`),
        onError: (error) =>
          io.stderr(`${stamp()} round failed: ${error instanceof Error ? error.message : String(error)}\n`),
      });
      await (io.stopRequested ?? processStop());
      io.stderr(`${stamp()} stopping\n`);
      await scheduler.stop({ graceMs: GRACE_MS });
      stopPushing?.();
      await closeServer(server);
      await threads?.close();
      await settleArchiveJobs(ctx);
      return EXIT.ok;
    },
    flags,
  );
}

function listen(
  fetch: Parameters<typeof serve>[0]['fetch'],
  hostname: string,
  port: number,
): Promise<{ server: ServerType; address: AddressInfo }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname, port }, (address) => resolve({ server, address }));
    server.once('error', reject);
  });
}

function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}

function processStop(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      // Whatever is still running, the process is gone within 5 s of the signal.
      setTimeout(() => process.exit(process.exitCode ?? 0), HARD_EXIT_MS).unref();
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

function stamp(): string {
  return new Date().toISOString();
}
