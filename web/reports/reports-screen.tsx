import { useState } from 'react';
import { useSession } from '@web/auth/session.tsx';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { Layout } from '@web/components/layout.tsx';
import { useLoad } from '@web/components/use-load.ts';
import { BarChart } from '@web/reports/bar-chart.tsx';
import { DrillDown } from '@web/reports/drill-down.tsx';
import { ExportPanel } from '@web/reports/export-panel.tsx';
import { ReportFiltersForm } from '@web/reports/report-filters.tsx';
import { ReportTable } from '@web/reports/report-table.tsx';
import { reportsApi, type ReportFilters, type ReportRow } from '@web/reports/reports-api.ts';
import { formatBRL } from '@shared/money.ts';
import type { ProtocolStatus } from '@shared/protocol/lifecycle.ts';
import type { ReportGrouping } from '@shared/reports.ts';
import { localDate } from '@shared/time.ts';

const BACK_OFFICE = new Set(['backOffice', 'admin']);

/** The drill-down filters of a table row: the row's group becomes one more filter. */
function rowFilters(filters: ReportFilters, groupBy: ReportGrouping, row: ReportRow) {
  switch (groupBy) {
    case 'day':
      return { ...filters, day: row.key };
    case 'agency':
      return { ...filters, agencyId: row.key };
    case 'client':
      return { ...filters, clientId: row.key };
    case 'service':
      return { ...filters, serviceId: row.key };
    case 'attendant':
      return { ...filters, attendantId: row.key };
    case 'status':
      return { ...filters, status: row.key as ProtocolStatus };
    case 'modality':
      return { ...filters, modality: row.key as 'cash' | 'invoiced' };
  }
}

/** "Relatórios": attendances of a period, as a table, charts, drill-down and exports. */
export function ReportsScreen() {
  const { staff } = useSession();
  const today = localDate(new Date());
  const [filters, setFilters] = useState<ReportFilters>({
    from: `${today.slice(0, 8)}01`,
    to: today,
  });
  const [groupBy, setGroupBy] = useState<ReportGrouping>('day');
  const [drill, setDrill] = useState<{ row: ReportRow; round: number } | null>(null);
  const reports = useLoad(async () => {
    const [table, day, service, agency] = await Promise.all([
      reportsApi.report(filters, groupBy),
      reportsApi.report(filters, 'day'),
      reportsApi.report(filters, 'service'),
      reportsApi.report(filters, 'agency'),
    ]);

    return { table, day, service, agency };
  }, [filters, groupBy]);
  const canChooseAgency = BACK_OFFICE.has(staff.role);
  const data = reports.data;

  return (
    <Layout title="Relatórios" system="STER">
      <p className="muted">
        {canChooseAgency
          ? 'Atendimentos de todas as agências.'
          : `Atendimentos da sua agência${staff.agency ? `, ${staff.agency.name}` : ''}.`}{' '}
        Dias no horário de Brasília; valores capturados em cada protocolo.
      </p>
      <ReportFiltersForm
        initial={filters}
        groupBy={groupBy}
        canChooseAgency={canChooseAgency}
        error={reports.error}
        onApply={(next, grouping) => {
          setDrill(null);
          setFilters(next);
          setGroupBy(grouping);
        }}
      />
      <ErrorMessage error={reports.error} onRetry={reports.reload} />
      {reports.loading && <p role="status">Carregando relatório…</p>}
      {data && (
        <>
          <dl className="report-totals" aria-label="Totais do período">
            <div>
              <dt>Atendimentos</dt>
              <dd>{data.table.totals.attendances}</dd>
            </div>
            <div>
              <dt>Valor</dt>
              <dd>{formatBRL(data.table.totals.amountCents)}</dd>
            </div>
            <div>
              <dt>Realizado (finalizados)</dt>
              <dd>{formatBRL(data.table.totals.finalisedAmountCents)}</dd>
            </div>
          </dl>
          <ReportTable
            report={data.table}
            canDrillDown={(row) => row.key !== 'none'}
            onDrillDown={(row) => setDrill({ row, round: (drill?.round ?? 0) + 1 })}
          />
          {drill && (
            <DrillDown
              key={`${drill.row.key}-${drill.round}`}
              title={drill.row.label}
              filters={rowFilters(filters, data.table.groupBy, drill.row)}
              onClose={() => setDrill(null)}
            />
          )}
          <div className="charts">
            <BarChart title="Atendimentos por dia" rows={data.day.rows} />
            <BarChart title="Atendimentos por serviço" rows={data.service.rows} maxBars={15} />
            <BarChart title="Atendimentos por agência" rows={data.agency.rows} maxBars={15} />
          </div>
          <ExportPanel filters={filters} groupBy={groupBy} />
        </>
      )}
    </Layout>
  );
}
