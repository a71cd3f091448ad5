/**
 * `tidings extract FILE --url URL [--json]`: the article of a saved web page, read and
 * cleaned exactly as full text stores it (ingest/bodies/read-article-page.ts). It never
 * fetches: FILE is the page ('-' for stdin).
 *
 * Options (commander flags → ExtractCommandOptions):
 *   --url <url>            the page's URL (required): base for links, selects rule packs
 *   --json                 print {title, byline, excerpt, siteName, publishedTime, lang, dir,
 *                          content, textContent, length}; content is the cleaned HTML
 *   --pretty               indent the JSON
 *   --content-type <type>  the HTTP Content-Type that came with the page (for its charset)
 *   --data <dir>           data folder whose rules/ holds the user's packs (default ./data)
 * Without --json it prints the title, the metadata and the text.
 * Exit status: 0 when an article was found, 1 when none was or the file cannot be read.
 */
import { toText } from '../clean/to-text.ts';
import { readArticlePage } from '../ingest/bodies/read-article-page.ts';
import { loadPacksForCommand, readInputBytes } from './rule-pack-dirs.ts';

/** Options of `tidings extract`. */
export interface ExtractCommandOptions {
  url: string;
  json?: boolean;
  pretty?: boolean;
  contentType?: string;
  dataDir?: string;
}

/** Runs `tidings extract` and returns the exit status. */
export async function runExtract(file: string, options: ExtractCommandOptions): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = await readInputBytes(file);
  } catch (error) {
    process.stderr.write(`tidings: ${file}: ${(error as Error).message}\n`);
    return 1;
  }
  const { packs } = loadPacksForCommand(options.dataDir);
  const page = readArticlePage({ bytes, url: options.url, contentType: options.contentType, clean: { packs } });
  if (page.kind === 'failed') {
    process.stderr.write(`tidings: ${file}: ${page.error.message}\n`);
    return 1;
  }
  const content = page.cleaned;
  const textContent = toText(content);
  const result = { ...page.article, content, textContent, length: textContent.length };
  if (options.json) {
    process.stdout.write(`${JSON.stringify(result, null, options.pretty ? 2 : undefined)}\n`);
    return 0;
  }
  const meta = [result.byline, result.siteName, result.publishedTime, result.lang].filter((v) => v);
  process.stdout.write(
    `${result.title ?? '(untitled)'}\n${meta.length > 0 ? `${meta.join(' · ')}\n` : ''}\n${textContent}\n`,
  );
  return 0;
}
