import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  counterReference,
  CPFS,
  createPending,
  inPersonBody,
  licensingFormData,
  prizeAttendanceBody,
  serviceId,
  STAFF,
  type Api,
} from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

const at = (code: string, action: string) => `/api/v1/counter/protocols/${code}/${action}`;

// Creation and the counter's transitions answer from the rows they wrote and hold locked rather
// than reading them back: what they answer must be what a later read shows.
describe('answers of writes, against the protocol read back', () => {
  let t: TestApp;
  let api: Api;
  let cpfService: string;
  let prizeService: string;
  let licensingService: string;

  const readBack = async (code: string) => {
    const found = (await api.post('/api/v1/protocols/search', { code })).json().protocols;
    expect(found).toHaveLength(1);

    return found[0];
  };

  beforeAll(async () => {
    t = await createTestApp();
    api = apiAs(t, await t.signIn(STAFF.esmeralda));
    cpfService = await serviceId(api, 'RFB', '20101');
    prizeService = await serviceId(api, 'BRASILCAP', '10102');
    licensingService = await serviceId(api, 'DETRANGO', '50101');
  });
  afterAll(() => t.close());

  it('answers an in-person attendance as it is read back, cash and invoiced', async () => {
    for (const body of [
      inPersonBody({ serviceId: cpfService, document: CPFS[1] }),
      prizeAttendanceBody(prizeService),
    ]) {
      const created = await api.post('/api/v1/attendances/in-person', body);
      expect(created.statusCode).toBe(201);
      const { protocol } = created.json();
      expect(protocol).toEqual(await readBack(protocol.code));
    }
  });

  it('answers a virtual attendance and a pre-attendance as they are read back', async () => {
    const virtual = await api.post('/api/v1/attendances/virtual', {
      serviceId: licensingService,
      citizen: { document: CPFS[2], name: 'Carlos Souza' },
      formData: licensingFormData(),
    });
    expect(virtual.statusCode).toBe(201);
    expect(virtual.json().protocol).toEqual(await readBack(virtual.json().protocol.code));

    const pre = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/pre-attendances',
      payload: {
        serviceId: cpfService,
        citizen: { document: CPFS[3], name: 'Ana Lima' },
        formData: inPersonBody({ serviceId: cpfService }).formData,
      },
    });
    expect(pre.statusCode).toBe(201);
    expect(pre.json().protocol).toEqual(await readBack(pre.json().protocol.code));
  });

  it('answers generate, finalise, reverse and cancel as they are read back', async () => {
    const code = await createPending(api, { serviceId: cpfService });
    const before = await readBack(code);
    const sale = (await api.post(at(code, 'generate'))).json().sale;
    expect(sale.protocolCode).toBe(code);
    expect(sale.lines.length).toBeGreaterThan(0);
    expect(await readBack(code)).toEqual(before);

    const finalised = await api.post(at(code, 'finalise'), counterReference());
    expect(finalised.statusCode).toBe(200);
    const receipt = (await api.get(at(code, 'receipt'))).json();
    expect(finalised.json()).toEqual(receipt);
    expect(finalised.json().receipt.lines).toEqual(sale.lines);

    const reversed = await api.post(at(code, 'reverse'), { reason: 'erro de caixa' });
    expect(reversed.statusCode).toBe(200);
    expect(reversed.json().protocol).toEqual(await readBack(code));

    const other = await createPending(api, { serviceId: cpfService });
    const cancelled = await api.post(at(other, 'cancel'), { reason: 'citizenGaveUp' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().protocol).toEqual(await readBack(other));
  });

  it('names the protocol that already holds the counter references', async () => {
    const first = await createPending(api, { serviceId: cpfService });
    const second = await createPending(api, { serviceId: cpfService });
    const reference = counterReference();
    expect((await api.post(at(first, 'finalise'), reference)).statusCode).toBe(200);

    const taken = await api.post(at(second, 'finalise'), reference);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'CONFLICT' });
    expect(taken.json().error.message).toContain(first);
    expect((await readBack(second)).status).toBe('pending');
  });
});
