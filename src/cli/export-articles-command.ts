/**
 * `tidings export articles DIR [--format markdown|text|html] [--feed FEED]… [--json]`: the
 * latest revision of every article as a file to read (ingest/archive-jobs/export-articles.ts). Not an
 * archive: it cannot be imported back; `tidings export archive` is the portable form.
 */
import { exportArticles, findFeedIdsByRefs, type ArticleFormat } from '../ingest/index.ts';
import { EXIT, fail, printJson, type CliIo } from './cli-io.ts';
import { withContext, type GlobalOptions } from './with-context.ts';

/** Options of `tidings export articles`. */
export interface ExportArticlesCommandOptions {
  format?: string;
  feed?: string[];
  json?: boolean;
}

const FORMATS: Record<string, ArticleFormat> = {
  markdown: 'markdown',
  md: 'markdown',
  text: 'text',
  txt: 'text',
  html: 'html',
};

/** Runs `tidings export articles`; exit 2 for an unknown format, 1 for an unknown feed or a write failure. */
export async function runExportArticles(
  io: CliIo,
  globals: GlobalOptions,
  dir: string,
  options: ExportArticlesCommandOptions,
): Promise<number> {
  const format = FORMATS[(options.format ?? 'markdown').toLowerCase()];
  if (format === undefined)
    return fail(io, `unknown format ${options.format}: use markdown (md), text (txt) or html`, EXIT.usage);
  return withContext(io, globals, async (ctx) => {
    const named = await findFeedIdsByRefs(ctx, options.feed);
    if (named.kind === 'missing') return fail(io, `no feed ${named.ref}`);
    const feedIds = named.feedIds;
    try {
      const result = await exportArticles(ctx, dir, { format, feedIds });
      if (options.json === true) printJson(io, result);
      else io.stdout(`Exported ${result.files} articles of ${result.feeds.length} feeds to ${dir} as ${format}\n`);
      return EXIT.ok;
    } catch (error) {
      return fail(io, `cannot export to ${dir}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
