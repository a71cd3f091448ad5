/**
 * Plain-text tables and small statistics for benchmark reports: right-aligned numeric columns,
 * a rule under the header, no colours (the output is often pasted into issues and READMEs).
 */

/** Returns the median of a non-empty list of numbers (mean of the middle two when even). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Returns `rows` as aligned text lines: the first column left-aligned, the rest right-aligned. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max([...cell].length, ...rows.map((row) => [...(row[i] ?? '')].length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Returns `value` with a fixed number of decimals, or `–` when it is not a finite number. */
export function formatNumber(value: number | undefined, decimals: number): string {
  return value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(decimals);
}
