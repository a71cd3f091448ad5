/**
 * The parse benchmark's corpora. The `mixed` shape: ≥ 100 MB of generated RSS 2.0 (~60 %)
 * and Atom 1.0 (~40 %) feeds of 20–100 items with 1–5 KB HTML bodies, ~30 % Chinese (a few
 * Traditional), ~5 % of files GBK-encoded, some with xml:base and relative links. The
 * `news300` shape: 300 feeds of 50 items (about 60 MB), the same mix of formats and
 * languages, 18 feeds declared gb2312, and RSS bodies escaped in `<description>` without
 * content:encoded, as news sites send them; `--size` does not apply. Deterministic (seeded PRNG) and
 * cached: `bench/.corpus/manifest.json` records the parameters (and a hash of the generator's
 * sources), so an unchanged corpus is reused. `expected.json` lists the items per file: the
 * correctness gate every parser's count is checked against.
 *
 * Run alone: `tsx bench/parse/generate-corpus.ts [--size MB] [--seed N]`.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createDeck } from '../lib/deck.ts';
import { encodeGbk } from '../lib/gbk-encoder.ts';
import { createPrng, type Prng } from '../lib/prng.ts';
import { createTextSource, type CorpusLanguage } from './corpus-text.ts';
import { writeFeedXml, type FeedSpec } from './feed-xml.ts';

/** Where the corpus goes unless told otherwise (gitignored). */
export const DEFAULT_CORPUS_DIR = fileURLToPath(new URL('../.corpus/', import.meta.url));

/** The corpus shapes: `mixed` (sized by `sizeMb`) and `news300` (300 feeds × 50 items). */
export type CorpusShape = 'mixed' | 'news300';

/** How to build a corpus; equal options give byte-identical corpora. */
export interface CorpusOptions {
  dir: string;
  sizeMb: number;
  seed: number;
  /** Default `mixed`. */
  shape?: CorpusShape;
}

/** Returns where a shape's corpus goes under the default corpus folder. */
export function corpusDirFor(shape: CorpusShape): string {
  return shape === 'mixed' ? DEFAULT_CORPUS_DIR : path.join(DEFAULT_CORPUS_DIR, shape);
}

const NEWS300_FEEDS = 300;
const NEWS300_ITEMS = 50;
const NEWS300_GB2312 = 18;

/** A corpus on disk: its feed files (relative to `feedsDir`) and the expected item counts. */
export interface Corpus {
  feedsDir: string;
  files: string[];
  totalBytes: number;
  totalItems: number;
  expected: Record<string, number>;
  mix: Record<string, number>;
}

interface Manifest {
  params: { sizeMb: number; seed: number; shape: CorpusShape; sourceHash: string };
  totalBytes: number;
  totalItems: number;
  mix: Record<string, number>;
}

const SITES = {
  en: [
    'https://news.example.com/',
    'https://www.dailyherald.example.org/world/',
    'https://blog.example.net/',
    'https://tech.example.io/news/',
  ],
  zh: [
    'https://www.xinwen.example.cn/',
    'https://news.example.com.cn/guonei/',
    'https://finance.example.cn/roll/',
    'https://www.example.com.tw/news/',
  ],
};
// Decks, not independent draws, keep the mix exact even in a 5 MB corpus: 6 of 20 files
// Chinese (1 of them GBK, 1 Traditional), 6 of 10 RSS, 1 of 10 with xml:base.
const KIND_DECK = [...Array<string>(14).fill('en'), 'zh', 'zh', 'zh', 'zh', 'zh-gbk', 'zh-tw'];
const FORMAT_DECK: FeedSpec['format'][] = ['rss', 'rss', 'rss', 'rss', 'rss', 'rss', 'atom', 'atom', 'atom', 'atom'];
const RELATIVE_DECK = [true, false, false, false, false, false, false, false, false, false];
const SOURCES = [
  'generate-corpus.ts',
  'feed-xml.ts',
  'html-body.ts',
  'corpus-text.ts',
  '../lib/gbk-encoder.ts',
  '../lib/prng.ts',
  '../lib/deck.ts',
];

/** Returns a hash of the generator's own sources, so editing the generator invalidates the cache. */
async function hashSources(): Promise<string> {
  const hash = createHash('sha256');
  for (const source of SOURCES) hash.update(await readFile(new URL(source, import.meta.url)));
  return hash.digest('hex').slice(0, 16);
}

/** One dealt feed: its language and the spec to write it from. */
export interface DealtFeed {
  language: CorpusLanguage;
  spec: FeedSpec;
}

/**
 * Returns a function that deals feed specs in the corpus mix (the decks above), drawing each
 * feed's item count from `drawItemCount`; the same prng state gives the same feeds.
 */
export function createFeedDealer(prng: Prng, drawItemCount: () => number): () => DealtFeed {
  const newestBase = Date.UTC(2024, 5, 1);
  const kinds = createDeck(prng, KIND_DECK);
  const formats = createDeck(prng, FORMAT_DECK);
  const relatives = createDeck(prng, RELATIVE_DECK);
  return () => {
    const kind = kinds();
    const language: CorpusLanguage = kind === 'en' ? 'en' : kind === 'zh-tw' ? 'zh-tw' : 'zh';
    const encoding: FeedSpec['encoding'] = kind === 'zh-gbk' ? prng.pick(['gbk', 'gb2312'] as const) : 'utf-8';
    const spec: FeedSpec = {
      format: formats(),
      encoding,
      site: prng.pick(language === 'en' ? SITES.en : SITES.zh),
      relative: relatives(),
      itemCount: drawItemCount(),
      newest: newestBase - prng.int(0, 90 * 24 * 60) * 60_000,
    };
    return { language, spec };
  };
}

/** Returns the corpus described by `options`, generating it only when the cached one differs. */
export async function ensureCorpus(options: CorpusOptions): Promise<Corpus> {
  const shape = options.shape ?? 'mixed';
  const params = {
    sizeMb: shape === 'mixed' ? options.sizeMb : 0,
    seed: options.seed,
    shape,
    sourceHash: await hashSources(),
  };
  const feedsDir = path.join(options.dir, 'feeds');
  try {
    const manifest = JSON.parse(await readFile(path.join(options.dir, 'manifest.json'), 'utf8')) as Manifest;
    const expected = JSON.parse(await readFile(path.join(options.dir, 'expected.json'), 'utf8')) as {
      files: Record<string, number>;
    };
    if (JSON.stringify(manifest.params) === JSON.stringify(params)) {
      return {
        feedsDir,
        files: Object.keys(expected.files),
        totalBytes: manifest.totalBytes,
        totalItems: manifest.totalItems,
        expected: expected.files,
        mix: manifest.mix,
      };
    }
  } catch {
    // No usable manifest: generate below.
  }
  return generateCorpus(options, params);
}

/** Writes a fresh corpus (deleting any old one) and its manifest and expected counts. */
async function generateCorpus(options: CorpusOptions, params: Manifest['params']): Promise<Corpus> {
  const feedsDir = path.join(options.dir, 'feeds');
  // Only this corpus's own files: another shape's corpus may live in a subfolder.
  await rm(feedsDir, { recursive: true, force: true });
  await mkdir(feedsDir, { recursive: true });
  const prng = createPrng(options.seed);
  const expected: Record<string, number> = {};
  const mix: Record<string, number> = { rss: 0, atom: 0, en: 0, zh: 0, 'zh-tw': 0, gbk: 0, relative: 0 };
  let totalBytes = 0;
  let totalItems = 0;
  const news = params.shape === 'news300';
  const dealFeed = createFeedDealer(prng, () => (news ? NEWS300_ITEMS : prng.int(20, 100)));
  // news300: every fourth Simplified Chinese feed is GB2312, NEWS300_GB2312 of them (the decks deal 75 such feeds
  // in 300); the dealer's own GBK choice is replaced by this one.
  let simplified = 0;
  let gb2312 = 0;
  for (let index = 1; news ? index <= NEWS300_FEEDS : totalBytes < options.sizeMb * 1e6; index++) {
    const { language, spec } = dealFeed();
    if (news) {
      spec.bodyInDescription = spec.format === 'rss';
      const pick = language === 'zh' && ++simplified % 4 === 0 && gb2312 < NEWS300_GB2312;
      if (pick) gb2312++;
      spec.encoding = pick ? 'gb2312' : 'utf-8';
    }
    const encoding = spec.encoding;
    const xml = writeFeedXml(prng, createTextSource(prng, language), spec);
    const bytes = encoding === 'utf-8' ? Buffer.from(xml) : encodeGbk(xml);
    const name = `${String(index).padStart(5, '0')}-${spec.format}-${language}${encoding === 'utf-8' ? '' : `-${encoding}`}${spec.relative ? '-base' : ''}.xml`;
    await writeFile(path.join(feedsDir, name), bytes);
    expected[name] = spec.itemCount;
    totalBytes += bytes.length;
    totalItems += spec.itemCount;
    mix[spec.format]++;
    mix[language]++;
    if (encoding !== 'utf-8') mix.gbk++;
    if (spec.relative) mix.relative++;
  }
  const manifest: Manifest = { params, totalBytes, totalItems, mix };
  await writeFile(path.join(options.dir, 'expected.json'), JSON.stringify({ totalItems, files: expected }, null, 1));
  await writeFile(path.join(options.dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return { feedsDir, files: Object.keys(expected), totalBytes, totalItems, expected, mix };
}

/** Returns the value of `--shape` (mixed or news300; default mixed). */
export function readShapeOption(argv: string[]): CorpusShape {
  const at = argv.indexOf('--shape');
  if (at < 0) return 'mixed';
  const value = argv[at + 1];
  if (value !== 'mixed' && value !== 'news300') throw new Error('--shape needs mixed or news300');
  return value;
}

/** Returns the value after `--name` in `argv`, parsed as a number, or `fallback`. */
export function readNumberOption(argv: string[], name: string, fallback: number): number {
  const at = argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(argv[at + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const started = performance.now();
  const corpus = await ensureCorpus({
    dir: corpusDirFor(readShapeOption(argv)),
    sizeMb: readNumberOption(argv, 'size', 110),
    seed: readNumberOption(argv, 'seed', 20240601),
    shape: readShapeOption(argv),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `corpus: ${corpus.files.length} files, ${(corpus.totalBytes / 1e6).toFixed(1)} MB, ${corpus.totalItems} items (${seconds} s) in ${corpus.feedsDir}`,
  );
  console.log(`mix: ${JSON.stringify(corpus.mix)}`);
}
