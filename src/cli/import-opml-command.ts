/**
 * `tidings import opml FILE|URL [--json]`: subscribe to every feed of an OPML list, with
 * its folder as category. Nothing is fetched now; the next round (`tidings fetch`, or the
 * server's scheduler) fetches them.
 */
import { importOpml } from '../ingest/index.ts';
import { EXIT, fail, printJson, type CliIo } from './cli-io.ts';
import { formatTable } from './format.ts';
import { withContext, type GlobalOptions } from './with-context.ts';

/** Runs `tidings import opml`; exit 1 when the list cannot be read, else 0 (invalid entries are listed). */
export async function runImportOpml(
  io: CliIo,
  globals: GlobalOptions,
  source: string,
  options: { json?: boolean },
): Promise<number> {
  return withContext(io, globals, async (ctx) => {
    const result = await importOpml(ctx, source);
    if (result.kind === 'failed') return fail(io, `${result.error.code}: ${result.error.message}`);
    if (options.json === true) {
      printJson(io, result);
      return EXIT.ok;
    }
    const rows = result.items.map((i) => [
      i.kind,
      i.feedId === undefined ? '' : `#${i.feedId}`,
      i.url,
      i.category ?? '',
      i.reason ?? '',
    ]);
    const count = (kind: string) => result.items.filter((i) => i.kind === kind).length;
    const summary = `${count('added')} added, ${count('restored')} restored, ${count('exists')} already subscribed, ${count('invalid')} invalid`;
    io.stdout(`${rows.length === 0 ? '' : `${formatTable(rows)}\n`}${summary}\n`);
    return EXIT.ok;
  });
}
