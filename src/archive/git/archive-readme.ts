/**
 * The READMEs that make the archive repository browsable on a git host: one at the top (the
 * feeds, then the latest articles per day across all of them) and one per feed folder (the
 * feed, then its latest articles per day), each article linked to its newest revision file
 * with links to the earlier ones. Days are UTC days of the article's time (the time on the
 * file's first line; docs/archive-format.md), never later than the time the README is made, so
 * a feed dating its items in the future does not stay on top. Pure: the catalog is read
 * elsewhere (readme-catalog.ts).
 */
import { encodeLinkTarget, escapeMarkdownText, markdownLink, safeWebUrl } from './markdown-text.ts';

/** The README's file name in the root and in each feed folder. */
export const README_FILE = 'README.md';

/** One article file as the catalog knows it. */
export interface CatalogFile {
  file: string;
  key: string;
  revision: number;
  time: number;
  title: string;
}

/** One feed folder: its feed (from feed.json, or the folder's name) and its article files. */
export interface CatalogFolder {
  folder: string;
  title: string;
  url?: string;
  siteUrl?: string;
  files: readonly CatalogFile[];
}

/** One article: every revision file of a key, oldest first. */
interface Article {
  folder: string;
  feedTitle: string;
  time: number;
  revisions: CatalogFile[];
}

/** How much each README lists. */
export interface ReadmeLimits {
  /** Days with articles listed at the top / in a feed folder. */
  topDays: number;
  feedDays: number;
  /** Articles listed per day at the top / in a feed folder. */
  topPerDay: number;
  feedPerDay: number;
}

/** The default limits: a week at the top, a month per feed. */
export const README_LIMITS: ReadmeLimits = { topDays: 7, feedDays: 30, topPerDay: 100, feedPerDay: 300 };

/** Returns the top README for the catalog's folders. */
export function formatArchiveReadme(folders: readonly CatalogFolder[], now: number, limits = README_LIMITS): string {
  const all = folders.flatMap((f) => articlesOf(f, now));
  const revisions = folders.reduce((n, f) => n + f.files.length, 0);
  const lines = [
    '# News archive',
    '',
    `${plural(folders.length, 'feed')}, ${plural(all.length, 'article')}, ${plural(revisions, 'revision file')}. ` +
      'Kept by Tidings: one folder per feed, one file per version of an article (a revised article gets a new file; ' +
      'the old one never changes), and `index.jsonl` in each folder with everything else about each version.',
    '',
    '## Feeds',
    '',
    '| Feed | Articles | Latest |',
    '| --- | ---: | --- |',
  ];
  const byFolder = new Map<string, Article[]>();
  for (const a of all) byFolder.set(a.folder, [...(byFolder.get(a.folder) ?? []), a]);
  const sorted = [...folders].sort((a, b) => a.title.localeCompare(b.title, 'zh') || compare(a.folder, b.folder));
  for (const f of sorted) {
    const articles = byFolder.get(f.folder) ?? [];
    const latest = articles.reduce((t, a) => Math.max(t, a.time), -1);
    const target = f.folder === '' ? README_FILE : `${f.folder}/${README_FILE}`;
    lines.push(`| ${markdownLink(f.title, target)} | ${articles.length} | ${latest < 0 ? '' : day(latest)} |`);
  }
  lines.push('', '## Latest articles', '');
  lines.push(...listByDay(all, limits.topDays, limits.topPerDay, '', true));
  return `${lines.join('\n')}\n`;
}

/** Returns the README of one feed folder; links are relative to the folder. */
export function formatFeedReadme(folder: CatalogFolder, now: number, limits = README_LIMITS): string {
  const articles = articlesOf(folder, now);
  const lines = [`# ${escapeMarkdownText(folder.title)}`, ''];
  const site = safeWebUrl(folder.siteUrl);
  const feed = safeWebUrl(folder.url);
  if (site !== undefined) lines.push(`Site: <${site}>  `);
  if (feed !== undefined) lines.push(`Feed: <${feed}>  `);
  lines.push(
    `${plural(articles.length, 'article')}, ${plural(folder.files.length, 'revision file')}. ` +
      '[All feeds](../README.md)',
    '',
  );
  lines.push(...listByDay(articles, limits.feedDays, limits.feedPerDay, folder.folder, false));
  return `${lines.join('\n')}\n`;
}

function articlesOf(folder: CatalogFolder, now: number): Article[] {
  const byKey = new Map<string, CatalogFile[]>();
  for (const file of folder.files) byKey.set(file.key, [...(byKey.get(file.key) ?? []), file]);
  return [...byKey.values()].map((revisions) => {
    revisions.sort((a, b) => a.revision - b.revision);
    return { folder: folder.folder, feedTitle: folder.title, time: Math.min(revisions[0].time, now), revisions };
  });
}

// Newest days first; within a day newest first, ties by title; links relative to `base`'s folder.
function listByDay(articles: Article[], days: number, perDay: number, base: string, withFeed: boolean): string[] {
  const sorted = [...articles].sort(
    (a, b) =>
      b.time - a.time || compare(latestOf(a).title, latestOf(b).title) || compare(latestOf(a).key, latestOf(b).key),
  );
  const lines: string[] = [];
  let shownDays = 0;
  let current = '';
  let inDay = 0;
  let hidden = 0;
  let hiddenTotal = 0;
  let listed = 0;
  for (const article of sorted) {
    const d = day(article.time);
    if (d !== current) {
      if (hidden > 0) lines.push(`- … and ${hidden} more`);
      hidden = 0;
      if (shownDays === days) break;
      shownDays++;
      current = d;
      inDay = 0;
      lines.push('', `### ${d}`, '');
    }
    if (inDay === perDay) {
      hidden++;
      hiddenTotal++;
      continue;
    }
    inDay++;
    listed++;
    lines.push(articleLine(article, base, withFeed));
  }
  if (hidden > 0) lines.push(`- … and ${hidden} more`);
  if (lines.length === 0) return ['No articles yet.'];
  const older = articles.length - listed - hiddenTotal;
  if (older > 0) lines.push('', `${plural(older, 'older article')} not listed here: every one is in \`index.jsonl\`.`);
  return lines.slice(1);
}

function articleLine(article: Article, base: string, withFeed: boolean): string {
  const latest = latestOf(article);
  const path = (file: CatalogFile) => relativeTo(base, article.folder, file.file);
  let line = `- ${time(article.time)} ${markdownLink(latest.title === '' ? '(untitled)' : latest.title, path(latest))}`;
  if (withFeed) line += ` · ${escapeMarkdownText(article.feedTitle)}`;
  if (article.revisions.length > 1) {
    const links = article.revisions.map((r, i) => `[${i + 1}](${encodeLinkTarget(path(r))})`);
    line += ` · revisions ${links.join(' ')}`;
  }
  return line;
}

function latestOf(article: Article): CatalogFile {
  return article.revisions[article.revisions.length - 1];
}

function relativeTo(base: string, folder: string, file: string): string {
  if (base === folder) return file;
  return folder === '' ? file : `${folder}/${file}`;
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function time(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
