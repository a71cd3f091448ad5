/**
 * The git benchmark's archive, written round by round the way live rounds write it: each round
 * adds new articles spread over the feeds and revises some earlier ones (a paragraph added), and
 * writes them with the archive's own batch writer (article files, feed.json, index.jsonl lines
 * with both bodies), so the repository holds exactly what Tidings would commit. The same seed
 * gives the same archive.
 */
import { writeRevisionGroups, type RevisionGroup } from '../../src/archive/write-revisions.ts';
import { buildArchiveRecord } from '../../src/archive/serialize-sidecars.ts';
import type { ArchiveFeed, ArchiveRecord } from '../../src/domain/archive-record.ts';
import { createPrng } from '../lib/prng.ts';
import { createArticleGenerator, type BenchArticle } from '../search/generate-articles.ts';

/** The shape of a generated history. */
export interface HistoryOptions {
  articles: number;
  feeds: number;
  rounds: number;
  /** Share of a round's writes that are revisions of earlier articles. */
  revisedShare: number;
  seed: number;
}

/** What one round wrote. */
export interface RoundWrite {
  newArticles: number;
  revisions: number;
  /** Paths written, relative to the root (article files only). */
  files: string[];
}

interface Written {
  feed: number;
  identity: string;
  revision: number;
  article: BenchArticle;
  body: string;
}

const HOUR = 3_600_000;

/** Returns a writer of the history into `root`: each call writes the next round; undefined once all rounds are written. */
export function createHistoryWriter(root: string, options: HistoryOptions): () => Promise<RoundWrite | undefined> {
  const prng = createPrng(options.seed);
  const generate = createArticleGenerator(prng, options.articles);
  const feeds: ArchiveFeed[] = Array.from({ length: options.feeds }, (_, i) => ({
    url: `https://news${i % 20}.example.com/feed/${i}.xml`,
    title: i % 2 === 0 ? `新闻源 ${i} 中文` : `News feed ${i}`,
    siteUrl: `https://news${i % 20}.example.com/`,
  }));
  const written: Written[] = [];
  let next = 0;
  let round = 0;
  const perRound = Math.ceil(options.articles / options.rounds);
  return async () => {
    if (round === options.rounds) return undefined;
    const seenAt = Date.UTC(2024, 0, 1) + round * HOUR;
    round++;
    const fresh = Math.min(perRound, options.articles - next);
    const revised = written.length === 0 ? 0 : Math.round((fresh * options.revisedShare) / (1 - options.revisedShare));
    const byFeed = new Map<number, ArchiveRecord[]>();
    const add = (w: Written) => {
      const record = buildArchiveRecord({
        identity: w.identity,
        revision: w.revision,
        feedUrl: feeds[w.feed].url,
        feedTitle: feeds[w.feed].title,
        guid: w.identity,
        link: `https://news.example.com/a/${w.identity}`,
        title: w.article.title,
        authors: [{ name: w.article.author }],
        categories: [{ term: w.article.category }],
        enclosures: [],
        publishedAt: w.article.publishedAt,
        seenAt,
        ...(w.revision > 0 ? { firstSeenAt: seenAt - HOUR } : {}),
        fingerprint: String(w.body.length),
        fileBody: 'cleaned',
        rawBody: `<div class="story">${w.body}<p class="promo">获取更多 RSS</p></div>`,
        cleanedBody: w.body,
      });
      byFeed.set(w.feed, [...(byFeed.get(w.feed) ?? []), record]);
    };
    for (let i = 0; i < fresh; i++, next++) {
      const article = generate(next);
      const w: Written = {
        feed: next % options.feeds,
        identity: `bench:${options.seed}:${next}`,
        revision: 0,
        article,
        body: article.body,
      };
      written.push(w);
      add(w);
    }
    for (let i = 0; i < revised; i++) {
      const at = Math.floor(prng.next() * written.length);
      const earlier = written[at];
      const w: Written = {
        ...earlier,
        revision: earlier.revision + 1,
        body: `${earlier.body}\n<p>更新 ${round}: ${earlier.article.title}</p>`,
      };
      written[at] = w;
      add(w);
    }
    const groups: RevisionGroup[] = [...byFeed.entries()].map(([feed, records]) => ({ feed: feeds[feed], records }));
    const results = await writeRevisionGroups(root, groups, { syncFileSystem: async () => true });
    const files = results.flat().flatMap((r) => (r.kind === 'written' ? [r.path.slice(root.length + 1)] : []));
    return { newArticles: fresh, revisions: revised, files };
  };
}
