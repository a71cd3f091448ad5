/**
 * What the READMEs list, read from the archive folder itself: each feed folder's feed.json and
 * the time and title on the first two lines of each article file. Reading every file at every
 * commit would cost as much as the archive is large, so each folder's catalog is kept in the
 * repository's private folder (`.git/tidings/catalog/`, never committed) and a commit reads
 * only the folders it changes, and in those only the files the catalog lacks (a revision file
 * is never replaced; a re-cleaned one keeps its time and title). A missing or unreadable
 * catalog is rebuilt from the folder.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readArticleFile } from '../article-file.ts';
import { FEED_FILE, parseArticleFileName } from '../archive-layout.ts';
import { parseArchiveFeed } from '../parse-sidecars.ts';
import type { CatalogFile, CatalogFolder } from './archive-readme.ts';

/** Returns the catalog of every feed folder under `root` (non-hidden subfolders holding article files or feed.json), reading anew the folders in `changed`. */
export async function readCatalog(
  root: string,
  cacheDir: string,
  changed: ReadonlySet<string>,
): Promise<CatalogFolder[]> {
  const entries = await readdir(root, { withFileTypes: true });
  const folders = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  const catalog: CatalogFolder[] = [];
  for (const folder of folders) {
    const cached = changed.has(folder) ? undefined : await readCached(cacheDir, folder);
    const entry = cached ?? (await refreshFolder(root, cacheDir, folder, await readCached(cacheDir, folder)));
    if (entry !== undefined && (entry.files.length > 0 || entry.url !== undefined)) catalog.push(entry);
  }
  return catalog;
}

async function refreshFolder(
  root: string,
  cacheDir: string,
  folder: string,
  previous: CatalogFolder | undefined,
): Promise<CatalogFolder | undefined> {
  const path = join(root, folder);
  let names: string[];
  try {
    names = (await readdir(path, { withFileTypes: true }))
      .filter((e) => e.isFile() && !e.name.startsWith('.'))
      .map((e) => e.name);
  } catch {
    return undefined;
  }
  const known = new Map((previous?.files ?? []).map((f) => [f.file, f]));
  const files: CatalogFile[] = [];
  for (const name of names.filter((n) => n.endsWith('.txt')).sort()) {
    const file = known.get(name) ?? (await readHead(join(path, name), name));
    if (file !== undefined) files.push(file);
  }
  const feed = names.includes(FEED_FILE) ? await readFeed(join(path, FEED_FILE)) : undefined;
  const entry: CatalogFolder = {
    folder,
    title: feed?.title ?? feed?.url ?? folder,
    ...(feed?.url === undefined ? {} : { url: feed.url }),
    ...(feed?.siteUrl === undefined ? {} : { siteUrl: feed.siteUrl }),
    files,
  };
  await writeCached(cacheDir, entry);
  return entry;
}

async function readHead(path: string, name: string): Promise<CatalogFile | undefined> {
  try {
    const read = readArticleFile(await readFile(path, 'utf8'));
    if (read.kind === 'invalid') return undefined;
    const named = parseArticleFileName(name);
    return {
      file: name,
      key: named?.key ?? name,
      revision: named?.revision ?? 0,
      time: read.article.time,
      title: read.article.title,
    };
  } catch {
    return undefined;
  }
}

async function readFeed(path: string): Promise<{ url?: string; title?: string; siteUrl?: string } | undefined> {
  try {
    const parsed = parseArchiveFeed(await readFile(path, 'utf8'));
    return parsed.kind === 'ok' ? parsed.value : undefined;
  } catch {
    return undefined;
  }
}

function cachePath(cacheDir: string, folder: string): string {
  return join(cacheDir, `${encodeURIComponent(folder)}.json`);
}

async function readCached(cacheDir: string, folder: string): Promise<CatalogFolder | undefined> {
  try {
    const value = JSON.parse(await readFile(cachePath(cacheDir, folder), 'utf8')) as CatalogFolder;
    return value.folder === folder && Array.isArray(value.files) ? value : undefined;
  } catch {
    return undefined;
  }
}

// A cache: written to a temporary name and renamed, without fsync (a lost one is rebuilt).
async function writeCached(cacheDir: string, entry: CatalogFolder): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const path = cachePath(cacheDir, entry.folder);
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(entry));
  await rename(temp, path);
}
