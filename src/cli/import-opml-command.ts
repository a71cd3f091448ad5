/**
 * `tidings import opml FILE|URL [--json]`: subscribe to every feed of an OPML list, with
 * its folder as category. Nothing is fetched now; the next round (`tidings fetch`, or the
 * server's scheduler) fetches them. What the document itself got wrong (cut short, nested too
 * deep, feeds listed twice) is listed on stderr and counted; a broken document exits 1.
 */
import { importOpml } from '../ingest/index.ts';
import { EXIT, fail, printJson, type CliIo } from './cli-io.ts';
import { formatTable } from './format.ts';
import { withContext, type GlobalOptions } from './with-context.ts';

/** Runs `tidings import opml`; exit 1 when the list cannot be read or is broken (what could be read is imported; its problems on stderr), else 0 (invalid entries are listed). */
export async function runImportOpml(
  io: CliIo,
  globals: GlobalOptions,
  source: string,
  options: { json?: boolean },
): Promise<number> {
  return withContext(io, globals, async (ctx) => {
    const result = await importOpml(ctx, source);
    if (result.kind === 'failed') return fail(io, `${result.error.code}: ${result.error.message}`);
    const status = result.wellFormed ? EXIT.ok : EXIT.failure;
    if (options.json === true) {
      printJson(io, result);
      return status;
    }
    const rows = result.items.map((i) => [
      i.kind,
      i.feedId === undefined ? '' : `#${i.feedId}`,
      i.url,
      i.category ?? '',
      i.reason ?? '',
    ]);
    const count = (kind: string) => result.items.filter((i) => i.kind === kind).length;
    const problems = result.problems.length;
    const summary =
      `${count('added')} added, ${count('restored')} restored, ${count('exists')} already subscribed, ${count('invalid')} invalid` +
      `${problems === 0 ? '' : `; ${problems} ${problems === 1 ? 'problem' : 'problems'} in the document, listed on stderr`}`;
    io.stdout(`${rows.length === 0 ? '' : `${formatTable(rows)}\n`}${summary}\n`);
    for (const problem of result.problems) io.stderr(`tidings: ${source}: ${problem}\n`);
    if (!result.wellFormed)
      io.stderr(`tidings: ${source} is broken (not well-formed XML): only what could be read was imported\n`);
    return status;
  });
}
