// web/ owns HTTP: the routes table, one file per page, JSON endpoints. It imports context
// and the layers below it; never cli/.
export { createApp, ROUTES, statusForError } from './app.ts';
export type { AppOptions, Route } from './app.ts';
export { html, raw, escapeHtml, SafeHtml } from './html.ts';
