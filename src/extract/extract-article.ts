/**
 * The main content of an article page, with @mozilla/readability (Firefox Reader View's
 * algorithm, the reference for this job) over linkedom (a light DOM; Readability needs a
 * DOM, and jsdom would be ten times the size and start-up). A rule pack may name the body
 * element for a site (`extract.bodySelector`); then that element's HTML is the content, and
 * Readability still provides the metadata; the page URL's host stands in for a missing site name. Relative URLs are left to the clean pipeline,
 * which resolves them against the page URL (linkedom has no base URI for Readability to use).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** What extraction found; absent fields are null, as Readability gives them. */
export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  excerpt: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  dir: string | null;
  /** The article's HTML, not yet cleaned. */
  content: string;
  textContent: string;
  /** Length of textContent, in UTF-16 code units (Readability's measure). */
  length: number;
}

/** Options of extractArticle. */
export interface ExtractArticleOptions {
  /** CSS selector of the element holding the article body (from a rule pack). */
  bodySelector?: string;
}

/** The few DOM members used here (the project compiles without the DOM lib). */
interface PageElement {
  innerHTML: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
}
interface PageDocument {
  title: string;
  documentElement: PageElement | null;
  querySelector(selector: string): PageElement | null;
}

function metaContent(document: PageDocument, names: string[]): string | null {
  for (const name of names) {
    const element = document.querySelector(`meta[property="${name}"], meta[name="${name}"]`);
    const content = element?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

/** Returns the main content and metadata of the page `html` fetched from `url`, or undefined when no article is found. */
export function extractArticle(
  html: string,
  url: string,
  options: ExtractArticleOptions = {},
): ExtractedArticle | undefined {
  const { document } = parseHTML(html) as unknown as { document: PageDocument };
  let selected: { content: string; textContent: string } | undefined;
  if (options.bodySelector !== undefined) {
    const element = document.querySelector(options.bodySelector);
    if (element) selected = { content: element.innerHTML, textContent: (element.textContent ?? '').trim() };
  }
  const lang = document.documentElement?.getAttribute('lang') ?? null;
  let parsed: ReturnType<Readability['parse']> = null;
  try {
    parsed = new Readability(document as never, { keepClasses: false }).parse();
  } catch {
    parsed = null;
  }
  const content = selected?.content ?? parsed?.content ?? '';
  const textContent = selected?.textContent ?? parsed?.textContent?.trim() ?? '';
  if (textContent === '' && !/<img\b/i.test(content)) return undefined;
  return {
    title: parsed?.title || document.title?.trim() || metaContent(document, ['og:title']) || null,
    byline: parsed?.byline ?? metaContent(document, ['author', 'article:author']),
    excerpt: parsed?.excerpt ?? metaContent(document, ['description', 'og:description']),
    siteName: parsed?.siteName ?? metaContent(document, ['og:site_name']) ?? hostOf(url),
    publishedTime: parsed?.publishedTime ?? metaContent(document, ['article:published_time']),
    lang: parsed?.lang ?? lang,
    dir: parsed?.dir ?? null,
    content,
    textContent,
    length: textContent.length,
  };
}
