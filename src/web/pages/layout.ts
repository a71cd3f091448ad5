/**
 * The reader's page shell: the head (hashed stylesheet and script, no inline script or
 * style, so the strict CSP holds), the top bar (nav with the unread count, search box,
 * theme switch, log out), the main area, and the keyboard help dialog. The user's settings
 * travel to the script as `data-` attributes on <body>, and the theme as `data-theme` on
 * <html> (the stylesheet honours it over the system setting).
 */
import { html, type SafeHtml } from '../html.ts';
import { assetUrl } from '../assets/assets.ts';
import { keyboardHelpDialog } from './keyboard-help.ts';
import type { PageContext } from './page-context.ts';
import type { Theme } from './reader-settings.ts';
import { postForm } from './ui.ts';

/** Which nav entry is current. */
export type NavItem = 'unread' | 'all' | 'starred' | 'search' | 'subscriptions' | 'health' | 'settings';

/** What a page puts in the shell. */
export interface PageOptions {
  title: string;
  body: SafeHtml;
  active?: NavItem;
  /** Shown beside the main column (one column on phones). */
  sidebar?: SafeHtml;
  /** `single` for reading width, `wide` for tables; default: with sidebar when there is one. */
  width?: 'single' | 'wide';
  /** Tells the script which page this is (`article` enables j/k through the remembered list). */
  kind?: 'list' | 'article' | 'other';
  status?: 200 | 400 | 404 | 409 | 422;
}

const NAV: ReadonlyArray<readonly [NavItem, string, string]> = [
  ['unread', '/unread', 'Unread'],
  ['all', '/all', 'All'],
  ['starred', '/starred', 'Starred'],
  ['subscriptions', '/subscriptions', 'Feeds'],
  ['health', '/feeds/health', 'Health'],
  ['settings', '/settings', 'Settings'],
];

const NEXT_THEME: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };
const THEME_LABEL: Record<Theme, string> = { system: 'Theme: auto', light: 'Theme: light', dark: 'Theme: dark' };

function navLinks(page: PageContext, active: NavItem | undefined): SafeHtml {
  return html`${NAV.map(([item, href, label]) => html`<a href="${href}" data-testid="nav-${item}"${active === item ? html` aria-current="page"` : ''}>${label}${item === 'unread' ? html` <span class="count" data-testid="unread-count">${page.unread.total}</span>` : ''}</a>`)}`;
}

function themeSwitch(page: PageContext): SafeHtml {
  const theme = page.settings.theme;
  return postForm(page, '/settings/theme', THEME_LABEL[theme], {
    id: 'theme-form',
    buttonTestId: 'theme-switch',
    buttonAttributes: html` name="theme" value="${NEXT_THEME[theme]}" id="theme-switch" title="Switch theme (auto follows the system)"`,
  });
}

/** Returns the whole page as a response (HTML, private, not cached). */
export function renderPage(page: PageContext, options: PageOptions): Response {
  const search = page.c.req.path === '/search' ? (page.c.req.query('q') ?? '') : '';
  const layoutClass = options.sidebar !== undefined ? 'layout' : `layout ${options.width ?? 'single'}`;
  const head = html`<!doctype html>
<html lang="en" data-theme="${page.settings.theme}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<meta name="csrf-token" content="${page.csrf}">
<title>${options.title} · Tidings</title>
<link rel="stylesheet" href="${assetUrl('reader.css')}">
<link rel="icon" href="${assetUrl('icon.svg')}" type="image/svg+xml">
<script src="${assetUrl('reader.js')}" defer></script>
</head>
<body data-page="${options.kind ?? 'other'}" data-mark-read="${page.settings.markRead}" data-paging="${page.settings.paging}">
<header class="top">
<a class="brand" href="/unread">Tidings</a>
<nav class="main-nav" aria-label="Main">${navLinks(page, options.active)}</nav>
<form class="search-form" action="/search" method="get" role="search"><label class="visually-hidden" for="search-box">Search</label><input type="search" name="q" id="search-box" data-testid="search-box" placeholder="Search (press /)" value="${search}"></form>
${themeSwitch(page)}
${postForm(page, '/logout', html`Log out ${page.user.name}`, { className: 'inline' })}
</header>
<div class="${layoutClass}">
<main id="main">
${options.body}
</main>
${options.sidebar === undefined ? '' : html`<aside class="sidebar">`}`;
  // Sent as UTF-8 bytes encoded here, once: a string body is measured (Buffer.byteLength), then encoded again by the
  // socket write (bench/README.md, "Reader pages: where a timeline page's CPU went"). The sidebar is encoded once per
  // fragment (a kept one is reused).
  const chunks =
    options.sidebar === undefined
      ? [Buffer.from(head.value, 'utf8'), tailBytes(false)]
      : [Buffer.from(head.value, 'utf8'), bytesOf(options.sidebar), tailBytes(true)];
  return page.c.body(Buffer.concat(chunks), options.status ?? 200, {
    'Content-Type': 'text/html; charset=UTF-8',
    'Cache-Control': 'private, no-store',
  });
}

const tails: Buffer[] = [];

// The end of every page (the same for all but the closing </aside>), encoded once.
function tailBytes(sidebar: boolean): Buffer {
  tails[Number(sidebar)] ??= Buffer.from(
    html`${sidebar ? html`</aside>` : ''}
</div>
<footer class="bottom"><a href="/help">Keyboard shortcuts</a> (press <kbd>?</kbd>)</footer>
${keyboardHelpDialog()}
</body></html>
`.value,
    'utf8',
  );
  return tails[Number(sidebar)];
}

const encoded = new WeakMap<SafeHtml, Buffer>();

// A fragment kept by fragment-cache.ts is the same SafeHtml on every page until its inputs change: encoded once.
function bytesOf(fragment: SafeHtml): Buffer {
  let bytes = encoded.get(fragment);
  if (bytes === undefined) encoded.set(fragment, (bytes = Buffer.from(fragment.value, 'utf8')));
  return bytes;
}

/** Returns a 404 page in the reader's shell. */
export function renderNotFound(page: PageContext, what: string): Response {
  return renderPage(page, {
    title: 'Not found',
    status: 404,
    body: html`<h1>Not found</h1><p data-testid="not-found">${what}</p><p><a href="/unread">Back to unread</a></p>`,
  });
}
