/**
 * Builds the benchmark archive through the real write path: `store.recordEntries` in batches
 * of one feed document (100 entries), so every article is stored and indexed in the same
 * transaction as in production. Generation is not timed; only the store calls are.
 */
import { createPrng } from '../lib/prng.ts';
import type { Store } from '../../src/store/index.ts';
import type { IncomingEntry } from '../../src/store/article-types.ts';
import { createArticleGenerator, type BenchArticle } from './generate-articles.ts';

/** What building the archive measured. */
export interface BuildResult {
  articles: number;
  rawBytes: number;
  storeMs: number;
  storeCpuMs: number;
  generateMs: number;
}

const FEEDS = 400;
const BATCH = Number(process.env.BATCH ?? 100);

function toEntry(article: BenchArticle, index: number): IncomingEntry {
  return {
    identity: `guid:${index}`,
    guid: `${index}`,
    link: `https://news.example/${index}`,
    title: article.title,
    titleKey: article.title,
    authors: [{ name: article.author }],
    categories: [{ term: article.category }],
    enclosures: [],
    language: article.language,
    publishedAt: article.publishedAt,
    rawBody: article.body,
    cleanedBody: article.body,
    fingerprint: `fp:${index}`,
  };
}

/** Stores `count` generated articles (seeded) into `store`, reporting progress every 5 %. */
export async function buildArchive(
  store: Store,
  count: number,
  seed: number,
  log: (line: string) => void,
): Promise<BuildResult> {
  const feedIds: number[] = [];
  for (let f = 0; f < FEEDS; f++) {
    const added = await store.addFeed({
      url: `https://feed${f}.example/rss`,
      title: f % 2 === 0 ? `World News ${f}` : `新闻频道${f}`,
    });
    if (added.kind !== 'added') throw new Error(`feed ${f}: ${added.kind}`);
    feedIds.push(added.feed.id);
  }
  const generate = createArticleGenerator(createPrng(seed), count);
  const result: BuildResult = { articles: 0, rawBytes: 0, storeMs: 0, storeCpuMs: 0, generateMs: 0 };
  let nextReport = count / 20;
  for (let start = 0; start < count; start += BATCH) {
    const began = performance.now();
    const entries: IncomingEntry[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const article = generate(i);
      result.rawBytes +=
        Buffer.byteLength(article.title) +
        Buffer.byteLength(article.text) +
        Buffer.byteLength(article.author) +
        Buffer.byteLength(article.category);
      entries.push(toEntry(article, i));
    }
    const stored = performance.now();
    result.generateMs += stored - began;
    const cpu = process.cpuUsage();
    const outcomes = await store.recordEntries(feedIds[(start / BATCH) % FEEDS], entries, entries[0].publishedAt ?? 0);
    result.storeMs += performance.now() - stored;
    const used = process.cpuUsage(cpu);
    result.storeCpuMs += (used.user + used.system) / 1000;
    result.articles += outcomes.filter((o) => o.kind === 'new').length;
    if (result.articles >= nextReport) {
      log(
        `  ${result.articles.toLocaleString('en')} articles, ${(result.articles / (result.storeMs / 1000)).toFixed(0)}/s stored+indexed (${(result.articles / (result.storeCpuMs / 1000)).toFixed(0)} per CPU-second)`,
      );
      nextReport += count / 20;
    }
  }
  return result;
}
