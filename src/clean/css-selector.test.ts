import { describe, expect, it } from 'vitest';
import { compileSelector, type CssSelector, selectAll } from './css-selector.ts';
import { parseFragment } from './dom.ts';

function compile(source: string): CssSelector {
  const result = compileSelector(source);
  if (result.kind !== 'ok') throw new Error(result.reason);
  return result.selector;
}

function names(html: string, selector: string): string[] {
  return selectAll(parseFragment(html), compile(selector)).map((e) => e.attribs.id ?? e.name);
}

const HTML =
  '<div id="a" class="post main"><p id="b" data-x="1">t</p><section id="c"><p id="d" lang="en-GB">u</p></section></div><p id="e"></p>';

describe('compileSelector / selectAll', () => {
  it('matches type, id, class, attributes and lists', () => {
    expect(names(HTML, 'p')).toEqual(['b', 'd', 'e']);
    expect(names(HTML, '#c, .main')).toEqual(['a', 'c']);
    expect(names(HTML, 'div.post.main')).toEqual(['a']);
    expect(names(HTML, '[data-x]')).toEqual(['b']);
    expect(names(HTML, '[lang|=en]')).toEqual(['d']);
    expect(names(HTML, '[class~="post"]')).toEqual(['a']);
    expect(names(HTML, 'p[id^=b], p[id$="e"], [id*=d]')).toEqual(['b', 'd', 'e']);
    expect(names(HTML, '[data-X="1" i]')).toEqual(['b']);
  });

  it('matches descendant and child combinators', () => {
    expect(names(HTML, 'div p')).toEqual(['b', 'd']);
    expect(names(HTML, 'div > p')).toEqual(['b']);
    expect(names(HTML, '#a>section  >p')).toEqual(['d']);
  });

  it('rejects what it does not support, with a reason', () => {
    for (const bad of ['p:first-child', 'a + b', 'div >', '', 'p,', '[x=]']) {
      const result = compileSelector(bad);
      expect(result.kind, bad).toBe('invalid');
    }
  });
});
