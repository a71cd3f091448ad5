/**
 * `tidings show ID [--revisions] [--text|--markdown|--html|--raw] [--json]`: one article.
 * Plain text by default (--text, clean/'s toText), Markdown with --markdown (toMarkdown),
 * the cleaned HTML with --html, the body as received with --raw; the latest revision, or
 * every revision oldest first with --revisions. Text and Markdown convert at most the body's
 * first MAX_RENDERED_HTML characters (clean/reading-part.ts) and say so; --html and --raw print it whole.
 */
import type { Article, Revision } from '../store/index.ts';
import { EXIT, fail, printJson, type CliIo } from './cli-io.ts';
import { formatTime } from './format.ts';
import { readingPart, toMarkdown, toText } from '../clean/index.ts';
import { withContext, type GlobalOptions } from './with-context.ts';

/** Options of `tidings show`. */
export interface ShowOptions {
  revisions?: boolean;
  html?: boolean;
  raw?: boolean;
  text?: boolean;
  markdown?: boolean;
  json?: boolean;
}

/** Runs `tidings show`; exit 2 for a bad ID or conflicting formats, 1 when there is no such article. */
export async function runShow(
  io: CliIo,
  globals: GlobalOptions,
  idText: string,
  options: ShowOptions,
): Promise<number> {
  const id = Number(idText.replace(/^#/, ''));
  if (!Number.isSafeInteger(id) || id < 1) return fail(io, `not an article id: ${idText}`, EXIT.usage);
  if ([options.html, options.raw, options.text, options.markdown].filter((v) => v === true).length > 1) {
    return fail(io, 'choose one of --text, --markdown, --html, --raw', EXIT.usage);
  }
  return withContext(io, globals, async (ctx) => {
    const article = await ctx.store.getArticle(id, { revisions: options.revisions === true ? 'all' : 'latest' });
    if (article === undefined) return fail(io, `no article ${id}`);
    if (options.json === true) {
      printJson(io, article);
      return EXIT.ok;
    }
    const feed = await ctx.store.getFeed(article.feedId);
    const parts = article.revisions.map((r) => formatRevision(article, r, feed?.title ?? feed?.url ?? '', options));
    io.stdout(parts.join('\n\n'));
    return EXIT.ok;
  });
}

// Text and Markdown of at most the part a reader renders, with a note when the body is longer.
function readable(cleaned: string, options: ShowOptions): string {
  const part = readingPart(cleaned);
  const converted = options.markdown === true ? toMarkdown(part.html) : toText(part.html);
  if (!part.cut) return converted;
  return `${converted}\n\n[The article is ${part.length} characters long; the first ${part.html.length} are shown. --html prints it whole.]`;
}

function formatRevision(article: Article, r: Revision, feedTitle: string, options: ShowOptions): string {
  const cleaned = r.cleanedBody ?? r.rawBody;
  const body = options.raw === true ? r.rawBody : options.html === true ? cleaned : readable(cleaned, options);
  const header = [
    r.title ?? article.title ?? '(untitled)',
    ...(r.link === undefined ? [] : [r.link]),
    `${feedTitle} · ${formatTime(r.publishedAt ?? article.time)} · revision ${r.number + 1} of ${article.revisionCount}, seen ${formatTime(r.seenAt)}`,
    '',
  ];
  return `${header.join('\n')}\n${body}\n`;
}
