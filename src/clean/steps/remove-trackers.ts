/**
 * Step 4: removes tracking pixels and the elements that load from known trackers. A pixel is
 * an image declared 1×1 or smaller (attributes or inline style); a tracker is matched by
 * URL prefix (host and path), because some hosts serve both feeds and pixels (FeedBurner's
 * `~r/` pixel versus its feeds). A link whose only content was such an image (ad and share
 * buttons) goes with it.
 */
import { type Element, forEachElement, hasMedia, isElement, removeNode, renderNodes, shorten, textOf } from '../dom.ts';
import type { CleanStep } from '../clean-types.ts';

/** Host + path prefixes of trackers, ad servers and share-button images found in feeds. */
export const TRACKER_PREFIXES = [
  'feeds.feedburner.com/~r/',
  'feeds.feedburner.com/~ff/',
  'feedproxy.google.com/~r/',
  'feedproxy.google.com/~ff/',
  'feedads.g.doubleclick.net/',
  'ad.doubleclick.net/',
  'pubads.g.doubleclick.net/',
  'pixel.wp.com/',
  'stats.wordpress.com/',
  'feeds.wordpress.com/1.0/',
  'www.google-analytics.com/',
  'google-analytics.com/',
  'ssl.google-analytics.com/',
  'www.googletagmanager.com/',
  'pixel.quantserve.com/',
  'sb.scorecardresearch.com/',
  'b.scorecardresearch.com/',
  'medium.com/_/stat',
  'blogger.googleusercontent.com/tracker/',
  'www.facebook.com/tr',
  'counter.theconversation.com/',
  'assets.feedblitz.com/i/',
  'api.follow.it/track',
  'mc.yandex.ru/watch',
  'hm.baidu.com/hm.gif',
  'c.cnzz.com/',
  's4.cnzz.com/',
  'img.tongji.linezing.com/',
  'pixel.mathtag.com/',
  'rss.buysellads.com/',
  'pixel.tapad.com/',
  'analytics.twitter.com/',
  't.co/i/adsct',
  'www.assoc-amazon.com/e/ir',
  'ir-na.amazon-adsystem.com/',
];

const SCHEME = /^(?:https?:)?\/\//i;
// The prefixes by their first character: a URL is compared only with the few that can match.
const PREFIXES_BY_FIRST = new Map<string, string[]>();
for (const prefix of TRACKER_PREFIXES)
  PREFIXES_BY_FIRST.set(prefix[0], [...(PREFIXES_BY_FIRST.get(prefix[0]) ?? []), prefix]);

/** Returns true when `url` starts with a known tracker's host and path. */
export function isTrackerUrl(url: string): boolean {
  const trimmed = url.trim();
  const scheme = SCHEME.exec(trimmed);
  if (scheme === null) return false;
  // Lowercasing a character alone gives the first character it gives in the whole URL: most URLs stop here.
  const candidates = PREFIXES_BY_FIRST.get(trimmed.charAt(scheme[0].length).toLowerCase().charAt(0));
  if (candidates === undefined) return false;
  const rest = trimmed.slice(scheme[0].length).toLowerCase();
  return candidates.some((prefix) => rest.startsWith(prefix));
}

function tinyDimension(value: string | undefined): boolean {
  return value !== undefined && /^\s*[01](?:\.0*)?\s*(?:px)?\s*$/i.test(value);
}

function styleDimension(style: string | undefined, name: 'width' | 'height'): string | undefined {
  return style === undefined ? undefined : new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+)`, 'i').exec(style)?.[1];
}

/** Returns true when `img` is declared at most one pixel in both dimensions. */
export function isTrackingPixel(img: Element): boolean {
  const { width, height, style } = img.attribs;
  return (
    tinyDimension(width ?? styleDimension(style, 'width')) && tinyDimension(height ?? styleDimension(style, 'height'))
  );
}

const SOURCE_TAGS = new Set(['img', 'iframe', 'embed', 'source', 'video', 'audio', 'object']);

/** Removes tracking pixels, tracker-hosted elements and links left holding nothing. */
export const removeTrackers: CleanStep = (root, context) => {
  forEachElement(root, (element) => {
    if (!SOURCE_TAGS.has(element.name) && element.name !== 'a') return;
    const url = element.name === 'a' ? element.attribs.href : (element.attribs.src ?? element.attribs.data);
    const tracker = url !== undefined && isTrackerUrl(url);
    const pixel = element.name === 'img' && isTrackingPixel(element);
    if (element.name === 'a' && tracker && textOf(element).trim() === '') {
      context.explain?.({ step: 'remove-trackers', action: 'removed', detail: shorten(renderNodes(element)) });
      removeNode(element);
      return;
    }
    if (element.name === 'a' || !(tracker || pixel)) return;
    context.explain?.({ step: 'remove-trackers', action: 'removed', detail: shorten(renderNodes(element)) });
    const parent = element.parent;
    removeNode(element);
    if (isElement(parent) && parent.name === 'a' && textOf(parent).trim() === '' && !hasMedia(parent))
      removeNode(parent);
  });
};
