/**
 * The plain page shell of the account forms (login, setup) until the reader's layout
 * exists: no script and no inline style, so a strict Content-Security-Policy fits.
 */
import { html, type SafeHtml } from '../html.ts';

/** Returns a whole HTML page with `title` and `body`. */
export function authPage(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin"><title>${title} · Tidings</title></head>
<body><main><h1>${title}</h1>
${body}
</main></body></html>
`.value;
}

/** Returns an error paragraph, or nothing when there is no message. */
export function formError(message: string | undefined): SafeHtml {
  return message === undefined ? html`` : html`<p role="alert"><strong>${message}</strong></p>`;
}
