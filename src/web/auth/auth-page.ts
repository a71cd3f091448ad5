/**
 * The page shell of the account forms (login, setup): the reader's stylesheet and icon (from
 * web/assets, so these pages look like the rest and follow the system's dark mode: nobody
 * is logged in, so there is no theme preference to honour), a calm centered card, and no
 * script and no inline style, so the strict Content-Security-Policy fits.
 */
import { assetUrl } from '../assets/assets.ts';
import { html, type SafeHtml } from '../html.ts';

/** Returns a whole HTML page with `title` and `body` in a centered card. */
export function authPage(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="same-origin"><title>${title} · Tidings</title>
<link rel="stylesheet" href="${assetUrl('reader.css')}">
<link rel="icon" href="${assetUrl('icon.svg')}" type="image/svg+xml">
</head>
<body class="auth"><main class="auth-card" data-testid="auth-card">
<p class="auth-brand"><img src="${assetUrl('icon.svg')}" alt="" width="24" height="24"> Tidings</p>
<h1>${title}</h1>
${body}
</main></body></html>
`.value;
}

/** Returns an error paragraph, or nothing when there is no message. */
export function formError(message: string | undefined): SafeHtml {
  return message === undefined ? html`` : html`<p role="alert" class="notice error"><strong>${message}</strong></p>`;
}
