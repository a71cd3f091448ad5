/**
 * The Chinese feed the reader flow subscribes to: five articles with distinct titles and
 * bodies (so no block looks like boilerplate), one word, 地铁 (metro), in one title and in
 * one other body only, and the edit that gives one article its second revision.
 */
import type { SampleItem } from '../fixture-server/index.ts';

/** The two-character word the flow searches for. */
export const SEARCH_WORD = '地铁';

/** The article the flow reads, stars and edits: 地铁 is in its title. */
export const METRO_TITLE = '上海地铁新线路今日开通';

/** The article with 地铁 in its body only. */
export const BODY_MATCH_TITLE = '北京发布新一轮空气质量报告';

const ARTICLES: ReadonlyArray<readonly [string, string]> = [
  ['深圳科技企业加大研发投入', '多家企业表示，今年的研发预算比去年增加三成，重点放在芯片和软件上。'],
  ['长江流域迎来入汛以来最强降雨', '气象部门发布暴雨预警，沿江城市的防汛工作已经全面展开。'],
  [BODY_MATCH_TITLE, '报告指出，城市空气质量持续改善，市民出行更多选择地铁和公交。'],
  ['美国称中国在核谈判中保持沉默', '有关官员周二表示，双方的磋商仍在进行，没有公布新的时间表。'],
  [METRO_TITLE, '新线路全长二十八公里，设车站十九座，早高峰的发车间隔为三分钟。'],
];

/** The body of the metro article after the publisher's edit. */
export const EDITED_METRO_BODY = '<p>新线路全长三十公里，设车站十九座，早高峰的发车间隔缩短为两分钟。</p>';

/** Returns the feed's items, newest first, links on `base` (the fixture server). */
export function chineseItems(base: string): SampleItem[] {
  const start = Date.UTC(2024, 5, 3, 1, 0, 0);
  return ARTICLES.map(([title, text], i) => ({
    guid: `${base}zh/items/${i + 1}`,
    title,
    link: `${base}zh/items/${i + 1}`,
    description: `<p>${text}</p>`,
    pubDate: new Date(start + i * 3_600_000),
  })).reverse();
}

/** Returns the index of the metro article in `chineseItems`. */
export function metroIndex(items: readonly SampleItem[]): number {
  return items.findIndex((item) => item.title === METRO_TITLE);
}
