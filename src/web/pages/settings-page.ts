/**
 * GET/POST /settings: the user's reader settings (mark read on open or also on scroll,
 * paged or infinite lists, theme), and POST /settings/theme, the theme switch in the top
 * bar (a form without the script; the script posts it and flips the theme in place).
 */
import type { Context as HonoContext } from 'hono';
import type { Context } from '../../context.ts';
import { AppError } from '../../domain/errors.ts';
import { requireUser } from '../auth/index.ts';
import { html, type SafeHtml } from '../html.ts';
import { renderPage } from './layout.ts';
import { loadPageContext } from './page-context.ts';
import {
  pickReaderSettings,
  READER_SETTING_VALUES,
  saveReaderSettings,
  type ReaderSettings,
} from './reader-settings.ts';
import { answerAction, postForm } from './ui.ts';

const LABELS: { [K in keyof ReaderSettings]: { legend: string; values: Record<ReaderSettings[K], string> } } = {
  markRead: {
    legend: 'Mark articles read',
    values: { open: 'when I open them', scroll: 'when I open them or scroll past them in a list' },
  },
  paging: {
    legend: 'Long lists',
    values: { paged: 'in pages, with an “Older” link', infinite: 'load more as I scroll (infinite)' },
  },
  theme: { legend: 'Theme', values: { system: 'as the system (light or dark)', light: 'light', dark: 'dark' } },
};

function radios<K extends keyof ReaderSettings>(key: K, current: ReaderSettings[K]): SafeHtml {
  const label = LABELS[key];
  const values = READER_SETTING_VALUES[key] as readonly unknown[] as readonly ReaderSettings[K][];
  return html`<fieldset data-testid="setting-${key}"><legend>${label.legend}</legend>${values.map((value) => html`<div class="field-inline"><label><input type="radio" name="${key}" value="${value}"${value === current ? ' checked' : ''}> ${label.values[value]}</label></div>`)}</fieldset>`;
}

/** GET /settings. */
export async function settingsPage(c: HonoContext, ctx: Context): Promise<Response> {
  const page = await loadPageContext(c, ctx);
  const s = page.settings;
  const saved = c.req.query('saved') === '1' ? html`<p class="notice ok" data-testid="settings-saved">Saved.</p>` : '';
  const body = html`<h1>Settings</h1>${saved}
${postForm(page, '/settings', 'Save', { className: 'settings', testId: 'settings-form', buttonClass: 'primary', fields: html`${radios('markRead', s.markRead)}${radios('paging', s.paging)}${radios('theme', s.theme)}` })}
<h2>Sessions</h2>
${postForm(page, '/logout', 'Log out everywhere', { className: 'inline', hidden: { everywhere: '1' } })}`;
  return renderPage(page, { title: 'Settings', body, active: 'settings' });
}

/** POST /settings: stores the valid settings of the form (others unchanged). */
export async function saveSettingsAction(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const form = await c.req.parseBody();
  const settings = pickReaderSettings(form);
  if (Object.keys(settings).length === 0) throw new AppError('input.invalid', 'no valid setting in the form');
  await saveReaderSettings(ctx.store, user.id, settings);
  if (!('next' in form) || form.next === '/settings') form.next = '/settings?saved=1';
  return answerAction(c, form, '/settings?saved=1', { settings });
}

/** POST /settings/theme with `theme` system|light|dark. */
export async function saveThemeAction(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const form = await c.req.parseBody();
  const { theme } = pickReaderSettings({ theme: form.theme });
  if (theme === undefined) throw new AppError('input.invalid', 'the theme is system, light or dark');
  await saveReaderSettings(ctx.store, user.id, { theme });
  return answerAction(c, form, '/unread', { theme });
}
