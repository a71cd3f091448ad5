/**
 * The benchmark's query classes. Fixed queries name the famous cases (the, 中国, 的, "of the");
 * the rest are drawn from the same vocabularies the archive was generated from, and kept or
 * dropped by their measured match counts so that "rare" really is rare (≤ 0.02 % of articles)
 * and "common" really is common (0.5–10 %) at whatever archive size the run uses.
 */
import type { Prng } from '../lib/prng.ts';
import { chineseVocabulary, englishVocabulary } from './vocabulary.ts';

/** One class: a name and its queries, each with the options it runs with. */
export interface QueryClass {
  name: string;
  queries: string[];
  sort: 'relevance' | 'newest';
}

/** Returns candidate queries per class; `count(q)` gives a query's number of matching articles. */
export function buildQueryClasses(prng: Prng, articles: number, count: (query: string) => number): QueryClass[] {
  const en = englishVocabulary().words;
  const zh = chineseVocabulary().words;
  const byShare = (candidates: string[], low: number, high: number, want: number): string[] => {
    const picked: string[] = [];
    for (const query of candidates) {
      const share = count(query) / articles;
      if (share > 0 && share >= low && share <= high) picked.push(query);
      if (picked.length >= want) break;
    }
    return picked;
  };
  const sample = (list: string[], n: number, filter: (w: string) => boolean) => {
    const out: string[] = [];
    for (let tries = 0; out.length < n && tries < n * 200; tries++) {
      const word = prng.pick(list);
      if (filter(word) && !out.includes(word)) out.push(word);
    }
    return out;
  };
  const hanLength = (n: number) => (w: string) => [...w].length === n;
  const tail = en.slice(2000);
  return [
    {
      name: 'rare words (en)',
      sort: 'relevance',
      queries: byShare(
        sample(tail, 120, () => true),
        0,
        0.0002,
        10,
      ),
    },
    {
      name: 'common words (en)',
      sort: 'relevance',
      queries: byShare(
        [
          'police',
          'president',
          'election',
          'court',
          'economy',
          'health',
          'energy',
          'climate',
          'research',
          'football',
          'vaccine',
          'inflation',
          ...sample(en.slice(100, 400), 40, () => true),
        ],
        0.005,
        0.1,
        10,
      ),
    },
    { name: 'very common words (en)', sort: 'relevance', queries: ['the', 'of', 'and', 'said', 'government'] },
    {
      name: '1 Han character',
      sort: 'relevance',
      queries: ['的', '国', '中', '鑫', '璇', '驭', '嵩', ...sample(zh, 20, hanLength(1)).slice(0, 3)],
    },
    {
      name: '2 Han characters, rare',
      sort: 'relevance',
      queries: byShare(sample(zh, 150, hanLength(2)), 0, 0.0002, 10),
    },
    {
      name: '2 Han characters, common',
      sort: 'relevance',
      queries: byShare(
        ['经济', '发展', '市场', '政府', '人大', '国中', ...sample(zh, 60, hanLength(2))],
        0.005,
        0.2,
        10,
      ),
    },
    { name: '2 Han characters, very common', sort: 'relevance', queries: ['中国', '我们', '一个', '没有', '发展'] },
    {
      name: '3 Han characters',
      sort: 'relevance',
      queries: ['习近平', '人民币', '互联网', '共产党', ...sample(zh, 6, hanLength(3))],
    },
    {
      name: '4 Han characters',
      sort: 'relevance',
      queries: ['中华人民', '经济发展', '社会主义', '人民大会', ...sample(zh, 6, hanLength(4))],
    },
    {
      name: 'phrases',
      sort: 'relevance',
      queries: [
        '"of the"',
        '"according to"',
        '"中国发展"',
        '"经济政策"',
        `"${prng.pick(tail)} ${prng.pick(tail)}"`,
        `"the ${prng.pick(tail)}"`,
      ],
    },
    {
      name: 'phrases of common words, rarely adjacent',
      sort: 'relevance',
      queries: ['"the government"', '"said the"', '"中国 发展"', '"经济 政策"'],
    },
    {
      name: 'AND / OR',
      sort: 'relevance',
      queries: [
        'china market',
        'police court',
        '中国 经济',
        '政府 发展 市场',
        'police OR court',
        '中国 OR 美国',
        'the OR 的',
      ],
    },
    {
      name: 'filters',
      sort: 'relevance',
      queries: [
        '中国 lang:zh-TW',
        'the after:2025-06-01',
        'title:经济',
        'author:王',
        'feed:新闻频道7 发展',
        'category:科技 发展',
        '鑫 before:2024',
        'lang:en on:2024-03 referendum',
      ],
    },
    {
      name: 'common words before an old date',
      sort: 'relevance',
      queries: ['经济 before:2023-06', 'lang:en on:2024-03 police', 'the before:2024'],
    },
    {
      name: 'newest first',
      sort: 'newest',
      queries: ['the', '中国', '的', 'police', '经济 lang:zh', `${prng.pick(tail)}`],
    },
  ];
}
