/**
 * `tidings export archive DIR [--raw] [--feed FEED…] [--git] [--json]`: write the database's
 * articles, every revision, as a plain-file archive folder (cleaned bodies, or as received
 * with --raw). Exporting again into the same folder rewrites nothing that is unchanged. With
 * --git, DIR (new or empty) becomes a git repository whose commits replay the rounds in which
 * the revisions were first seen, oldest first (ingest/archive-jobs/export-git-history.ts).
 */
import { exportArchive, findFeedIdsByRefs } from '../ingest/index.ts';
import { EXIT, fail, printJson, type CliIo } from './cli-io.ts';
import { withContext, type GlobalOptions } from './with-context.ts';

/** Options of `tidings export archive`. */
export interface ExportArchiveCommandOptions {
  raw?: boolean;
  feed?: string[];
  git?: boolean;
  json?: boolean;
}

/** Runs `tidings export archive`; exit 1 for an unknown feed or a write failure. */
export async function runExportArchive(
  io: CliIo,
  globals: GlobalOptions,
  dir: string,
  options: ExportArchiveCommandOptions,
): Promise<number> {
  return withContext(io, globals, async (ctx) => {
    const named = await findFeedIdsByRefs(ctx, options.feed);
    if (named.kind === 'missing') return fail(io, `no feed ${named.ref}`);
    const feedIds = named.feedIds;
    if (options.git === true) {
      const { exportGitHistory } = await import('../ingest/archive-jobs/export-git-history.ts');
      let history;
      try {
        history = await exportGitHistory(ctx, dir, { raw: options.raw === true, feedIds });
      } catch (error) {
        return fail(io, `cannot export to ${dir}: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (options.json === true) printJson(io, history);
      else
        io.stdout(
          `Exported ${history.revisions} article files of ${history.feeds} feeds to ${dir} as ${history.commits} commits\n`,
        );
      for (const problem of history.problems) io.stderr(`tidings: ${problem.file}: ${problem.reason}\n`);
      return EXIT.ok;
    }
    let result;
    try {
      result = await exportArchive(ctx, dir, { raw: options.raw === true, feedIds });
    } catch (error) {
      return fail(io, `cannot export to ${dir}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (options.json === true) printJson(io, result);
    else {
      const written = result.feeds.reduce((sum, f) => sum + f.written, 0);
      io.stdout(
        `Exported ${result.files} article files of ${result.feeds.length} feeds to ${dir} (${written} written, ${result.files - written} unchanged)\n`,
      );
    }
    for (const conflict of result.feeds.flatMap((f) => f.conflicts))
      io.stderr(`tidings: ${conflict.file}: ${conflict.reason}\n`);
    return EXIT.ok;
  });
}
