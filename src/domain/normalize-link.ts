/**
 * Link normalization for entry identity, and removal of tracking parameters (reused by the
 * cleaning pipeline for links in article HTML).
 *
 * Why string rules and not `new URL().href`: normalized links become permanent identity keys
 * (see entry-identity.ts), so every rule below is ours, written down, and never changes. The
 * WHATWG serializer is a living standard (percent-encode sets, IDNA and path rules have
 * changed before) and would also rewrite things we do not mean to touch (dot segments,
 * non-ASCII paths). The exact rules of `normalizeLink`, in order:
 *   1. trim; a value that is not `scheme://…` is returned trimmed and otherwise unchanged;
 *   2. scheme and host lowercased (userinfo kept as is); an empty port and the scheme's
 *      default port (http 80, https 443, ws 80, wss 443, ftp 21) are dropped;
 *   3. an empty path becomes `/` for http and https;
 *   4. percent-escapes in path and query get uppercase hex (`%e4` → `%E4`, RFC 3986 §6.2.2.1);
 *   5. the fragment is dropped;
 *   6. query parameters: empty ones and tracking ones (below) are dropped, the rest keep
 *      their order and spelling; an empty query drops its `?`.
 * Scheme (http vs https) and `www.` are deliberately kept: they can name different sites.
 *
 * Tracking parameters: the list is conservative on purpose. Dropping a parameter that
 * carries content would merge two articles into one identity (an article lost), while
 * keeping a tracker only risks a duplicate. So only names that are documented click or
 * campaign trackers with no meaning to the page are listed; generic names (`ref`, `from`,
 * `source`, `cmp`, `share`) are not. Names match case-insensitively.
 */

const TRACKING_PREFIX = 'utm_'; // Google Analytics campaign tags: utm_source, utm_medium, utm_id, …

const TRACKING_NAMES: ReadonlySet<string> = new Set([
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  '_ga',
  '_gl', // Google Ads / Analytics linker
  'fbclid',
  'fb_action_ids',
  'fb_action_types',
  'fb_ref',
  'fb_source', // Facebook
  'igshid',
  'igsh', // Instagram share ids
  'msclkid',
  'ocid', // Microsoft Ads, MSN
  'twclid',
  'ref_src',
  'ref_url', // Twitter / X
  'ttclid', // TikTok
  'li_fat_id', // LinkedIn
  'yclid',
  '_openstat', // Yandex
  'mc_cid',
  'mc_eid', // Mailchimp
  '_hsenc',
  '_hsmi',
  '__hssc',
  '__hstc',
  '__hsfp',
  'hsctatracking', // HubSpot
  'mkt_tok', // Marketo
  's_cid', // Adobe Analytics
  'wt.mc_id', // Webtrends
  'xtor', // AT Internet: French publishers tag RSS links `?xtor=RSS-…`
  'oly_anon_id',
  'oly_enc_id', // Omeda
  'vero_id',
  'vero_conv', // Vero
  '__s', // Drip
  'cmpid', // campaign id (ft.com and others)
  'spm', // Alibaba / Taobao / Youku position tracking
  'hmsr',
  'hmpl',
  'hmcu',
  'hmkw',
  'hmci', // Baidu Tongji campaign tags
]);

const DEFAULT_PORTS: ReadonlyMap<string, string> = new Map([
  ['http', '80'],
  ['https', '443'],
  ['ws', '80'],
  ['wss', '443'],
  ['ftp', '21'],
]);

// scheme :// authority path ?query (#fragment is whatever follows)
const HIERARCHICAL = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?/;
const LOWER_ESCAPE = /%[0-9a-f]{2}/gi;

/** Returns true when the query parameter `name` is a known tracking parameter (`utm_*`, `fbclid`, …). */
export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith(TRACKING_PREFIX) || TRACKING_NAMES.has(lower);
}

/** Returns `url` (absolute or relative, attribute-decoded) without tracking parameters; unchanged when it has none. */
export function stripTrackingParams(url: string): string {
  const hash = url.indexOf('#');
  const beforeHash = hash === -1 ? url : url.slice(0, hash);
  const question = beforeHash.indexOf('?');
  if (question === -1) return url;
  const params = beforeHash.slice(question + 1).split('&');
  if (!params.some((param) => isTrackingParam(paramName(param)))) return url;
  const query = keepParams(params);
  return beforeHash.slice(0, question) + (query === '' ? '' : `?${query}`) + (hash === -1 ? '' : url.slice(hash));
}

/** Returns the identity form of a link (rules in the module header); an unparseable value is returned trimmed. */
export function normalizeLink(url: string): string {
  const trimmed = url.trim();
  const match = HIERARCHICAL.exec(trimmed);
  if (match === null) return trimmed;
  const scheme = match[1].toLowerCase();
  const authority = normalizeAuthority(match[2], scheme);
  let path = match[3].replace(LOWER_ESCAPE, upperEscape);
  if (path === '' && (scheme === 'http' || scheme === 'https')) path = '/';
  const query = match[4] === undefined ? '' : keepParams(match[4].split('&')).replace(LOWER_ESCAPE, upperEscape);
  return `${scheme}://${authority}${path}${query === '' ? '' : `?${query}`}`;
}

function normalizeAuthority(authority: string, scheme: string): string {
  const at = authority.lastIndexOf('@');
  const userinfo = at === -1 ? '' : authority.slice(0, at + 1);
  const hostPort = authority.slice(at + 1);
  // An IPv6 literal's colons are inside [ ]; the port colon, if any, follows `]`.
  const colon = hostPort.lastIndexOf(':');
  const hasPort = colon !== -1 && colon > hostPort.lastIndexOf(']');
  const host = (hasPort ? hostPort.slice(0, colon) : hostPort).toLowerCase();
  const port = hasPort ? hostPort.slice(colon + 1) : '';
  const keepPort = port !== '' && port !== DEFAULT_PORTS.get(scheme);
  return `${userinfo}${host}${keepPort ? `:${port}` : ''}`;
}

function keepParams(params: string[]): string {
  return params.filter((param) => param !== '' && !isTrackingParam(paramName(param))).join('&');
}

function paramName(param: string): string {
  const equals = param.indexOf('=');
  return equals === -1 ? param : param.slice(0, equals);
}

function upperEscape(percentEscape: string): string {
  return percentEscape.toUpperCase();
}
