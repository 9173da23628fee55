import { api } from '@web/api/client.ts';

export type Credential = {
  id: string;
  mode: 'live' | 'sandbox';
  tokenHint: string;
  createdAt: string;
  revokedAt: string | null;
};

export type Partner = {
  id: string;
  clientId: string;
  clientName: string;
  name: string;
  confirmationUrl: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
};

export type PartnerDetail = Partner & { credentials: Credential[]; webhookSecret: string };

export type Attempt = {
  attemptedAt: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
};

export type Delivery = {
  id: number;
  protocolCode: string;
  subscriber: string;
  toStatus: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  attemptLog: Attempt[];
};

export type PartnerChange = {
  id: number;
  entity: 'partner' | 'partnerCredential' | 'partnerServiceHook';
  entityId: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  actorLabel: string;
  occurredAt: string;
};

export type ServiceHook = {
  serviceId: string;
  serviceCode: string;
  serviceName: string;
  solution: 'clientSite' | 'hostedForm';
  validationUrl: string | null;
  submissionUrl: string | null;
};

type HookUrls = { validationUrl: string | null; submissionUrl: string | null };

const base = (id: string) => `/api/v1/backoffice/partners/${encodeURIComponent(id)}`;

/** The back-office calls of the partner screens. */
export const partnersApi = {
  list: () => api.get<{ partners: Partner[] }>('/api/v1/backoffice/partners'),
  clients: () =>
    api.get<{ clients: { id: string; code: string; name: string }[] }>(
      '/api/v1/backoffice/clients?limit=100',
    ),
  create: (input: { clientId: string; name: string; confirmationUrl?: string }) =>
    api.post<{ partner: PartnerDetail }>('/api/v1/backoffice/partners', input),
  get: (id: string) => api.get<{ partner: PartnerDetail }>(base(id)),
  update: (id: string, patch: { confirmationUrl?: string | null; active?: boolean }) =>
    api.patch<{ partner: PartnerDetail }>(base(id), patch),
  rotateSecret: (id: string) =>
    api.post<{ partner: PartnerDetail }>(`${base(id)}/webhook-secret/rotate`),
  issue: (id: string, mode: Credential['mode']) =>
    api.post<{ credential: Credential; token: string }>(`${base(id)}/credentials`, { mode }),
  rotate: (id: string, credentialId: string) =>
    api.post<{ credential: Credential; token: string }>(
      `${base(id)}/credentials/${encodeURIComponent(credentialId)}/rotate`,
    ),
  revoke: (id: string, credentialId: string) =>
    api.post<{ partner: PartnerDetail }>(
      `${base(id)}/credentials/${encodeURIComponent(credentialId)}/revoke`,
    ),
  deliveries: (id: string, protocol?: string) =>
    api.get<{ deliveries: Delivery[] }>(
      `${base(id)}/deliveries${protocol ? `?protocol=${encodeURIComponent(protocol)}` : ''}`,
    ),
  replay: (id: string, deliveryId: number) =>
    api.post<{ replayed: boolean }>(`${base(id)}/deliveries/${deliveryId}/replay`),
  hooks: (id: string) => api.get<{ services: ServiceHook[] }>(`${base(id)}/services`),
  setHook: (id: string, serviceId: string, urls: HookUrls) =>
    api.put<{ services: ServiceHook[] }>(
      `${base(id)}/services/${encodeURIComponent(serviceId)}`,
      urls,
    ),
  changes: (id: string) => api.get<{ changes: PartnerChange[] }>(`${base(id)}/changes`),
};
