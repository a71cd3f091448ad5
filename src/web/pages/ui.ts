/**
 * Small building blocks shared by the reader pages: POST forms that carry the CSRF token
 * and a way back, safe outbound links (only http(s): a feed may claim any "link"), times,
 * form field reading, and the JSON-or-redirect answer of actions (the script asks for JSON;
 * a plain form gets a 303 back to the page it came from).
 */
import { outboundUrl } from '../../domain/outbound-url.ts';
import type { Context as HonoContext } from 'hono';
import { csrfField, safeNextPath } from '../auth/index.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from './page-context.ts';

/** Options of `postForm`. */
export interface PostFormOptions {
  hidden?: Record<string, string | number>;
  className?: string;
  id?: string;
  testId?: string;
  /** Extra markup inside the form before the button (inputs). */
  fields?: SafeHtml;
  /** Attributes for the button, already safe (e.g. `aria-pressed="true"`). */
  buttonAttributes?: SafeHtml;
  buttonTestId?: string;
  buttonClass?: string;
}

/** Returns a POST form to `action` with the CSRF token, `next` (this page) and one submit button. */
export function postForm(
  page: PageContext,
  action: string,
  label: string | SafeHtml,
  options: PostFormOptions = {},
): SafeHtml {
  const hidden = Object.entries(options.hidden ?? {}).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${String(value)}">`,
  );
  return html`<form method="post" action="${action}" class="${options.className ?? 'inline'}"${options.id === undefined ? '' : html` id="${options.id}"`}${options.testId === undefined ? '' : html` data-testid="${options.testId}"`}>${csrfField(page.csrf)}<input type="hidden" name="next" value="${page.path}">${hidden}${options.fields ?? ''}<button type="submit"${options.buttonClass === undefined ? '' : html` class="${options.buttonClass}"`}${options.buttonTestId === undefined ? '' : html` data-testid="${options.buttonTestId}"`}${options.buttonAttributes ?? ''}>${label}</button></form>`;
}

/** Returns `url` when it may leave Tidings as a link (domain/outbound-url.ts: an absolute http(s) URL), else undefined. */
export function httpUrl(url: string | undefined): string | undefined {
  return outboundUrl(url);
}

/** Returns a `<time>` with the UTC minute as text (the script shows it in the reader's zone). */
export function timeTag(ms: number | undefined): SafeHtml {
  if (ms === undefined || !Number.isFinite(ms)) return html`never`;
  const iso = new Date(ms).toISOString();
  return html`<time class="local" datetime="${iso}">${iso.slice(0, 16).replace('T', ' ')} UTC</time>`;
}

/** Returns a form value as a string ('' when absent or a file). */
export function formString(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value : '';
}

/** Returns a positive integer parameter, or undefined. */
export function positiveInt(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,15}$/.test(text)) return undefined;
  const value = Number(text);
  return value > 0 ? value : undefined;
}

/** Returns true when the request asks for JSON (the script's requests). */
export function wantsJson(c: HonoContext): boolean {
  return (c.req.header('accept') ?? '').includes('application/json');
}

/** Answers an action: JSON `data` for the script, else a 303 to the form's `next` (a local path) or `fallback`. */
export function answerAction(
  c: HonoContext,
  form: Record<string, unknown>,
  fallback: string,
  data: Record<string, unknown>,
): Response {
  if (wantsJson(c)) return c.json({ ok: true, ...data });
  const next = formString(form, 'next');
  return c.redirect(next === '' ? fallback : safeNextPath(next), 303);
}

/** Returns `?a=1&b=2` from the defined values (or '' when none). */
export function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
