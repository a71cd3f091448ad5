/** The /help page: the keyboard shortcuts for readers without the script, the same table as the `?` dialog. */
import type { Context as HonoContext } from 'hono';
import type { Context } from '../../context.ts';
import { html } from '../html.ts';
import { shortcutTable } from './keyboard-help.ts';
import { renderPage } from './layout.ts';
import { loadPageContext } from './page-context.ts';

/** GET /help: the shortcuts as a page. */
export async function helpPage(c: HonoContext, ctx: Context): Promise<Response> {
  const page = await loadPageContext(c, ctx);
  return renderPage(page, {
    title: 'Keyboard shortcuts',
    body: html`<h1>Keyboard shortcuts</h1>${shortcutTable()}
<p class="hint">Every shortcut has a link or button on the page as well; the shortcuts need JavaScript.</p>`,
  });
}
