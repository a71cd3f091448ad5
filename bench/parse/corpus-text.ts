/**
 * Realistic-looking news text for the parse benchmark corpus, generated offline from small
 * vocabularies: English, Simplified Chinese and a little Traditional Chinese sentences, titles,
 * names and categories. The text is nonsense news, but its byte profile (word lengths, CJK
 * share, punctuation) is what a parser sees in real feeds.
 */
import type { Prng } from '../lib/prng.ts';

/** The languages a generated feed can be written in. */
export type CorpusLanguage = 'en' | 'zh' | 'zh-tw';

/** Sentence, title, name and category makers for one language. */
export interface TextSource {
  language: CorpusLanguage;
  sentence(): string;
  title(): string;
  name(): string;
  category(): string;
  /** The word joiner inside a paragraph: a space for English, nothing for Chinese. */
  joiner: string;
}

const EN = {
  times: [
    'On Monday',
    'On Tuesday',
    'Late on Wednesday',
    'Earlier this week',
    'This year',
    'In the first half',
    'Last month',
    'On Friday morning',
  ],
  subjects: [
    'the central bank',
    'city officials',
    'researchers at the university',
    'the health ministry',
    'analysts',
    'the company',
    'the transport authority',
    'local residents',
    'the state statistics bureau',
    'a group of economists',
    'the school board',
    'the court',
  ],
  verbs: ['said', 'announced', 'confirmed', 'warned', 'reported', 'argued', 'noted', 'estimated'],
  clauses: [
    'inflation eased for a third straight month',
    'the new rail line would open next year',
    'exports rose faster than expected',
    'the project had run over budget',
    'rainfall in the region was well below average',
    'demand for electric cars kept growing',
    'the policy would be reviewed in the autumn',
    'wages had not kept pace with rents',
    'the bridge would close for repairs',
    'more students applied than ever before',
    'the software update fixed a serious flaw',
    'the museum would extend its opening hours',
  ],
  tails: [
    'according to a statement',
    'citing people familiar with the matter',
    'though details were scarce',
    'a figure that surprised many',
    'in a report released on Thursday',
    'after months of debate',
  ],
  firstNames: ['Anna', 'James', 'Maria', 'Wei', 'Olivia', 'Daniel', 'Sofia', 'Ahmed', 'Laura', 'Kenji'],
  lastNames: ['Smith', 'Garcia', 'Chen', 'Müller', 'O\u2019Brien', 'Johnson', 'Rossi', 'Kowalski', 'Nguyen', 'Brown'],
  categories: [
    'Economy',
    'Politics',
    'Technology',
    'Science',
    'Health',
    'Sport',
    'Culture',
    'World',
    'Business',
    'Climate',
    'Education',
    'Opinion',
  ],
};

const ZH = {
  times: [
    '近日',
    '昨天',
    '今天上午',
    '本周',
    '今年以来',
    '上半年',
    '据报道',
    '记者从有关部门获悉',
    '截至目前',
    '日前',
    '当地时间周三',
  ],
  subjects: [
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
    '生态环境部',
    '交通运输部门',
  ],
  verbs: ['表示', '指出', '宣布', '发布消息称', '强调', '介绍说', '透露', '认为', '提出'],
  clauses: [
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
    '空气质量优良天数比例明显提升',
    '多地出台措施支持中小企业发展',
  ],
  tails: [
    '同比增长百分之五点二',
    '环比下降零点三个百分点',
    '引发社会广泛关注',
    '受到市场普遍欢迎',
    '相关工作正在有序开展',
    '具体细节尚未公布',
  ],
  connectors: ['同时', '此外', '与此同时', '另一方面', '据悉', '值得注意的是', '业内普遍认为'],
  surnames: ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'],
  givenNames: ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '勇', '军', '杰'],
  categories: ['国内', '国际', '财经', '科技', '体育', '文化', '社会', '教育', '健康', '军事', '评论'],
};

const ZH_TW = {
  times: ['近日', '昨天', '今年以來', '據報導', '日前', '本週'],
  subjects: ['行政院', '經濟部', '臺北市政府', '研究團隊', '業者', '專家學者', '衛生福利部'],
  verbs: ['表示', '指出', '宣布', '強調', '認為'],
  clauses: [
    '經濟成長率優於預期',
    '半導體產業持續擴張',
    '觀光人數明顯回升',
    '將推動綠能轉型',
    '房價漲幅趨緩',
    '人工智慧應用快速發展',
  ],
  tails: ['引發外界關注', '相關細節尚未公布', '年增百分之三點一'],
  connectors: ['同時', '此外', '另一方面', '據了解'],
  surnames: ['陳', '林', '黃', '張', '李', '王'],
  givenNames: ['志明', '淑芬', '家豪', '怡君', '建宏', '美玲'],
  categories: ['政治', '財經', '科技', '生活', '國際', '體育'],
};

/** Returns the text maker for `language`, drawing from `prng`. */
export function createTextSource(prng: Prng, language: CorpusLanguage): TextSource {
  if (language === 'en') {
    const sentence = (): string => {
      const tail = prng.chance(0.4) ? `, ${prng.pick(EN.tails)}` : '';
      return `${prng.pick(EN.times)}, ${prng.pick(EN.subjects)} ${prng.pick(EN.verbs)} that ${prng.pick(EN.clauses)}${tail}.`;
    };
    const title = (): string => {
      const clause = prng.pick(EN.clauses);
      return (
        clause[0].toUpperCase() + clause.slice(1) + (prng.chance(0.3) ? `, according to ${prng.pick(EN.subjects)}` : '')
      );
    };
    return {
      language,
      joiner: ' ',
      sentence,
      title,
      name: () => `${prng.pick(EN.firstNames)} ${prng.pick(EN.lastNames)}`,
      category: () => prng.pick(EN.categories),
    };
  }
  const v = language === 'zh' ? ZH : ZH_TW;
  const sentence = (): string => {
    const lead = prng.chance(0.3) ? `${prng.pick(v.connectors)}，` : '';
    const tail = prng.chance(0.5) ? `，${prng.pick(v.tails)}` : '';
    const quoted = prng.chance(0.2) ? `“${prng.pick(v.clauses)}”` : prng.pick(v.clauses);
    return `${lead}${prng.pick(v.times)}，${prng.pick(v.subjects)}${prng.pick(v.verbs)}，${quoted}${tail}。`;
  };
  return {
    language,
    joiner: '',
    sentence,
    title: () => `${prng.pick(v.subjects)}：${prng.pick(v.clauses)}`,
    name: () => prng.pick(v.surnames) + prng.pick(v.givenNames) + (prng.chance(0.5) ? prng.pick(v.givenNames) : ''),
    category: () => prng.pick(v.categories),
  };
}
