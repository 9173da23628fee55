import { backofficeApi } from '@web/backoffice/backoffice-api.ts';
import type { FormDefinition } from '@shared/forms/form-definition.ts';

export type FormVersion = {
  id: string;
  version: number;
  status: 'draft' | 'published';
  definition: FormDefinition;
  createdAt: string;
  publishedAt: string | null;
};

export type ServiceForms = { draft: FormVersion | null; published: FormVersion[] };

const base = (serviceId: string) => `/services/${serviceId}/forms`;

/** The form versions of one service: the editable draft and the frozen published ones. */
export const formsApi = {
  list: (serviceId: string) => backofficeApi.list<ServiceForms>(base(serviceId), { limit: '100' }),
  saveDraft: (serviceId: string, definition: FormDefinition) =>
    backofficeApi.put<{ draft: FormVersion }>(`${base(serviceId)}/draft`, { definition }),
  discardDraft: (serviceId: string) =>
    backofficeApi.remove<{ draft: null }>(`${base(serviceId)}/draft`),
  publish: (serviceId: string) =>
    backofficeApi.post<{ form: FormVersion }>(`${base(serviceId)}/draft/publish`),
  restore: (serviceId: string, version: number) =>
    backofficeApi.post<{ draft: FormVersion }>(`${base(serviceId)}/versions/${version}/restore`),
};
