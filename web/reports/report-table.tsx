import type { Report, ReportRow } from '@web/reports/reports-api.ts';
import { formatBRL } from '@shared/money.ts';
import { REPORT_GROUPING_LABELS } from '@shared/reports.ts';

export type ReportTableProps = {
  report: Report;
  /** Opens the protocols behind a row; absent for rows that cannot be filtered (no agency). */
  onDrillDown: (row: ReportRow) => void;
  canDrillDown: (row: ReportRow) => boolean;
};

/** The report's figures: one row per group, the totals in the footer. */
export function ReportTable({ report, onDrillDown, canDrillDown }: ReportTableProps) {
  const { totals } = report;

  return (
    <table className="grid report-table">
      <caption>Atendimentos por {REPORT_GROUPING_LABELS[report.groupBy].toLowerCase()}</caption>
      <thead>
        <tr>
          <th scope="col">{REPORT_GROUPING_LABELS[report.groupBy]}</th>
          <th scope="col" className="number">
            Atendimentos
          </th>
          <th scope="col" className="number">
            Valor
          </th>
          <th scope="col" className="number">
            Finalizados
          </th>
          <th scope="col" className="number">
            Realizado
          </th>
          <th scope="col">Protocolos</th>
        </tr>
      </thead>
      <tbody>
        {report.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td className="number">{row.attendances}</td>
            <td className="number">{formatBRL(row.amountCents)}</td>
            <td className="number">{row.finalisedAttendances}</td>
            <td className="number">{formatBRL(row.finalisedAmountCents)}</td>
            <td>
              {row.attendances > 0 && canDrillDown(row) ? (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => onDrillDown(row)}
                  aria-label={`Ver protocolos de ${row.label}`}
                >
                  Ver protocolos
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td className="number">{totals.attendances}</td>
          <td className="number">{formatBRL(totals.amountCents)}</td>
          <td className="number">{totals.finalisedAttendances}</td>
          <td className="number">{formatBRL(totals.finalisedAmountCents)}</td>
          <td />
        </tr>
      </tfoot>
    </table>
  );
}
