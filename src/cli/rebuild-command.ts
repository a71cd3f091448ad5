/**
 * `tidings rebuild [--json]`: a new database from the plain-file archive alone (every
 * revision), swapped in atomically with the old one kept as tidings.db.bak. Refused while
 * `tidings serve` (or anything else) has the database open.
 */
import { rebuildDatabase } from '../ingest/index.ts';
import { EXIT, fail, printJson, type CliIo } from './cli-io.ts';
import { withContext, type GlobalOptions } from './with-context.ts';

/** Runs `tidings rebuild`; exit 1 when the rebuild failed (the old database is then untouched). */
export async function runRebuild(io: CliIo, globals: GlobalOptions, options: { json?: boolean }): Promise<number> {
  return withContext(io, globals, async (ctx) => {
    const result = await rebuildDatabase(ctx);
    if (result.kind === 'failed') return fail(io, `rebuild failed: ${result.error.message}`);
    if (options.json === true) printJson(io, result);
    else {
      const backup = result.backupPath === undefined ? '' : `; the old database is kept as ${result.backupPath}`;
      io.stdout(`Rebuilt the database from ${ctx.archiveRoot}: ${result.feeds} feeds, ${result.revisions} revisions${backup}\n` +
        'Feed settings, fetch history and deleted-article tombstones are not in the archive and start afresh.\n');
    }
    for (const problem of result.problems) io.stderr(`tidings: ${problem.file}: ${problem.reason}\n`);
    return EXIT.ok;
  });
}
