/**
 * One article as one plain file (docs/archive-format.md): a timestamp comment, a
 * Markdown link `[title](url)`, a `------` underline, an empty line, then the HTML body.
 * Formatting is exact; reading is lenient (CRLF, BOM, missing final newline, unescaped
 * brackets in the title). The body is byte-exact both ways, so only ONE empty line after
 * the underline is taken as the separator: further empty lines belong to the body (raw
 * bodies often start with a line break, e.g. after `<![CDATA[`), which keeps
 * read-then-format of a canonical file byte-identical. The link line carries only a URL that
 * may leave Tidings (domain/outbound-url.ts): Markdown viewers make it a live link.
 */
import { outboundUrl } from '../domain/outbound-url.ts';

/** The four values an article file holds. */
export interface ArticleFile {
  /** Epoch milliseconds: published time, else first-seen time. */
  time: number;
  title: string;
  /** Absolute URL, '' when the article has none. */
  url: string;
  /** HTML body, byte-exact. */
  body: string;
}

/** What reading an article file gives: the article, or why it cannot be read. */
export type ReadArticleFileResult = { kind: 'ok'; article: ArticleFile } | { kind: 'invalid'; reason: string };

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;
// Characters that would end or break a Markdown link destination, or the line itself.
const URL_UNSAFE = /[ ()<>\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
const URL_UNSAFE_ALL = new RegExp(URL_UNSAFE.source, 'gu');

/** Returns the file text for `article`: five-line shape, LF endings, one final '\n', a url that may not leave Tidings written as `()`; throws RangeError for a time that is not a non-negative integer. */
export function formatArticleFile(article: ArticleFile): string {
  if (!Number.isSafeInteger(article.time) || article.time < 0) {
    throw new RangeError(`article time must be a non-negative integer of epoch ms, got ${article.time}`);
  }
  const url = encodeLinkUrl(outboundUrl(article.url) ?? '');
  return `<!--${article.time}-->\n[${escapeTitle(article.title)}](${url})\n------\n\n${article.body}\n`;
}

/** Returns the title with `\`, `[`, `]` backslash-escaped and every line break turned into one space. */
export function escapeTitle(title: string): string {
  return title.replace(LINE_BREAK, ' ').replace(/[\\[\]]/g, (c) => `\\${c}`);
}

/** Returns the url with space, `(`, `)`, `<`, `>` and control characters percent-encoded, everything else as given. */
export function encodeLinkUrl(url: string): string {
  return url.replace(URL_UNSAFE_ALL, (c) =>
    Array.from(Buffer.from(c, 'utf8'), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** Reads an article file's text leniently; returns `invalid` with a reason when its header cannot be understood. */
export function readArticleFile(text: string): ReadArticleFileResult {
  let pos = text.startsWith('\uFEFF') ? 1 : 0;
  const lines: string[] = [];
  let crlf = false;
  for (let i = 0; i < 3; i++) {
    const end = text.indexOf('\n', pos);
    const raw = end === -1 ? text.slice(pos) : text.slice(pos, end);
    if (i === 0) crlf = raw.endsWith('\r');
    lines.push(raw.endsWith('\r') ? raw.slice(0, -1) : raw);
    pos = end === -1 ? text.length : end + 1;
  }
  const time = readTime(lines[0]);
  if (time === undefined)
    return { kind: 'invalid', reason: `line 1 is not a <!--epoch ms--> timestamp: ${clip(lines[0])}` };
  const link = readLink(lines[1]);
  if (link === undefined) return { kind: 'invalid', reason: `line 2 is not a [title](url) link: ${clip(lines[1])}` };
  if (!/^-{3,}\s*$/.test(lines[2]))
    return { kind: 'invalid', reason: `line 3 is not a ------ line: ${clip(lines[2])}` };
  if (text.startsWith('\r\n', pos)) pos += 2;
  else if (text.startsWith('\n', pos)) pos += 1;
  let body = text.slice(pos);
  if (crlf && body.endsWith('\r\n')) body = body.slice(0, -2);
  else if (body.endsWith('\n')) body = body.slice(0, -1);
  return { kind: 'ok', article: { time, title: link.title, url: link.url, body } };
}

function readTime(line: string): number | undefined {
  const match = /^\s*<!--\s*(\d+)\s*-->\s*$/.exec(line);
  if (match === null) return undefined;
  const time = Number(match[1]);
  return Number.isSafeInteger(time) ? time : undefined;
}

// The url cannot contain `(`, so in a canonical line the separator is the last `](`; a
// hand-written url with balanced parentheses (Markdown allows them) is the fallback.
function readLink(line: string): { title: string; url: string } | undefined {
  const trimmed = line.trimEnd();
  if (!trimmed.startsWith('[') || !trimmed.endsWith(')')) return undefined;
  const inner = trimmed.slice(1, -1);
  const candidates: number[] = [];
  for (let at = inner.lastIndexOf(']('); at !== -1; at = at === 0 ? -1 : inner.lastIndexOf('](', at - 1)) {
    candidates.push(at);
  }
  const pick = (valid: (url: string) => boolean) => candidates.find((at) => valid(inner.slice(at + 2)));
  const at = pick((url) => !URL_UNSAFE.test(url)) ?? pick(isBalancedUrl);
  if (at === undefined) return undefined;
  return { title: unescapeTitle(inner.slice(0, at)), url: inner.slice(at + 2) };
}

function isBalancedUrl(url: string): boolean {
  if (/[ <>\u0000-\u001f\u007f]/.test(url)) return false;
  let depth = 0;
  for (const c of url) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

function unescapeTitle(title: string): string {
  return title.replace(/\\([\\[\]])/g, '$1');
}

function clip(line: string): string {
  return JSON.stringify(line.length > 60 ? `${line.slice(0, 60)}…` : line);
}
