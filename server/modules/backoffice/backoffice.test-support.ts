import { generateCnpj } from '@brazilian-utils/brazilian-utils';
import type { LightMyRequestResponse } from 'fastify';
import type { FormDefinition } from '@shared/forms/form-definition.ts';
import { apiAs, STAFF, type Api } from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

/** `apiAs` plus the verbs the back office uses to change records. */
export type BackOfficeApi = Api & {
  patch: (
    url: string,
    payload: unknown,
    extra?: Record<string, string>,
  ) => Promise<LightMyRequestResponse>;
  put: (url: string, payload: unknown) => Promise<LightMyRequestResponse>;
  delete: (url: string) => Promise<LightMyRequestResponse>;
};

export function backOfficeApi(t: TestApp, token: string): BackOfficeApi {
  const headers = { authorization: `Bearer ${token}` };

  return {
    ...apiAs(t, token),
    patch: (url, payload, extra = {}) =>
      t.app.inject({
        method: 'PATCH',
        url,
        headers: { ...headers, ...extra },
        payload: payload as object,
      }),
    put: (url, payload) =>
      t.app.inject({ method: 'PUT', url, headers, payload: payload as object }),
    delete: (url) => t.app.inject({ method: 'DELETE', url, headers }),
  };
}

/** A fresh application and the back-office user 90000001 signed in on it. */
export async function openBackOffice(): Promise<{ t: TestApp; api: BackOfficeApi }> {
  const t = await createTestApp();

  return { t, api: backOfficeApi(t, await t.signIn(STAFF.backOffice)) };
}

let sequence = 0;

/** A number no other record of this test run has: codes, contract numbers, item codes. */
export function unique(): string {
  sequence += 1;

  return `${process.pid % 10_000}${String(sequence).padStart(4, '0')}`;
}

export type Created = { id: string } & Record<string, unknown>;

/** The record a creation answered with, failing the test loudly when it was refused. */
export async function created(pending: Promise<LightMyRequestResponse>): Promise<Created> {
  const response = await pending;
  if (response.statusCode !== 201) {
    throw new Error(`creation failed (${response.statusCode}): ${response.body}`);
  }
  const [record] = Object.values(response.json<Record<string, Created>>());

  return record as Created;
}

export const newClient = (api: BackOfficeApi, overrides: object = {}) =>
  created(
    api.post('/api/v1/backoffice/clients', {
      code: `CLI${unique()}`,
      name: 'Seguradora Líder DPVAT',
      cnpj: generateCnpj(),
      kind: 'private',
      ...overrides,
    }),
  );

export const newContract = (api: BackOfficeApi, clientId: string, overrides: object = {}) =>
  created(
    api.post(`/api/v1/backoffice/clients/${clientId}/contracts`, {
      number: `9912${unique()}`,
      adminCode: '12345678',
      postalCard: '0012345678',
      modality: 'cash',
      validFrom: '2026-01-01',
      ...overrides,
    }),
  );

export const newService = (api: BackOfficeApi, contractId: string, overrides: object = {}) =>
  created(
    api.post('/api/v1/backoffice/services', {
      contractId,
      code: unique(),
      name: 'Seguro DPVAT – Aviso de Sinistro',
      solution: 'hostedForm',
      attendanceTypes: ['inPerson'],
      ...overrides,
    }),
  );

/** A client with one contract and one hosted-form service under it. */
export async function newCatalogue(api: BackOfficeApi, service: object = {}) {
  const client = await newClient(api);
  const contract = await newContract(api, client.id);

  return { client, contract, service: await newService(api, contract.id, service) };
}

/** A small valid hosted form: a name, a CPF, and one document to check. */
export function claimForm(label = 'Nome completo'): FormDefinition {
  return {
    sections: [
      {
        id: 'requerente',
        title: 'Requerente',
        fields: [
          { id: 'nome', type: 'text', label, required: true, maxLength: 120 },
          { id: 'cpf', type: 'cpf', label: 'CPF', required: true },
        ],
      },
    ],
    requiredDocuments: [{ id: 'identidade', label: 'Documento de identidade' }],
  };
}

/** Closes a test app and drops its database copy. */
export async function closeApp(t: TestApp) {
  await t.close();
}
