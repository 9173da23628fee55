import { useId } from 'react';
import type { ReportRow } from '@web/reports/reports-api.ts';

export type BarChartProps = { title: string; rows: ReportRow[]; maxBars?: number };

const LABEL_WIDTH = 190;
const BAR_SPACE = 300;
const ROW = 20;

/**
 * Horizontal bars of attendances, hand-drawn in SVG: the figure has a title and a description
 * for screen readers, each bar its own `<title>`, and every figure is also written beside it
 * (the data table below the charts holds the same numbers).
 */
export function BarChart({ title, rows, maxBars = 31 }: BarChartProps) {
  const id = useId();
  const shown = rows.slice(0, maxBars);
  const largest = Math.max(1, ...shown.map((row) => row.attendances));
  const height = Math.max(ROW, shown.length * ROW);
  const summary = shown.map((row) => `${row.label}: ${row.attendances}`).join('; ');

  return (
    <figure className="chart">
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {shown.length === 0 ? (
        <p className="empty">Nenhum atendimento no período.</p>
      ) : (
        <svg
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          width="100%"
          viewBox={`0 0 ${LABEL_WIDTH + BAR_SPACE + 60} ${height}`}
          preserveAspectRatio="xMinYMin meet"
        >
          <desc id={`${id}-desc`}>{`Atendimentos por grupo. ${summary}.`}</desc>
          {shown.map((row, index) => {
            const width = (row.attendances / largest) * BAR_SPACE;
            const y = index * ROW;

            return (
              <g key={row.key}>
                <title>{`${row.label}: ${row.attendances} atendimento(s)`}</title>
                <text x={LABEL_WIDTH - 6} y={y + 14} textAnchor="end" className="chart-label">
                  {row.label.length > 30 ? `${row.label.slice(0, 29)}…` : row.label}
                </text>
                <rect
                  x={LABEL_WIDTH}
                  y={y + 3}
                  width={Math.max(width, 1)}
                  height={ROW - 6}
                  className="chart-bar"
                />
                <text x={LABEL_WIDTH + width + 4} y={y + 14} className="chart-value">
                  {row.attendances}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
