import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '@test/harness.ts';

/** Demo staff (see server/seed/demo-catalogue.ts). */
export const STAFF = {
  esmeralda: '83278281',
  esmeraldaColleague: '83278282',
  esmeraldaSupervisor: '83270001',
  aguaSanta: '81234567',
  goiania: '82345678',
  backOffice: '90000001',
} as const;

/** Valid CPFs that belong to no one in particular. */
export const CPFS = ['12345678909', '52998224725', '11144477735', '39053344705'] as const;

export type Api = {
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ) => Promise<LightMyRequestResponse>;
};

/** Requests as one signed-in staff member (bearer token), or anonymously without a token. */
export function apiAs(t: TestApp, token?: string): Api {
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};

  return {
    get: (url) => t.app.inject({ method: 'GET', url, headers: auth }),
    post: (url, payload, headers = {}) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { ...auth, ...headers },
        ...(payload === undefined ? {} : { payload: payload as object }),
      }),
  };
}

/** The id of a demo service, found the way an attendant finds it: client list, then services. */
export async function serviceId(
  api: Api,
  clientCode: string,
  serviceCode: string,
): Promise<string> {
  const clients = (await api.get('/api/v1/clients')).json<{
    clients: { id: string; code: string }[];
  }>();
  const client = clients.clients.find((candidate) => candidate.code === clientCode);
  if (!client) throw new Error(`client ${clientCode} not offered here`);
  const services = (await api.get(`/api/v1/clients/${client.id}/services`)).json<{
    services: { id: string; code: string }[];
  }>();
  const service = services.services.find((candidate) => candidate.code === serviceCode);
  if (!service) throw new Error(`service ${serviceCode} not offered here`);

  return service.id;
}

/** Answers for the "CPF – Inscrição" hosted form (Receita Federal, service 20101). */
export function cpfFormData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    nome: 'Maria da Silva',
    cpf: '123.456.789-09',
    nascimento: '1990-05-17',
    nomeMae: 'Joana da Silva',
    sexo: 'F',
    eleitor: false,
    cep: '90010-000',
    logradouro: 'Rua dos Andradas, 1000',
    ...overrides,
  };
}

export type AttendanceOverrides = {
  serviceId: string;
  document?: string;
  formData?: Record<string, unknown>;
  documentsChecked?: string[];
  key?: string;
  quantity?: number;
};

export function inPersonBody(overrides: AttendanceOverrides) {
  return {
    serviceId: overrides.serviceId,
    citizen: { document: overrides.document ?? CPFS[0], name: 'Maria da Silva' },
    formData: overrides.formData ?? cpfFormData(),
    documentsChecked: overrides.documentsChecked ?? ['identidade', 'residencia'],
    ...(overrides.quantity ? { quantity: overrides.quantity } : {}),
  };
}

/** Creates a pending in-person protocol and returns its code. */
export async function createPending(api: Api, overrides: AttendanceOverrides): Promise<string> {
  const response = await api.post(
    '/api/v1/attendances/in-person',
    inPersonBody(overrides),
    overrides.key ? { 'idempotency-key': overrides.key } : {},
  );
  if (response.statusCode !== 201) throw new Error(`attendance failed: ${response.body}`);

  return response.json<{ protocol: { code: string } }>().protocol.code;
}

let referenceCounter = 0;

/** Fresh counter references, as SARA would give for each sale. */
export function counterReference() {
  referenceCounter += 1;

  return {
    till: '01',
    entryNumber: String(1000 + referenceCounter),
    attendanceNumber: String(referenceCounter),
  };
}

/** The codes of a protocol list answer, in order. */
export function codesOf(response: LightMyRequestResponse): string[] {
  return response.json<{ protocols: { code: string }[] }>().protocols.map((p) => p.code);
}

/** Starts a pre-attendance on the public page (no sign-in) and returns its code. */
export async function createPreAttendance(
  api: Api,
  overrides: { serviceId: string; document?: string; key?: string },
): Promise<string> {
  const response = await api.post(
    '/api/v1/public/pre-attendances',
    {
      serviceId: overrides.serviceId,
      citizen: { document: overrides.document ?? CPFS[1], name: 'João Pereira' },
      formData: cpfFormData({ nome: 'João Pereira', cpf: overrides.document ?? CPFS[1] }),
    },
    overrides.key ? { 'idempotency-key': overrides.key } : {},
  );
  if (response.statusCode !== 201) throw new Error(`pre-attendance failed: ${response.body}`);

  return response.json<{ protocol: { code: string } }>().protocol.code;
}

/** Answers for DETRAN-GO's licensing form (service 50101), which has no required documents. */
export function licensingFormData(): Record<string, unknown> {
  return { renavam: '12345678901', placa: 'ABC1D23', exercicio: 2026 };
}

/** Creates a virtual (finalised at once) DETRAN-GO licensing protocol and returns its code. */
export async function createVirtual(api: Api, licensingService: string): Promise<string> {
  const response = await api.post('/api/v1/attendances/virtual', {
    serviceId: licensingService,
    citizen: { document: CPFS[2], name: 'Carlos Souza' },
    formData: licensingFormData(),
  });
  if (response.statusCode !== 201) throw new Error(`virtual attendance failed: ${response.body}`);

  return response.json<{ protocol: { code: string } }>().protocol.code;
}

/** Finalises a pending protocol at the counter with fresh references. */
export async function finalisePending(api: Api, code: string): Promise<void> {
  const response = await api.post(`/api/v1/counter/protocols/${code}/finalise`, counterReference());
  if (response.statusCode !== 200) throw new Error(`finalise failed: ${response.body}`);
}

/** An in-person attendance of Brasilcap's prize payment (service 10102, invoiced contract). */
export function prizeAttendanceBody(prizeService: string) {
  return {
    serviceId: prizeService,
    citizen: { document: CPFS[1] },
    formData: {
      nome: 'João Pereira',
      cpf: CPFS[1],
      nascimento: '1980-01-01',
      numeroTitulo: '1234567890',
      valorPremio: '1.000,00',
    },
    documentsChecked: ['identidade', 'titulo'],
  };
}
