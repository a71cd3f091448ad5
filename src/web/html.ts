/**
 * Safe HTML building for server-rendered pages: a tagged template that escapes every
 * interpolated value unless it is already `SafeHtml` (built by this template or `raw`).
 * Plain template strings rather than JSX: the pages are tiny today, and the reader issue
 * can switch to hono/jsx without touching routes.
 */

/** HTML that is already safe to send. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

import { escapeHtml } from '../util/escape-html.ts';

export { escapeHtml };

/** Marks trusted markup as safe (only for markup this code wrote). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Builds HTML, escaping interpolations; arrays are joined, undefined/null/false render nothing. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

function render(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (typeof value === 'string') return escapeHtml(value);
  if (Array.isArray(value)) {
    let out = '';
    for (const item of value) out += render(item);
    return out;
  }
  return escapeHtml(String(value));
}
