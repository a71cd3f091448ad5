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

/** Returns `text` with &, <, >, " and ' escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Marks trusted markup as safe (only for markup this code wrote). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Builds HTML, escaping interpolations; arrays are joined, undefined/null/false render nothing. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return new SafeHtml(out);
}

function render(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}
