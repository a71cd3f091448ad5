/**
 * A hostile RSS feed for the XSS browser test: markup payloads in the bodies (escaped
 * description and CDATA content:encoded), and in every text field a feed controls (feed
 * title and description, item titles, authors, categories, enclosure URLs and types, item
 * links). Each payload, if it ever ran, would set `top.__pwned`, open an alert and request
 * `/pwned/<name>` on the fixture server, so a test can tell that nothing ran and which
 * payload did if one did. No payload names a /pwned URL as a plain image or media source:
 * loading those is what a reader does with a legitimate image, not a script running.
 * Every body and title carries the word "payload" so a search finds them.
 */
import { escapeXml } from '../fixture-server/index.ts';

/** The path prefix every payload requests (on the fixture server). */
export const PWNED_PREFIX = '/pwned/';

/** The global a payload sets when it runs. */
export const SENTINEL = '__pwned';

/** Returns the script a payload runs: the sentinel, an alert and a beacon to `/pwned/<name>` (single quotes only). */
function run(base: string, name: string): string {
  return `top.${SENTINEL}='${name}';alert('${name}');fetch('${base}pwned/${name}');new Image().src='${base}pwned/${name}-img'`;
}

/** Returns the HTML payloads, one per line, naming their beacons after their kind. */
export function bodyPayloads(base: string): string[] {
  const js = (name: string) => run(base, name);
  const pwn = (name: string) => `${base}pwned/${name}`;
  return [
    `<p>payload script</p><script>${js('script')}</script>`,
    `<SCRIPT SRC="${pwn('script-src')}"></SCRIPT><scr<script>ipt>${js('split-script')}</scr</script>ipt>`,
    `<img src="x" onerror="${js('img-onerror')}">`,
    `<img src=x onerror=fetch('${pwn('img-onerror-unquoted')}')>`,
    `<a href="javascript:${js('js-link')}">click me</a> <a href="JaVaScRiPt&#x3A;${js('js-link-entity')}">click me</a>`,
    `<a href="jav&#x09;ascript:${js('js-link-tab')}">click me</a> <a href=" &#14; javascript:${js('js-link-ctl')}">click me</a>`,
    `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click me</a>`,
    `<svg onload="${js('svg-onload')}"><circle r="5"/></svg><svg><script>${js('svg-script')}</script></svg>`,
    `<svg><a xlink:href="javascript:${js('svg-xlink')}"><text y="20">click me</text></a></svg>`,
    `<iframe src="${pwn('iframe-src')}"></iframe><iframe srcdoc="<script>${js('iframe-srcdoc')}</script>"></iframe>`,
    `<iframe src="javascript:${js('iframe-js')}"></iframe><frameset onload="${js('frameset')}"></frameset>`,
    `<style>@import url("${pwn('style-import')}"); p { background: url("${pwn('style-url')}") }</style>`,
    `<p style="background-image: url('${pwn('style-attr')}')">payload styled</p>`,
    `<link rel="stylesheet" href="${pwn('link-stylesheet')}"><link rel="import" href="${pwn('link-import')}">`,
    `<meta http-equiv="refresh" content="0;url=${pwn('meta-refresh')}">`,
    `<base href="${pwn('base')}/"><a href="relative">click me</a>`,
    `<object data="${pwn('object')}"></object><embed src="${pwn('embed')}"><object data="javascript:${js('object-js')}"></object>`,
    `<form action="javascript:${js('form-action')}"><button formaction="javascript:${js('formaction')}">click me</button><input autofocus onfocus="${js('input-onfocus')}"></form>`,
    `<details open ontoggle="${js('details-ontoggle')}"><summary>payload details</summary>x</details>`,
    `<video><source onerror="${js('source-onerror')}"></video><audio src="x" onerror="${js('audio-onerror')}"></audio>`,
    `<body onload="${js('body-onload')}"><div onmouseover="${js('mouseover')}">payload hover</div></body>`,
    `<math><mtext><table><mglyph><style><img src=x onerror="${js('mxss-math')}"></style></mglyph></table></mtext></math>`,
    `<noscript><p title="</noscript><img src=x onerror=${js('noscript').replace(/ /g, '')}>"></p></noscript>`,
    `<template><img src=x onerror="${js('template')}"></template><xmp><img src=x onerror="${js('xmp')}"></xmp>`,
    `<img src="javascript:${js('img-js')}"><img srcset="javascript:${js('srcset-js')} 1x">`,
    `<marquee onstart="${js('marquee')}">payload</marquee><isindex action="javascript:${js('isindex')}" type=image>`,
    `"><script>${js('attr-break')}</script><!--<img src="--><img src=x onerror=${js('comment').replace(/ /g, '')}//">`,
    `<div><p>payload <b onclick="${js('onclick')}">bold</b> <span data-x="1" onpointerover="${js('pointer')}">span</span></p></div>`,
  ];
}

/** Returns the hostile feed as RSS 2.0 (served from `base`, the fixture server's URL ending in `/`). */
export function buildXssFeed(base: string): string {
  const js = (name: string) => run(base, name);
  const textPayload = (name: string) =>
    `<script>${js(name)}</script>"><img src=x onerror="${js(`${name}-img`)}"> payload`;
  const payloads = bodyPayloads(base);
  const half = Math.ceil(payloads.length / 2);
  const items = [
    {
      title: textPayload('item-title'),
      description: payloads.slice(0, half).join('\n'),
      encoded: undefined,
      link: `javascript:${js('item-link')}`,
      author: textPayload('author'),
      category: textPayload('category'),
      enclosure: `javascript:${js('enclosure')}`,
    },
    {
      title: `payload in content:encoded &lt;b onmouseover="${js('title-entity')}"&gt;`,
      description: 'payload summary',
      encoded: payloads.slice(half).join('\n'),
      link: `${base}xss/items/2`,
      author: 'payload author',
      category: 'payload',
      enclosure: `${base}xss/audio.mp3" onerror="${js('enclosure-attr')}`,
    },
  ];
  const itemXml = items.map(
    (item, i) => `    <item>
      <title>${escapeXml(item.title)}</title>
      <link>${escapeXml(item.link)}</link>
      <guid isPermaLink="false">xss-${i + 1}</guid>
      <pubDate>${new Date(Date.UTC(2024, 0, 10 + i)).toUTCString()}</pubDate>
      <dc:creator>${escapeXml(item.author)}</dc:creator>
      <category>${escapeXml(item.category)}</category>
      <enclosure url="${escapeXml(item.enclosure)}" type="${escapeXml(`audio/mpeg"><script>${js('enclosure-type')}</script>`)}" length="1"/>
      <description>${escapeXml(item.description)}</description>
${item.encoded === undefined ? '' : `      <content:encoded><![CDATA[${item.encoded}]]></content:encoded>\n`}    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${escapeXml(`Evil feed ${textPayload('feed-title')}`)}</title>
    <link>${escapeXml(`${base}xss/`)}</link>
    <description>${escapeXml(textPayload('feed-description'))}</description>
    <image><url>${escapeXml(`javascript:${js('feed-image')}`)}</url><title>x</title><link>${escapeXml(`${base}xss/`)}</link></image>
${itemXml.join('\n')}
  </channel>
</rss>
`;
}
