import type { ReportFilters } from '@server/modules/reports/reports.filters.ts';
import type { presentRow } from '@server/modules/reports/reports.service.ts';
import type { ReportGrouping } from '@shared/reports.ts';
import { MODALITY_LABELS, REPORT_GROUPING_LABELS } from '@shared/reports.ts';
import { formatDate, formatDateTime } from '@shared/time.ts';

export type ExportProtocol = ReturnType<typeof presentRow>;

/** The report an export starts with: its grouping, rows and totals. */
export type ExportSummary = {
  title: string;
  filters: ReportFilters;
  groupBy: ReportGrouping;
  totals: { attendances: number; amountCents: number; finalisedAmountCents: number };
  rows: { label: string; attendances: number; amountCents: number; finalisedAmountCents: number }[];
};

/** Writes one file format; rows arrive a page at a time, newest protocol first. */
export type ExportWriter = {
  rows: (rows: readonly ExportProtocol[]) => Promise<void>;
  end: () => Promise<void>;
};

/** The protocol columns of every export, in order; amounts are centavos. */
export const PROTOCOL_COLUMNS = [
  'Protocolo',
  'Data e hora',
  'Situação',
  'Modalidade',
  'Cliente',
  'Serviço',
  'Agência',
  'Atendente',
  'CPF/CNPJ',
  'Valor (R$)',
] as const;

export const SUMMARY_COLUMNS = ['Atendimentos', 'Valor (R$)', 'Realizado (R$)'] as const;

export function protocolCells(row: ExportProtocol) {
  return [
    row.code,
    formatDateTime(row.createdAt),
    row.statusLabel,
    MODALITY_LABELS[row.modality as keyof typeof MODALITY_LABELS] ?? row.modality,
    row.client,
    row.service,
    row.agency ?? 'Internet',
    row.attendant ?? '',
    row.citizenDocument,
  ] as const;
}

/** "Período 01/12/2026 a 31/12/2026 · agrupado por Dia". */
export function describePeriod(summary: ExportSummary): string {
  const { from, to } = summary.filters;

  return (
    `Período ${formatDate(from)} a ${formatDate(to)} · ` +
    `agrupado por ${REPORT_GROUPING_LABELS[summary.groupBy]}`
  );
}
