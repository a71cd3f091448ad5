/**
 * Word distributions for the search benchmark's synthetic archive. Chinese words and their
 * weights come from jieba's own dictionary (@node-rs/jieba/dict.txt, word frequencies counted
 * on real text), so common words (的, 中国, 发展) and the long tail have real-world shares.
 * English has the real top function words with their shares of running text (the ≈ 5 %,
 * of ≈ 2.7 %, …), a few hundred news words, and a Zipf tail of made-up words, so "the" is in
 * nearly every English article and most tail words in a handful. Sampling is a binary search
 * over cumulative weights from the seeded PRNG.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Prng } from '../lib/prng.ts';

/** A weighted word list to draw from. */
export interface Vocabulary {
  words: string[];
  draw(prng: Prng): string;
}

function weighted(words: string[], weights: number[]): Vocabulary {
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    cumulative[i] = sum;
  });
  return {
    words,
    draw(prng) {
      const target = prng.next() * sum;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] < target) lo = mid + 1;
        else hi = mid;
      }
      return words[lo];
    },
  };
}

/** Returns Chinese words weighted by jieba's frequencies (words seen at least `minCount` times, Han only). */
export function chineseVocabulary(minCount = 20): Vocabulary {
  const path = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
  const words: string[] = [];
  const weights: number[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [word, count] = line.split(' ');
    const n = Number(count);
    if (word === undefined || !(n >= minCount) || !/^\p{Script=Han}+$/u.test(word)) continue;
    words.push(word);
    weights.push(n);
  }
  return weighted(words, weights);
}

const ENGLISH_TOP: Array<[string, number]> = [
  ['the', 50],
  ['of', 27],
  ['and', 26],
  ['to', 24],
  ['a', 21],
  ['in', 18],
  ['is', 10],
  ['that', 10],
  ['for', 9],
  ['it', 8],
  ['on', 7],
  ['was', 7],
  ['with', 7],
  ['as', 6],
  ['he', 6],
  ['said', 6],
  ['by', 5],
  ['at', 5],
  ['be', 5],
  ['from', 5],
  ['his', 5],
  ['are', 4],
  ['have', 4],
  ['has', 4],
  ['an', 4],
  ['this', 4],
  ['not', 4],
  ['but', 4],
  ['they', 4],
  ['were', 3],
  ['which', 3],
  ['their', 3],
  ['will', 3],
  ['she', 3],
  ['had', 3],
  ['or', 3],
  ['been', 3],
  ['one', 3],
  ['we', 3],
  ['would', 3],
  ['year', 2],
  ['new', 2],
  ['more', 2],
  ['its', 2],
  ['who', 2],
  ['after', 2],
  ['people', 2],
  ['also', 2],
  ['two', 2],
  ['first', 2],
  ['government', 1.5],
  ['last', 1.5],
  ['could', 1.5],
  ['than', 1.5],
  ['over', 1.5],
  ['about', 1.5],
  ['state', 1.2],
  ['city', 1.2],
  ['market', 1.2],
  ['company', 1.2],
  ['police', 1],
  ['president', 1],
  ['minister', 1],
  ['week', 1],
  ['percent', 1],
  ['million', 1],
  ['china', 1],
  ['election', 0.8],
  ['court', 0.8],
  ['economy', 0.8],
  ['report', 0.8],
  ['officials', 0.8],
  ['billion', 0.8],
  ['according', 0.8],
  ['health', 0.7],
  ['public', 0.7],
  ['security', 0.6],
  ['climate', 0.5],
  ['energy', 0.5],
  ['prices', 0.5],
  ['technology', 0.5],
  ['research', 0.4],
  ['university', 0.4],
  ['inflation', 0.3],
  ['football', 0.3],
  ['vaccine', 0.2],
  ['semiconductor', 0.1],
  ['referendum', 0.05],
  ['archipelago', 0.01],
];

const SYLLABLES = [
  'ka',
  'lo',
  'mer',
  'tin',
  'sa',
  'vor',
  'el',
  'da',
  'ris',
  'po',
  'quan',
  'te',
  'bel',
  'nu',
  'shi',
  'gor',
  'an',
  'ex',
  'ul',
  'fi',
];

/** Returns English words: real top words with their shares, then a Zipf tail of 60,000 made-up words (together ≈ 30 % of running text). */
export function englishVocabulary(): Vocabulary {
  const words = ENGLISH_TOP.map(([w]) => w);
  const weights = ENGLISH_TOP.map(([, w]) => w);
  const topShare = weights.reduce((a, b) => a + b, 0);
  const tail = 60_000;
  let harmonic = 0;
  for (let r = 1; r <= tail; r++) harmonic += 1 / r ** 1.05;
  for (let r = 1; r <= tail; r++) {
    let word = '';
    let n = r + 19;
    do {
      word += SYLLABLES[n % SYLLABLES.length];
      n = Math.floor(n / SYLLABLES.length);
    } while (n > 0);
    words.push(word);
    weights.push((topShare * 0.45) / harmonic / r ** 1.05);
  }
  return weighted(words, weights);
}
