import { api } from '@web/api/client.ts';
import type { Cents } from '@shared/money.ts';

/** The billing API's answers, as the billing screens use them. */
export type BillingContract = {
  id: string;
  number: string;
  modality: string;
  billingPeriod: 'monthly' | 'fortnightly';
  clientName: string;
};

export type StatementSummary = {
  id: string;
  number: string;
  status: 'draft' | 'issued';
  periodStart: string;
  periodEnd: string;
  totalCents: Cents;
  lineCount: number;
  contractNumber: string;
  clientName: string;
  issuedAt: string | null;
  acknowledged: boolean | null;
};

export type StatementLine = {
  lineNumber: number;
  kind: 'charge' | 'credit';
  protocolCode: string;
  serviceCode: string;
  serviceName: string;
  itemKind: string;
  description: string;
  occurredOn: string;
  agencyName: string | null;
  quantity: number;
  unitCents: Cents;
  totalCents: Cents;
};

export type Statement = StatementSummary & {
  client: { name: string; cnpj: string };
  contract: { number: string; billingPeriod: string };
  chargeCents: Cents;
  creditCents: Cents;
  issuedBy: string | null;
  totalsByService: {
    serviceCode: string;
    serviceName: string;
    protocolCount: number;
    totalCents: Cents;
  }[];
  lines: StatementLine[];
};

export type DeliveryLog = {
  deliveries: {
    id: number;
    status: string;
    attempts: number;
    lastError: string | null;
    lastAttemptAt: string | null;
    deliveredAt: string | null;
  }[];
  acknowledgements: {
    accepted: boolean;
    erpReference: string | null;
    message: string | null;
    receivedAt: string;
  }[];
};

const statementUrl = (id: string) => `/api/v1/billing/statements/${encodeURIComponent(id)}`;

export const billingApi = {
  contracts: () => api.get<{ contracts: BillingContract[] }>('/api/v1/billing/contracts'),
  statements: () => api.get<{ statements: StatementSummary[] }>('/api/v1/billing/statements'),
  generate: (contractId: string, day?: string) =>
    api.post<Statement>('/api/v1/billing/statements', { contractId, ...(day ? { day } : {}) }),
  statement: (id: string) => api.get<Statement>(statementUrl(id)),
  issue: (id: string, idempotencyKey: string) =>
    api.post<Statement>(`${statementUrl(id)}/issue`, undefined, { idempotencyKey }),
  deliveries: (id: string) => api.get<DeliveryLog>(`${statementUrl(id)}/deliveries`),
  replay: (id: string, deliveryId: number) =>
    api.post<DeliveryLog>(`${statementUrl(id)}/deliveries/${deliveryId}/replay`),
  csvUrl: (id: string) => `${statementUrl(id)}/statement.csv`,
  jsonUrl: (id: string) => `${statementUrl(id)}/statement.json`,
};
