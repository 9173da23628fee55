import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  codesOf,
  counterReference,
  CPFS,
  createPending,
  createPreAttendance,
  createVirtual,
  finalisePending,
  serviceId,
  STAFF,
  type Api,
} from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

type Probe = { name: string; send: (api: Api, code: string) => ReturnType<Api['get']> };

/** Every route that takes a protocol code. */
const CODE_ROUTES: Probe[] = [
  { name: 'detail', send: (api, code) => api.get(`/api/v1/protocols/${code}`) },
  { name: 'history', send: (api, code) => api.get(`/api/v1/protocols/${code}/history`) },
  { name: 'generate', send: (api, code) => api.post(`/api/v1/counter/protocols/${code}/generate`) },
  {
    name: 'finalise',
    send: (api, code) => api.post(`/api/v1/counter/protocols/${code}/finalise`, counterReference()),
  },
  {
    name: 'cancel',
    send: (api, code) =>
      api.post(`/api/v1/counter/protocols/${code}/cancel`, { reason: 'operatorError' }),
  },
  {
    name: 'reverse',
    send: (api, code) =>
      api.post(`/api/v1/counter/protocols/${code}/reverse`, { reason: 'Tentativa alheia' }),
  },
  { name: 'receipt', send: (api, code) => api.get(`/api/v1/counter/protocols/${code}/receipt`) },
  {
    name: 'complete',
    send: (api, code) =>
      api.post(`/api/v1/protocols/${code}/complete`, {
        documentsChecked: ['identidade', 'residencia'],
      }),
  },
];

describe('object-level authorization: AC AGUA SANTA cannot reach AC ESMERALDA’s protocols', () => {
  let t: TestApp;
  let esmeralda: Api;
  let aguaSanta: Api;
  let protocols: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    esmeralda = apiAs(t, await t.signIn(STAFF.esmeralda));
    aguaSanta = apiAs(t, await t.signIn(STAFF.aguaSanta));
    const cpfService = await serviceId(esmeralda, 'RFB', '20101');
    const licensing = await serviceId(esmeralda, 'DETRANGO', '50101');

    const pending = await createPending(esmeralda, { serviceId: cpfService, document: CPFS[2] });
    const finalised = await createPending(esmeralda, { serviceId: cpfService, document: CPFS[2] });
    await finalisePending(esmeralda, finalised);
    const cancelled = await createPending(esmeralda, { serviceId: cpfService, document: CPFS[2] });
    await esmeralda.post(`/api/v1/counter/protocols/${cancelled}/cancel`, {
      reason: 'operatorError',
    });
    const completed = await createPreAttendance(apiAs(t), {
      serviceId: cpfService,
      document: CPFS[2],
    });
    await esmeralda.post(`/api/v1/protocols/${completed}/complete`, {
      documentsChecked: ['identidade', 'residencia'],
    });
    const virtual = await createVirtual(esmeralda, licensing);
    protocols = { pending, finalised, cancelled, completed, virtual };
  });
  afterAll(() => t.close());

  it('lets a colleague of the same agency see them (the control case)', async () => {
    const colleague = apiAs(t, await t.signIn(STAFF.esmeraldaColleague));
    for (const name of ['pending', 'finalised', 'cancelled', 'completed'] as const) {
      expect((await colleague.get(`/api/v1/protocols/${protocols[name]}`)).statusCode).toBe(200);
    }
  });

  for (const target of ['pending', 'finalised', 'cancelled', 'completed', 'virtual']) {
    for (const route of CODE_ROUTES) {
      it(`answers 404 PROTOCOL_NOT_FOUND to ${route.name} of a ${target} protocol`, async () => {
        const code = protocols[target] as string;
        const before = (await esmeralda.get(`/api/v1/protocols/${code}/history`)).body;

        const response = await route.send(aguaSanta, code);
        expect(response.statusCode, response.body).toBe(404);
        expect(response.json().error.code).toBe('PROTOCOL_NOT_FOUND');
        expect(response.body).not.toMatch(/ESMERALDA|\*\*\*|Finalizado|Pendente|Cancelado/);
        expect((await esmeralda.get(`/api/v1/protocols/${code}/history`)).body).toBe(before);
      });
    }
  }

  it('finds none of them by code or by CPF', async () => {
    for (const code of Object.values(protocols)) {
      const byCode = await aguaSanta.post('/api/v1/protocols/search', { code });
      expect(byCode.statusCode).toBe(200);
      expect(codesOf(byCode)).toEqual([]);
    }
    const byCpf = await aguaSanta.post('/api/v1/protocols/search', { document: CPFS[2] });
    expect(codesOf(byCpf)).toEqual([]);
  });

  it('lists none of them as pending, by attendant or by CPF', async () => {
    const own = await aguaSanta.get('/api/v1/counter/pending');
    expect(codesOf(own)).toEqual([]);
    const other = await aguaSanta.get(`/api/v1/counter/pending?registration=${STAFF.esmeralda}`);
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain(protocols.pending);
    const byCpf = await aguaSanta.post('/api/v1/counter/pending/search', { document: CPFS[2] });
    expect(codesOf(byCpf)).toEqual([]);
  });

  it('left every protocol as it was', async () => {
    const statuses = await Promise.all(
      Object.values(protocols).map(
        async (code) => (await esmeralda.get(`/api/v1/protocols/${code}`)).json().protocol.status,
      ),
    );
    expect(statuses).toEqual(['pending', 'finalised', 'cancelled', 'pending', 'finalised']);
  });
});
