import { readFileSync } from 'node:fs';
import { decodeHTML } from 'entities';
import { describe, expect, it } from 'vitest';
import { readArticleFile } from '../archive/article-file.ts';
import { createSeededRandom, type SeededRandom } from '../util/seeded-random.ts';
import { cleanArticle } from './clean-article.ts';
import { cleanHtml } from './clean-html.ts';
import { loadShippedRulePacks } from './load-rule-packs.ts';
import { sanitizeHtml } from './sanitize-html.ts';

const fixture = readArticleFile(readFileSync(new URL('./testdata/000_b016ae68f5e95a47.txt', import.meta.url), 'utf8'));
if (fixture.kind !== 'ok') throw new Error('fixture unreadable');
const article = fixture.article;
const packs = loadShippedRulePacks();

/** Returns the text of every <p> of `html` that has visible text, in order. */
function paragraphTexts(html: string): string[] {
  return [...html.matchAll(/<p>(.*?)<\/p>/gs)]
    .map((m) =>
      decodeHTML(m[1].replace(/<[^>]*>/g, ''))
        .replace(/[\s\u00a0]+/g, ' ')
        .trim(),
    )
    .filter((text) => text !== '');
}

describe('cleanHtml: the reference article (feedx.net, RFI)', () => {
  const cases = [
    [
      'with the feed URL',
      cleanHtml(article.body, { feedUrl: 'https://feedx.net/rss/rfi.xml', itemUrl: article.url, packs }).html,
    ],
    [
      'as ingest calls it today (shipped packs, base URL only)',
      cleanArticle(article.body, { baseUrl: article.url }).html,
    ],
  ] as const;

  it.each(cases)('%s: no footer, no empty paragraph, no empty promo div', (_, html) => {
    expect(html).not.toContain('获取更多');
    expect(html).not.toContain('feedx');
    expect(html).not.toContain('<hr');
    expect(html).not.toMatch(/<p>[\s\u00a0]*(?:&nbsp;|<br \/>|\s)*<\/p>/);
    expect(html).not.toMatch(/<div>\s*<\/div>/);
    expect(html).not.toContain('selfpromo');
  });

  it.each(cases)('%s: every paragraph with text, the lead image and the bold lede kept, in order', (_, html) => {
    expect(paragraphTexts(html)).toEqual(paragraphTexts(article.body));
    expect(paragraphTexts(html)).toHaveLength(9);
    const image = html.indexOf(
      '<img src="https://s.rfi.fr/media/display/a1c7eb3a-148e-11ea-9e82-005056bf7c53/w:1280/p:16x9/nucleaire_3.jpg"',
    );
    const lede = html.indexOf('<p><strong>在中国领导人习近平发出加强核威慑力量信号后');
    const dateline = html.indexOf('<div>02/11/2022 - 13:16</div>');
    const firstBody = html.indexOf('<p>据路透社今天报道称');
    expect(dateline).toBe(0);
    expect(image).toBeGreaterThan(dateline);
    expect(lede).toBeGreaterThan(image);
    expect(firstBody).toBeGreaterThan(lede);
    expect(html.endsWith('<p>“中国人已经停止这样做，这是一个真正的担忧。”</p></div>')).toBe(true);
  });

  it('explains what went and why', () => {
    const { removed } = cleanHtml(article.body, { itemUrl: article.url, packs, explain: true });
    expect(removed.filter((e) => e.step === 'remove-empty' && e.detail === '<p>&nbsp;</p>')).toHaveLength(98);
    expect(removed.filter((e) => e.step === 'remove-empty' && e.detail.includes('selfpromo'))).toHaveLength(2);
    expect(
      removed
        .filter((e) => e.rule === 'feedx#footer')
        .map((e) => e.detail)
        .join(' '),
    ).toMatch(/获取更多RSS.*feedx\.net.*feedx\.fun|feedx\.fun.*feedx\.net.*获取更多RSS/s);
  });

  it('is unchanged by a second cleaning', () => {
    const once = cleanArticle(article.body, { baseUrl: article.url }).html;
    expect(cleanArticle(once, { baseUrl: article.url }).html).toBe(once);
  });
});

const VECTORS: Array<{ name: string; html: string }> = JSON.parse(
  readFileSync(new URL('./testdata/xss-vectors.json', import.meta.url), 'utf8'),
);
const FORBIDDEN_TAG =
  /<\s*\/?\s*(?:script|iframe|object|embed|base|meta|style|form|link|svg|math|frame|frameset|input|button|textarea|select|template|param|applet)\b/i;
const URL_ATTRIBUTE = / (href|src|srcset|cite|poster)="([^"]*)"/g;

function schemeOf(url: string): string {
  return /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\x00-\x20]+/g, ''))?.[1].toLowerCase() ?? '';
}

describe('cleanHtml: XSS corpus through the whole pipeline', () => {
  it.each(VECTORS)('neutralizes: $name', ({ html }) => {
    const out = cleanHtml(html, { baseUrl: 'https://example.com/a/', packs, explain: true }).html;
    expect(out).not.toMatch(FORBIDDEN_TAG);
    expect(out).not.toMatch(/<[^>]+\s(?:on[a-z]+|style)=/i);
    for (const [, name, raw] of out.matchAll(URL_ATTRIBUTE)) {
      const urls =
        name === 'srcset'
          ? decodeHTML(raw)
              .split(',')
              .map((c) => c.trim().split(/\s+/)[0])
          : [decodeHTML(raw)];
      for (const url of urls) {
        const rasterImage = /^data:image\/(?:png|gif|jpeg|webp)[;,]/i.test(url);
        expect(['', 'http', 'https', 'mailto'].includes(schemeOf(url)) || rasterImage, `${name}=${url}`).toBe(true);
      }
    }
    expect(sanitizeHtml(out)).toBe(out);
  });
});

const TAGS = [
  'p',
  'div',
  'span',
  'a',
  'img',
  'br',
  'b',
  'strong',
  'section',
  'pre',
  'code',
  'table',
  'td',
  'tr',
  'ul',
  'li',
  'script',
  'style',
  'iframe',
  'noscript',
  'font',
  'hr',
  'figure',
  'video',
  'source',
  'svg',
  'textarea',
  'h2',
  'blockquote',
];
const ATTRS = [
  'href',
  'src',
  'data-src',
  'data-original',
  'srcset',
  'style',
  'width',
  'height',
  'hidden',
  'onclick',
  'class',
  'data-selfpromo-app',
];
const VALUES = [
  'x',
  '',
  '1',
  'javascript:alert(1)',
  'https://e.com/?utm_source=a&amp;b=2',
  '../r',
  'display:none',
  'https://feeds.feedburner.com/~r/x/~4/y',
  'a.jpg 1x, b.jpg 2x',
  '" onload="x',
  'data:image/png;base64,AA',
];
const TEXT = [
  'text',
  ' ',
  '&nbsp;',
  '\u00a0',
  '\n',
  '漢字',
  '获取更多RSS：',
  'feedx.net',
  'The post',
  '&lt;',
  '<',
  '&',
  '<!--',
  '-->',
  '\u200b',
  'appeared first on',
  '</',
  '中文\n中文',
];

function generate(random: SeededRandom): string {
  let out = '';
  const parts = 1 + random.int(0, 20);
  for (let i = 0; i < parts; i++) {
    const r = random.next();
    if (r < 0.35) out += random.pick(TEXT);
    else if (r < 0.55) out += `</${random.pick(TAGS)}>`;
    else {
      out += `<${random.pick(TAGS)}`;
      for (let j = random.int(0, 2); j > 0; j--)
        out += ` ${random.pick(ATTRS)}="${random.pick(VALUES).replaceAll('"', '')}"`;
      out += '>';
    }
  }
  return out;
}

describe('cleanHtml: fuzz', () => {
  it('never throws, and its output is a fixed point of the sanitizer, over 3000 generated fragments', () => {
    const random = createSeededRandom(4242);
    for (let i = 0; i < 3000; i++) {
      const html = generate(random);
      const out = cleanHtml(html, { baseUrl: 'https://example.com/', feedUrl: 'https://feedx.net/x.xml', packs }).html;
      expect(sanitizeHtml(out), `input: ${JSON.stringify(html)}`).toBe(out);
    }
  });

  it('returns an empty string for blank input', () => {
    expect(cleanHtml('  \n ').html).toBe('');
  });
});
