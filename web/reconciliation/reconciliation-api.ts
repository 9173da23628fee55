import { api } from '@web/api/client.ts';
import type { Cents } from '@shared/money.ts';

export type DayClose = {
  agency: { id: string; code: string; name: string };
  date: string;
  rows: {
    registration: string | null;
    name: string | null;
    till: string | null;
    count: number;
    totalCents: Cents;
    reversedCount: number;
    reversedCents: Cents;
  }[];
  totals: { count: number; totalCents: Cents; reversedCents: Cents; netCents: Cents };
  closed: { closedAt: string; closedByLabel: string; totalCents: Cents } | null;
};

export type Difference = {
  id: string;
  kind: string;
  status: 'open' | 'explained' | 'resolved';
  protocolCode: string | null;
  reference: string;
  sterCents: Cents | null;
  reportedCents: Cents | null;
  source: string;
  businessDate: string | null;
  agencyName: string | null;
  notes: { note: string; resolution: string | null; authorLabel: string; createdAt: string }[];
};

export type Agency = { id: string; code: string; name: string };

const withAgency = (agencyId: string) => (agencyId ? { agencyId } : {});

export const reconciliationApi = {
  agencies: () => api.get<{ agencies: Agency[] }>('/api/v1/backoffice/agencies?limit=100'),
  dayClose: (date: string, agencyId: string) =>
    api.get<DayClose>(
      `/api/v1/day-close?date=${date}${agencyId ? `&agencyId=${encodeURIComponent(agencyId)}` : ''}`,
    ),
  closeDay: (date: string, agencyId: string) =>
    api.post<DayClose>('/api/v1/day-close', { date, ...withAgency(agencyId) }),
  importCounterFile: (date: string, agencyId: string, content: string) =>
    api.post<{ replayed: boolean; differences: Difference[] }>(
      '/api/v1/reconciliation/counter-files',
      { date, content, ...withAgency(agencyId) },
    ),
  importErpFile: (content: string) =>
    api.post<{ replayed: boolean; differences: Difference[] }>('/api/v1/reconciliation/erp-files', {
      content,
    }),
  differences: (status: string) =>
    api.get<{ differences: Difference[] }>(
      `/api/v1/reconciliation/differences${status ? `?status=${status}` : ''}`,
    ),
  addNote: (id: string, note: string, resolution?: 'explained' | 'resolved') =>
    api.post<{ difference: Difference }>(`/api/v1/reconciliation/differences/${id}/notes`, {
      note,
      ...(resolution ? { resolution } : {}),
    }),
};

export const DIFFERENCE_LABELS: Record<string, string> = {
  absentAtCounter: 'Finalizado no STER, ausente no balcão',
  unknownInSter: 'No arquivo, desconhecido no STER',
  notFinalisedInSter: 'No arquivo, não finalizado no STER',
  amountDiffers: 'Valores diferentes',
  billedTwice: 'Faturado duas vezes',
  billedNever: 'Nunca faturado',
};

export const DIFFERENCE_STATUS: Record<string, string> = {
  open: 'Aberta',
  explained: 'Justificada',
  resolved: 'Resolvida',
};
