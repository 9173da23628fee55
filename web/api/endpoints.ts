import { api, type RequestOptions } from '@web/api/client.ts';
import type {
  Client,
  HistoryEvent,
  Protocol,
  ProtocolDetail,
  Receipt,
  Sale,
  Service,
  ServiceForm,
  Staff,
} from '@web/api/types.ts';
import type { FormData } from '@shared/forms/form-definition.ts';
import type { CancelReason } from '@shared/protocol/lifecycle.ts';

export type CounterReference = { till: string; entryNumber: string; attendanceNumber: string };

export type Citizen = { document: string; name?: string };

export type InPersonAttendance = {
  serviceId: string;
  citizen: Citizen;
  formData: FormData;
  documentsChecked: string[];
};

const protocolUrl = (code: string) => `/api/v1/protocols/${encodeURIComponent(code)}`;
const counterUrl = (code: string, action: string) =>
  `/api/v1/counter/protocols/${encodeURIComponent(code)}/${action}`;

/** Every call the screens make, one function each, named after what the attendant does. */
export const sterApi = {
  session: () => api.get<{ staff: Staff }>('/api/v1/auth/session'),
  signIn: (registration: string, password: string) =>
    api.post<{ staff: Staff }>('/api/v1/auth/sessions', { registration, password }),
  signOut: () => api.delete<null>('/api/v1/auth/session'),

  clients: (name?: string) =>
    api.get<{ clients: Client[] }>(
      name ? `/api/v1/clients?name=${encodeURIComponent(name)}` : '/api/v1/clients',
    ),
  services: (clientId: string) =>
    api.get<{ services: Service[] }>(`/api/v1/clients/${encodeURIComponent(clientId)}/services`),
  form: (serviceId: string) =>
    api.get<{ form: ServiceForm }>(`/api/v1/services/${encodeURIComponent(serviceId)}/form`),
  clientSiteLink: (serviceId: string) =>
    api.post<{ url: string; expiresAt: string }>(
      `/api/v1/services/${encodeURIComponent(serviceId)}/client-site-link`,
    ),

  attendInPerson: (body: InPersonAttendance, options: RequestOptions) =>
    api.post<{ protocol: Protocol }>('/api/v1/attendances/in-person', body, options),
  complete: (code: string, documentsChecked: string[], options: RequestOptions) =>
    api.post<{ protocol: Protocol }>(
      `${protocolUrl(code)}/complete`,
      { documentsChecked },
      options,
    ),
  search: (query: { code?: string; document?: string }) =>
    api.post<{ protocols: Protocol[] }>('/api/v1/protocols/search', query),
  protocol: (code: string) => api.get<ProtocolDetail>(protocolUrl(code)),
  history: (code: string) => api.get<{ events: HistoryEvent[] }>(`${protocolUrl(code)}/history`),

  pending: (registration?: string) =>
    api.get<{ protocols: Protocol[] }>(
      registration
        ? `/api/v1/counter/pending?registration=${encodeURIComponent(registration)}`
        : '/api/v1/counter/pending',
    ),
  pendingByDocument: (document: string) =>
    api.post<{ protocols: Protocol[] }>('/api/v1/counter/pending/search', { document }),
  generate: (code: string) => api.post<{ sale: Sale }>(counterUrl(code, 'generate')),
  finalise: (code: string, reference: CounterReference, options: RequestOptions) =>
    api.post<{ receipt: Receipt; protocol: Protocol }>(
      counterUrl(code, 'finalise'),
      reference,
      options,
    ),
  cancel: (code: string, reason: CancelReason, options: RequestOptions) =>
    api.post<{ protocol: Protocol }>(counterUrl(code, 'cancel'), { reason }, options),
  reverse: (code: string, reason: string, options: RequestOptions) =>
    api.post<{ protocol: Protocol }>(counterUrl(code, 'reverse'), { reason }, options),
  receipt: (code: string) =>
    api.get<{ receipt: Receipt; protocol: Protocol }>(counterUrl(code, 'receipt')),
};

export const receiptPdfUrl = (code: string) => counterUrl(code, 'receipt.pdf');
