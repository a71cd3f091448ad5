/**
 * An article read from a web page the way Tidings stores full text: the page decoded by its
 * charset, the article found by the site's rule-pack body selector (tried for the page's
 * final URL, then the link it was reached from) or by Readability, then cleaned by the same
 * pipeline as every body (clean-source.ts). Used by full text in a refresh and by
 * `tidings extract`; it never fetches.
 */
import { findBodySelector } from '../../clean/index.ts';
import { decodeHtmlPage, extractArticle, type ExtractedArticle } from '../../extract/index.ts';
import type { StoredError } from '../../store/index.ts';
import { type BodyCleaningOptions, cleanSource } from './clean-source.ts';

/** A page and what came with it. */
export interface ArticlePageInput {
  bytes: Uint8Array;
  /** The page's own (final) URL: the base for its links. */
  url: string;
  /** The URL the page was asked for, when a redirect made it differ (rule packs are tried for both). */
  link?: string;
  /** The HTTP Content-Type, for the charset and for refusing what is not a page. */
  contentType?: string;
  clean: BodyCleaningOptions;
}

/** The extracted article with `content` as extracted (before cleaning) and `cleaned` as stored, or why there is none. */
export type ArticlePageResult =
  | { kind: 'ok'; url: string; article: ExtractedArticle; cleaned: string }
  | { kind: 'failed'; error: StoredError };

/** Returns the page's article, extracted and cleaned; never throws for a page. */
export function readArticlePage(input: ArticlePageInput): ArticlePageResult {
  const where = input.link ?? input.url;
  const type = input.contentType?.split(';')[0].trim().toLowerCase();
  if (type !== undefined && type !== '' && !/html|xml|text\/plain/.test(type)) {
    return failed('extract.not-html', `${where}: the page is ${type}, not HTML`);
  }
  const packs = input.clean.packs ?? [];
  const selector =
    findBodySelector(packs, input.url) ?? (input.link === undefined ? undefined : findBodySelector(packs, input.link));
  let article: ExtractedArticle | undefined;
  try {
    const html = decodeHtmlPage(input.bytes, input.contentType);
    article = extractArticle(html, input.url, selector === undefined ? {} : { bodySelector: selector.source });
  } catch (error) {
    return failed('extract.failed', `${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (article === undefined) return failed('extract.no-article', `${where}: no article found in the page`);
  const cleaned = cleanSource(
    { html: article.content, itemUrl: input.link ?? input.url, baseUrl: input.url },
    input.clean,
  );
  return { kind: 'ok', url: input.url, article, cleaned };
}

function failed(code: string, message: string): ArticlePageResult {
  return { kind: 'failed', error: { code, message } };
}
