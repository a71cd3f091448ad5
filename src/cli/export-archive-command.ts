/**
 * `tidings export archive DIR [--raw] [--feed FEED…] [--json]`: write the database's
 * articles, every revision, as a plain-file archive folder (cleaned bodies, or as received
 * with --raw). Exporting again into the same folder rewrites nothing that is unchanged.
 */
import { exportArchive, findFeedIdsByRefs } from '../ingest/index.ts';
import { EXIT, fail, printJson, type CliIo } from './cli-io.ts';
import { withContext, type GlobalOptions } from './with-context.ts';

/** Options of `tidings export archive`. */
export interface ExportArchiveCommandOptions {
  raw?: boolean;
  feed?: string[];
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
