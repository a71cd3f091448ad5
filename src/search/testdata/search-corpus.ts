/**
 * The search tests' fixture corpus, generated deterministically from a seed: news-like
 * Chinese articles (Simplified, and about a third converted to Traditional with opencc-js's
 * Taiwan and Hong Kong standards, so 裡/裏 and 綫/線 variants occur), English articles with
 * diacritics, full-width characters and URLs, and some Japanese and Korean lines. Sentences
 * are built from real news phrases plus words drawn from jieba's dictionary, so every
 * 1–4-character string has a realistic chance of occurring or not.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as OpenCC from 'opencc-js';
import { createSeededRandom, type SeededRandom } from '../../util/seeded-random.ts';

/** One fixture article. */
export interface CorpusArticle {
  identity: string;
  language: string;
  title: string;
  /** Plain text paragraphs joined by "\n". */
  text: string;
  /** The same text as HTML, with inline tags inside words (中<b>国</b>) and entities. */
  html: string;
  author: string;
  category: string;
  publishedAt: number;
}

const ZH_TIMES = [
  '近日',
  '昨天',
  '今天上午',
  '本周',
  '今年以来',
  '据报道',
  '记者从有关部门获悉',
  '截至目前',
  '当地时间周三',
  '2024年',
  '去年12月',
];
const ZH_SUBJECTS = [
  '国家统计局',
  '外交部发言人',
  '国务院常务会议',
  '中国人民银行',
  '教育部',
  '多家科技企业',
  '专家学者',
  '当地政府',
  '研究团队',
  '市场监管部门',
  '不少市民',
  '业内人士',
  '习近平',
  '李强',
  '上海市政府',
  '台湾地区',
  '香港特区政府',
  '广东省',
];
const ZH_VERBS = ['表示', '指出', '宣布', '发布消息称', '强调', '介绍说', '透露', '认为', '提出'];
const ZH_CLAUSES = [
  '经济运行总体平稳',
  '将进一步扩大对外开放',
  '新能源汽车产销量持续增长',
  '人工智能产业发展迅速',
  '居民消费价格温和上涨',
  '高铁新线路预计年底通车',
  '今年夏粮再获丰收',
  '城市更新项目稳步推进',
  '就业形势保持总体稳定',
  '跨境电商进出口规模创新高',
  '里程碑式的合作协议已经签署',
  '线上线下消费同步回暖',
  '人大代表建议加强监管',
  '房价上涨势头有所放缓',
  '卫生部门加强流感防控',
];
const ZH_TAILS = [
  '同比增长5.2%',
  '环比下降0.3个百分点',
  '引发社会广泛关注',
  '受到市场普遍欢迎',
  '相关工作正在有序开展',
  '具体细节尚未公布',
  '详情见https://news.example.cn/2024/a-1.html',
];
const EN_WORDS = ['iPhone', 'AI', 'GDP', 'Tesla', 'ChatGPT', 'COVID-19', 'CEO', 'WTO', 'Apple', '5G'];
const EN_SENTENCES = [
  'The central bank said inflation eased for a third straight month.',
  'Officials in Zürich confirmed the café would reopen on Monday.',
  'Researchers at the university of São Paulo published the results in Nature.',
  'The company’s CEO, Renée Dupont, announced a naïve plan to cut costs.',
  'Exports rose faster than expected, according to the statistics bureau.',
  'Ｆｕｌｌ－ｗｉｄｔｈ ＴＥＸＴ like ＡＢＣ１２３ appears in some Asian feeds.',
  'Read more at https://www.example.com/news/2024/05/market-update?id=42.',
  'The new rail line between Shanghai and Hangzhou would open next year.',
  'Analysts warned that the housing market in Hong Kong remained weak.',
  'Straße and Øresund are spelled with letters that fold to ASCII.',
];
const KANA = ['東京都は新しい計画を発表しました。', 'カタカナのニュースも届きます。', 'ｶﾞｲﾄﾞブックを読む。'];
const HANGUL = ['서울특별시는 새로운 정책을 발표했다.', '한국 경제가 성장하고 있다.'];

function jiebaWords(): string[] {
  const path = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.split(' '))
    .filter(([word, count]) => word !== undefined && Number(count) >= 2000 && /^\p{Script=Han}{2,4}$/u.test(word))
    .map(([word]) => word);
}

function zhSentence(random: SeededRandom, words: string[]): string {
  const lead = random.next() < 0.3 ? `${random.pick(ZH_TIMES)}，` : '';
  const filler = Array.from({ length: random.int(0, 4) }, () => random.pick(words)).join('');
  const mixed = random.next() < 0.15 ? random.pick(EN_WORDS) : '';
  const tail = random.next() < 0.4 ? `，${random.pick(ZH_TAILS)}` : '';
  return `${lead}${random.pick(ZH_SUBJECTS)}${random.pick(ZH_VERBS)}${mixed}${random.pick(ZH_CLAUSES)}${filler}${tail}。`;
}

function toHtml(paragraphs: string[], random: SeededRandom): string {
  return paragraphs
    .map((p) => {
      const chars = [...p];
      if (chars.length > 6 && random.next() < 0.5) {
        const at = random.int(1, chars.length - 3);
        chars.splice(at, 2, `<b>${chars[at]}${chars[at + 1]}</b>`);
      }
      return `<p>${chars.join('').replace(/&(?!\w+;)/g, '&amp;')}</p>`;
    })
    .join('\n');
}

/** Returns `count` articles; the same seed gives the same corpus. */
export function generateSearchCorpus(count = 1200, seed = 20261126): CorpusArticle[] {
  const random = createSeededRandom(seed);
  const words = jiebaWords();
  const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const toHk = OpenCC.Converter({ from: 'cn', to: 'hk' });
  const start = Date.UTC(2024, 0, 1);
  const articles: CorpusArticle[] = [];
  for (let i = 0; i < count; i++) {
    const roll = random.next();
    const paragraphs: string[] = [];
    let title: string;
    let language: string;
    let author: string;
    let category: string;
    if (roll < 0.3) {
      language = 'en';
      title = random.pick(EN_SENTENCES).replace(/\.$/, '');
      for (let p = random.int(1, 4); p > 0; p--)
        paragraphs.push(Array.from({ length: random.int(1, 4) }, () => random.pick(EN_SENTENCES)).join(' '));
      author = random.pick(['Anna Müller', 'James O’Brien', 'Renée Dupont', 'Wei Chen']);
      category = random.pick(['World', 'Business', 'Technology']);
    } else {
      language = 'zh-CN';
      title = zhSentence(random, words).replace(/。$/, '');
      for (let p = random.int(1, 5); p > 0; p--)
        paragraphs.push(Array.from({ length: random.int(1, 4) }, () => zhSentence(random, words)).join(''));
      if (random.next() < 0.05) paragraphs.push(random.pick(KANA));
      if (random.next() < 0.05) paragraphs.push(random.pick(HANGUL));
      author = `${random.pick(['王', '李', '張', '陈', '林'])}${random.pick(['伟', '芳', '志明', '淑芬', '建國'])}`;
      category = random.pick(['国内', '財經', '科技']);
      const variant = random.next();
      if (variant < 0.35) {
        const convert = variant < 0.2 ? toTw : toHk;
        language = variant < 0.2 ? 'zh-TW' : 'zh-HK';
        title = convert(title);
        for (let p = 0; p < paragraphs.length; p++) paragraphs[p] = convert(paragraphs[p]);
      }
    }
    articles.push({
      identity: `guid:${i}`,
      language,
      title,
      text: paragraphs.join('\n'),
      html: toHtml(paragraphs, random),
      author,
      category,
      publishedAt: start + Math.floor(random.next() * 365) * 86_400_000 + random.int(0, 86_399_999),
    });
  }
  return articles;
}
