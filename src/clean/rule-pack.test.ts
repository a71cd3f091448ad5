import { describe, expect, it } from 'vitest';
import { validateRulePack } from './rule-pack.ts';
import { findBodySelector, selectRulePacks } from './select-rule-packs.ts';

const TEST = [{ name: 't', html: '<p>x</p>', contains: ['x'] }];

describe('validateRulePack', () => {
  it('reports every problem with the file name', () => {
    const result = validateRulePack(
      {
        name: 'bad',
        match: {},
        rules: [
          { id: 'a', action: 'remove', selector: 'p:hover' },
          { id: 'a', action: 'remove-trailing', text: 'x', pattern: 'y' },
          { id: 'c', action: 'explode' },
          { id: 'd', action: 'replace', pattern: '(', replacement: '' },
        ],
        tests: [],
      },
      'bad.json',
    );
    expect(result.kind).toBe('invalid');
    const problems = result.kind === 'invalid' ? result.problems.join('\n') : '';
    expect(problems).toContain('bad.json: "match" names no condition');
    expect(problems).toContain('unsupported syntax');
    expect(problems).toContain('exactly one of "text" and "pattern"');
    expect(problems).toContain('unknown action "explode"');
    expect(problems).toContain('bad pattern');
    expect(problems).toContain('rule id "a" is used twice');
    expect(problems).toContain('needs at least one test');
  });

  it('compiles a valid pack', () => {
    const result = validateRulePack(
      {
        name: 'ok',
        match: { feedHost: ['Example.COM'] },
        rules: [{ id: 'r', action: 'remove', selector: '.ad' }],
        tests: TEST,
      },
      'ok.json',
    );
    expect(result.kind).toBe('ok');
    if (result.kind === 'ok') expect(result.pack.match.feedHosts).toEqual(['example.com']);
  });
});

describe('selectRulePacks', () => {
  const make = (name: string, match: object, extract?: object) => {
    const result = validateRulePack(
      { name, match, rules: [{ id: 'r', action: 'remove', selector: '.x' }], extract, tests: TEST },
      name,
    );
    if (result.kind !== 'ok') throw new Error(result.problems.join());
    return result.pack;
  };
  const packs = [
    make('byFeed', { feedHost: ['feedx.net'] }),
    make('byItem', { itemHost: ['mp.weixin.qq.com'] }, { bodySelector: '#js_content' }),
    make('byGenerator', { generator: ['^RSSHub'] }),
    make('byMarker', { bodyContains: ['获取更多RSS'] }),
  ];
  const names = (input: object) => selectRulePacks(packs, input).map((p) => p.name);

  it('matches hosts and their subdomains only', () => {
    expect(names({ feedUrl: 'https://www.feedx.net/rss/x.xml' })).toEqual(['byFeed']);
    expect(names({ feedUrl: 'https://notfeedx.net/x' })).toEqual([]);
    expect(names({ itemUrl: 'https://mp.weixin.qq.com/s/x' })).toEqual(['byItem']);
  });

  it('matches generators and markers', () => {
    expect(names({ generator: 'RSSHub' })).toEqual(['byGenerator']);
    expect(names({ html: '<div>获取更多RSS：</div>' })).toEqual(['byMarker']);
    expect(names({ feedUrl: 'not a url' })).toEqual([]);
  });

  it('reads article hosts the way the URL parser does (case, percent escapes, tabs, IDNA)', () => {
    expect(names({ itemUrl: 'HTTPS://MP.WEIXIN.QQ.COM/s/x' })).toEqual(['byItem']);
    expect(names({ itemUrl: 'https://mp.weixin.qq.%63om/s/x' })).toEqual(['byItem']);
    expect(names({ itemUrl: 'https://mp.wei\txin.qq.com/s/x' })).toEqual(['byItem']);
    expect(names({ itemUrl: 'https://ｍｐ.weixin.qq.com/s/x' })).toEqual(['byItem']);
    expect(names({ itemUrl: 'https://mp.weixin.qq.com.evil.example/s/x' })).toEqual([]);
    expect(names({ itemUrl: 'https://example.com/?u=mp.weixin.qq.com' })).toEqual([]);
  });

  it('remembers per feed only what does not depend on the article', () => {
    const feedUrl = 'https://feedx.net/rss/a.xml';
    expect(names({ feedUrl, html: '<p>x</p>' })).toEqual(['byFeed']);
    expect(names({ feedUrl, html: '<p>获取更多RSS</p>', itemUrl: 'https://mp.weixin.qq.com/s/1' })).toEqual([
      'byFeed',
      'byItem',
      'byMarker',
    ]);
    expect(names({ feedUrl, generator: 'RSSHub' })).toEqual(['byFeed', 'byGenerator']);
    expect(names({ feedUrl: 'https://feedx.net/rss/a.xml\n', generator: undefined })).toEqual(['byFeed']);
  });

  it('works the feed out again when the caller changed its pack list in place', () => {
    const list = [packs[0]];
    const feedUrl = 'https://feedx.net/rss/b.xml';
    expect(selectRulePacks(list, { feedUrl }).map((p) => p.name)).toEqual(['byFeed']);
    list[0] = packs[2];
    expect(selectRulePacks(list, { feedUrl }).map((p) => p.name)).toEqual([]);
    list.push(packs[0]);
    expect(selectRulePacks(list, { feedUrl, generator: 'RSSHub' }).map((p) => p.name)).toEqual([
      'byGenerator',
      'byFeed',
    ]);
  });

  it('finds the body selector for an article URL', () => {
    expect(findBodySelector(packs, 'https://mp.weixin.qq.com/s/abc')?.source).toBe('#js_content');
    expect(findBodySelector(packs, 'https://example.com/')).toBeUndefined();
  });
});
