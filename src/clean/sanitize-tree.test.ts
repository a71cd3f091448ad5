import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readArticleFile } from '../archive/article-file.ts';
import { createSeededRandom, type SeededRandom } from '../util/seeded-random.ts';
import { CLEAN_STEPS } from './clean-html.ts';
import { type Document, parseFragment, renderNodes } from './dom.ts';
import { loadShippedRulePacks } from './load-rule-packs.ts';
import { sanitizeHtml } from './sanitize-html.ts';
import { renderSanitizedTree } from './sanitize-tree.ts';

const packs = loadShippedRulePacks();
const VECTORS: Array<{ name: string; html: string }> = JSON.parse(
  readFileSync(new URL('./testdata/xss-vectors.json', import.meta.url), 'utf8'),
);
const fixture = readArticleFile(readFileSync(new URL('./testdata/000_b016ae68f5e95a47.txt', import.meta.url), 'utf8'));
if (fixture.kind !== 'ok') throw new Error('fixture unreadable');

function cleaned(html: string): Document {
  const root = parseFragment(html);
  for (const step of CLEAN_STEPS)
    step.run(root, { baseUrl: 'https://example.com/a/', packs, learned: [], explain: undefined });
  return root;
}

/** Returns whether the tree pass was taken; fails unless it wrote exactly what sanitize-html writes for the serialized tree. */
function expectSameAsString(root: Document, input: string): boolean {
  const onTree = renderSanitizedTree(root);
  if (onTree !== undefined) expect(onTree, `input: ${JSON.stringify(input)}`).toBe(sanitizeHtml(renderNodes(root)));
  return onTree !== undefined;
}

const TAGS = [
  'p',
  'div',
  'span',
  'a',
  'img',
  'br',
  'b',
  'section',
  'pre',
  'table',
  'td',
  'tr',
  'li',
  'font',
  'hr',
  'figure',
  'video',
  'audio',
  'source',
  'track',
  'picture',
  'wbr',
  'center',
  'body',
  'html',
  'q',
  'col',
  'object',
  'embed',
  'input',
  'meta',
  'details',
  'ruby',
  'rt',
  'constructor',
  'script',
  'style',
  'iframe',
  'noscript',
  'svg',
  'math',
  'textarea',
  'xmp',
  'select',
  'option',
];
const ATTRS = [
  'href',
  'src',
  'srcset',
  'style',
  'onclick',
  'title',
  'lang',
  'alt',
  'class',
  'controls',
  'autoplay',
  'cite',
  'rel',
  'target',
  'poster',
  'width',
  'open',
  'span',
  'a"b',
  'a<b',
  '1',
  'data-src',
  'hidden',
];
const VALUES = [
  'x',
  '',
  'javascript:alert(1)',
  'https://e.com/?a=1&amp;b=2',
  '../r',
  '//cdn.e.com/a',
  'mailto:a@b.c',
  'ftp://x',
  'data:image/png;base64,AA',
  'data:text/html,x',
  'jav&#x09;ascript:x',
  'java<!-- x -->script:x',
  '" onload="x',
  '<b>',
  '&quot;&lt;',
  'a.jpg 1x, b.jpg 2x',
  'a.jpg 640w 480h',
  'a.jpg 480h 640w',
  'a.jpg 1.50x, b.jpg .5x',
  'a.jpg 0100w',
  'x,y.jpg 2x',
  'a.jpg 2q',
  'a.jpg 1x, javascript:y 2x',
  'a\u00a0b',
];
const TEXT = [
  'text',
  ' ',
  '&amp;',
  '&lt;',
  '&nbsp;',
  '<',
  '>',
  '&',
  '"',
  '漢字',
  '\n',
  '<!--',
  '-->',
  '</p>',
  '</br>',
  '&#0;',
  '&lt;img src=x&gt;',
];

function generate(random: SeededRandom): string {
  let out = '';
  for (let parts = 1 + random.int(0, 25); parts > 0; parts--) {
    const r = random.next();
    if (r < 0.3) out += random.pick(TEXT);
    else if (r < 0.5) out += `</${random.pick(TAGS)}>`;
    else {
      out += `<${random.pick(TAGS)}`;
      for (let j = random.int(0, 3); j > 0; j--) {
        const q = random.pick(['"', "'", '']);
        const value = random.pick(VALUES);
        out += ` ${random.pick(ATTRS)}=${q}${q === '' ? value.replace(/[\s"'>]/g, '') : value.replaceAll(q, '')}${q}`;
      }
      out += '>';
    }
  }
  return out;
}

describe('renderSanitizedTree: writes what sanitize-html writes for the serialized tree', () => {
  it.each(VECTORS)('XSS vector, raw and cleaned tree: $name', ({ html }) => {
    expectSameAsString(parseFragment(html), html);
    expectSameAsString(cleaned(html), html);
  });

  it('the reference article, on the tree pass', () => {
    expect(expectSameAsString(cleaned(fixture.article.body), fixture.article.body)).toBe(true);
  });

  it('over 4000 generated fragments, most of them on the tree pass', () => {
    const random = createSeededRandom(20241126);
    let onTree = 0;
    for (let i = 0; i < 2000; i++) {
      const html = generate(random);
      if (expectSameAsString(parseFragment(html), html)) onTree++;
      if (expectSameAsString(cleaned(html), html)) onTree++;
    }
    expect(onTree).toBeGreaterThan(2000);
  });
});

describe('renderSanitizedTree: the policy', () => {
  const onTree = (html: string) => renderSanitizedTree(parseFragment(html));

  it('adds rel to links, controls to media, drops what is not allowed and escapes text and attributes', () => {
    expect(
      onTree('<a href="https://e.com/?a=1&amp;b=&quot;2" target="_blank" onclick="x()">a &lt; b &amp; c</a>'),
    ).toBe('<a href="https://e.com/?a=1&amp;b=&quot;2" rel="noopener noreferrer">a &lt; b &amp; c</a>');
    expect(onTree('<video src="v.mp4" autoplay></video><p style="x" class="y">t</p>')).toBe(
      '<video src="v.mp4" controls></video><p>t</p>',
    );
    expect(onTree('<font color="red">f</font><section><p>s</p></section>')).toBe('<span>f</span><div><p>s</p></div>');
  });

  it('drops unsafe URLs and an image left without a source, and rewrites srcset as sanitize-html does', () => {
    expect(
      onTree('<a href="jav&#x09;ascript:x">j</a><img src="javascript:x"><img src="data:image/svg+xml,x" alt="s">'),
    ).toBe('<a rel="noopener noreferrer">j</a>');
    expect(
      onTree('<img src="a.jpg" srcset="a.jpg 1.50x, b.jpg .5x, c.jpg 0100w, d.jpg 480h 640w, javascript:e 2x">'),
    ).toBe('<img src="a.jpg" srcset="a.jpg 1.5x, b.jpg 0.5x, c.jpg 100w, d.jpg 640w 480h" />');
  });

  it('leaves to the string path what does not re-parse to itself', () => {
    for (const html of [
      '<svg><a>x</a></svg>',
      '<math><mi>x</mi></math>',
      '<noscript>&lt;img src=x&gt;</noscript>',
      '<p>a<!-- c --></p>',
      '<script>x</script>',
    ]) {
      expect(onTree(html), html).toBeUndefined();
    }
  });
});
