/**
 * `tidings export articles` (output forms): the latest revision of every article
 * as a file to read, in Markdown (turndown, via clean/'s toMarkdown), plain text (toText) or
 * cleaned HTML, one folder per feed. This is an export for reading, not an archive: it has
 * no sidecar records and cannot be imported back (`tidings export archive` is the portable,
 * re-importable form, docs/archive-format.md). Files are `YYYY-MM-DD_KEY.md|txt|html`, named by the
 * article's date and its stable 16-hex-digit key, so a second export over the same folder
 * replaces each article's file in place.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeLinkUrl, escapeTitle, feedFolderName, type ArchiveRecord } from '../../archive/index.ts';
import { cleanArticle, toMarkdown, toText } from '../../clean/index.ts';
import { outboundUrl } from '../../domain/outbound-url.ts';
import { writeFileAtomic } from '../../util/write-file-atomic.ts';
import { escapeHtml } from '../../util/escape-html.ts';
import type { IngestContext } from '../ingest-context.ts';

/** The forms an article can be exported in. */
export type ArticleFormat = 'markdown' | 'text' | 'html';

/** Which feeds and which form. */
export interface ExportArticlesOptions {
  format: ArticleFormat;
  feedIds?: number[];
}

/** What the export wrote: one entry per feed folder. */
export interface ExportArticlesResult {
  feeds: Array<{ folder: string; feedUrl: string; files: number }>;
  files: number;
}

const EXTENSIONS: Record<ArticleFormat, string> = { markdown: 'md', text: 'txt', html: 'html' };

/** Writes the latest revision of each article of the chosen feeds into `dir`; throws a file-system error. */
export async function exportArticles(
  ctx: IngestContext,
  dir: string,
  options: ExportArticlesOptions,
): Promise<ExportArticlesResult> {
  const result: ExportArticlesResult = { feeds: [], files: 0 };
  const ids = options.feedIds === undefined ? [undefined] : [...new Set(options.feedIds)];
  for (const feedId of ids) {
    for await (const exported of ctx.store.exportRecords({ feedId, fileBody: 'cleaned' })) {
      const folder = feedFolderName(exported.feed.url);
      const latest = new Map<string, ArchiveRecord>();
      for (const record of exported.records) {
        const seen = latest.get(record.key);
        if (seen === undefined || seen.revision < record.revision) latest.set(record.key, record);
      }
      if (latest.size === 0) continue;
      await mkdir(join(dir, folder), { recursive: true });
      for (const record of latest.values()) {
        const time = record.publishedAt ?? record.firstSeenAt ?? record.seenAt;
        const name = `${new Date(time).toISOString().slice(0, 10)}_${record.key}.${EXTENSIONS[options.format]}`;
        await writeFileAtomic(
          join(dir, folder, name),
          formatArticle(record, time, exported.feed.title ?? exported.feed.url, options.format),
        );
      }
      result.feeds.push({ folder, feedUrl: exported.feed.url, files: latest.size });
      result.files += latest.size;
    }
  }
  return result;
}

/** Returns one article in the chosen form: a heading with its link, the feed and date, then the body. */
export function formatArticle(record: ArchiveRecord, time: number, feedTitle: string, format: ArticleFormat): string {
  const body = record.cleanedBody ?? cleanArticle(record.rawBody, { itemUrl: record.link }).html;
  const date = new Date(time).toISOString().slice(0, 16).replace('T', ' ');
  const title = record.title === '' ? '(untitled)' : record.title;
  const link = outboundUrl(record.link);
  switch (format) {
    case 'markdown':
      return `# [${escapeTitle(title)}](${encodeLinkUrl(link ?? '')})\n\n*${feedTitle} · ${date}*\n\n${toMarkdown(body).trim()}\n`;
    case 'text':
      return `${title}\n${link === undefined ? '' : `${link}\n`}${feedTitle} · ${date}\n\n${toText(body).trim()}\n`;
    case 'html': {
      const heading = link === undefined ? escapeHtml(title) : `<a href="${escapeHtml(link)}">${escapeHtml(title)}</a>`;
      return (
        `<!doctype html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body>\n<h1>${heading}</h1>\n` +
        `<p>${escapeHtml(feedTitle)} · ${date}</p>\n${body}\n</body></html>\n`
      );
    }
  }
}
