/**
 * `tidings clean FILE [options]`: prints the cleaned HTML of an article body, the way ingest
 * would store it, without touching the network or the database. FILE is an HTML fragment, an
 * article file of the archive (docs/archive-format.md: its body is cleaned and its URL is the
 * item URL), or '-' for standard input.
 *
 * Options (commander flags → CleanCommandOptions):
 *   --feed-url <url>      the feed's URL: rule packs match its host
 *   --item-url <url>      the article's URL: rule packs match its host; base for relative links
 *   --base-url <url>      base for relative links when it is not the item URL
 *   --generator <text>    the feed's generator string: rule packs may match it
 *   --format <form>       html (default), text or markdown
 *   --explain             list on stderr which step or rule removed what
 *   --data <dir>          data folder whose rules/ holds the user's packs (default ./data)
 * Exit status: 0 on success, 1 when the file cannot be read.
 */
import { readArticleFile } from '../archive/article-file.ts';
import { cleanHtml } from '../clean/clean-html.ts';
import type { Explanation } from '../clean/clean-types.ts';
import { toMarkdown } from '../clean/to-markdown.ts';
import { toText } from '../clean/to-text.ts';
import { loadPacksForCommand, readInputBytes } from './rule-pack-dirs.ts';

/** Options of `tidings clean`, as commander gives them. */
export interface CleanCommandOptions {
  feedUrl?: string;
  itemUrl?: string;
  baseUrl?: string;
  generator?: string;
  format?: string;
  explain?: boolean;
  dataDir?: string;
}

/** Returns explanation lines, identical ones folded into one with a count. */
export function formatExplanations(entries: readonly Explanation[]): string[] {
  const counts = new Map<string, number>();
  for (const e of entries) {
    const line = `${e.rule ?? e.step}: ${e.action} ${e.detail}`;
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  return [...counts].map(([line, count]) => (count > 1 ? `${line} (×${count})` : line));
}

/** Runs `tidings clean` and returns the exit status. */
export async function runClean(file: string, options: CleanCommandOptions): Promise<number> {
  const format = options.format ?? 'html';
  if (!['html', 'text', 'markdown'].includes(format)) {
    process.stderr.write(`tidings: --format must be html, text or markdown, not '${format}'\n`);
    return 1;
  }
  let text: string;
  try {
    text = (await readInputBytes(file)).toString('utf8');
  } catch (error) {
    process.stderr.write(`tidings: ${file}: ${(error as Error).message}\n`);
    return 1;
  }
  let body = text;
  let itemUrl = options.itemUrl;
  const archived = /^\uFEFF?<!--\d+-->\r?\n\[/.test(text) ? readArticleFile(text) : undefined;
  if (archived?.kind === 'ok') {
    body = archived.article.body;
    itemUrl ??= archived.article.url || undefined;
  }
  const { packs } = loadPacksForCommand(options.dataDir);
  const result = cleanHtml(body, {
    feedUrl: options.feedUrl,
    itemUrl,
    baseUrl: options.baseUrl,
    generator: options.generator,
    packs,
    explain: options.explain,
  });
  const output =
    format === 'text' ? toText(result.html) : format === 'markdown' ? toMarkdown(result.html) : result.html;
  process.stdout.write(`${output}\n`);
  if (options.explain) {
    const lines = formatExplanations(result.removed);
    process.stderr.write(lines.length > 0 ? `${lines.join('\n')}\n` : 'nothing removed\n');
  }
  return 0;
}
