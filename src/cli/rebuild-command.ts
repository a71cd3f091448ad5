/**
 * `tidings rebuild [--json]`: a new database from the plain-file archive (every revision),
 * with what the archive does not hold kept from the old database, swapped in atomically with
 * the old one kept as tidings.db.bak. Refused while `tidings serve` (or anything else) has
 * the database open.
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
      io.stdout(
        `Rebuilt the database from ${ctx.archiveRoot}: ${result.feeds} feeds, ${result.revisions} revisions${backup}\n`,
      );
      const { kept } = result;
      if ('error' in kept) {
        io.stderr(
          `tidings: warning: the old database could not be read (${kept.error}): accounts, subscriptions, read marks, feed settings and tombstones start afresh\n`,
        );
      } else {
        io.stdout(
          `Kept from the old database: ${kept.users} users, ${kept.subscriptions} subscriptions, ${kept.marks} read or starred marks, ` +
            `${kept.tombstones} deleted articles, every feed's settings and fetch history${kept.feedsAdded > 0 ? ` (${kept.feedsAdded} feeds with nothing archived yet)` : ''}.\n`,
        );
      }
    }
    for (const problem of result.problems) io.stderr(`tidings: ${problem.file}: ${problem.reason}\n`);
    return EXIT.ok;
  });
}
