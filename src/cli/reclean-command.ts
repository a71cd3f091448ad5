/**
 * `tidings reclean [--feed FEED]… [--json]`: today's cleaning rules (rule packs, the user's
 * packs in `<data>/rules/`, learned boilerplate) applied again to every stored revision's
 * raw body, without fetching (ingest/cleaning/reclean.ts). Prints how many cleaned bodies changed and
 * how many archive files were rewritten; archive files that could not be rewritten are one
 * line each on stderr and make the exit status 1.
 */
import { findFeedIdsByRefs, recleanFeeds, type RecleanResult } from '../ingest/index.ts';
import { EXIT, fail, printJson, type CliIo } from './cli-io.ts';
import { withContext, type GlobalOptions } from './with-context.ts';

/** Options of `tidings reclean`. */
export interface RecleanCommandOptions {
  feed?: string[];
  json?: boolean;
}

/** Runs `tidings reclean`; exit 1 for an unknown feed or archive files that could not be rewritten. */
export async function runReclean(io: CliIo, globals: GlobalOptions, options: RecleanCommandOptions): Promise<number> {
  return withContext(io, globals, async (ctx) => {
    const named = await findFeedIdsByRefs(ctx, options.feed);
    if (named.kind === 'missing') return fail(io, `no feed ${named.ref}`);
    const feedIds = named.feedIds;
    let result: RecleanResult;
    try {
      result = await recleanFeeds(ctx, { feedIds });
    } catch (error) {
      return fail(io, `re-cleaning stopped: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (options.json === true) printJson(io, result);
    else io.stdout(`${summaryLine(result, ctx.settings.archiveBody)}\n`);
    for (const problem of result.problems) io.stderr(`tidings: ${problem.file}: ${problem.reason}\n`);
    return result.problems.length === 0 ? EXIT.ok : EXIT.failure;
  });
}

function summaryLine(result: RecleanResult, archiveBody: 'cleaned' | 'raw'): string {
  const files =
    archiveBody === 'raw'
      ? 'archive files hold raw bodies: none rewritten'
      : `${result.filesRewritten} archive files rewritten`;
  return `Re-cleaned ${result.revisions} revisions of ${result.feeds.length} feeds: ${result.changed} changed, ${result.unchanged} unchanged; ${files}`;
}
