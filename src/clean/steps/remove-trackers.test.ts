import { describe, expect, it } from 'vitest';
import { runStep } from '../testdata/run-step.ts';
import { isTrackerUrl, removeTrackers } from './remove-trackers.ts';

describe('removeTrackers', () => {
  it('removes 1×1 pixels declared by attributes or style', () => {
    expect(
      runStep(
        removeTrackers,
        '<p>a<img src="https://x.example/p.gif" width="1" height="1"><img src="https://x.example/q.gif" style="width:1px;height:1px"></p>',
      ).html,
    ).toBe('<p>a</p>');
  });

  it('removes images from known trackers whatever their size, and a link left empty', () => {
    const { html, explained } = runStep(
      removeTrackers,
      '<p>t</p><a href="https://feeds.feedburner.com/~ff/X?a=1"><img src="https://feeds.feedburner.com/~ff/X?d=2"></a><img src="http://feeds.feedburner.com/~r/X/~4/abc">',
    );
    expect(html).toBe('<p>t</p>');
    expect(explained.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps real images, small icons with one dimension, and links with text', () => {
    const html =
      '<img src="https://e.com/a.jpg" width="1" height="400"><a href="https://feeds.feedburner.com/~ff/X?a=1">Email this</a><img src="https://feeds.feedburner.com/logo.png">';
    expect(runStep(removeTrackers, html).html).toBe(html);
  });

  it('matches tracker URLs by host and path prefix', () => {
    expect(isTrackerUrl('https://medium.com/_/stat?event=post.clientViewed')).toBe(true);
    expect(isTrackerUrl('//hm.baidu.com/hm.gif?si=1')).toBe(true);
    expect(isTrackerUrl('https://medium.com/@someone/post')).toBe(false);
    expect(isTrackerUrl('/relative/~r/x')).toBe(false);
  });
});
