import { api } from '@web/api/client.ts';

/** A page of a server-side list, as every back-office list answers it. */
export type Page = { limit: number; offset: number; total: number };

export type Versioned = { id: string; version: number };

export type PageQuery = Record<string, string | undefined>;

/** `?a=1&b=2`, leaving out empty filters. */
export function queryString(query: PageQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') {
      params.set(key, value);
    }
  }
  const text = params.toString();

  return text ? `?${text}` : '';
}

export const BACKOFFICE = '/api/v1/backoffice';

/** The calls of the back-office screens; lists take their filters and page as query strings. */
export const backofficeApi = {
  list: <T>(path: string, query: PageQuery) =>
    api.get<T>(`${BACKOFFICE}${path}${queryString(query)}`),
  get: <T>(path: string) => api.get<T>(`${BACKOFFICE}${path}`),
  create: <T>(path: string, body: unknown) => api.post<T>(`${BACKOFFICE}${path}`, body),
  update: <T>(path: string, body: unknown, version: number | undefined) =>
    api.patch<T>(`${BACKOFFICE}${path}`, body, { ifMatch: version }),
  post: <T>(path: string, body?: unknown) => api.post<T>(`${BACKOFFICE}${path}`, body),
  put: <T>(path: string, body: unknown) => api.put<T>(`${BACKOFFICE}${path}`, body),
  remove: <T>(path: string) => api.delete<T>(`${BACKOFFICE}${path}`),
};

export type Client = Versioned & {
  code: string;
  name: string;
  cnpj: string;
  kind: string;
  active: boolean;
};

export type Contract = Versioned & {
  clientId: string;
  number: string;
  adminCode: string;
  postalCard: string;
  modality: string;
  allowsAssociatedItems: boolean;
  validFrom: string;
  validTo: string | null;
  active: boolean;
};

export type Service = Versioned & {
  clientId: string;
  contractId: string;
  code: string;
  name: string;
  description: string;
  solution: string;
  clientSiteUrl: string | null;
  attendanceTypes: string[];
  agencyKinds: string[];
  agencyIds: string[];
  preAttendanceExpiryDays: number;
  active: boolean;
};

export type Tariff = Versioned & {
  serviceId: string;
  contractId: string;
  amountCents: number;
  validFrom: string;
  validTo: string | null;
  inUse: boolean;
};

export type AssociatedItem = Versioned & {
  serviceId: string;
  code: string;
  description: string;
  unitAmountCents: number;
  quantity: number;
  active: boolean;
};

export type Agency = Versioned & {
  code: string;
  name: string;
  kind: string;
  city: string;
  state: string;
  active: boolean;
};

export type StaffMember = Versioned & {
  registration: string;
  name: string;
  role: string;
  agencyId: string | null;
  active: boolean;
};
