/**
 * A small bar chart of counts per day, as inline SVG drawn by the server (no script, no
 * library, no inline style: bar colour comes from the stylesheet through `currentColor`).
 * Each bar has a <title> with its day and count, and the chart's label says the total and
 * the busiest day, so the numbers are there for screen readers and tests alike.
 */
import type { DayCount } from '../../store/index.ts';
import { html, type SafeHtml } from '../html.ts';

/** Chart size in CSS pixels. */
export interface SparklineSize {
  width: number;
  height: number;
}

/** Returns the bar chart of `days` (oldest first); an all-zero series draws only the baseline. */
export function renderSparkline(days: readonly DayCount[], size: SparklineSize = { width: 120, height: 24 }): SafeHtml {
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const max = days.reduce((m, d) => Math.max(m, d.count), 0);
  const slot = days.length === 0 ? 0 : size.width / days.length;
  const bar = Math.max(1, slot - 1);
  const bars =
    max === 0
      ? []
      : days.map((d, i) => {
          const h = d.count === 0 ? 0 : Math.max(1, Math.round((d.count / max) * (size.height - 1) * 10) / 10);
          return html`<rect x="${round(i * slot)}" y="${round(size.height - 1 - h)}" width="${round(bar)}" height="${h}"><title>${d.day}: ${d.count}</title></rect>`;
        });
  const label = `${total} articles in ${days.length} days${max > 0 ? `, at most ${max} a day` : ''}`;
  return html`<svg class="sparkline" data-testid="sparkline" data-total="${total}" data-max="${max}" width="${size.width}" height="${size.height}" viewBox="0 0 ${size.width} ${size.height}" role="img" aria-label="${label}" xmlns="http://www.w3.org/2000/svg"><title>${label}</title><line x1="0" y1="${size.height - 0.5}" x2="${size.width}" y2="${size.height - 0.5}" stroke-width="1"/>${bars}</svg>`;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
