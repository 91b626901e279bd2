/** Prints Markdown tables (they paste into docs/benchmarks.md as they are) and formats their numbers. */

/** A Markdown table with padded columns; the first column left-aligned, the others right-aligned. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length), 3),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join(' | ')} |`;
  const rule = `| ${widths.map((width, column) => (column === 0 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`;
  return [line(header), rule, ...rows.map((row) => line(header.map((_, column) => row[column] ?? '')))].join(
    '\n',
  );
}

/** A number with a thousands separator and `digits` decimals; `–` for NaN. */
export function num(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** How many times `value` is of `baseline`, as `2.2×`. */
export function ratio(value: number, baseline: number): string {
  return Number.isFinite(value / baseline) ? `${(value / baseline).toFixed(2)}×` : '–';
}

/** `{ '429': 3, network: 1 }` as `429: 3, network: 1`, or `0`. */
export function counts(errors: Readonly<Record<string, number>>): string {
  const entries = Object.entries(errors).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? '0' : entries.map(([kind, n]) => `${kind}: ${n}`).join(', ');
}
