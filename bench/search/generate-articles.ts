/**
 * The search benchmark's synthetic archive, article by article from a seed: half Chinese (one
 * in five of those in Traditional characters, converted character by character with opencc-js's
 * STCharacters table), half English, some Chinese articles with English words and numbers
 * mixed in. Lengths vary like feed items do (a few short summaries, mostly 200–900 characters
 * or 80–400 words, a tail of long articles). Times run over three years in arrival order with a
 * few days of jitter, and 2 % are back-filled old articles, so id order and time order differ
 * the way they do in a real archive.
 */
import STCharacters from 'opencc-js/dict/STCharacters';
import type { Prng } from '../lib/prng.ts';
import { chineseVocabulary, englishVocabulary, type Vocabulary } from './vocabulary.ts';

/** One generated article. */
export interface BenchArticle {
  language: 'en' | 'zh' | 'zh-TW';
  title: string;
  /** HTML paragraphs. */
  body: string;
  /** The body's text (what the raw-text size counts). */
  text: string;
  author: string;
  category: string;
  feed: number;
  publishedAt: number;
}

const DAY = 86_400_000;
const START = Date.UTC(2023, 0, 1);
const SPAN = 3 * 365 * DAY;
const FEEDS = 400;

function toTraditional(): (text: string) => string {
  const map = new Map<string, string>();
  for (const entry of STCharacters.split('|')) {
    const [key, value] = entry.split(' ');
    if (key !== undefined && value !== undefined) map.set(key, value);
  }
  return (text) => {
    let out = '';
    for (const char of text) out += map.get(char) ?? char;
    return out;
  };
}

function length(prng: Prng, short: number, typical: [number, number], long: number): number {
  const r = prng.next();
  if (r < 0.1) return prng.int(Math.floor(short / 2), short);
  if (r < 0.9) return prng.int(typical[0], typical[1]);
  return prng.int(typical[1], long);
}

/** Returns a generator of `count` articles; the same seed gives the same archive. */
export function createArticleGenerator(prng: Prng, count: number): (index: number) => BenchArticle {
  const zh: Vocabulary = chineseVocabulary();
  const en: Vocabulary = englishVocabulary();
  const traditional = toTraditional();
  const zhSentence = (words: number, mixed: boolean): string => {
    let s = '';
    for (let i = 0; i < words; i++) {
      if (mixed && prng.chance(0.04)) s += prng.chance(0.5) ? `${prng.int(2, 2030)}` : en.draw(prng);
      else s += zh.draw(prng);
      if (i < words - 1 && prng.chance(0.12)) s += '，';
    }
    return `${s}${prng.chance(0.9) ? '。' : '！'}`;
  };
  const enSentence = (words: number): string => {
    const list: string[] = [];
    for (let i = 0; i < words; i++) list.push(en.draw(prng));
    const s = list.join(' ');
    return `${s[0].toUpperCase()}${s.slice(1)}${prng.chance(0.9) ? '.' : '?'}`;
  };
  return (index) => {
    const roll = prng.next();
    const language = roll < 0.5 ? 'en' : roll < 0.9 ? 'zh' : 'zh-TW';
    const paragraphs: string[] = [];
    let title: string;
    if (language === 'en') {
      title = enSentence(prng.int(5, 12)).slice(0, -1);
      let words = length(prng, 40, [80, 400], 1500);
      while (words > 0) {
        const sentences: string[] = [];
        for (let s = prng.int(2, 5); s > 0 && words > 0; s--) {
          const n = Math.min(words, prng.int(8, 28));
          sentences.push(enSentence(n));
          words -= n;
        }
        paragraphs.push(sentences.join(' '));
      }
    } else {
      const mixed = prng.chance(0.3);
      title = zhSentence(prng.int(4, 9), mixed).slice(0, -1);
      let chars = length(prng, 80, [200, 900], 3000);
      while (chars > 0) {
        let p = '';
        for (let s = prng.int(2, 5); s > 0 && chars > 0; s--) {
          const sentence = zhSentence(prng.int(5, 16), mixed);
          p += sentence;
          chars -= sentence.length;
        }
        paragraphs.push(p);
      }
      if (language === 'zh-TW') {
        title = traditional(title);
        for (let i = 0; i < paragraphs.length; i++) paragraphs[i] = traditional(paragraphs[i]);
      }
    }
    const backfilled = prng.chance(0.02);
    const position = backfilled ? prng.next() * (index / count) : index / count;
    const publishedAt = Math.floor(START + position * SPAN + (prng.next() - 0.5) * 4 * DAY);
    return {
      language,
      title,
      body: paragraphs.map((p) => `<p>${p}</p>`).join('\n'),
      text: paragraphs.join('\n'),
      author:
        language === 'en' ? `${en.draw(prng)} ${en.draw(prng)}` : zh.draw(prng).slice(0, 1) + zh.draw(prng).slice(0, 2),
      category:
        language === 'en'
          ? prng.pick(['World', 'Business', 'Technology', 'Science', 'Sport', 'Culture'])
          : prng.pick(['国内', '国际', '财经', '科技', '体育', '文化']),
      feed: prng.int(1, FEEDS),
      publishedAt,
    };
  };
}
