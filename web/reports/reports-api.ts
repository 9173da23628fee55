import { api } from '@web/api/client.ts';
import type { ProtocolStatus } from '@shared/protocol/lifecycle.ts';
import type { ReportGrouping } from '@shared/reports.ts';

export type ReportFilters = {
  from: string;
  to: string;
  agencyId?: string;
  clientId?: string;
  serviceId?: string;
  attendantId?: string;
  status?: ProtocolStatus;
  modality?: 'cash' | 'invoiced';
};

export type Figures = {
  attendances: number;
  amountCents: number;
  finalisedAttendances: number;
  finalisedAmountCents: number;
};

export type ReportRow = Figures & { key: string; label: string };

export type Report = {
  period: { from: string; to: string };
  groupBy: ReportGrouping;
  agency: { id: string; code: string; name: string } | null;
  totals: Figures;
  rows: ReportRow[];
};

export type DrillDownProtocol = {
  code: string;
  createdAt: string;
  statusLabel: string;
  status: ProtocolStatus;
  modality: 'cash' | 'invoiced';
  citizenDocument: string;
  client: string;
  service: string;
  agency: string | null;
  attendant: string | null;
  totalCents: number;
};

export type ExportJob = {
  id: string;
  format: 'csv' | 'xlsx' | 'pdf';
  status: 'queued' | 'running' | 'done' | 'failed';
  rowsTotal: number;
  rowsDone: number;
  fileName: string | null;
  error: string | null;
  downloadUrl: string | null;
};

function query(values: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value) params.set(name, value);
  }

  return params.toString();
}

/** The calls of the "Relatórios" screen. */
export const reportsApi = {
  report: (filters: ReportFilters, groupBy: ReportGrouping) =>
    api.get<Report>(`/api/v1/reports/attendances?${query({ ...filters, groupBy })}`),
  protocols: (filters: ReportFilters & { day?: string }, cursor?: string) =>
    api.get<{ protocols: DrillDownProtocol[]; nextCursor: string | null }>(
      `/api/v1/reports/attendances/protocols?${query({ ...filters, cursor, limit: '50' })}`,
    ),
  requestExport: (filters: ReportFilters, groupBy: ReportGrouping, format: ExportJob['format']) =>
    api.post<{ export: ExportJob }>('/api/v1/reports/exports', { ...filters, groupBy, format }),
  exportStatus: (id: string) =>
    api.get<{ export: ExportJob }>(`/api/v1/reports/exports/${encodeURIComponent(id)}`),
  agencies: () =>
    api.get<{ agencies: { id: string; code: string; name: string }[] }>(
      '/api/v1/backoffice/agencies?limit=100',
    ),
  attendants: (agencyId?: string) =>
    api.get<{ attendants: { id: string; label: string }[] }>(
      `/api/v1/reports/attendants?${query({ agencyId })}`,
    ),
  clients: () => api.get<{ clients: { id: string; name: string }[] }>('/api/v1/clients'),
  services: (clientId: string) =>
    api.get<{ services: { id: string; code: string; name: string }[] }>(
      `/api/v1/clients/${encodeURIComponent(clientId)}/services`,
    ),
};
