/**
 * Step 5: removes tracking query parameters from links (`utm_*`, click ids, mail-campaign
 * ids, Alibaba's `spm`). The rest of the URL is kept byte for byte: the query is edited as
 * text, not rebuilt through `URL`, which would re-encode what the publisher wrote.
 */
import { forEachElementInPlace } from '../dom.ts';
import type { CleanStep } from '../clean-types.ts';

const TRACKING_NAMES = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'igshid',
  'twclid',
  'ttclid',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  '__hssc',
  '__hstc',
  '__hsfp',
  'hsctatracking',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'vero_conv',
  'wickedid',
  'rb_clickid',
  's_cid',
  'spm',
  'share_token',
  'ncid',
  'sr_share',
  'cmpid',
  '__twitter_impression',
]);

function isTrackingParam(pair: string): boolean {
  const equals = pair.indexOf('=');
  let name = equals === -1 ? pair : pair.slice(0, equals);
  try {
    name = decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return false;
  }
  name = name.toLowerCase();
  return name.startsWith('utm_') || TRACKING_NAMES.has(name);
}

/** Returns `url` without its tracking query parameters; the same string when it has none. */
export function stripTrackingParams(url: string): string {
  const question = url.indexOf('?');
  if (question === -1) return url;
  const hash = url.indexOf('#', question);
  const query = url.slice(question + 1, hash === -1 ? undefined : hash);
  const pairs = query.split('&');
  const kept = pairs.filter((pair) => !isTrackingParam(pair));
  if (kept.length === pairs.length) return url;
  const fragment = hash === -1 ? '' : url.slice(hash);
  return url.slice(0, question) + (kept.length > 0 ? `?${kept.join('&')}` : '') + fragment;
}

/** Removes tracking parameters from every link's href. */
export const stripTrackingParamsStep: CleanStep = (root, context) => {
  forEachElementInPlace(root, (element) => {
    if (element.name !== 'a' && element.name !== 'area') return;
    const href = element.attribs.href;
    if (href === undefined || !href.includes('?')) return;
    const stripped = stripTrackingParams(href);
    if (stripped === href) return;
    element.attribs.href = stripped;
    context.explain?.({ step: 'strip-tracking-params', action: 'changed', detail: `${href} → ${stripped}` });
  });
};
