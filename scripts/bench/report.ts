export type Row = [measure: string, value: string, aim: string];

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

export const count = (value: number) => integer.format(value);
export const ms = (value: number) => `${decimal.format(value)} ms`;
export const percent = (value: number) => `${integer.format(value * 100)} %`;

/** A plain-text table with a header rule, columns padded to their widest cell. */
export function table(header: Row, rows: Row[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) =>
    Math.max(...all.map((row) => (row[column] ?? '').length)),
  );
  const line = (row: Row) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;

  return [line(header), rule, ...rows.map(line)].join('\n');
}
