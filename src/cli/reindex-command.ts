/**
 * `tidings reindex [--json]`: rebuilds the full-text search index from every article's
 * latest revision (after a tokenizer change, or to compact the index into one segment). It
 * runs through the store's durable queue, so an interrupted reindex finishes on the next open.
 * Progress goes to stderr on a terminal; `--json` prints `{"articles": N, "durationMs": N}`.
 * `reindexWithStore` is the same command over a Store.
 */
import type { Store } from '../store/index.ts';
import { EXIT, printJson, type CliIo } from './cli-io.ts';
import { withContext, type GlobalOptions } from './with-context.ts';

/** Rebuilds the index of `store` and prints what it did. */
export async function reindexWithStore(
  io: CliIo,
  store: Pick<Store, 'reindexSearch'>,
  options: { json?: boolean },
): Promise<number> {
  let lastShown = 0;
  const result = await store.reindexSearch({
    batchSize: 1000,
    onProgress: (done, total) => {
      if (!io.isTty || options.json === true || Date.now() - lastShown < 500) return;
      lastShown = Date.now();
      io.stderr(`\rindexed ${done.toLocaleString('en')} of ${total.toLocaleString('en')} articles`);
    },
  });
  if (io.isTty && options.json !== true && lastShown > 0) io.stderr('\n');
  if (options.json === true) printJson(io, result);
  else
    io.stdout(
      `Reindexed ${result.articles.toLocaleString('en')} articles in ${(result.durationMs / 1000).toFixed(1)} s.\n`,
    );
  return EXIT.ok;
}

/** Runs `tidings reindex`. */
export async function runReindex(io: CliIo, globals: GlobalOptions, options: { json?: boolean }): Promise<number> {
  return withContext(io, globals, (ctx) => reindexWithStore(io, ctx.store, options));
}
