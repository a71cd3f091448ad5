/**
 * Small formatting helpers shared by the commands' human output: times, one-line text and
 * column tables that stay aligned with Chinese text (CJK characters take two columns).
 */

/** Returns epoch ms as `YYYY-MM-DD HH:MM` (UTC), or '-' when absent. */
export function formatTime(ms: number | undefined): string {
  return ms === undefined ? '-' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** Returns text on one line, cut to `max` columns with an ellipsis. */
export function oneLine(text: string | undefined, max = 60): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  let width = 0;
  let out = '';
  for (const char of flat) {
    width += columns(char);
    if (width > max) return `${out}…`;
    out += char;
  }
  return out;
}

/** Returns rows as aligned columns separated by two spaces; the last column is not padded. */
export function formatTable(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) {
    for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, textWidth(cell));
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i] - textWidth(cell))))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Parses a date for `--since`: an ISO date/time, or a relative `7d`, `12h`, `30m`; undefined when unreadable. */
export function parseSince(text: string, now: number): number | undefined {
  const relative = /^(\d+)\s*([dhm])$/i.exec(text.trim());
  if (relative !== null) {
    const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[relative[2].toLowerCase() as 'd' | 'h' | 'm'];
    return now - Number(relative[1]) * unit;
  }
  const time = Date.parse(text);
  return Number.isFinite(time) ? time : undefined;
}

function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += columns(char);
  return width;
}

function columns(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
    ? 2
    : 1;
}
