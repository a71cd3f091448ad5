/**
 * `tidings import archive DIR [--json]`: read a plain-file archive folder (an export, a
 * copy of another instance's data/archive, or bare article files) into the database; the
 * new revisions are written into this instance's archive. Every file that cannot be read
 * or is skipped is reported on stderr, one line each, counted on stdout, and never stops
 * the rest; the exit status says whether there was any.
 */
import { importArchive } from '../ingest/index.ts';
import { EXIT, fail, printJson, type CliIo } from './cli-io.ts';
import { withContext, type GlobalOptions } from './with-context.ts';

/** Runs `tidings import archive`; exit 1 when the folder cannot be read or anything in it was skipped or not read whole (each on stderr; the rest is imported), else 0. */
export async function runImportArchive(
  io: CliIo,
  globals: GlobalOptions,
  dir: string,
  options: { json?: boolean },
): Promise<number> {
  return withContext(io, globals, async (ctx) => {
    const result = await importArchive(ctx, dir);
    if (result.kind === 'failed') return fail(io, `${result.error.code}: ${result.error.message}`);
    if (options.json === true) printJson(io, result);
    else {
      const problems = result.problems.length;
      io.stdout(
        `Imported ${result.imported} revisions from ${result.folders.length} feed folders (${result.skipped} already present)` +
          `${problems === 0 ? '' : `; ${problems} ${problems === 1 ? 'file' : 'files'} skipped or not read whole, listed on stderr`}\n`,
      );
    }
    for (const problem of result.problems) io.stderr(`tidings: ${problem.file}: ${problem.reason}\n`);
    return result.problems.length === 0 ? EXIT.ok : EXIT.failure;
  });
}
