import { describe, expect, it } from 'vitest';
import { runStep } from '../testdata/run-step.ts';
import { stripTrackingParams, stripTrackingParamsStep } from './strip-tracking-params.ts';

describe('stripTrackingParams', () => {
  it('removes utm_* and click ids, keeping the rest byte for byte', () => {
    expect(stripTrackingParams('https://e.com/a%20b?id=3&utm_source=rss&utm_medium=feed&x=%E4%B8%AD#top')).toBe(
      'https://e.com/a%20b?id=3&x=%E4%B8%AD#top',
    );
    expect(stripTrackingParams('https://e.com/?fbclid=abc')).toBe('https://e.com/');
    expect(stripTrackingParams('https://e.com/?UTM_Campaign=x&gclid=1#f')).toBe('https://e.com/#f');
    expect(stripTrackingParams('https://item.taobao.com/item.htm?id=1&spm=a21bo')).toBe(
      'https://item.taobao.com/item.htm?id=1',
    );
  });

  it('returns the same string when there is nothing to remove', () => {
    const url = 'https://e.com/search?q=utm&&source=x';
    expect(stripTrackingParams(url)).toBe(url);
  });
});

describe('stripTrackingParamsStep', () => {
  it('cleans link hrefs only', () => {
    expect(
      runStep(
        stripTrackingParamsStep,
        '<a href="https://e.com/?utm_source=x">a</a><img src="https://e.com/i.jpg?utm_source=x">',
      ).html,
    ).toBe('<a href="https://e.com/">a</a><img src="https://e.com/i.jpg?utm_source=x">');
  });
});
