import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { searchArticles, type SearchOptions } from './search-articles.ts';
import { generateSearchCorpus, type CorpusArticle } from './testdata/search-corpus.ts';
import { foldText } from '../tokenize/fold-text.ts';
import { createSeededRandom } from '../util/seeded-random.ts';

// The brute-force side: fold, then keep CJK runs whole and words whole, one space between units.
// A query matches a field when its normalized form occurs there, starting and ending on unit
// boundaries wherever it starts or ends with a word (CJK may start or end inside a run).
const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc`;
const UNIT = new RegExp(`[${CJK}]+|[[\\p{L}\\p{N}\\p{M}]--[${CJK}]]+`, 'gv');
const WORD_START = new RegExp(`^[[\\p{L}\\p{N}\\p{M}]--[${CJK}]]`, 'v');
const WORD_END = new RegExp(`[[\\p{L}\\p{N}\\p{M}]--[${CJK}]]$`, 'v');

const normalize = (text: string) => (foldText(text).match(UNIT) ?? []).join(' ');

function fieldMatches(field: string, query: string, prefix = false): boolean {
  const q = normalize(query);
  if (q === '') return false;
  const startsWord = WORD_START.test(q);
  const endsWord = WORD_END.test(q) && !prefix;
  for (let at = field.indexOf(q); at >= 0; at = field.indexOf(q, at + 1)) {
    const before = at === 0 || field[at - 1] === ' ';
    const after = at + q.length === field.length || field[at + q.length] === ' ';
    if ((!startsWord || before) && (!endsWord || after)) return true;
  }
  return false;
}

interface Doc {
  id: number;
  article: CorpusArticle;
  feed: string;
  fields: Record<'title' | 'body' | 'author' | 'feed' | 'category', string>;
}
interface QueryCase {
  query: string;
  expect: (doc: Doc) => boolean;
}

const FEEDS = ['新华网', 'BBC News', '聯合報'];

function anyField(doc: Doc, query: string, prefix = false): boolean {
  return Object.values(doc.fields).some((field) => fieldMatches(field, query, prefix));
}

function buildQueries(docs: Doc[]): QueryCase[] {
  const random = createSeededRandom(7);
  const cases: QueryCase[] = [];
  const zh = docs.filter((d) => d.article.language.startsWith('zh'));
  const en = docs.filter((d) => d.article.language === 'en');
  const cjkRuns = (text: string) => text.match(new RegExp(`[${CJK}]+`, 'gv')) ?? [];
  // 1–4 Han characters, cut from articles as written (Simplified or Traditional), half of them refolded the other way.
  for (let n = 1; n <= 4; n++) {
    for (let i = 0; i < 60; i++) {
      const runs = cjkRuns(random.pick(zh).article.text).filter((r) => [...r].length >= n);
      if (runs.length === 0) continue;
      const chars = [...random.pick(runs)];
      const at = random.int(0, chars.length - n);
      const query = chars.slice(at, at + n).join('');
      cases.push({ query, expect: (doc) => anyField(doc, query) });
    }
    for (let i = 0; i < 15; i++) {
      const pool = [...'的一是人了不在有大中国和为这上经济发展会议市场政府台湾里线卫']; // common characters, random order: mostly misses
      const query = Array.from({ length: n }, () => random.pick(pool)).join('');
      cases.push({ query, expect: (doc) => anyField(doc, query) });
    }
  }
  // Quoted windows of any text (phrases across punctuation, mixed Latin/CJK, numbers, URLs).
  for (let i = 0; i < 80; i++) {
    const text = random.pick(docs).article.text;
    const at = random.int(0, Math.max(0, text.length - 12));
    const query = text
      .slice(at, at + random.int(2, 12))
      .replace(/["\n]/g, ' ')
      .trim();
    if (query === '') continue;
    cases.push({ query: `"${query}"`, expect: (doc) => anyField(doc, query) });
  }
  // English phrases and words, prefixes.
  for (let i = 0; i < 30; i++) {
    const words = random.pick(en).article.text.split(/\s+/);
    const at = random.int(0, words.length - 3);
    const query = words
      .slice(at, at + random.int(1, 3))
      .join(' ')
      .replace(/["]/g, '');
    cases.push({ query: `"${query}"`, expect: (doc) => anyField(doc, query) });
  }
  // Phrases of common words that are rarely adjacent (answered from grams): a common English word
  // next to any word of the corpus, and CJK strings across a run break, typed with a space.
  for (let i = 0; i < 30; i++) {
    const words = random
      .pick(en)
      .article.text.split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w !== '');
    const word = random.pick(words);
    const common = random.pick(['the', 'of', 'and', 'to', 'a', 'in', 'said']);
    const query = i % 2 === 0 ? `${common} ${word}` : `${word} ${common}`;
    cases.push({ query: `"${query}"`, expect: (doc) => anyField(doc, query) });
  }
  for (let i = 0; i < 30; i++) {
    const runs = cjkRuns(random.pick(zh).article.text);
    if (runs.length < 2) continue;
    const at = random.int(0, runs.length - 2);
    const query = `${[...runs[at]].slice(-2).join('')} ${[...runs[at + 1]].slice(0, 2).join('')}`;
    cases.push({ query: `"${query}"`, expect: (doc) => anyField(doc, query) });
  }
  // Two-token phrases that one pair or gram stands for on its own (plan-query's `exact`): the
  // characters on both sides of a run break, and the same phrases limited to a field (no shortcut).
  for (let i = 0; i < 30; i++) {
    const runs = cjkRuns(random.pick(zh).article.text);
    if (runs.length < 2) continue;
    const at = random.int(0, runs.length - 2);
    const query = `${[...runs[at]].at(-1)}，${[...runs[at + 1]][0]}`;
    cases.push({ query: `"${query}"`, expect: (doc) => anyField(doc, query) });
  }
  for (const query of ['the central', 'said the', 'to the', 'the the', '日，国', '人大', '国中', '中国']) {
    cases.push({ query: `title:"${query}"`, expect: (doc) => fieldMatches(doc.fields.title, query) });
    cases.push({
      query: `"${query}" -"the university"`,
      expect: (doc) => anyField(doc, query) && !anyField(doc, 'the university'),
    });
  }
  for (const query of ['the government', 'said the', '经济 政策', '中国 发展', 'of the']) {
    cases.push({ query: `"${query}"`, expect: (doc) => anyField(doc, query) });
  }
  cases.push({ query: '"the gov*"', expect: (doc) => anyField(doc, 'the gov', true) });
  for (const prefix of ['infl', 'caf', 'zur', 'exp', 'straß'])
    cases.push({ query: `${prefix}*`, expect: (doc) => anyField(doc, prefix, true) });
  // Mixed unquoted words: a CJK string with a Latin word or number next to it.
  for (const query of [
    '2024年',
    'iPhone',
    'ai人工智能',
    '5.2%',
    'COVID-19',
    'ＡＢＣ１２３',
    '習近平',
    '裡程碑',
    '綫上',
    '衞生',
    'cafe',
    'SAO PAULO',
  ]) {
    cases.push({ query, expect: (doc) => anyField(doc, query) });
  }
  // Filters, OR, exclusion, several words.
  cases.push({ query: '经济 lang:zh', expect: (d) => anyField(d, '经济') && d.article.language.startsWith('zh') });
  cases.push({ query: '经济 lang:zh-tw', expect: (d) => anyField(d, '经济') && d.article.language === 'zh-TW' });
  cases.push({ query: 'title:经济', expect: (d) => fieldMatches(d.fields.title, '经济') });
  cases.push({ query: 'title:"central bank"', expect: (d) => fieldMatches(d.fields.title, 'central bank') });
  cases.push({ query: 'author:志明', expect: (d) => fieldMatches(d.fields.author, '志明') });
  cases.push({
    query: 'feed:联合报 人大',
    expect: (d) => fieldMatches(d.fields.feed, '联合报') && anyField(d, '人大'),
  });
  cases.push({ query: 'category:财经', expect: (d) => fieldMatches(d.fields.category, '财经') });
  cases.push({ query: '香港 OR 台湾', expect: (d) => anyField(d, '香港') || anyField(d, '台湾') });
  cases.push({ query: '经济 -香港', expect: (d) => anyField(d, '经济') && !anyField(d, '香港') });
  cases.push({ query: '习近平 李强', expect: (d) => anyField(d, '习近平') && anyField(d, '李强') });
  cases.push({ query: '"中国 人民"', expect: (d) => anyField(d, '中国 人民') });
  cases.push({
    query: 'after:2024-06-30 before:2024-09 房价',
    expect: (d) =>
      anyField(d, '房价') &&
      d.article.publishedAt >= Date.UTC(2024, 6, 1) &&
      d.article.publishedAt < Date.UTC(2024, 8, 1),
  });
  // Very common words under an upper date bound (read period by period through the date tokens).
  const before = (d: Doc, end: number) => d.article.publishedAt < end;
  const within = (d: Doc, from: number, end: number) => d.article.publishedAt >= from && d.article.publishedAt < end;
  cases.push({ query: 'the before:2024-05', expect: (d) => anyField(d, 'the') && before(d, Date.UTC(2024, 4, 1)) });
  cases.push({
    query: 'on:2024-03 the',
    expect: (d) => anyField(d, 'the') && within(d, Date.UTC(2024, 2, 1), Date.UTC(2024, 3, 1)),
  });
  cases.push({ query: '的 before:2024-07-15', expect: (d) => anyField(d, '的') && before(d, Date.UTC(2024, 6, 15)) });
  cases.push({
    query: '经济 -香港 before:2024-08',
    expect: (d) => anyField(d, '经济') && !anyField(d, '香港') && before(d, Date.UTC(2024, 7, 1)),
  });
  cases.push({
    query: '"of the" on:2024-02-10',
    expect: (d) => anyField(d, 'of the') && within(d, Date.UTC(2024, 1, 10), Date.UTC(2024, 1, 11)),
  });
  cases.push({
    query: 'on:2024-03 人工智能',
    expect: (d) =>
      anyField(d, '人工智能') &&
      d.article.publishedAt >= Date.UTC(2024, 2, 1) &&
      d.article.publishedAt < Date.UTC(2024, 3, 1),
  });
  return cases;
}

async function allIds(store: Store, query: string, options: SearchOptions): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await searchArticles(store, query, { ...options, cursor, limit: 200 });
    ids.push(...page.results.map((r) => r.id));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return ids;
}

describe('search recall against a brute-force scan of the folded corpus', () => {
  let store: Store;
  let docs: Doc[];
  beforeAll(async () => {
    store = await openStore({ backend: 'sqlite', path: ':memory:' });
    const corpus = generateSearchCorpus();
    const feedIds: number[] = [];
    for (const [i, title] of FEEDS.entries()) {
      const added = await store.addFeed({ url: `https://feed${i}.example/rss` });
      if (added.kind !== 'added') throw new Error('feed not added');
      await store.updateFeed(added.feed.id, { title });
      feedIds.push(added.feed.id);
    }
    docs = [];
    for (const [i, article] of corpus.entries()) {
      const feed = i % FEEDS.length;
      const [outcome] = await store.recordEntries(
        feedIds[feed],
        [
          {
            identity: article.identity,
            title: article.title,
            titleKey: article.title,
            language: article.language,
            authors: [{ name: article.author }],
            categories: [{ term: article.category }],
            enclosures: [],
            publishedAt: article.publishedAt,
            rawBody: article.html,
            cleanedBody: article.html,
            fingerprint: article.identity,
          },
        ],
        article.publishedAt,
      );
      if (outcome.kind !== 'new') throw new Error(`not stored: ${outcome.kind}`);
      docs.push({
        id: outcome.articleId,
        article,
        feed: FEEDS[feed],
        fields: {
          title: normalize(article.title),
          body: normalize(article.text),
          author: normalize(article.author),
          feed: normalize(FEEDS[feed]),
          category: normalize(article.category),
        },
      });
    }
  });
  afterAll(() => store.close());

  it('finds exactly the articles the scan finds, for every query and both orders, across pages', async () => {
    const cases = buildQueries(docs);
    expect(cases.length).toBeGreaterThan(400);
    let nonEmpty = 0;
    const failures: string[] = [];
    for (const { query, expect: wanted } of cases) {
      const expected = new Set(docs.filter(wanted).map((d) => d.id));
      if (expected.size > 0) nonEmpty++;
      for (const sort of ['relevance', 'newest'] as const) {
        const found = await allIds(store, query, { sort, now: Date.UTC(2025, 0, 1) });
        const missing = [...expected].filter((id) => !found.includes(id));
        const extra = found.filter((id) => !expected.has(id));
        if (missing.length > 0 || extra.length > 0 || new Set(found).size !== found.length) {
          failures.push(
            `${query} (${sort}): ${expected.size} expected, ${found.length} found, missing ${missing.slice(0, 5)}, false ${extra.slice(0, 5)}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(nonEmpty).toBeGreaterThan(cases.length / 2);
  }, 180_000);

  it('orders newest-first results by time and relevance results by score', async () => {
    const newest = await searchArticles(store, '经济', { sort: 'newest', limit: 50 });
    const times = newest.results.map((r) => r.time);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const ranked = await searchArticles(store, '经济', { sort: 'relevance', limit: 50, now: Date.UTC(2025, 0, 1) });
    const scores = ranked.results.map((r) => r.score ?? 0);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});
